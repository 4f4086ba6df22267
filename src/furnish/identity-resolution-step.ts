/**
 * Identity resolution inside a furnishing batch (docs/identity-resolution.md): the pipeline asks
 * this step about the few records that need it, and the step answers link (to a person on file),
 * reject (with the record's findings, and IDR-REVIEW when held for review) or keep (by its ID, as
 * before). It plans the rows to write: link decisions and review items. Records with a valid ID
 * whose name is on file for that ID's person never leave the fast path (one keyed hash each).
 *
 * @example
 *   const step = createResolutionStep({ reads: tx.resolution, cipher, profile, decided: input.decided });
 *   const answer = await step.rejected(record, findings, 7, { accountPersonId: undefined });
 */
import type { JurisdictionProfile } from '../domain/jurisdiction.js';
import type { Finding } from '../formats/canonical/record-types.js';
import type { PiiCipher } from '../identity/pii-cipher.js';
import { scoreCandidates } from '../identity/resolution/compare-candidates.js';
import { conflictsWithPerson, quickConsistency } from '../identity/resolution/conflict.js';
import { centibits, decisionEvidence, maskedPairs } from '../identity/resolution/evidence.js';
import { MAX_RESOLUTIONS_PER_BATCH, MAX_VALUES_PER_ATTRIBUTE } from '../identity/resolution/limits.js';
import type { ResolutionReads } from '../identity/resolution/ports.js';
import { foldText, probeOfRecord } from '../identity/resolution/probe.js';
import {
  openCandidate,
  type ResolutionOutcome,
  resolveRecord,
} from '../identity/resolution/resolve-record.js';
import { RESOLUTION_THRESHOLDS } from '../identity/resolution/thresholds.js';
import { REVIEW_RULE_ID, type ResolutionReason, resolutionReason } from '../identity/resolution/trigger.js';
import type { ReviewRow } from './ports.js';

/**
 * An operator's decision replayed for a held record: the person it goes to (null: by its own ID).
 *
 * @example
 *   const d: DecidedLink = { personId: 7, reviewId: 3, reason: 'id_invalid', weightCentibits: 2820, evidence: '{…}' };
 */
export interface DecidedLink {
  personId: number | null;
  reviewId: number;
  reason: string;
  weightCentibits: number;
  evidence: string;
}

/**
 * The step's answer for one record.
 *
 * @example
 *   if (answer.kind === 'link') personKey = String(answer.personId);
 */
export type StepAnswer =
  | { kind: 'link'; personId: number }
  | { kind: 'keep' }
  | { kind: 'reject'; findings: Finding[] };

/** A link decision before its id is allocated. */
export interface PlannedLink {
  personId: number;
  line: number;
  kind: string;
  reason: string;
  decidedBy: 'auto' | 'review';
  reviewId: number | null;
  weightCentibits: number;
  evidence: string;
}

/** A review item before its id is allocated. */
export type PlannedReview = Omit<ReviewRow, 'reviewId'>;

export interface ResolutionStepDeps {
  reads: ResolutionReads;
  cipher: PiiCipher;
  profile: JurisdictionProfile;
  /** Operators' decisions by line (a review replay). */
  decided?: ReadonlyMap<number, DecidedLink>;
}

/**
 * The step of one batch.
 *
 * @example
 *   step.links; step.reviews; // planned rows, in line order
 */
export interface ResolutionStep {
  /** A record the rules rejected: link it, or reject it (with these or more findings). */
  rejected(
    record: Record<string, unknown> & { kind: string },
    findings: Finding[],
    line: number,
    account: { personId: number | undefined },
  ): Promise<StepAnswer>;
  /** Whether an accepted identity or account record (its valid ID naming `idPersonId`, or a person new
   *  in the batch) needs `accepted`: synchronous, one keyed hash; false for the usual record. */
  needsCheck(
    record: Record<string, unknown> & { kind: string },
    idPersonId: number | undefined,
    line: number,
  ): boolean;
  /** An accepted record that needsCheck: keep it by its ID, link it elsewhere, or hold it. */
  accepted(
    record: Record<string, unknown> & { kind: string },
    idPersonId: number | undefined,
    line: number,
    account: { personId: number | undefined },
  ): Promise<StepAnswer>;
  /** Loads the names and birth dates on file of persons the batch's IDs name (one read). */
  preload(personIds: readonly number[]): Promise<void>;
  readonly links: PlannedLink[];
  readonly reviews: PlannedReview[];
}

const HELD_MESSAGE =
  'held for identity review by the bureau; fix the record and resubmit it, or wait for the review';

