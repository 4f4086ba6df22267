/**
 * Pairwise precision and recall of a clustering against the truth: a pair of records is
 * predicted when both are in one cluster and true when both are of one entity.
 *
 * @example
 *   pairwiseScores(Int32Array.of(0, 0, 1), Int32Array.of(5, 5, 5));
 *   // { truePairs: 3, predictedPairs: 1, truePositives: 1, precision: 1, recall: 0.333…, f1: 0.5 }
 */

/**
 * Pair counts and the scores computed from them.
 *
 * @example
 *   scores.precision >= 0.99;
 */
export interface PairwiseScores {
  truePairs: number;
  predictedPairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

function pairsIn(count: number): number {
  return (count * (count - 1)) / 2;
}

function countPairs(labels: Map<number, number>): number {
  let pairs = 0;
  for (const count of labels.values()) pairs += pairsIn(count);
  return pairs;
}

/**
 * Scores of `predicted` (cluster per record) against `truth` (entity per record).
 *
 * @example
 *   pairwiseScores(Int32Array.of(0, 1), Int32Array.of(0, 1)).precision; // 1 (no pairs: 1 by convention)
 */
export function pairwiseScores(predicted: ArrayLike<number>, truth: ArrayLike<number>): PairwiseScores {
  if (predicted.length !== truth.length) throw new Error('invariant: one truth label per record');
  const byCluster = new Map<number, number>();
  const byEntity = new Map<number, number>();
  const byCell = new Map<number, Map<number, number>>();
  for (let i = 0; i < predicted.length; i++) {
    const c = predicted[i]!;
    const e = truth[i]!;
    byCluster.set(c, (byCluster.get(c) ?? 0) + 1);
    byEntity.set(e, (byEntity.get(e) ?? 0) + 1);
    let cell = byCell.get(c);
    if (cell === undefined) {
      cell = new Map();
      byCell.set(c, cell);
    }
    cell.set(e, (cell.get(e) ?? 0) + 1);
  }
  let truePositives = 0;
  for (const cell of byCell.values()) truePositives += countPairs(cell);
  const truePairs = countPairs(byEntity);
  const predictedPairs = countPairs(byCluster);
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, truePositives, precision, recall, f1 };
}
