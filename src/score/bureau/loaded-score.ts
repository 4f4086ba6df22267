/**
 * A validated bureau score model made ready to serve: compiled once (bins and points), the
 * population's lower-than counts for percentiles, the served-points scale, and each variable's
 * definition and bin words. Built when a model is loaded, shared by every report.
 *
 * @example
 *   const loaded = loadBureauScore(validateBureauScoreModel(json));
 *   loaded.scale.toServed(loaded.compiled.scoreOf((name) => values[name]));
 */
import { type CompiledScorecard, compileScorecard } from '../compile-scorecard.js';
import { ScoreError } from '../score-error.js';
import { binWords } from './bin-words.js';
import { type BureauFeature, bureauFeature } from './bureau-feature-set.js';
import type { BureauScoreModel } from './bureau-score-model.js';
import { belowCounts } from './score-distribution.js';
import { type ScoreScale, scoreScale } from './score-scale.js';

/**
 * One variable of a loaded model: its definition and, per bin, its words and served points.
 *
 * @example
 *   loaded.variables[0]!.groups[0]; // words of the first bin
 */
export interface LoadedVariable {
  readonly feature: BureauFeature;
  /** Plain words of each bin, in bin order. */
  readonly groups: readonly string[];
  /** Served points of each bin: (points - the lowest bin's) * scale.perPoint. */
  readonly servedPoints: Float64Array;
  readonly maxServedPoints: number;
}

/**
 * A model ready to serve.
 *
 * @example
 *   const { model, compiled, scale, below, variables }: LoadedBureauScore = loaded;
 */
export interface LoadedBureauScore {
  readonly model: BureauScoreModel;
  readonly compiled: CompiledScorecard;
  readonly scale: ScoreScale;
  /** belowCounts of the population's scores (percentiles). */
  readonly below: Float64Array;
  /** In the scorecard's variable order. */
  readonly variables: readonly LoadedVariable[];
}

/**
 * Prepares a validated model (validateBureauScoreModel) for serving.
 *
 * @example
 *   loadBureauScore(model).variables.length === model.scorecard.variables.length; // true
 */
export function loadBureauScore(model: BureauScoreModel): LoadedBureauScore {
  const compiled = compileScorecard(model.scorecard);
  const scale = scoreScale(model.scorecard);
  const variables = model.scorecard.variables.map((v): LoadedVariable => {
    const feature = bureauFeature(v.name);
    if (!feature) throw new ScoreError(`the model's variable '${v.name}' is not a candidate variable`);
    const lowest = Math.min(...v.bins.map((b) => b.points));
    const servedPoints = Float64Array.from(v.bins, (b) => (b.points - lowest) * scale.perPoint);
    return {
      feature,
      groups: v.bins.map((b) => binWords(feature, b, model.features.currency)),
      servedPoints,
      maxServedPoints: Math.max(...servedPoints),
    };
  });
  return { model, compiled, scale, below: belowCounts(model.population.scoreCounts), variables };
}
