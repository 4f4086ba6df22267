/**
 * Binning of a categorical variable: categories with fewer than rareCategoryShare of the rows
 * are merged into one rare group; the categories (and the rare group) are ordered by their
 * smoothed bad rate (ties by name) and grouped into at most maxBins contiguous groups of at
 * least minBinShare of the rows, the grouping with the highest IV. Missing values form their
 * own last bin. A category not seen in training carries no evidence: it is scored in the bin
 * whose WOE is closest to 0 (the empty missing bin, WOE 0, when training had no missing values).
 *
 * @example
 *   const binning = binCategorical(purposeVariable, data.bad, binningOptions({}));
 *   binning.bins; // [{ kind: 'categories', categories: ['radio/tv', 'used car'], rare: [] }, ...]
 */
import type { CategoricalVariable } from '../dataset.js';
import { WOE_SMOOTHING_ROWS } from '../limits.js';
import { bestPartition } from './best-partition.js';
import type { BinDefinition } from './bin-definitions.js';
import type { BinningOptions } from './binning-options.js';
import { type ClassCounts, fineClassEnds, mergeClasses } from './fine-classes.js';
import { finishBinning, type VariableBinning } from './variable-binning.js';

interface CategoryItem extends ClassCounts {
  readonly codes: number[];
  readonly rare: boolean;
  readonly name: string;
  readonly rank: number;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Bins a categorical variable (see the file comment).
 *
 * @example
 *   binCategorical(variable, bad, binningOptions({ rareCategoryShare: 0.02 })).unseenBin;
 */
export function binCategorical(
  variable: CategoricalVariable,
  bad: Uint8Array,
  options: BinningOptions,
): VariableBinning {
  const rows = variable.codes.length;
  const goods = new Float64Array(variable.categories.length);
  const bads = new Float64Array(variable.categories.length);
  let totalBad = 0;
  for (let i = 0; i < rows; i++) {
    totalBad += bad[i]!;
    const code = variable.codes[i]!;
    if (code < 0) continue;
    if (bad[i] === 1) bads[code]!++;
    else goods[code]!++;
  }
  const totalGood = rows - totalBad;
  const rareBelow = options.rareCategoryShare * rows;
  const items: CategoryItem[] = [];
  const rareCodes: number[] = [];
  let rareGood = 0;
  let rareBad = 0;
  for (let code = 0; code < variable.categories.length; code++) {
    const count = goods[code]! + bads[code]!;
    if (count === 0) continue;
    if (count < rareBelow) {
      rareCodes.push(code);
      rareGood += goods[code]!;
      rareBad += bads[code]!;
    } else items.push(item([code], goods[code]!, bads[code]!, false));
  }
  if (rareCodes.length > 0) items.push(item(rareCodes, rareGood, rareBad, true));
  function item(codes: number[], good: number, badCount: number, rare: boolean): CategoryItem {
    const pseudoBad = rows > 0 ? (WOE_SMOOTHING_ROWS * totalBad) / rows : 0;
    const rank = (badCount + pseudoBad) / (good + badCount + WOE_SMOOTHING_ROWS);
    const name = codes.map((c) => variable.categories[c]!).sort(byName)[0]!;
    return { codes, good, bad: badCount, rare, name, rank };
  }
  items.sort((a, b) => a.rank - b.rank || Number(a.rare) - Number(b.rare) || byName(a.name, b.name));
  const itemEnds =
    items.length > options.preBins ? fineClassEnds(items, options.preBins) : items.map((_, i) => i + 1);
  const classes = mergeClasses(items, itemEnds);
  const partition = bestPartition(classes, {
    minCount: Math.max(1, Math.ceil(options.minBinShare * rows)),
    maxBins: options.maxBins,
    direction: 'any',
    totalGood,
    totalBad,
  });
  const bins: BinDefinition[] = [];
  const binOfCode = new Int32Array(variable.categories.length).fill(-1);
  let start = 0;
  for (const classEnd of partition.ends) {
    const itemEnd = itemEnds[classEnd - 1]!;
    const members = items.slice(start === 0 ? 0 : itemEnds[start - 1]!, itemEnd);
    const rare = members
      .filter((m) => m.rare)
      .flatMap((m) => m.codes.map((c) => variable.categories[c]!))
      .sort(byName);
    for (const member of members) for (const code of member.codes) binOfCode[code] = bins.length;
    const categories = members.flatMap((m) => m.codes.map((c) => variable.categories[c]!)).sort(byName);
    bins.push({ kind: 'categories', categories, rare });
    start = classEnd;
  }
  bins.push({ kind: 'missing' });
  const missingBin = bins.length - 1;
  const binOf = new Uint16Array(rows);
  for (let i = 0; i < rows; i++) {
    const code = variable.codes[i]!;
    binOf[i] = code < 0 ? missingBin : binOfCode[code]!;
  }
  return finishBinning(variable.name, 'categorical', bins, binOf, bad, true);
}
