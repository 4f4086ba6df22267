/**
 * k-fold cross-validation of the whole training procedure: with stratified folds from a seeded
 * generator, each fold is scored by a model trained (binning and selection included) on the
 * other folds. Reports each fold's AUC and the mean, sample standard deviation, minimum and
 * maximum; Gini = 2 * AUC - 1 (its mean and spread follow from the AUC's).
 *
 * @example
 *   const cv = crossValidate(data, { folds: 10, seed: 1, train: { target, createdAt } });
 *   cv.auc.mean; cv.auc.sd;
 */
import { auc } from './auc.js';
import { compileScorecard } from './compile-scorecard.js';
import { type Dataset, subsetDataset, variableValue } from './dataset.js';
import { stratifiedFolds } from './folds.js';
import { type TrainOptions, trainScorecard } from './train.js';

/**
 * One fold's result.
 *
 * @example
 *   crossValidate(data, options).folds.map((f: FoldResult) => f.auc);
 */
export interface FoldResult {
  readonly fold: number;
  /** Held-out rows and the bad ones among them. */
  readonly rows: number;
  readonly bad: number;
  readonly auc: number;
  /** Variables the fold's model used. */
  readonly variables: number;
}

/**
 * Mean, sample standard deviation, minimum and maximum over folds.
 *
 * @example
 *   const { mean, sd }: Spread = spread([0.78, 0.81, 0.75]);
 */
export interface Spread {
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Result of cross-validation.
 *
 * @example
 *   const cv: CrossValidation = crossValidate(data, { folds: 10, seed: 1, train });
 */
export interface CrossValidation {
  readonly folds: FoldResult[];
  readonly auc: Spread;
  readonly gini: Spread;
}

/**
 * Mean, sample standard deviation (n - 1), minimum and maximum.
 *
 * @example
 *   spread([0.7, 0.8]); // { mean: 0.75, sd: 0.0707..., min: 0.7, max: 0.8 }
 */
export function spread(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) throw new RangeError('spread of no values');
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = n > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, sd: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Cross-validates training on `data`.
 *
 * @example
 *   crossValidate(data, { folds: 5, seed: 7, train: options }).folds.length; // 5
 */
export function crossValidate(
  data: Dataset,
  options: { readonly folds: number; readonly seed: number; readonly train: TrainOptions },
): CrossValidation {
  const foldOf = stratifiedFolds(data.bad, options.folds, options.seed);
  const byName = new Map(data.variables.map((v) => [v.name, v]));
  const results: FoldResult[] = [];
  for (let fold = 0; fold < options.folds; fold++) {
    const held: number[] = [];
    const kept: number[] = [];
    for (let i = 0; i < data.rows; i++) (foldOf[i] === fold ? held : kept).push(i);
    const model = trainScorecard(subsetDataset(data, Int32Array.from(kept)), options.train);
    const scorecard = compileScorecard(model);
    const risk = new Float64Array(held.length);
    const outcome = new Uint8Array(held.length);
    held.forEach((row, k) => {
      risk[k] = -scorecard.scoreOf((name) => variableValue(byName.get(name)!, row));
      outcome[k] = data.bad[row]!;
    });
    let bad = 0;
    for (const y of outcome) bad += y;
    results.push({
      fold,
      rows: held.length,
      bad,
      auc: auc(risk, outcome),
      variables: model.variables.length,
    });
  }
  const aucSpread = spread(results.map((r) => r.auc));
  return {
    folds: results,
    auc: aucSpread,
    gini: {
      mean: 2 * aucSpread.mean - 1,
      sd: 2 * aucSpread.sd,
      min: 2 * aucSpread.min - 1,
      max: 2 * aucSpread.max - 1,
    },
  };
}
