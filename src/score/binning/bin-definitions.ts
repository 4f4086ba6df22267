/**
 * What a bin holds: a range of numbers [lower, upper) (null = unbounded), a group of
 * categories, or the missing values. Every variable has exactly one missing bin, its last.
 *
 * @example
 *   binLabel({ kind: 'range', lower: 12, upper: 24 }); // '[12, 24)'
 *   binLabel({ kind: 'categories', categories: ['a', 'b', 'c'], rare: ['c'] }); // 'a, b; rare: c'
 */

/**
 * Numbers from `lower` (inclusive; null: no lower bound) to `upper` (exclusive; null: none).
 *
 * @example
 *   const bin: RangeBin = { kind: 'range', lower: 25, upper: 40 }; // 25 <= x < 40
 */
export interface RangeBin {
  readonly kind: 'range';
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * A group of categories. `rare` lists those of them that were too rare to stand alone and were
 * merged into one group first (at most one bin has any).
 *
 * @example
 *   const bin: CategoriesBin = { kind: 'categories', categories: ['car', 'tv'], rare: [] };
 */
export interface CategoriesBin {
  readonly kind: 'categories';
  /** Every category of the bin, sorted. */
  readonly categories: readonly string[];
  /** The rare ones among them, sorted. */
  readonly rare: readonly string[];
}

/**
 * The missing values (empty when training had none: then its WOE is 0, the average).
 *
 * @example
 *   const bin: MissingBin = { kind: 'missing' };
 */
export interface MissingBin {
  readonly kind: 'missing';
}

/**
 * A bin of a variable.
 *
 * @example
 *   binning.bins.filter((b: BinDefinition) => b.kind === 'range').length;
 */
export type BinDefinition = RangeBin | CategoriesBin | MissingBin;

/**
 * A short readable description of a bin.
 *
 * @example
 *   binLabel({ kind: 'range', lower: null, upper: 30 }); // '< 30'
 */
export function binLabel(bin: BinDefinition): string {
  switch (bin.kind) {
    case 'missing':
      return 'missing';
    case 'categories': {
      const common = bin.categories.filter((c) => !bin.rare.includes(c));
      const parts = common.length > 0 ? [common.join(', ')] : [];
      if (bin.rare.length > 0) parts.push(`rare: ${bin.rare.join(', ')}`);
      return parts.join('; ');
    }
    case 'range':
      if (bin.lower === null && bin.upper === null) return 'any value';
      if (bin.lower === null) return `< ${bin.upper}`;
      if (bin.upper === null) return `>= ${bin.lower}`;
      return `[${bin.lower}, ${bin.upper})`;
  }
}

/**
 * A cut point c with low < c <= high, as short a decimal as possible (12 and 15 give 14), so
 * that bins read well and every training value stays in its bin.
 *
 * @example
 *   cutBetween(12, 15); // 14
 *   cutBetween(0.11, 0.19); // 0.15
 */
export function cutBetween(low: number, high: number): number {
  if (!(low < high)) throw new RangeError(`cutBetween: ${low} is not below ${high}`);
  const middle = low / 2 + high / 2;
  for (let digits = 1; digits <= 17; digits++) {
    const candidate = Number(middle.toPrecision(digits));
    if (candidate > low && candidate <= high) return candidate;
  }
  return high;
}
