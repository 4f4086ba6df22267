/**
 * The thresholds of identity resolution, in one place (docs/identity-resolution.md). Weights are
 * log2 Bayes factors summed over the compared attributes (the linkage library's match weight):
 * +10 bits makes a match 1,024 times more likely than before the comparison.
 *
 * - A candidate at or above `link_bits`, ahead of every other candidate by `margin_bits`, is a
 *   confident match: the record is linked to it and the decision is recorded.
 * - A best candidate at or above `review_bits` (but not confident) is doubtful: the record is held
 *   for review by a bureau operator.
 * - Below `review_bits`: no match; the record is rejected as before (or, when its own valid ID
 *   names a person, linked by that ID as before).
 *
 * Why these values: a bureau holds up to about 2^30 persons, so a record and one person taken at
 * random match with prior odds of about 2^-30; 40 bits leaves posterior odds of about 1,000 to 1
 * for the candidate even before blocking (which makes the prior far better). Name and birth date
 * agreeing exactly, and nothing else known, weigh about 28 bits: enough to be worth a look, not
 * enough to link. A mobile or a one-character ID typo on top makes it confident.
 *
 * @example
 *   if (weight >= RESOLUTION_THRESHOLDS.link_bits) link();
 */
export interface ResolutionThresholds {
  /** A confident match needs at least this weight (bits). */
  readonly link_bits: number;
  /** A doubtful match (held for review) needs at least this weight (bits). */
  readonly review_bits: number;
  /** A confident match must lead the next candidate by at least this much (bits). */
  readonly margin_bits: number;
}

/**
 * The thresholds in force.
 *
 * @example
 *   RESOLUTION_THRESHOLDS.link_bits // 40
 */
export const RESOLUTION_THRESHOLDS: ResolutionThresholds = Object.freeze({
  link_bits: 40,
  review_bits: 20,
  margin_bits: 10,
});

/**
 * Checks that thresholds are ordered and finite (review below link, margin positive).
 *
 * @example
 *   checkThresholds(RESOLUTION_THRESHOLDS); // throws on a bad set
 */
export function checkThresholds(t: ResolutionThresholds): void {
  const all = [t.link_bits, t.review_bits, t.margin_bits];
  if (!all.every(Number.isFinite)) throw new Error('invariant: resolution thresholds must be finite');
  if (!(t.review_bits < t.link_bits)) throw new Error('invariant: review_bits must be below link_bits');
  if (!(t.margin_bits > 0)) throw new Error('invariant: margin_bits must be above 0');
}
checkThresholds(RESOLUTION_THRESHOLDS);
