/**
 * Area under the ROC curve as the Mann-Whitney statistic: the probability that a randomly
 * chosen positive (bad) row has a higher risk value than a randomly chosen negative (good) one,
 * ties counted half. Gini = 2 * AUC - 1.
 *
 * @example
 *   auc([0.9, 0.1, 0.5], Uint8Array.from([1, 0, 0])); // 1
 *   gini(0.75); // 0.5
 */
import { ScoreError } from './score-error.js';

/**
 * AUC of `risk` (higher = more likely bad) against `bad` (1 = bad, 0 = good). Pass a
 * scorecard's scores negated, since a higher score is safer.
 *
 * @example
 *   auc([2, 1, 1, 0], Uint8Array.from([1, 1, 0, 0])); // (1 + 1 + 0.5 + 1) / 4 = 0.875
 */
export function auc(risk: ArrayLike<number>, bad: ArrayLike<number>): number {
  const n = risk.length;
  if (bad.length !== n) throw new ScoreError(`auc: ${n} values but ${bad.length} outcomes`);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(risk[i]!)) throw new ScoreError(`auc: value ${i} is not a number`);
    order[i] = i;
  }
  order.sort((a, b) => risk[a]! - risk[b]!);
  let positives = 0;
  let rankSum = 0;
  // Walk groups of equal values; every member of a group gets the group's mean rank.
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && risk[order[end]!] === risk[order[start]!]) end++;
    const meanRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      const y = bad[order[k]!]!;
      if (y !== 0 && y !== 1) throw new ScoreError(`auc: outcome ${order[k]} is ${y}, expected 0 or 1`);
      if (y === 1) {
        positives++;
        rankSum += meanRank;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0)
    throw new ScoreError(`auc needs bad and good rows; got ${positives} bad and ${negatives} good`);
  const value = (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
  if (!(value >= 0 && value <= 1)) throw new Error(`auc out of range: ${value}`);
  return value;
}

/**
 * Gini coefficient (accuracy ratio) from an AUC.
 *
 * @example
 *   gini(0.78); // 0.56
 */
export function gini(aucValue: number): number {
  return 2 * aucValue - 1;
}
