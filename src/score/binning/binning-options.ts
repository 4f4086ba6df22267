/**
 * Options of binning, their defaults and their checks.
 *
 * @example
 *   const options = binningOptions({ maxBins: 5 }); // the rest from the defaults
 */
import {
  DEFAULT_MAX_BINS,
  DEFAULT_MIN_BIN_SHARE,
  DEFAULT_PRE_BINS,
  DEFAULT_RARE_CATEGORY_SHARE,
  MAX_BINS,
  MAX_PRE_BINS,
} from '../limits.js';
import { ScoreError } from '../score-error.js';

/**
 * How a variable's values are grouped into bins.
 *
 * @example
 *   const options: BinningOptions = binningOptions({ numericMethod: 'optimal' });
 */
export interface BinningOptions {
  /** 'monotonic': the bad rate rises or falls with the value (the direction with the higher IV);
   *  'optimal': the grouping of fine classes with the highest IV, in any shape. */
  readonly numericMethod: 'monotonic' | 'optimal';
  /** Smallest share of the rows in a bin (the missing bin is exempt). */
  readonly minBinShare: number;
  /** Most bins of a variable, not counting the missing bin. */
  readonly maxBins: number;
  /** Fine classes (quantiles or categories) before grouping. */
  readonly preBins: number;
  /** Categories with a smaller share are merged into one rare group. */
  readonly rareCategoryShare: number;
}

/**
 * Fills in defaults and checks every option (ScoreError on a bad one).
 *
 * @example
 *   binningOptions({}).minBinShare; // 0.05
 */
export function binningOptions(options: Partial<BinningOptions> = {}): BinningOptions {
  const result: BinningOptions = {
    numericMethod: options.numericMethod ?? 'monotonic',
    minBinShare: options.minBinShare ?? DEFAULT_MIN_BIN_SHARE,
    maxBins: options.maxBins ?? DEFAULT_MAX_BINS,
    preBins: options.preBins ?? DEFAULT_PRE_BINS,
    rareCategoryShare: options.rareCategoryShare ?? DEFAULT_RARE_CATEGORY_SHARE,
  };
  if (result.numericMethod !== 'monotonic' && result.numericMethod !== 'optimal')
    throw new ScoreError(`binning method must be 'monotonic' or 'optimal', got '${result.numericMethod}'`);
  if (!(result.minBinShare > 0 && result.minBinShare <= 0.5))
    throw new ScoreError(`minimum bin share must be in (0, 0.5], got ${result.minBinShare}`);
  if (!Number.isInteger(result.maxBins) || result.maxBins < 1 || result.maxBins > MAX_BINS)
    throw new ScoreError(`maximum bins must be an integer from 1 to ${MAX_BINS}, got ${result.maxBins}`);
  if (!Number.isInteger(result.preBins) || result.preBins < 2 || result.preBins > MAX_PRE_BINS)
    throw new ScoreError(`fine classes must be an integer from 2 to ${MAX_PRE_BINS}, got ${result.preBins}`);
  if (!(result.rareCategoryShare >= 0 && result.rareCategoryShare < 0.5))
    throw new ScoreError(`rare category share must be in [0, 0.5), got ${result.rareCategoryShare}`);
  return result;
}
