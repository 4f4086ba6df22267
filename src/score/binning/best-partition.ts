/**
 * Optimal grouping of ordered fine classes into bins by dynamic programming: of all ways to cut
 * the classes into contiguous bins that each hold at least `minCount` rows (a single bin is
 * always allowed), at most `maxBins` bins, and, when asked, bad rates strictly rising or
 * falling from bin to bin, the one with the highest information value. Ties go to fewer bins,
 * then to the earlier cut, so the result is deterministic. Cost: maxBins * classes^3.
 *
 * @example
 *   const { ends } = bestPartition(classes, { minCount: 50, maxBins: 5, direction: 'increasing', totalGood: 700, totalBad: 300 });
 *   // ends: the end (exclusive) of each bin as an index into classes
 */
import { WOE_SMOOTHING_ROWS } from '../limits.js';
import type { ClassCounts } from './fine-classes.js';

/**
 * How the bad rate must change from one bin to the next.
 *
 * @example
 *   const direction: BadRateDirection = 'increasing';
 */
export type BadRateDirection = 'increasing' | 'decreasing' | 'any';

/**
 * Constraints of the grouping.
 *
 * @example
 *   const c: PartitionConstraints = { minCount: 50, maxBins: 8, direction: 'any', totalGood: 700, totalBad: 300 };
 */
export interface PartitionConstraints {
  readonly minCount: number;
  readonly maxBins: number;
  readonly direction: BadRateDirection;
  /** Good and bad rows of the whole training data (the IV's denominators). */
  readonly totalGood: number;
  readonly totalBad: number;
}

/**
 * The chosen bins and their information value (as the grouping measures it).
 *
 * @example
 *   bestPartition(classes, constraints).ends; // e.g. [3, 7, 20]
 */
export interface Partition {
  readonly ends: number[];
  readonly iv: number;
}

/**
 * The best grouping of `classes` under `constraints`.
 *
 * @example
 *   bestPartition([{ good: 90, bad: 10 }, { good: 60, bad: 40 }], { minCount: 10, maxBins: 4, direction: 'any', totalGood: 150, totalBad: 50 }).ends; // [1, 2]
 */
export function bestPartition(classes: readonly ClassCounts[], constraints: PartitionConstraints): Partition {
  const p = classes.length;
  if (p === 0) return { ends: [], iv: 0 };
  const { minCount, maxBins, direction, totalGood, totalBad } = constraints;
  const goodBefore = new Float64Array(p + 1);
  const badBefore = new Float64Array(p + 1);
  for (let i = 0; i < p; i++) {
    goodBefore[i + 1] = goodBefore[i]! + classes[i]!.good;
    badBefore[i + 1] = badBefore[i]! + classes[i]!.bad;
  }
  const total = totalGood + totalBad;
  const pseudoGood = total > 0 ? (WOE_SMOOTHING_ROWS * totalGood) / total : 0;
  const pseudoBad = total > 0 ? (WOE_SMOOTHING_ROWS * totalBad) / total : 0;
  const good = (j: number, i: number) => goodBefore[i]! - goodBefore[j]!;
  const bad = (j: number, i: number) => badBefore[i]! - badBefore[j]!;
  const count = (j: number, i: number) => good(j, i) + bad(j, i);
  const term = (j: number, i: number): number => {
    if (totalGood === 0 || totalBad === 0) return 0;
    const goodShare = (good(j, i) + pseudoGood) / totalGood;
    const badShare = (bad(j, i) + pseudoBad) / totalBad;
    return (goodShare - badShare) * Math.log(goodShare / badShare);
  };
  const allowed = (j: number, i: number) => count(j, i) >= minCount || (j === 0 && i === p);
  // Bad rates compared without division: [j, i) against the next bin [i, m).
  const ordered = (j: number, i: number, m: number): boolean => {
    if (direction === 'any') return true;
    const left = bad(j, i) * count(i, m);
    const right = bad(i, m) * count(j, i);
    return direction === 'increasing' ? left < right : left > right;
  };
  const side = p + 1;
  const at = (k: number, j: number, i: number) => (k * side + j) * side + i;
  const best = new Float64Array((maxBins + 1) * side * side).fill(Number.NEGATIVE_INFINITY);
  const parent = new Int32Array((maxBins + 1) * side * side).fill(-1);
  for (let i = 1; i <= p; i++) if (allowed(0, i)) best[at(1, 0, i)] = term(0, i);
  for (let k = 1; k < maxBins; k++)
    for (let i = 1; i < p; i++)
      for (let j = 0; j < i; j++) {
        const value = best[at(k, j, i)]!;
        if (value === Number.NEGATIVE_INFINITY) continue;
        for (let m = i + 1; m <= p; m++) {
          if (!allowed(i, m) || !ordered(j, i, m)) continue;
          const candidate = value + term(i, m);
          if (candidate > best[at(k + 1, i, m)]!) {
            best[at(k + 1, i, m)] = candidate;
            parent[at(k + 1, i, m)] = j;
          }
        }
      }
  let bestValue = Number.NEGATIVE_INFINITY;
  let bestK = 0;
  let bestJ = 0;
  for (let k = 1; k <= maxBins; k++)
    for (let j = 0; j < p; j++) {
      const value = best[at(k, j, p)]!;
      if (value === Number.NEGATIVE_INFINITY) continue;
      if (bestK === 0 || value > bestValue + 1e-12 * (1 + Math.abs(bestValue))) {
        bestValue = value;
        bestK = k;
        bestJ = j;
      }
    }
  if (bestK === 0) throw new Error('best partition: no grouping found (a single bin is always allowed)');
  const ends: number[] = [p];
  let k = bestK;
  let j = bestJ;
  let i = p;
  while (k > 1) {
    const before = parent[at(k, j, i)]!;
    ends.push(j);
    i = j;
    j = before;
    k--;
  }
  ends.reverse();
  return { ends, iv: bestValue };
}
