/**
 * Resolves one record against the persons on file: block keys from its values (the name with its
 * birth date, its mobile, its address) lead through the value index to at most
 * MAX_CANDIDATES_PER_RECORD candidates; only their values are read and decrypted (bounded); the
 * linkage library scores them; the decision rule decides.
 *
 * A mistyped ID cannot be looked up (the IDs one edit away are not enumerable through keyed
 * hashes), so a record finds its person through its name and birth date (read from the ID when
 * not reported) or its mobile, and the ID is then compared: one character off weighs heavily.
 *
 * @example
 *   const outcome = await resolveRecord(ctx, { probe, reason: 'id_invalid' });
 *   outcome.decision.kind; // 'link' | 'review' | 'no_match' | 'by_id'
 */
import type { PiiCipher } from '../pii-cipher.js';
import { type CandidateScore, type CandidateValues, scoreCandidates } from './compare-candidates.js';
import { type Decision, decide } from './decide.js';
import { MAX_CANDIDATES_PER_RECORD, MAX_PERSONS_PER_BLOCK_KEY, MAX_VALUES_PER_ATTRIBUTE } from './limits.js';
import { type BlockKey, blockKeyId, type ResolutionReads, type SealedCandidate } from './ports.js';
import type { ResolutionProbe } from './probe.js';
import type { ResolutionThresholds } from './thresholds.js';
import type { ResolutionReason } from './trigger.js';

/**
 * What resolution needs.
 *
 * @example
 *   const ctx: ResolutionContext = { reads, cipher, thresholds: RESOLUTION_THRESHOLDS };
 */
export interface ResolutionContext {
  reads: ResolutionReads;
  cipher: PiiCipher;
  thresholds: ResolutionThresholds;
}

/**
 * One record to resolve.
 *
 * @example
 *   const request: ResolutionRequest = { probe, reason: 'id_conflicts_person', idPersonId: 7 };
 */
export interface ResolutionRequest {
  probe: ResolutionProbe;
  reason: ResolutionReason;
  /** The person the record's own valid ID belongs to (id_conflicts_person): the default. */
  idPersonId?: number;
  /** When set, the only person the record may go to (its account is on file for that person). */
  onlyPersonId?: number;
}

/**
 * The outcome, with the score of the person decided on (link, review, by_id).
 *
 * @example
 *   if (outcome.decision.kind === 'link') recordWhy(outcome.chosen!.attributes);
 */
export interface ResolutionOutcome {
  decision: Decision;
  chosen: CandidateScore | null;
  /** Persons compared. */
  compared: number;
  /** Block keys too common to be evidence (held by more than MAX_PERSONS_PER_BLOCK_KEY persons). */
  skippedKeys: number;
}

/**
 * The block keys of a probe, hashed as the value index stores them.
 *
 * @example
 *   blockKeys(probe, cipher, reads.pairHash).map((k) => k.attribute); // ['name_birth_date', 'mobile']
 */
export function blockKeys(
  probe: ResolutionProbe,
  cipher: PiiCipher,
  pairHash: (nameHash: string, birthDateHash: string) => string,
): BlockKey[] {
  const keys: BlockKey[] = [];
  if (probe.name && probe.birthDate)
    keys.push({
      attribute: 'name_birth_date',
      valueHash: pairHash(cipher.hash('name', probe.name), cipher.hash('birth_date', probe.birthDate)),
    });
  if (probe.mobile) keys.push({ attribute: 'mobile', valueHash: cipher.hash('mobile', probe.mobile) });
  if (probe.address) keys.push({ attribute: 'address', valueHash: cipher.hash('address', probe.address) });
  return keys;
}

/**
 * A candidate's decrypted values (distinct values only; the ID is the person's own).
 *
 * @example
 *   openCandidate(sealed, cipher).mobiles;
 */
export function openCandidate(sealed: SealedCandidate, cipher: PiiCipher): CandidateValues {
  const out: CandidateValues = {
    personId: sealed.personId,
    idNumbers: sealed.idEnc ? [cipher.decrypt(sealed.idEnc)] : [],
    names: [],
    birthDates: [],
    sexes: [],
    mobiles: [],
    addresses: [],
  };
  const lists: Record<string, string[]> = {
    name: out.names,
    birth_date: out.birthDates,
    sex: out.sexes,
    mobile: out.mobiles,
    address: out.addresses,
  };
  for (const v of sealed.values) lists[v.attribute]?.push(cipher.decrypt(v.valueEnc));
  return out;
}

/**
 * Resolves one record.
 *
 * @example
 *   await resolveRecord(ctx, { probe: probeOfRecord(record, profile), reason: 'id_missing' });
 */
export async function resolveRecord(
  ctx: ResolutionContext,
  request: ResolutionRequest,
): Promise<ResolutionOutcome> {
  const keys = blockKeys(request.probe, ctx.cipher, (n, b) => ctx.reads.pairHash(n, b));
  const holders = keys.length > 0 ? await ctx.reads.holders(keys, MAX_PERSONS_PER_BLOCK_KEY) : new Map();
  const ids: number[] = [];
  const seen = new Set<number>();
  const add = (id: number) => {
    if (seen.has(id) || ids.length >= MAX_CANDIDATES_PER_RECORD) return;
    if (request.onlyPersonId !== undefined && id !== request.onlyPersonId) return;
    seen.add(id);
    ids.push(id);
  };
  if (request.idPersonId !== undefined) add(request.idPersonId);
  let skippedKeys = 0;
  for (const key of keys) {
    const persons = holders.get(blockKeyId(key)) ?? [];
    if (persons.length > MAX_PERSONS_PER_BLOCK_KEY) {
      skippedKeys++;
      continue;
    }
    for (const id of persons) add(id);
  }
  const noneFound: Decision =
    request.idPersonId === undefined ? { kind: 'no_match' } : { kind: 'by_id', personId: request.idPersonId };
  if (ids.length === 0) return { decision: noneFound, chosen: null, compared: 0, skippedKeys };

  const sealed = await ctx.reads.candidates(ids, MAX_VALUES_PER_ATTRIBUTE);
  const scores = scoreCandidates(
    request.probe,
    sealed.map((s) => openCandidate(s, ctx.cipher)),
  );
  const decision = decide(scores, ctx.thresholds, request.idPersonId);
  const chosenId = decision.kind === 'no_match' ? undefined : decision.personId;
  const chosen = chosenId === undefined ? null : (scores.find((s) => s.personId === chosenId) ?? null);
  return { decision, chosen, compared: scores.length, skippedKeys };
}
