/**
 * Bins any variable of a dataset: numeric or categorical.
 *
 * @example
 *   const binnings = data.variables.map((v) => binVariable(v, data.bad, binningOptions({})));
 */
import type { Variable } from '../dataset.js';
import type { BinningOptions } from './binning-options.js';
import { binCategorical } from './categorical-binning.js';
import { binNumeric } from './numeric-binning.js';
import type { VariableBinning } from './variable-binning.js';

/**
 * Bins one variable against the outcome `bad` (1 = bad).
 *
 * @example
 *   binVariable(data.variables[0]!, data.bad, binningOptions({ maxBins: 4 })).bins.length; // at most 5
 */
export function binVariable(variable: Variable, bad: Uint8Array, options: BinningOptions): VariableBinning {
  return variable.kind === 'numeric'
    ? binNumeric(variable, bad, options)
    : binCategorical(variable, bad, options);
}
