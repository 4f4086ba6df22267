/**
 * Binning of a numeric variable: the distinct values in ascending order are cut into fine
 * classes of about equal size, which are grouped into at most maxBins ranges of at least
 * minBinShare of the rows each; 'monotonic' requires the bad rate to rise (or fall) strictly
 * from range to range and takes the direction with the higher IV, 'optimal' takes the grouping
 * with the highest IV. Cuts lie between two training values, as short decimals. Missing values
 * (NaN) form their own last bin.
 *
 * @example
 *   const binning = binNumeric(ageVariable, data.bad, binningOptions({ maxBins: 5 }));
 *   binning.bins; // [{ kind: 'range', lower: null, upper: 26 }, ..., { kind: 'missing' }]
 */
import type { NumericVariable } from '../dataset.js';
import { ScoreError } from '../score-error.js';
import { bestPartition, type Partition } from './best-partition.js';
import { type BinDefinition, cutBetween } from './bin-definitions.js';
import type { BinningOptions } from './binning-options.js';
import { type ClassCounts, fineClassEnds, mergeClasses } from './fine-classes.js';
import { finishBinning, type VariableBinning } from './variable-binning.js';

interface ValueGroups {
  readonly values: number[];
  readonly counts: ClassCounts[];
}

/** Distinct non-missing values in ascending order with their good and bad rows. */
function valueGroups(variable: NumericVariable, bad: Uint8Array): ValueGroups {
  let bads = 0;
  let goods = 0;
  for (let i = 0; i < variable.values.length; i++) {
    const value = variable.values[i]!;
    if (Number.isNaN(value)) continue;
    if (!Number.isFinite(value))
      throw new ScoreError(`variable '${variable.name}' row ${i}: ${value} is not finite`);
    if (bad[i] === 1) bads++;
    else goods++;
  }
  const badValues = new Float64Array(bads);
  const goodValues = new Float64Array(goods);
  bads = 0;
  goods = 0;
  for (let i = 0; i < variable.values.length; i++) {
    const value = variable.values[i]!;
    if (Number.isNaN(value)) continue;
    if (bad[i] === 1) badValues[bads++] = value;
    else goodValues[goods++] = value;
  }
  badValues.sort();
  goodValues.sort();
  const values: number[] = [];
  const counts: ClassCounts[] = [];
  let b = 0;
  let g = 0;
  while (b < badValues.length || g < goodValues.length) {
    const value = Math.min(
      b < badValues.length ? badValues[b]! : Infinity,
      g < goodValues.length ? goodValues[g]! : Infinity,
    );
    let badCount = 0;
    let goodCount = 0;
    while (b < badValues.length && badValues[b] === value) {
      b++;
      badCount++;
    }
    while (g < goodValues.length && goodValues[g] === value) {
      g++;
      goodCount++;
    }
    values.push(value);
    counts.push({ good: goodCount, bad: badCount });
  }
  return { values, counts };
}

/**
 * Bins a numeric variable (see the file comment).
 *
 * @example
 *   binNumeric(variable, bad, binningOptions({ numericMethod: 'optimal' })).woe.iv;
 */
export function binNumeric(
  variable: NumericVariable,
  bad: Uint8Array,
  options: BinningOptions,
): VariableBinning {
  const rows = variable.values.length;
  let totalBad = 0;
  for (let i = 0; i < rows; i++) totalBad += bad[i]!;
  const groups = valueGroups(variable, bad);
  const groupEnds = fineClassEnds(groups.counts, options.preBins);
  const classes = mergeClasses(groups.counts, groupEnds);
  const constraints = {
    minCount: Math.max(1, Math.ceil(options.minBinShare * rows)),
    maxBins: options.maxBins,
    totalGood: rows - totalBad,
    totalBad,
  };
  let partition: Partition;
  if (options.numericMethod === 'optimal')
    partition = bestPartition(classes, { ...constraints, direction: 'any' });
  else {
    const rising = bestPartition(classes, { ...constraints, direction: 'increasing' });
    const falling = bestPartition(classes, { ...constraints, direction: 'decreasing' });
    partition = falling.iv > rising.iv ? falling : rising;
  }
  const cuts: number[] = [];
  for (const classEnd of partition.ends.slice(0, -1)) {
    const groupEnd = groupEnds[classEnd - 1]!;
    cuts.push(cutBetween(groups.values[groupEnd - 1]!, groups.values[groupEnd]!));
  }
  const bins: BinDefinition[] = [];
  for (let k = 0; k <= cuts.length; k++)
    bins.push({
      kind: 'range',
      lower: k === 0 ? null : cuts[k - 1]!,
      upper: k === cuts.length ? null : cuts[k]!,
    });
  bins.push({ kind: 'missing' });
  const missingBin = bins.length - 1;
  const binOf = new Uint16Array(rows);
  for (let i = 0; i < rows; i++) {
    const value = variable.values[i]!;
    binOf[i] = Number.isNaN(value) ? missingBin : rangeIndex(cuts, value);
  }
  return finishBinning(variable.name, 'numeric', bins, binOf, bad, false);
}

/**
 * The range a value falls in: the number of cuts at or below it (binary search).
 *
 * @example
 *   rangeIndex([10, 20], 15); // 1
 *   rangeIndex([10, 20], 20); // 2
 */
export function rangeIndex(cuts: readonly number[], value: number): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (value >= cuts[middle]!) low = middle + 1;
    else high = middle;
  }
  return low;
}
