/**
 * Trains the bureau score from samples already read: the scorecard on the training rows (one
 * observation month), its AUC and Gini on the out-of-time hold-out rows (a later observation
 * month), on all of them and on those not already bad at that month, and the served-score
 * distributions of the training rows and of the scored population. Pure: the same samples and
 * options give the same model.
 *
 * @example
 *   const model = trainBureauScore({ training, holdout, holdoutAlreadyBad, population, ... }, options);
 *   model.holdout.auc; // the out-of-time AUC
 */
import type { Currency } from '../../domain/codes.js';
import { auc, gini } from '../auc.js';
import { type CompiledScorecard, compileScorecard } from '../compile-scorecard.js';
import type { ScorecardModel } from '../model-format.js';
import { ScoreError } from '../score-error.js';
import { trainScorecard } from '../train.js';
import { BUREAU_FEATURE_SET } from './bureau-feature-set.js';
import {
  BUREAU_SCORE_FORMAT,
  BUREAU_SCORE_FORMAT_VERSION,
  type BureauScoreModel,
  type SampleMeasure,
} from './bureau-score-model.js';
import type { FeatureTable } from './feature-table.js';
import { BUREAU_MIN_BIN_SHARE, MIN_OUTCOME_ROWS } from './limits.js';
import { OUTCOME_DESCRIPTION, OUTCOME_MONTHS } from './outcome.js';
import { scoreCounts } from './score-distribution.js';
import { scoreScale } from './score-scale.js';

/**
 * The samples of one build.
 *
 * @example
 *   const samples: BureauScoreSamples = { training, trainingAlreadyBad: 3, holdout, holdoutAlreadyBad, population };
 */
export interface BureauScoreSamples {
  readonly training: FeatureTable;
  /** Training rows already bad at the training month (they are in `training`). */
  readonly trainingAlreadyBad: number;
  readonly holdout: FeatureTable;
  /** One flag a hold-out row: 1 when already bad at the hold-out month. */
  readonly holdoutAlreadyBad: Uint8Array;
  /** The scored population now (outcomes unused). */
  readonly population: FeatureTable;
}

/**
 * What the model records about its making.
 *
 * @example
 *   const options: BureauScoreTrainOptions = { createdAt, currency: 'CNY', observation, sample, populationMonth };
 */
export interface BureauScoreTrainOptions {
  readonly createdAt: string;
  readonly currency: Currency;
  readonly observation: Omit<BureauScoreModel['observation'], 'outcomeMonths' | 'outcome'>;
  readonly sample: BureauScoreModel['sample'];
  readonly populationMonth: string;
}

/**
 * The served score (0-1000) of every row of `table`.
 *
 * @example
 *   servedScores(compileScorecard(model.scorecard), table); // Int32Array of table.rows scores
 */
export function servedScores(compiled: CompiledScorecard, table: FeatureTable): Int32Array {
  const scale = scoreScale(compiled.model);
  const columns = new Map<string, Float64Array>();
  for (const v of compiled.variables) {
    const column = table.column(v.variable.name);
    if (!column) throw new ScoreError(`the model's variable '${v.variable.name}' is not a candidate`);
    columns.set(v.variable.name, column);
  }
  const out = new Int32Array(table.rows);
  let row = 0;
  const read = (name: string): number => columns.get(name)![row]!;
  for (; row < table.rows; row++) out[row] = scale.toServed(compiled.scoreOf(read));
  return out;
}

function measured(scores: Int32Array, bad: Uint8Array, keep?: Uint8Array): SampleMeasure {
  const risk: number[] = [];
  const outcome: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (keep && keep[i] !== 1) continue;
    risk.push(-scores[i]!);
    outcome.push(bad[i]!);
  }
  const persons = risk.length;
  const badRows = outcome.reduce((s, b) => s + b, 0);
  if (badRows === 0 || badRows === persons) return { persons, bad: badRows, auc: 0.5, gini: 0 };
  const a = auc(Float64Array.from(risk), Uint8Array.from(outcome));
  return { persons, bad: badRows, auc: a, gini: gini(a) };
}

function assertOutcomes(table: FeatureTable, what: string): void {
  const bad = table.bad;
  if (bad < MIN_OUTCOME_ROWS || table.rows - bad < MIN_OUTCOME_ROWS)
    throw new ScoreError(
      `${what}: ${bad} bad and ${table.rows - bad} good persons; at least ${MIN_OUTCOME_ROWS} of each are needed`,
    );
}

/**
 * Trains and measures the bureau score (see the module comment). ScoreError when a sample has
 * too few bad or good persons, or when no variable is selected.
 *
 * @example
 *   trainBureauScore(samples, options).scorecard.variables.map((v) => v.name);
 */
export function trainBureauScore(
  samples: BureauScoreSamples,
  options: BureauScoreTrainOptions,
): BureauScoreModel {
  assertOutcomes(samples.training, `training sample (${options.observation.trainingMonth})`);
  assertOutcomes(samples.holdout, `hold-out sample (${options.observation.holdoutMonth})`);
  if (samples.holdoutAlreadyBad.length !== samples.holdout.rows)
    throw new ScoreError('invariant: one already-bad flag per hold-out row');
  if (samples.population.rows === 0) throw new ScoreError('no scorable person in the current population');
  const scorecard: ScorecardModel = trainScorecard(samples.training.dataset(), {
    target: { column: 'bad', badValue: '1', description: OUTCOME_DESCRIPTION },
    createdAt: options.createdAt,
    binning: { minBinShare: BUREAU_MIN_BIN_SHARE },
  });
  if (scorecard.variables.length === 0)
    throw new ScoreError('no variable was selected: nothing to score with');
  const compiled = compileScorecard(scorecard);
  const trainingScores = servedScores(compiled, samples.training);
  const holdoutScores = servedScores(compiled, samples.holdout);
  const populationScores = servedScores(compiled, samples.population);
  const notAlreadyBad = samples.holdoutAlreadyBad.map((flag) => (flag === 1 ? 0 : 1));
  return {
    format: BUREAU_SCORE_FORMAT,
    formatVersion: BUREAU_SCORE_FORMAT_VERSION,
    version: 0,
    createdAt: options.createdAt,
    features: { set: BUREAU_FEATURE_SET, currency: options.currency },
    observation: { ...options.observation, outcomeMonths: OUTCOME_MONTHS, outcome: OUTCOME_DESCRIPTION },
    sample: options.sample,
    training: {
      ...measured(trainingScores, samples.training.outcome()),
      alreadyBad: samples.trainingAlreadyBad,
    },
    holdout: {
      ...measured(holdoutScores, samples.holdout.outcome()),
      notAlreadyBad: measured(holdoutScores, samples.holdout.outcome(), notAlreadyBad),
    },
    population: {
      month: options.populationMonth,
      persons: populationScores.length,
      scoreCounts: scoreCounts(populationScores),
    },
    trainingScoreCounts: scoreCounts(trainingScores),
    scorecard,
  };
}
