/**
 * Trains a scorecard: bins every variable, computes WOE and IV, selects variables, fits the
 * logistic regression of the outcome on the selected variables' WOE, drops any variable whose
 * coefficient comes out with the wrong sign (a higher WOE must not mean more risk) and fits
 * again, then scales to points. The same data and options give the same model, byte for byte:
 * the creation date is an input, not the clock.
 *
 * @example
 *   const model = trainScorecard(data, {
 *     target: { column: 'class', badValue: 'bad', description: 'class = bad' },
 *     createdAt: '2025-01-31T00:00:00.000Z',
 *   });
 *   model.variables.map((v) => v.name);
 */
import { auc, gini } from './auc.js';
import { binLabel } from './binning/bin-definitions.js';
import { binVariable } from './binning/bin-variable.js';
import { type BinningOptions, binningOptions } from './binning/binning-options.js';
import type { VariableBinning } from './binning/variable-binning.js';
import { assertDataset, type Dataset } from './dataset.js';
import { DEFAULT_RIDGE, WOE_SMOOTHING_ROWS } from './limits.js';
import { fitLogisticRegression, type LogisticFit } from './logistic-regression.js';
import {
  type ModelBin,
  type ModelCandidate,
  type ModelTarget,
  type ModelVariable,
  SCORECARD_FORMAT,
  SCORECARD_FORMAT_VERSION,
  type ScorecardModel,
} from './model-format.js';
import {
  binPoints,
  constantScore,
  roundPoints,
  type ScalingParameters,
  scalingConstants,
  scalingParameters,
} from './scaling.js';
import { ScoreError } from './score-error.js';
import {
  type SelectionDecision,
  type SelectionOptions,
  selectionOptions,
  selectVariables,
} from './selection.js';

/**
 * What to train and how.
 *
 * @example
 *   const options: TrainOptions = { target, createdAt: '2025-01-31T00:00:00.000Z' };
 */
export interface TrainOptions {
  readonly target: ModelTarget;
  /** ISO 8601 date-time written into the model (the caller's clock, so training stays pure). */
  readonly createdAt: string;
  readonly scaling?: Partial<ScalingParameters>;
  readonly binning?: Partial<BinningOptions>;
  readonly selection?: Partial<SelectionOptions>;
  /** L2 penalty of the regression (default DEFAULT_RIDGE). */
  readonly ridge?: number;
}

function fitOn(data: Dataset, used: readonly VariableBinning[], ridge: number): LogisticFit {
  return fitLogisticRegression(
    data.rows,
    used.length,
    (row, out) => {
      for (let j = 0; j < used.length; j++) out[j] = used[j]!.woe.woe[used[j]!.binOf[row]!]!;
    },
    data.bad,
    { ridge },
  );
}

function modelBins(binning: VariableBinning, points: (woe: number) => number): ModelBin[] {
  return binning.bins.map((bin, b) => {
    const count = binning.goods[b]! + binning.bads[b]!;
    const woe = binning.woe.woe[b]!;
    return {
      ...bin,
      label: binLabel(bin),
      count,
      bad: binning.bads[b]!,
      badRate: count === 0 ? null : binning.bads[b]! / count,
      woe,
      points: points(woe),
    };
  });
}

/**
 * Trains a model on `data` (see the file comment).
 *
 * @example
 *   trainScorecard(data, { target, createdAt: new Date().toISOString(), scaling: { baseScore: 500 } });
 */
export function trainScorecard(data: Dataset, options: TrainOptions): ScorecardModel {
  assertDataset(data);
  if (Number.isNaN(Date.parse(options.createdAt)))
    throw new ScoreError(`creation date must be an ISO 8601 date, got '${options.createdAt}'`);
  const binning = binningOptions(options.binning);
  const selection = selectionOptions(options.selection);
  const scaling = scalingParameters(options.scaling);
  const ridge = options.ridge ?? DEFAULT_RIDGE;
  let bads = 0;
  for (let i = 0; i < data.rows; i++) bads += data.bad[i]!;
  if (bads === 0 || bads === data.rows)
    throw new ScoreError(`training needs bad and good rows; got ${bads} bad of ${data.rows}`);

  const binnings = data.variables.map((variable) => binVariable(variable, data.bad, binning));
  const chosen = selectVariables(binnings, selection);
  const decisions = new Map<string, SelectionDecision>(chosen.decisions.map((d) => [d.name, d]));
  let used = binnings.filter((b) => chosen.selected.includes(b));
  let fit = fitOn(data, used, ridge);
  for (;;) {
    const wrong = used
      .map((b, j) => ({ binning: b, beta: fit.coefficients[j]! }))
      .filter((c) => c.beta >= 0)
      .sort((a, b) => a.binning.woe.iv - b.binning.woe.iv || (a.binning.name < b.binning.name ? -1 : 1))[0];
    if (!wrong) break;
    decisions.set(wrong.binning.name, {
      ...decisions.get(wrong.binning.name)!,
      selected: false,
      reason: `coefficient with the wrong sign (${wrong.beta.toFixed(3)}) beside the other variables`,
    });
    used = used.filter((b) => b !== wrong.binning);
    fit = fitOn(data, used, ridge);
  }

  const constants = scalingConstants(scaling);
  const variables: ModelVariable[] = used.map((b, j) => {
    const beta = fit.coefficients[j]!;
    return {
      name: b.name,
      kind: b.kind,
      iv: b.woe.iv,
      coefficient: beta,
      unseenBin: b.unseenBin,
      bins: modelBins(b, (woe) => binPoints(woe, beta, fit.intercept, used.length, constants)),
    };
  });
  const basePoints = used.length === 0 ? constantScore(fit.intercept, constants) : 0;
  let min = basePoints;
  let max = basePoints;
  for (const variable of variables) {
    min += Math.min(...variable.bins.map((bin) => bin.points));
    max += Math.max(...variable.bins.map((bin) => bin.points));
  }
  const scores = new Float64Array(data.rows);
  for (let i = 0; i < data.rows; i++) {
    let total = basePoints;
    for (let j = 0; j < used.length; j++) total += variables[j]!.bins[used[j]!.binOf[i]!]!.points;
    scores[i] = -roundPoints(total);
  }
  const trainingAuc = auc(scores, data.bad);
  const candidates: ModelCandidate[] = chosen.decisions.map((d) => {
    const b = binnings.find((x) => x.name === d.name)!;
    const decision = decisions.get(d.name)!;
    return {
      name: d.name,
      kind: b.kind,
      iv: d.iv,
      bins: b.bins.length,
      selected: decision.selected,
      reason: decision.reason,
    };
  });
  return {
    format: SCORECARD_FORMAT,
    version: SCORECARD_FORMAT_VERSION,
    createdAt: options.createdAt,
    target: {
      column: options.target.column,
      badValue: options.target.badValue,
      description: options.target.description,
    },
    data: { rows: data.rows, bad: bads, good: data.rows - bads, badRate: bads / data.rows },
    scaling: { ...scaling, ...constants, odds: 'good:bad' },
    intercept: fit.intercept,
    basePoints,
    scoreRange: { min: roundPoints(min), max: roundPoints(max) },
    variables,
    candidates,
    training: { auc: trainingAuc, gini: gini(trainingAuc), iterations: fit.iterations },
    settings: { binning, selection, ridge, woeSmoothingRows: WOE_SMOOTHING_ROWS },
  };
}
