/**
 * Builds the demo market on an empty bureau through the real furnishing path (never by writing
 * tables): institutions with API keys, then every furnisher's records as batches. The demo keys
 * are kept in a file under the data folder so that every start can print them.
 *
 * @example
 *   const demo = await ensureDemoMarket(bureau, { log: console.log }); // undefined when data exists without demo keys
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { API_KEY_SHOWN_CHARS, generateApiKey, hashApiKey } from '../access/api-keys.js';
import type { Bureau } from '../app/bureau.js';
import { addMonths, todayUtc } from '../domain/calendar.js';
import type { InstitutionKind, InstitutionRole } from '../domain/codes.js';
import { furnishBatch } from '../furnish/furnish-batch.js';
import { splitIntoBatches } from '../furnish/split-batches.js';
import { runFraudCheck } from '../identity/fraud/run-fraud-check.js';
import { personHashes, pullReport } from '../report/pull-report.js';
import { REPORT_LINK_VALIDITY_S, reportLink } from '../report/report-links.js';
import type { LenderPolicy } from '../risk/lender-policy.js';
import { runPrelendingCheck } from '../risk/run-prelending-check.js';
import { DEMO_INSTITUTIONS, demoMarketChunks } from './demo-market.js';
import { buildDemoScore } from './demo-score.js';

export interface DemoKeys {
  institutions: {
    code: string;
    name: string;
    kind: InstitutionKind;
    roles: InstitutionRole[];
    apiKey: string;
  }[];
  showcase: {
    multiLender: { idNumber: string; name: string; lenders: number };
    delinquent: { idNumber: string; name: string };
    /** A member of a planted fraud ring (markets of 1,000 persons or more). */
    fraudRing?: { idNumber: string; name: string };
  };
  stats: {
    persons: number;
    accounts: number;
    monthRecords: number;
    identityRecords: number;
    rejected: number;
    seconds: number;
  };
  /** A report pulled at build time on the multi-lender showcase person, by a bank, with its consent. */
  report?: { lenderCode: string; consentId: string; reportNumber: string };
  /** A pre-lending check of the same person by the same bank, under the bank's demo policy. */
  prelending?: {
    lenderCode: string;
    consentId: string;
    proposal: typeof DEMO_PROPOSAL;
    declaredIncome_fen: number[];
    verdict: string;
    decidedBy: string[];
  };
  /** A fraud check of the ring member by the same bank, with a consent of its own. */
  fraudCheck?: {
    lenderCode: string;
    consentId: string;
    fired: string[];
    /** The member's report, pulled with the same consent: its header carries the anti-fraud warning. */
    reportNumber: string;
    warning: string[];
  };
}

/** The demo bank's own policy: at most 4 lenders once the credit is granted, no current delinquency. */
export const DEMO_LENDER_POLICY: LenderPolicy = {
  maxOpenLenders: 4,
  maxHardInquiries1m: 3,
  noCurrentDelinquency: true,
};
/** What the demo bank is asked to lend the showcase person: RMB 50,000 over 12 months. */
export const DEMO_PROPOSAL = {
  productKind: 'bank_internet_consumer',
  amount_fen: 5_000_000,
  term_months: 12,
  repayment: 'equal_instalment',
} as const;
const DEMO_INCOME_fen = [18_000_000, 16_000_000, 15_000_000];

/** Sets the bank's demo policy and checks the showcase person through the real path (an inquiry). */
async function checkShowcasePerson(bureau: Bureau, demo: DemoKeys): Promise<DemoKeys['prelending']> {
  if (!demo.report) return undefined;
  const lender = await bureau.institutions.findByCode(demo.report.lenderCode);
  if (!lender) return undefined;
  await bureau.policies.put(
    lender.institutionId,
    DEMO_LENDER_POLICY as Record<string, unknown>,
    new Date().toISOString(),
    'demo',
  );
  const person = demo.showcase.multiLender;
  const outcome = await runPrelendingCheck(
    { report: bureau.reportDeps, policyOf: async (id) => (await bureau.policies.get(id))?.policy },
    {
      lender,
      idNumber: person.idNumber,
      name: person.name,
      purpose: '02',
      consentId: demo.report.consentId,
      proposal: DEMO_PROPOSAL,
      declaredIncome_fen: DEMO_INCOME_fen,
    },
  );
  if (!outcome.ok) throw new Error(`demo: the showcase check was refused: ${outcome.refusal}`);
  return {
    lenderCode: lender.code,
    consentId: demo.report.consentId,
    proposal: DEMO_PROPOSAL,
    declaredIncome_fen: DEMO_INCOME_fen,
    verdict: outcome.result.verdict,
    decidedBy: outcome.result.decidedBy,
  };
}

