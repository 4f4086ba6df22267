/**
 * Population stability index between two distributions over the same bins:
 * PSI = sum over bins of (actual - expected) * ln(actual / expected). An empty bin's share is
 * raised to PSI_MIN_SHARE (1e-4) so the index stays finite. Common reading: below 0.1 stable,
 * 0.1 to 0.25 some shift, above 0.25 a significant shift.
 *
 * @example
 *   psi([0.5, 0.5], [0.5, 0.5]); // 0
 *   psi([0.5, 0.5], [0.6, 0.4]); // 0.1 * ln(1.2) + 0.1 * ln(1.25) ≈ 0.0405
 */
import { PSI_MIN_SHARE, SHARE_SUM_TOLERANCE } from './limits.js';
import { ScoreError } from './score-error.js';

/**
 * Asserts that shares are finite, non-negative and sum to 1 (within 1e-9).
 *
 * @example
 *   assertShares([0.25, 0.75], 'expected'); // passes
 */
export function assertShares(shares: readonly number[], what: string): void {
  let sum = 0;
  for (const [i, share] of shares.entries()) {
    if (!Number.isFinite(share) || share < 0)
      throw new ScoreError(`${what}: share ${i} is ${share}, expected a number from 0 to 1`);
    sum += share;
  }
  if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) throw new ScoreError(`${what}: shares sum to ${sum}, not 1`);
}

/**
 * PSI of `actualShares` against `expectedShares` (same bins, same order; each sums to 1).
 *
 * @example
 *   psi(trainingShares, currentShares) > 0.25; // the population has moved
 */
export function psi(expectedShares: readonly number[], actualShares: readonly number[]): number {
  if (expectedShares.length !== actualShares.length)
    throw new ScoreError(
      `psi: ${expectedShares.length} expected shares but ${actualShares.length} actual shares`,
    );
  assertShares(expectedShares, 'psi expected shares');
  assertShares(actualShares, 'psi actual shares');
  let index = 0;
  for (let i = 0; i < expectedShares.length; i++) {
    const expected = Math.max(expectedShares[i]!, PSI_MIN_SHARE);
    const actual = Math.max(actualShares[i]!, PSI_MIN_SHARE);
    index += (actual - expected) * Math.log(actual / expected);
  }
  return index;
}