export function createResolutionStep(deps: ResolutionStepDeps): ResolutionStep {
  const { reads, cipher, profile } = deps;
  const ctx = { reads, cipher, thresholds: RESOLUTION_THRESHOLDS };
  const links: PlannedLink[] = [];
  const reviews: PlannedReview[] = [];
  let resolutions = 0;
  let onFile = new Map<number, { names: string[]; birthDates: string[] }>();
  /** Outcomes already reached in this batch, by the record's ID and name (later lines follow). */
  const settled = new Map<string, { answer: StepAnswer; link: PlannedLink | undefined }>();

  const settleKey = (record: Record<string, unknown>, reason: string) =>
    `${reason}\0${typeof record.id_number === 'string' ? record.id_number.trim() : ''}\0${
      typeof record.name === 'string' ? foldText(record.name) : ''
    }`;

  const fromDecided = (decided: DecidedLink, record: { kind: string }, line: number): StepAnswer => {
    // Kept apart by its own valid ID: applied as before resolution existed, no link decision.
    if (decided.personId === null) return { kind: 'keep' };
    const personId = decided.personId;
    links.push({
      personId,
      line,
      kind: record.kind,
      reason: decided.reason,
      decidedBy: 'review',
      reviewId: decided.reviewId,
      weightCentibits: decided.weightCentibits,
      evidence: decided.evidence,
    });
    return { kind: 'link', personId };
  };

  const answer = (
    outcome: ResolutionOutcome,
    record: { kind: string },
    line: number,
    reason: ResolutionReason,
    findings: Finding[],
    idPersonId: number | undefined,
  ): StepAnswer => {
    const { decision, chosen } = outcome;
    if (decision.kind === 'by_id') return { kind: 'keep' };
    if (decision.kind === 'no_match' || chosen === null) return { kind: 'reject', findings };
    const evidence = JSON.stringify(
      decisionEvidence(chosen, {
        runnerUp: decision.runnerUp,
        compared: outcome.compared,
        thresholds: RESOLUTION_THRESHOLDS,
      }),
    );
    if (decision.kind === 'link') {
      links.push({
        personId: decision.personId,
        line,
        kind: record.kind,
        reason,
        decidedBy: 'auto',
        reviewId: null,
        weightCentibits: centibits(decision.weight),
        evidence,
      });
      return { kind: 'link', personId: decision.personId };
    }
    reviews.push({
      line,
      kind: record.kind,
      reason,
      candidatePersonId: decision.personId,
      idPersonId: idPersonId ?? null,
      weightCentibits: centibits(decision.weight),
      evidence,
      maskedEnc: cipher.encrypt(JSON.stringify(maskedPairs(chosen))),
    });
    return {
      kind: 'reject',
      findings: [...findings, { line, field: 'id_number', rule: REVIEW_RULE_ID, message: HELD_MESSAGE }],
    };
  };

  const resolve = async (
    record: Record<string, unknown> & { kind: string },
    findings: Finding[],
    line: number,
    reason: ResolutionReason,
    idPersonId: number | undefined,
    accountPersonId: number | undefined,
  ): Promise<StepAnswer> => {
    const key = settleKey(record, reason);
    const earlier = settled.get(key);
    if (earlier) {
      const before = earlier.answer;
      // A linked record's twin links the same way, with a decision row of its own.
      if (before.kind === 'link') {
        if (earlier.link) links.push({ ...earlier.link, line, kind: record.kind });
        return before;
      }
      if (before.kind === 'keep') return before;
      // A held record's twin in the same batch is held too, without a second review item.
      if (before.findings.some((f) => f.rule === REVIEW_RULE_ID))
        return {
          kind: 'reject',
          findings: [...findings, { line, field: 'id_number', rule: REVIEW_RULE_ID, message: HELD_MESSAGE }],
        };
      return { kind: 'reject', findings };
    }
    if (resolutions >= MAX_RESOLUTIONS_PER_BATCH)
      return idPersonId === undefined ? { kind: 'reject', findings } : { kind: 'keep' };
    resolutions++;
    const outcome = await resolveRecord(ctx, {
      probe: probeOfRecord(record, profile),
      reason,
      ...(idPersonId !== undefined ? { idPersonId } : {}),
      ...(accountPersonId !== undefined ? { onlyPersonId: accountPersonId } : {}),
    });
    const planned = links.length;
    const result = answer(outcome, record, line, reason, findings, idPersonId);
    settled.set(key, { answer: result, link: links.length > planned ? links[links.length - 1] : undefined });
    return result;
  };

  return {
    links,
    reviews,
    async preload(personIds) {
      if (personIds.length > 0) onFile = await reads.namesAndBirthDates(personIds);
    },
    async rejected(record, findings, line, account) {
      const reason = resolutionReason(record.kind, findings);
      if (reason === null) return { kind: 'reject', findings };
      const decided = deps.decided?.get(line);
      if (decided)
        return decided.personId === null ? { kind: 'reject', findings } : fromDecided(decided, record, line);
      return resolve(record, findings, line, reason, undefined, account.personId);
    },
    needsCheck(record, idPersonId, line) {
      if (deps.decided?.has(line)) return true;
      if (idPersonId === undefined) return false;
      const names = onFile.get(idPersonId);
      if (!names || typeof record.name !== 'string') return false;
      const nameHash = cipher.hash('name', foldText(record.name));
      const birth =
        typeof record.birth_date === 'string' ? cipher.hash('birth_date', record.birth_date) : null;
      return quickConsistency({ nameHash, birthDateHash: birth }, names) !== 'consistent';
    },
    async accepted(record, idPersonId, line, account) {
      const decided = deps.decided?.get(line);
      if (decided) return fromDecided(decided, record, line);
      if (idPersonId === undefined) return { kind: 'keep' };
      const names = onFile.get(idPersonId);
      if (!names || typeof record.name !== 'string') return { kind: 'keep' };
      const nameHash = cipher.hash('name', foldText(record.name));
      const birth =
        typeof record.birth_date === 'string' ? cipher.hash('birth_date', record.birth_date) : null;
      // Step two: the person's values, compared with the library's levels.
      const [person] = await reads.candidates([idPersonId], MAX_VALUES_PER_ATTRIBUTE);
      if (!person) return { kind: 'keep' };
      const probe = probeOfRecord(record, profile);
      const [score] = scoreCandidates(probe, [openCandidate(person, cipher)]);
      if (!score || !conflictsWithPerson(score)) {
        // A variant of a name on file: later lines with it need no second look.
        names.names.push(nameHash);
        if (birth !== null) names.birthDates.push(birth);
        return { kind: 'keep' };
      }
      // An account on file stays with its person: the record may go nowhere else.
      if (account.personId !== undefined) return { kind: 'keep' };
      return resolve(record, [], line, 'id_conflicts_person', idPersonId, undefined);
    },
  };
}
