/**
 * u probabilities: how often each level occurs between two records of different persons,
 * estimated from random pairs (almost all random pairs are of different persons). Every pair
 * when the file has fewer pairs than the sample. A pseudo-count keeps every u above zero.
 *
 * @example
 *   const { u, pairs } = estimateU(store, layout);
 *   u[0]; // [0, P(exact), P(close), ...] for the first column (level 0, missing, unused)
 */
import type { PatternLayout } from './comparison-vectors.js';
import { U_PSEUDO_COUNT, U_SAMPLE_PAIRS } from './limits.js';
import type { PersonStore } from './person-store.js';
import { seededRandom } from './random.js';

/**
 * u per column and level (level 0 is 0: missing carries no weight), and the pairs used.
 *
 * @example
 *   estimateU(store, layout, { samplePairs: 10_000, seed: 7 }).pairs; // 10000
 */
export function estimateU(
  store: PersonStore,
  layout: PatternLayout,
  options: { samplePairs?: number; seed?: number } = {},
): { u: number[][]; pairs: number } {
  const n = store.size;
  const wanted = options.samplePairs ?? U_SAMPLE_PAIRS;
  const counts = layout.levelCounts.map((levels) => new Float64Array(levels));
  const comparators = layout.comparators;
  const tally = (i: number, j: number): void => {
    for (let a = 0; a < comparators.length; a++) counts[a]![comparators[a]!(i, j)]!++;
  };
  const allPairs = (n * (n - 1)) / 2;
  let pairs = 0;
  if (allPairs <= wanted) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) tally(i, j);
    pairs = allPairs;
  } else {
    const next = seededRandom(options.seed ?? 1);
    while (pairs < wanted) {
      const i = Math.floor(next() * n);
      const j = Math.floor(next() * n);
      if (i === j) continue;
      tally(i, j);
      pairs++;
    }
  }
  const u = counts.map((levelCounts) => {
    let present = 0;
    for (let l = 1; l < levelCounts.length; l++) present += levelCounts[l]! + U_PSEUDO_COUNT;
    return Array.from(levelCounts, (count, l) => (l === 0 ? 0 : (count + U_PSEUDO_COUNT) / present));
  });
  return { u, pairs };
}
