/**
 * Distributions of served scores (integers 0-1000) as counts per score: the scored population's,
 * for percentiles, and the training sample's, for the score's stability index. 1,001 counts
 * whatever the population's size.
 *
 * @example
 *   const counts = scoreCounts([300, 700, 700]);
 *   percentileOf(belowCounts(counts), 700); // 33: a third of the population scores lower
 */
import { SCORE_MAX, SCORE_MIN } from './limits.js';

/**
 * Number of distinct served scores (0 to 1000).
 *
 * @example
 *   scoreCounts([]).length === SCORE_VALUES; // true
 */
export const SCORE_VALUES = SCORE_MAX - SCORE_MIN + 1;

function assertScore(score: number): void {
  if (!Number.isInteger(score) || score < SCORE_MIN || score > SCORE_MAX)
    throw new RangeError(`a served score is an integer ${SCORE_MIN}-${SCORE_MAX}, got ${score}`);
}

/**
 * Counts of each score 0..1000.
 *
 * @example
 *   scoreCounts([0, 0, 1000])[0]; // 2
 */
export function scoreCounts(scores: Iterable<number>): number[] {
  const counts = new Array<number>(SCORE_VALUES).fill(0);
  for (const score of scores) {
    assertScore(score);
    counts[score - SCORE_MIN]!++;
  }
  return counts;
}

/**
 * For each score s, how many of the population score lower than s; the last entry is the total.
 *
 * @example
 *   belowCounts(scoreCounts([1, 2]))[2]; // 1
 */
export function belowCounts(counts: readonly number[]): Float64Array {
  if (counts.length !== SCORE_VALUES)
    throw new RangeError(`expected ${SCORE_VALUES} counts, got ${counts.length}`);
  const below = new Float64Array(SCORE_VALUES + 1);
  for (let i = 0; i < SCORE_VALUES; i++) {
    const c = counts[i]!;
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`score count ${i} is ${c}, not a count`);
    below[i + 1] = below[i]! + c;
  }
  return below;
}

/**
 * The percentile of `score`: the share of the population scoring strictly lower, in whole
 * percent rounded down (0-99; 0 for an empty population).
 *
 * @example
 *   percentileOf(belowCounts(scoreCounts([100, 200, 300, 400])), 400); // 75
 */
export function percentileOf(below: Float64Array, score: number): number {
  assertScore(score);
  const total = below[SCORE_VALUES]!;
  if (total === 0) return 0;
  return Math.min(99, Math.floor((100 * below[score - SCORE_MIN]!) / total));
}

/**
 * Cut points of up to `bands` bands of about equal shares of a distribution (ties keep a score
 * in one band): band k holds scores from cuts[k-1] (or 0) to below cuts[k] (or past 1000).
 *
 * @example
 *   bandCuts(scoreCounts([100, 200, 300, 400]), 2); // [201]
 */
export function bandCuts(counts: readonly number[], bands: number): number[] {
  const below = belowCounts(counts);
  const total = below[SCORE_VALUES]!;
  if (total === 0) throw new RangeError('bands of an empty distribution');
  const cuts: number[] = [];
  for (let k = 1; k < bands; k++) {
    const target = (k * total) / bands;
    // The first score whose lower-than count reaches the target starts band k.
    let s = cuts.at(-1) ?? SCORE_MIN + 1;
    while (s <= SCORE_MAX && below[s - SCORE_MIN]! < target) s++;
    if (s > SCORE_MAX) break;
    if (s > (cuts.at(-1) ?? SCORE_MIN)) cuts.push(s);
  }
  return cuts;
}

/**
 * The shares of a distribution in the bands of `cuts` (bandCuts); they sum to 1.
 *
 * @example
 *   bandShares(scoreCounts([100, 200, 300, 400]), [201]); // [0.5, 0.5]
 */
export function bandShares(counts: readonly number[], cuts: readonly number[]): number[] {
  const below = belowCounts(counts);
  const total = below[SCORE_VALUES]!;
  if (total === 0) throw new RangeError('shares of an empty distribution');
  const edges = [SCORE_MIN, ...cuts, SCORE_MAX + 1];
  const shares: number[] = [];
  for (let k = 0; k + 1 < edges.length; k++)
    shares.push((below[edges[k + 1]! - SCORE_MIN]! - below[edges[k]! - SCORE_MIN]!) / total);
  return shares;
}
