/**
 * The running bureau: the database, the PII cipher, the jurisdiction profile and the
 * repositories, wired once and shared by the API, the CLI and the demo.
 *
 * @example
 *   const bureau = await openBureau(readConfig(process.env), { warn: console.warn });
 *   await bureau.close();
 */
import { type JurisdictionProfile, jurisdictionProfile } from '../domain/jurisdiction.js';
import type { FurnishDeps } from '../furnish/furnish-batch.js';
import type { FraudEvidenceStore } from '../identity/fraud/ports.js';
import { loadMasterKey } from '../identity/key-store.js';
import { createPiiCipher, type PiiCipher } from '../identity/pii-cipher.js';
import type { IdentityAdminStore } from '../identity/resolution/admin-ports.js';
import type { ReportDeps } from '../report/pull-report.js';
import { createScoreModelSource, type ScoreModelSource } from '../score/bureau/model-source.js';
import type { ScoreModelStore } from '../score/bureau/ports.js';
import { type BatchRepository, createBatchRepository } from '../store/batch-repository.js';
import { type ConsentRepository, createConsentRepository } from '../store/consent-repository.js';
import { createFraudEvidenceStore } from '../store/fraud-evidence-repository.js';
import { createFurnishStore } from '../store/furnish-repository.js';
import { createIdentityAdminStore } from '../store/identity-admin-repository.js';
import { createInstitutionRepository, type InstitutionRepository } from '../store/institution-repository.js';
import {
  createLenderPolicyRepository,
  type LenderPolicyRepository,
} from '../store/lender-policy-repository.js';
import { createMarketRepository, type MarketRepository } from '../store/market-repository.js';
import { migrate } from '../store/migrate.js';
import { type BureauDatabase, openDatabase } from '../store/open-database.js';
import { createReportStore } from '../store/report-store.js';
import { createScoreModelStore } from '../store/score-model-repository.js';
import type { BureauConfig } from './config.js';

export interface Bureau {
  readonly config: BureauConfig;
  readonly database: BureauDatabase;
  readonly cipher: PiiCipher;
  readonly profile: JurisdictionProfile;
  readonly institutions: InstitutionRepository;
  readonly batches: BatchRepository;
  readonly furnishDeps: FurnishDeps;
  readonly consents: ConsentRepository;
  readonly reportDeps: ReportDeps;
  /** Market-wide aggregates (the regulator's overview). */
  readonly market: MarketRepository;
  /** Lenders' own pre-lending policies. */
  readonly policies: LenderPolicyRepository;
  /** The evidence of fraud checks (read with the inquiry it records). */
  readonly fraudEvidence: FraudEvidenceStore;
  /** The bureau score's stored models, and the one reports are scored with (docs/score.md). */
  readonly scoreModels: ScoreModelStore;
  readonly scoreSource: ScoreModelSource;
  /** Identity reviews, merges and splits (docs/identity-resolution.md). */
  readonly identityAdmin: IdentityAdminStore;
  close(): Promise<void>;
}

/** Opens the database, applies pending migrations and loads the key. */
export async function openBureau(
  config: BureauConfig,
  options: { warn: (message: string) => void; database?: BureauDatabase },
): Promise<Bureau> {
  const profile = jurisdictionProfile(config.jurisdiction);
  const { key } = loadMasterKey({ env: process.env, keyFile: config.keyFile, warn: options.warn });
  const cipher = createPiiCipher(key);
  const database =
    options.database ??
    (await openDatabase({
      sqlitePath: config.sqlitePath,
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    }));
  await migrate(database);
  return fromParts(config, database, cipher, profile);
}

/** Wires a bureau from parts already open (tests pass their own store and key). */
export function fromParts(
  config: BureauConfig,
  database: BureauDatabase,
  cipher: PiiCipher,
  profile: JurisdictionProfile,
): Bureau {
  const reportStore = createReportStore(database, cipher);
  const scoreModels = createScoreModelStore(database);
  const scoreSource = createScoreModelSource(scoreModels);
  return {
    config,
    database,
    cipher,
    profile,
    institutions: createInstitutionRepository(database),
    batches: createBatchRepository(database),
    furnishDeps: { store: createFurnishStore(database), cipher, profile },
    consents: createConsentRepository(database),
    reportDeps: { store: reportStore, cipher, profile, score: scoreSource },
    policies: createLenderPolicyRepository(database),
    market: createMarketRepository(database),
    fraudEvidence: createFraudEvidenceStore(database, cipher),
    scoreModels,
    scoreSource,
    identityAdmin: createIdentityAdminStore(database),
    close: () => database.close(),
  };
}
