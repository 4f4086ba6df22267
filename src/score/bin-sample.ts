/**
 * Distributions over a model's bins, for the population stability index: the training
 * distribution a model records, and the distribution of a new sample binned with the model's
 * bins (the same rules as scoring: missing and unreadable values go to the missing bin, unseen
 * categories to the unseen bin).
 *
 * @example
 *   const expected = trainingShares(model.variables[0]!);
 *   const actual = sampleShares(model.variables[0]!, currentValues).shares;
 *   psi(expected, actual);
 */
import { binLookup } from './bin-lookup.js';
import type { ModelVariable } from './model-format.js';
import { assertShares } from './psi.js';
import { ScoreError } from './score-error.js';

/**
 * Rows in each bin and their shares.
 *
 * @example
 *   sampleShares(variable, values).shares; // e.g. [0.2, 0.5, 0.3, 0]
 */
export interface BinDistribution {
  readonly counts: number[];
  readonly shares: number[];
}

function distribution(counts: number[], what: string): BinDistribution {
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) throw new ScoreError(`${what}: no rows`);
  const shares = counts.map((c) => c / total);
  assertShares(shares, what);
  return { counts, shares };
}

/**
 * The share of the training rows in each bin of a model variable.
 *
 * @example
 *   trainingShares(variable); // e.g. [0.21, 0.43, 0.36, 0]
 */
export function trainingShares(variable: ModelVariable): number[] {
  return distribution(
    variable.bins.map((bin) => bin.count),
    `training shares of '${variable.name}'`,
  ).shares;
}

/**
 * Bins a sample of values with a model variable's bins.
 *
 * @example
 *   sampleShares(variable, [25, 31, null, 'x']).counts; // rows per bin
 */
export function sampleShares(variable: ModelVariable, values: Iterable<unknown>): BinDistribution {
  const lookup = binLookup(variable);
  const counts = new Array<number>(variable.bins.length).fill(0);
  for (const value of values) counts[lookup(value)]!++;
  return distribution(counts, `sample shares of '${variable.name}'`);
}