/** Validity of the demo consent (about the longest a consent may be). */
const DEMO_CONSENT_DAYS = 365;

/** Records a demo consent of `person` to `lender` for purpose 02 (loan approval). */
async function demoConsent(
  bureau: Bureau,
  lenderId: number,
  person: { idNumber: string; name: string },
): Promise<string> {
  const checked = bureau.profile.nationalId.check(person.idNumber, todayUtc());
  if (!checked.ok) throw new Error('demo: a showcase ID does not pass its own check');
  const now = new Date();
  const consentId = `c_demo_${randomBytes(8).toString('base64url')}`;
  await bureau.consents.create({
    consentId,
    lenderId,
    ...personHashes(bureau.cipher, checked.id, person.name),
    purpose: '02',
    grantedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + DEMO_CONSENT_DAYS * 86_400_000).toISOString(),
    evidenceRef: 'demo e-signature',
    createdAt: now.toISOString(),
    revokedAt: null,
  });
  return consentId;
}

/** Checks the planted ring member for fraud signals through the real path (an inquiry). */
async function checkRingMember(bureau: Bureau, demo: DemoKeys): Promise<DemoKeys['fraudCheck']> {
  const person = demo.showcase.fraudRing;
  const lender = demo.report ? await bureau.institutions.findByCode(demo.report.lenderCode) : undefined;
  if (!person || !lender) return undefined;
  const consentId = await demoConsent(bureau, lender.institutionId, person);
  const outcome = await runFraudCheck(
    { report: bureau.reportDeps, evidence: bureau.fraudEvidence },
    { lender, idNumber: person.idNumber, name: person.name, purpose: '02', consentId },
  );
  if (!outcome.ok) throw new Error(`demo: the fraud check was refused: ${outcome.refusal}`);
  const fired = outcome.fired;
  if (fired.length === 0) throw new Error('demo: no fraud signal fired on the planted ring member');
  const report = await pullReport(bureau.reportDeps, {
    lender,
    idNumber: person.idNumber,
    name: person.name,
    purpose: '02',
    consentId,
  });
  if (!report.ok) throw new Error(`demo: the ring member's report was refused: ${report.refusal}`);
  const warning = report.report.header.fraudWarning;
  if (warning.length === 0) throw new Error("demo: the ring member's report carries no anti-fraud warning");
  return {
    lenderCode: lender.code,
    consentId,
    fired,
    reportNumber: report.report.header.reportNumber,
    warning,
  };
}

/** Pulls the showcase report through the real consent gate and report path. */
async function pullShowcaseReport(bureau: Bureau, demo: DemoKeys): Promise<DemoKeys['report']> {
  const bank = demo.institutions.find((i) => i.kind === 'bank' && i.roles.includes('lender'));
  const lender = bank ? await bureau.institutions.findByCode(bank.code) : undefined;
  if (!lender) return undefined;
  const person = demo.showcase.multiLender;
  const consentId = await demoConsent(bureau, lender.institutionId, person);
  const outcome = await pullReport(bureau.reportDeps, {
    lender,
    idNumber: person.idNumber,
    name: person.name,
    purpose: '02',
    consentId,
  });
  if (!outcome.ok) throw new Error(`demo: the showcase report was refused: ${outcome.refusal}`);
  return { lenderCode: lender.code, consentId, reportNumber: outcome.report.header.reportNumber };
}

/**
 * A fresh signed link (valid 7 days from now) to a demo report's page: the showcase report, or
 * with `which` 'fraud' the ring member's report with its anti-fraud warning.
 */
