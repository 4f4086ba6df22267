/**
 * Pearson correlation of two variables' weight of evidence over the training rows, computed
 * from their bins: each row's value is the WOE of its bin.
 *
 * @example
 *   woeCorrelation(ageBinning, incomeBinning); // a number in [-1, 1]; 0 when either is constant
 */
import type { VariableBinning } from './binning/variable-binning.js';

/**
 * Pearson correlation of the WOE values of two binned variables (same rows).
 *
 * @example
 *   woeCorrelation(binning, binning); // 1 (unless the variable is constant: then 0)
 */
export function woeCorrelation(a: VariableBinning, b: VariableBinning): number {
  const n = a.binOf.length;
  if (b.binOf.length !== n) throw new Error(`correlation: ${n} rows against ${b.binOf.length}`);
  if (n === 0) return 0;
  const woeA = a.woe.woe;
  const woeB = b.woe.woe;
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < n; i++) {
    sumA += woeA[a.binOf[i]!]!;
    sumB += woeB[b.binOf[i]!]!;
  }
  const meanA = sumA / n;
  const meanB = sumB / n;
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let i = 0; i < n; i++) {
    const da = woeA[a.binOf[i]!]! - meanA;
    const db = woeB[b.binOf[i]!]! - meanB;
    covariance += da * db;
    varianceA += da * da;
    varianceB += db * db;
  }
  if (varianceA <= 0 || varianceB <= 0) return 0;
  const r = covariance / Math.sqrt(varianceA * varianceB);
  return Math.max(-1, Math.min(1, r));
}
