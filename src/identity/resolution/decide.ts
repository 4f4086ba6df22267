/**
 * The decision rule of identity resolution, on the candidates' weights alone (pure, property-
 * tested in test/identity/resolution/decide.test.ts).
 *
 * Without a person named by the record's own ID (ID invalid, missing, or contradicting the record):
 * - link the best candidate when its weight reaches `link_bits`, its name agrees, and it leads the
 *   next candidate by `margin_bits`;
 * - else hold for review when the best weight reaches `review_bits`;
 * - else no match (the record is rejected as before).
 *
 * With the person P whose valid ID the record carries (its name or birth date conflicts with P's):
 * P is the default, as before resolution existed. Another candidate O takes the record only when
 * it is confident (as above) and leads P by `margin_bits` too; the record is held for review when
 * O reaches `review_bits` and comes within `margin_bits` of P or above; else it goes to P by its ID.
 *
 * @example
 *   decide([{ personId: 7, total: 52, nameAgrees: true }], RESOLUTION_THRESHOLDS);
 *   // { kind: 'link', personId: 7, weight: 52, runnerUp: null }
 */
import type { ResolutionThresholds } from './thresholds.js';

/**
 * What the rule needs of a candidate.
 *
 * @example
 *   const s: WeightedCandidate = { personId: 7, total: 52, nameAgrees: true };
 */
export interface WeightedCandidate {
  personId: number;
  total: number;
  nameAgrees: boolean;
}

/**
 * The decision.
 *
 * @example
 *   if (d.kind === 'link') linkTo(d.personId);
 */
export type Decision =
  | { kind: 'link'; personId: number; weight: number; runnerUp: number | null }
  | { kind: 'review'; personId: number; weight: number; runnerUp: number | null }
  | { kind: 'by_id'; personId: number }
  | { kind: 'no_match' };

function ranked(candidates: readonly WeightedCandidate[]): WeightedCandidate[] {
  for (const c of candidates)
    if (!Number.isFinite(c.total)) throw new Error('invariant: a candidate weight is not finite');
  return [...candidates].sort((a, b) => b.total - a.total || a.personId - b.personId);
}

/**
 * Decides for one record.
 *
 * @example
 *   decide(scores, RESOLUTION_THRESHOLDS, idPersonId); // idPersonId: the person of the record's valid ID
 */
export function decide(
  candidates: readonly WeightedCandidate[],
  t: ResolutionThresholds,
  idPersonId?: number,
): Decision {
  const all = ranked(candidates);
  const others = idPersonId === undefined ? all : all.filter((c) => c.personId !== idPersonId);
  const best = others[0];
  const next = others[1]?.total ?? Number.NEGATIVE_INFINITY;
  const runnerUp = others[1]?.total ?? null;
  if (idPersonId === undefined) {
    if (!best) return { kind: 'no_match' };
    if (best.total >= t.link_bits && best.nameAgrees && best.total - next >= t.margin_bits)
      return { kind: 'link', personId: best.personId, weight: best.total, runnerUp };
    if (best.total >= t.review_bits)
      return { kind: 'review', personId: best.personId, weight: best.total, runnerUp };
    return { kind: 'no_match' };
  }
  const own = all.find((c) => c.personId === idPersonId)?.total ?? Number.NEGATIVE_INFINITY;
  const rival = Math.max(next, own);
  const rivalOrNull = Number.isFinite(rival) ? rival : null;
  if (best) {
    const lead = best.total - rival;
    if (best.total >= t.link_bits && best.nameAgrees && lead >= t.margin_bits)
      return { kind: 'link', personId: best.personId, weight: best.total, runnerUp: rivalOrNull };
    if (best.total >= t.review_bits && best.total > own - t.margin_bits)
      return { kind: 'review', personId: best.personId, weight: best.total, runnerUp: rivalOrNull };
  }
  return { kind: 'by_id', personId: idPersonId };
}
