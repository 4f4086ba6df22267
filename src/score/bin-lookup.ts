/**
 * Finds the bin of a value for a model variable. Numeric: a number, or a string holding a
 * decimal number, goes to its range; anything else (null, undefined, '', NaN, text) goes to the
 * missing bin. Categorical: a string (spaces trimmed) or a number or boolean written as text
 * goes to the bin holding that category; an unknown category to the variable's unseen bin;
 * null, undefined and '' to the missing bin. Never throws.
 *
 * @example
 *   const lookup = binLookup(model.variables[0]!);
 *   lookup(35); // index of the bin holding 35
 *   lookup(null); // the missing bin (the last)
 */
import { rangeIndex } from './binning/numeric-binning.js';
import type { ModelVariable } from './model-format.js';
import { parseDecimal } from './parse-decimal.js';

/**
 * A function from a value to the index of its bin in `variable.bins`.
 *
 * @example
 *   binLookup(variable)('  12 '); // same bin as 12
 */
export function binLookup(variable: ModelVariable): (value: unknown) => number {
  const missing = variable.bins.length - 1;
  if (variable.kind === 'numeric') {
    const cuts: number[] = [];
    for (const bin of variable.bins) if (bin.kind === 'range' && bin.upper !== null) cuts.push(bin.upper);
    return (value: unknown): number => {
      let number: number | null = null;
      if (typeof value === 'number') number = value;
      else if (typeof value === 'string') number = parseDecimal(value);
      else if (typeof value === 'bigint') number = Number(value);
      return number === null || Number.isNaN(number) ? missing : rangeIndex(cuts, number);
    };
  }
  const binOf = new Map<string, number>();
  variable.bins.forEach((bin, index) => {
    if (bin.kind === 'categories') for (const category of bin.categories) binOf.set(category, index);
  });
  const unseen = variable.unseenBin ?? missing;
  return (value: unknown): number => {
    let text: string;
    if (typeof value === 'string') text = value.trim();
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
      text = String(value);
    else return missing;
    if (text === '' || (typeof value === 'number' && Number.isNaN(value))) return missing;
    return binOf.get(text) ?? unseen;
  };
}