export async function demoReportLink(
  bureau: Bureau,
  demo: DemoKeys,
  which: 'showcase' | 'fraud' = 'showcase',
): Promise<string | undefined> {
  const pulled = which === 'showcase' ? demo.report : demo.fraudCheck;
  if (!pulled) return undefined;
  const lender = await bureau.institutions.findByCode(pulled.lenderCode);
  if (!lender) return undefined;
  return reportLink(bureau.cipher, {
    lenderId: lender.institutionId,
    reportNumber: pulled.reportNumber,
    expiresAt: Math.floor(Date.now() / 1000) + REPORT_LINK_VALIDITY_S,
  });
}

export function demoKeysPath(bureau: Bureau): string {
  return join(bureau.config.dataDir, 'demo-keys.json');
}

/** Demo size: persons in the default market. */
export const DEMO_PERSONS = 10_000;
/** Months of history of the demo market. */
export const DEMO_HISTORY_MONTHS = 30;

export async function ensureDemoMarket(
  bureau: Bureau,
  options: { log: (message: string) => void; persons?: number },
): Promise<DemoKeys | undefined> {
  const path = demoKeysPath(bureau);
  if ((await bureau.institutions.count()) > 0) {
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as DemoKeys) : undefined;
  }
  const started = Date.now();
  const asOfMonth = addMonths(todayUtc().slice(0, 7), -1);
  options.log(
    `building the demo market (${options.persons ?? DEMO_PERSONS} persons, ${DEMO_HISTORY_MONTHS} months to ${asOfMonth}) through the furnishing pipeline...`,
  );
  const chunks = demoMarketChunks({
    seed: 20260101,
    persons: options.persons ?? DEMO_PERSONS,
    months: DEMO_HISTORY_MONTHS,
    asOfMonth,
  });
  const keys: DemoKeys['institutions'] = [];
  const ids = new Map<string, number>();
  for (const inst of DEMO_INSTITUTIONS) {
    const created = await bureau.institutions.create({
      code: inst.code,
      name: inst.name,
      kind: inst.kind,
      roles: [...inst.roles],
    });
    const apiKey = generateApiKey();
    await bureau.institutions.addKey(
      created.institutionId,
      hashApiKey(apiKey),
      apiKey.slice(0, API_KEY_SHOWN_CHARS),
    );
    ids.set(inst.code, created.institutionId);
    keys.push({ ...inst, roles: [...inst.roles], apiKey });
  }
  // Persons are generated and furnished a chunk at a time: memory holds one chunk's lines.
  let rejected = 0;
  const furnished = new Map<string, number>();
  let chunk = 0;
  let next = chunks.next();
  for (; !next.done; next = chunks.next(), chunk++) {
    for (const [code, lines] of next.value) {
      if (lines.length === 0) continue;
      const furnisherId = ids.get(code);
      if (furnisherId === undefined) throw new Error(`demo: furnisher ${code} has no institution`);
      const file = Buffer.from(lines.join('\n'));
      for (const part of splitIntoBatches(file)) {
        const result = await furnishBatch(bureau.furnishDeps, {
          furnisherId,
          batchId: chunk === 0 ? `demo-${part.index}` : `demo-c${chunk}-${part.index}`,
          body: part.body,
        });
        rejected += result.batch.rejected;
        for (const f of result.findings.slice(0, 3))
          options.log(`  demo reject ${code} line ${f.line}: ${f.rule} ${f.field} ${f.message}`);
      }
      furnished.set(code, (furnished.get(code) ?? 0) + lines.length);
    }
  }
  const market = next.value;
  for (const [code, n] of furnished) options.log(`  ${code}: ${n} records furnished`);
  const demo: DemoKeys = {
    institutions: keys,
    showcase: market.showcase,
    stats: { ...market.stats, rejected, seconds: Math.round((Date.now() - started) / 100) / 10 },
  };
  await buildDemoScore(bureau, options.log);
  demo.report = await pullShowcaseReport(bureau, demo);
  demo.prelending = await checkShowcasePerson(bureau, demo);
  demo.fraudCheck = await checkRingMember(bureau, demo);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  return demo;
}
