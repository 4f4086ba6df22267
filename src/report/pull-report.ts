/**
 * Serving a credit report: the consent gate; then in one transaction the person's file is read,
 * the inquiry recorded on it and the request logged; the report is built from what was read, and
 * kept (encrypted) for the lender before it is answered. A refusal is logged too, and says
 * nothing about the person.
 *
 * @example
 *   const result = await pullReport(deps, { lender, idNumber, name, purpose: '02', consentId });
 *   if (!result.ok) reply.code(403).send({ error: 'consent_refused', reason: result.refusal });
 */
import type { Institution } from '../access/institution.js';
import { CONSENT_REFUSALS, type ConsentRefusal, consentRefusal, normalizeName } from '../consent/consent.js';
import { type InquiryReason, isInquiryReason } from '../consent/inquiry-reasons.js';
import type { JurisdictionProfile } from '../domain/jurisdiction.js';
import type { PiiCipher } from '../identity/pii-cipher.js';
import type { ScoreModelSource } from '../score/bureau/model-source.js';
import { buildCreditReport } from './build-credit-report.js';
import type { ReportStore, ServeRequest } from './ports.js';
import { queryNumber } from './query-number.js';
import { reportJson } from './report-json.js';
import type { CreditReport } from './report-types.js';

export interface ReportDeps {
  store: ReportStore;
  cipher: PiiCipher;
  profile: JurisdictionProfile;
  now?: () => Date;
  /** The bureau score's model; without it reports carry no score. */
  score?: ScoreModelSource;
}

export interface ReportPull {
  lender: Institution;
  idNumber: string;
  name: string;
  purpose: string;
  consentId: string;
}

export type ReportOutcome =
  /** `json`: the report as served and kept, ready to send. */
  | { ok: true; report: CreditReport; json: string }
  | { ok: false; refusal: ConsentRefusal; message: string }
  | { ok: false; refusal: 'invalid_request'; message: string };

/** A report number: R, the UTC time to the second, 8 random hex characters. */
export function newReportNumber(at: Date): string {
  return queryNumber('R', at);
}

/** Hash kind of a name in consents (names are compared, never stored). */
export const CONSENT_NAME_HASH = 'consent_name';

/** The hashes a consent and a report request are matched on. */
export function personHashes(cipher: PiiCipher, normalizedId: string, name: string) {
  return {
    idHash: cipher.hash('national_id', normalizedId),
    nameHash: cipher.hash(CONSENT_NAME_HASH, normalizeName(name)),
  };
}

/** A request that passed the consent gate: what the file read and the inquiry need. */
export interface GatePassed {
  ok: true;
  now: Date;
  at: string;
  /** The normalised ID number. */
  idNumber: string;
  idHash: string;
  /** What the ID number itself says (a resident ID: birth date and sex), for the fraud signals. */
  idFacts: { birthDate?: string; sex?: 'M' | 'F' };
  purpose: InquiryReason;
  lenderId: number;
}

/**
 * The inquiry and the request-log row a served query writes (a report, a pre-lending check, a
 * fraud check), numbered `number`.
 *
 * @example
 *   await store.readFileAndRecord({ idHash: gate.idHash, ...servedRecords(gate, consentId, number) });
 */
export function servedRecords(
  gate: GatePassed,
  consentId: string,
  number: string,
): Pick<ServeRequest, 'inquiry' | 'log'> {
  const { at, lenderId, idHash, purpose } = gate;
  return {
    inquiry: { at, institutionId: lenderId, reason: purpose, consentId, reportNumber: number },
    log: { lenderId, at, idHash, purpose, consentId, outcome: 'served', reportNumber: number },
  };
}

export type GateRefused = Extract<ReportOutcome, { ok: false }>;

/**
 * The gate every consent-gated query passes (reports, pre-lending checks): the ID number is
 * checked, the purpose is an inquiry reason (and one of `purposes` when given), and the consent
 * covers this lender, person, purpose and instant. A refusal is logged and says nothing about
 * whether the bureau knows the person.
 *
 * @example
 *   const gate = await consentGate(deps, pull);
 *   if (!gate.ok) return gate;
 */
export async function consentGate(
  deps: ReportDeps,
  pull: ReportPull,
  purposes?: readonly InquiryReason[],
): Promise<GatePassed | GateRefused> {
  const now = deps.now?.() ?? new Date();
  const at = now.toISOString();
  const checked = deps.profile.nationalId.check(pull.idNumber, at.slice(0, 10));
  if (!checked.ok) return { ok: false, refusal: 'invalid_request', message: `id_number: ${checked.message}` };
  if (!isInquiryReason(pull.purpose) || (purposes && !purposes.includes(pull.purpose)))
    return {
      ok: false,
      refusal: 'invalid_request',
      message: `purpose: expected an inquiry reason code such as ${purposes ? purposes.join(', ') : '02'}`,
    };
  const purpose: InquiryReason = pull.purpose;
  const { idHash, nameHash } = personHashes(deps.cipher, checked.id, pull.name);
  const lenderId = pull.lender.institutionId;

  const consent = await deps.store.findConsent(pull.consentId);
  const refusal = consentRefusal(consent, { lenderId, idHash, nameHash, purpose, at });
  if (refusal) {
    await deps.store.logRequest({
      lenderId,
      at,
      idHash,
      purpose,
      consentId: pull.consentId,
      outcome: refusal,
      reportNumber: null,
    });
    return { ok: false, refusal, message: CONSENT_REFUSALS[refusal] };
  }
  const idFacts = {
    ...(checked.birthDate !== undefined ? { birthDate: checked.birthDate } : {}),
    ...(checked.sex !== undefined ? { sex: checked.sex } : {}),
  };
  return { ok: true, now, at, idNumber: checked.id, idHash, idFacts, purpose, lenderId };
}

/** The shared values a report's anti-fraud warning follows to find a ring (see pullReport). */
export const REPORT_RING_LINKS = ['mobile', 'address'] as const;

export async function pullReport(deps: ReportDeps, pull: ReportPull): Promise<ReportOutcome> {
  const gate = await consentGate(deps, pull);
  if (!gate.ok) return gate;
  const { now, at, idHash, purpose, lenderId } = gate;
  const checked = { id: gate.idNumber };

  const reportNumber = newReportNumber(now);
  // The score's model first: a failure to load it leaves no inquiry behind.
  const score = deps.score ? { model: await deps.score.current() } : undefined;
  const file = await deps.store.readFileAndRecord({
    idHash,
    ...servedRecords(gate, pull.consentId, reportNumber),
    fraud: {
      asOf: at,
      idFacts: gate.idFacts,
      // The header's ring: the persons who share a mobile or an address with the subject (one
      // link); POST /v1/fraud-checks walks the whole ring.
      ring: { ...deps.profile.fraudThresholds.ring, maxDepth: 1 },
      ringLinks: REPORT_RING_LINKS,
    },
  });
  const report = buildCreditReport(
    file,
    {
      reportNumber,
      at,
      name: pull.name,
      idNumber: checked.id,
      queriedBy: { code: pull.lender.code, name: pull.lender.name, kind: pull.lender.kind },
      reason: purpose,
    },
    deps.profile,
    score,
  );
  const json = reportJson(report);
  await deps.store.saveReport({ lenderId, reportNumber, at, json });
  return { ok: true, report, json };
}
