/**
 * Comparison vectors: the level of every attribute for a pair, packed into one number (mixed
 * radix, exact below 2^53), and the histogram of those patterns over the candidate pairs, which
 * is all that EM needs: a few thousand distinct patterns stand for millions of pairs.
 *
 * @example
 *   const layout = patternLayout(store);
 *   const { codes, histogram } = compareCandidates(layout, candidates);
 *   decodePattern(layout, codes[0]!); // Uint8Array of levels, one per column
 */
import type { LevelComparator } from './compare-levels.js';
import { type Comparison, comparisonsFor } from './comparisons.js';
import type { PersonStore } from './person-store.js';

/**
 * The comparisons, their comparators and the radix of each in a pattern code.
 *
 * @example
 *   layout.comparisons.map((c) => c.name);
 */
export interface PatternLayout {
  comparisons: readonly Comparison[];
  comparators: readonly LevelComparator[];
  /** Levels of each comparison (the radix of its digit). */
  levelCounts: readonly number[];
  strides: readonly number[];
}

/**
 * The layout of a store's comparisons.
 *
 * @example
 *   patternLayout(store).levelCounts; // [7, 7, 5, ...]
 */
export function patternLayout(store: PersonStore): PatternLayout {
  const comparisons = comparisonsFor(store);
  const levelCounts = comparisons.map((c) => c.levels.length);
  const strides: number[] = [];
  let stride = 1;
  for (const count of levelCounts) {
    strides.push(stride);
    stride *= count;
  }
  if (stride > Number.MAX_SAFE_INTEGER) throw new Error('invariant: too many attributes for a pattern code');
  return { comparisons, comparators: comparisons.map((c) => c.compare), levelCounts, strides };
}

/**
 * The pattern code of records i and j.
 *
 * @example
 *   patternOf(layout, 0, 1); // 0 when every attribute is missing on one side
 */
export function patternOf(layout: PatternLayout, i: number, j: number): number {
  let code = 0;
  const { comparators, strides } = layout;
  for (let a = 0; a < comparators.length; a++) code += comparators[a]!(i, j) * strides[a]!;
  return code;
}

/**
 * The levels packed in a pattern code.
 *
 * @example
 *   decodePattern(layout, patternOf(layout, 0, 1))[0]; // level of the first column
 */
export function decodePattern(layout: PatternLayout, code: number): Uint8Array {
  const levels = new Uint8Array(layout.levelCounts.length);
  let rest = code;
  for (let a = 0; a < levels.length; a++) {
    const radix = layout.levelCounts[a]!;
    levels[a] = rest % radix;
    rest = Math.floor(rest / radix);
  }
  return levels;
}

/**
 * The pattern of every candidate pair and how often each pattern occurs.
 *
 * @example
 *   compareCandidates(layout, { left, right, count }).histogram.size; // distinct patterns
 */
export function compareCandidates(
  layout: PatternLayout,
  pairs: { left: Int32Array; right: Int32Array; count: number },
): { codes: Float64Array; histogram: Map<number, number> } {
  const codes = new Float64Array(pairs.count);
  const histogram = new Map<number, number>();
  for (let k = 0; k < pairs.count; k++) {
    const code = patternOf(layout, pairs.left[k]!, pairs.right[k]!);
    codes[k] = code;
    histogram.set(code, (histogram.get(code) ?? 0) + 1);
  }
  return { codes, histogram };
}
