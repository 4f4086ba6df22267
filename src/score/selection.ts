/**
 * Variable selection: a variable with an information value below minIv is dropped; the others
 * are taken in order of IV (highest first, ties by name), and one whose WOE correlates with an
 * already kept variable by more than maxCorrelation (absolute Pearson) is dropped, so of any
 * such pair the one with the higher IV stays.
 *
 * @example
 *   const { decisions } = selectVariables(binnings, selectionOptions({}));
 *   decisions.filter((d) => d.selected).map((d) => d.name);
 */
import type { VariableBinning } from './binning/variable-binning.js';
import { woeCorrelation } from './correlation.js';
import { DEFAULT_MAX_CORRELATION, DEFAULT_MIN_IV } from './limits.js';
import { ScoreError } from './score-error.js';

/**
 * Thresholds of selection.
 *
 * @example
 *   const options: SelectionOptions = { minIv: 0.02, maxCorrelation: 0.7 };
 */
export interface SelectionOptions {
  readonly minIv: number;
  readonly maxCorrelation: number;
}

/**
 * Whether a variable was selected, and why not.
 *
 * @example
 *   selectVariables(binnings, options).decisions.map((d: SelectionDecision) => d.reason);
 */
export interface SelectionDecision {
  readonly name: string;
  readonly iv: number;
  readonly selected: boolean;
  /** 'selected', 'IV below 0.02' or 'correlated with X (|r| = 0.81), which has a higher IV'. */
  readonly reason: string;
}

/**
 * Fills in defaults and checks the thresholds.
 *
 * @example
 *   selectionOptions({ maxCorrelation: 0.8 }).minIv; // 0.02
 */
export function selectionOptions(options: Partial<SelectionOptions> = {}): SelectionOptions {
  const minIv = options.minIv ?? DEFAULT_MIN_IV;
  const maxCorrelation = options.maxCorrelation ?? DEFAULT_MAX_CORRELATION;
  if (!(minIv >= 0) || !Number.isFinite(minIv)) throw new ScoreError(`minimum IV must be >= 0, got ${minIv}`);
  if (!(maxCorrelation > 0 && maxCorrelation <= 1))
    throw new ScoreError(`maximum correlation must be in (0, 1], got ${maxCorrelation}`);
  return { minIv, maxCorrelation };
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Decides for every binned variable; decisions come in order of IV (highest first).
 *
 * @example
 *   selectVariables(binnings, { minIv: 0.02, maxCorrelation: 0.7 }).selected; // binnings kept, by IV
 */
export function selectVariables(
  binnings: readonly VariableBinning[],
  options: SelectionOptions,
): { decisions: SelectionDecision[]; selected: VariableBinning[] } {
  const ordered = [...binnings].sort((a, b) => b.woe.iv - a.woe.iv || byName(a.name, b.name));
  const selected: VariableBinning[] = [];
  const decisions: SelectionDecision[] = [];
  for (const binning of ordered) {
    const iv = binning.woe.iv;
    if (!(iv >= options.minIv)) {
      decisions.push({ name: binning.name, iv, selected: false, reason: `IV below ${options.minIv}` });
      continue;
    }
    let conflict: { name: string; r: number } | null = null;
    for (const kept of selected) {
      const r = woeCorrelation(binning, kept);
      if (Math.abs(r) > options.maxCorrelation) {
        conflict = { name: kept.name, r };
        break;
      }
    }
    if (conflict)
      decisions.push({
        name: binning.name,
        iv,
        selected: false,
        reason: `correlated with ${conflict.name} (|r| = ${Math.abs(conflict.r).toFixed(2)}), which has a higher IV`,
      });
    else {
      selected.push(binning);
      decisions.push({ name: binning.name, iv, selected: true, reason: 'selected' });
    }
  }
  return { decisions, selected };
}
