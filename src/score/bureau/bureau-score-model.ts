/**
 * The bureau score model as stored: the scorecard (src/score/model-format.ts) with what it was
 * built from and for: the candidate set and currency of its variables, the observation months and
 * the outcome, the sample, the hold-out's AUC and Gini, the served-score distribution of the
 * scored population (percentiles) and of the training rows (the score's stability index).
 * `validateBureauScoreModel` checks a loaded one before it is served.
 *
 * @example
 *   const model = validateBureauScoreModel(JSON.parse(row.model_json));
 *   model.holdout.auc; // e.g. 0.91
 */
import { CURRENCIES, type Currency } from '../../domain/codes.js';
import type { ScorecardModel } from '../model-format.js';
import { ScoreError } from '../score-error.js';
import { validateModel } from '../validate-model.js';
import { BUREAU_FEATURE_SET, bureauFeature } from './bureau-feature-set.js';
import { MAX_MODEL_JSON_BYTES } from './limits.js';
import { assertMonth } from './observation.js';
import { SCORE_VALUES } from './score-distribution.js';
import { scoreScale } from './score-scale.js';

/**
 * The stored model's `format`.
 *
 * @example
 *   json.format === BUREAU_SCORE_FORMAT;
 */
export const BUREAU_SCORE_FORMAT = 'openbureau-bureau-score';
/**
 * The layout version this program writes and reads.
 *
 * @example
 *   json.formatVersion <= BUREAU_SCORE_FORMAT_VERSION;
 */
export const BUREAU_SCORE_FORMAT_VERSION = 1;

/**
 * Discrimination on one sample.
 *
 * @example
 *   const m: SampleMeasure = { persons: 9000, bad: 400, auc: 0.9, gini: 0.8 };
 */
export interface SampleMeasure {
  readonly persons: number;
  readonly bad: number;
  readonly auc: number;
  readonly gini: number;
}

/**
 * A bureau score model (see the module comment).
 *
 * @example
 *   const model: BureauScoreModel = await buildBureauScore(deps, options);
 */
export interface BureauScoreModel {
  readonly format: typeof BUREAU_SCORE_FORMAT;
  readonly formatVersion: number;
  /** 1, 2, ... in the order models were stored; 0 before it is stored. */
  readonly version: number;
  /** When it was built (ISO 8601). */
  readonly createdAt: string;
  /** The candidate variables (bureau-feature-set.ts) and the currency of their amounts. */
  readonly features: { readonly set: string; readonly currency: Currency };
  readonly observation: {
    /** First and last month with a monthly state in the store when it was built. */
    readonly historyFrom: string;
    readonly historyTo: string;
    /** Observation month of the training rows and of the out-of-time hold-out rows. */
    readonly trainingMonth: string;
    readonly holdoutMonth: string;
    readonly outcomeMonths: number;
    readonly outcome: string;
  };
  readonly sample: {
    /** Most persons read; persons on file; every `step`-th person by id was read. */
    readonly personsMax: number;
    readonly personsOnFile: number;
    readonly step: number;
    readonly personsRead: number;
  };
  /** Training rows (scorable at the training month) and the training AUC (optimistic). */
  readonly training: SampleMeasure & { readonly alreadyBad: number };
  /** The hold-out: all scorable persons, and those not already bad at its observation month. */
  readonly holdout: SampleMeasure & { readonly notAlreadyBad: SampleMeasure };
  /** The served scores of the scored population at `month` (the store's latest month). */
  readonly population: { readonly month: string; readonly persons: number; readonly scoreCounts: number[] };
  /** The served scores of the training rows (the baseline of the score's stability index). */
  readonly trainingScoreCounts: number[];
  readonly scorecard: ScorecardModel;
}

type Json = Record<string, unknown>;
const fail = (path: string, message: string): never => {
  throw new ScoreError(`bureau score model: ${path}: ${message}`);
};
const object = (value: unknown, path: string): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : fail(path, 'expected an object');
const text = (value: unknown, path: string): string =>
  typeof value === 'string' ? value : fail(path, 'expected a string');
const count = (value: unknown, path: string): number =>
  Number.isInteger(value) && (value as number) >= 0 ? (value as number) : fail(path, 'expected a count');
const unit = (value: unknown, path: string): number =>
  typeof value === 'number' && value >= 0 && value <= 1 ? value : fail(path, 'expected a number 0..1');
const month = (value: unknown, path: string): string => {
  const m = text(value, path);
  try {
    assertMonth(m, path);
  } catch {
    fail(path, `expected YYYY-MM, got '${m}'`);
  }
  return m;
};

function measure(value: unknown, path: string): void {
  const m = object(value, path);
  const persons = count(m.persons, `${path}.persons`);
  if (count(m.bad, `${path}.bad`) > persons) fail(`${path}.bad`, 'more bad rows than persons');
  unit(m.auc, `${path}.auc`);
  const gini = m.gini;
  if (typeof gini !== 'number' || gini < -1 || gini > 1) fail(`${path}.gini`, 'expected a number -1..1');
}

function counts(value: unknown, path: string, total?: number): void {
  if (!Array.isArray(value) || value.length !== SCORE_VALUES) fail(path, `expected ${SCORE_VALUES} counts`);
  let sum = 0;
  (value as unknown[]).forEach((c, i) => {
    sum += count(c, `${path}[${i}]`);
  });
  if (total !== undefined && sum !== total) fail(path, `counts add up to ${sum}, not ${total}`);
}

/**
 * Checks a parsed model (every field, the scorecard by validateModel, every variable a
 * candidate of the set, a non-empty score range) and returns it typed; ScoreError on the first
 * fault, with its path.
 *
 * @example
 *   validateBureauScoreModel(JSON.parse(text)).scorecard.variables.length;
 */
export function validateBureauScoreModel(json: unknown): BureauScoreModel {
  const m = object(json, 'model');
  if (m.format !== BUREAU_SCORE_FORMAT) fail('format', `expected '${BUREAU_SCORE_FORMAT}'`);
  const formatVersion = count(m.formatVersion, 'formatVersion');
  if (formatVersion < 1 || formatVersion > BUREAU_SCORE_FORMAT_VERSION)
    fail(
      'formatVersion',
      `${formatVersion} is not a version this program reads (1..${BUREAU_SCORE_FORMAT_VERSION})`,
    );
  count(m.version, 'version');
  if (Number.isNaN(Date.parse(text(m.createdAt, 'createdAt'))))
    fail('createdAt', 'expected an ISO 8601 date');
  const features = object(m.features, 'features');
  if (features.set !== BUREAU_FEATURE_SET) fail('features.set', `expected '${BUREAU_FEATURE_SET}'`);
  if (!CURRENCIES.includes(features.currency as Currency)) fail('features.currency', 'unknown currency');
  const o = object(m.observation, 'observation');
  for (const key of ['historyFrom', 'historyTo', 'trainingMonth', 'holdoutMonth'])
    month(o[key], `observation.${key}`);
  count(o.outcomeMonths, 'observation.outcomeMonths');
  text(o.outcome, 'observation.outcome');
  const s = object(m.sample, 'sample');
  for (const key of ['personsMax', 'personsOnFile', 'step', 'personsRead']) count(s[key], `sample.${key}`);
  measure(m.training, 'training');
  count(object(m.training, 'training').alreadyBad, 'training.alreadyBad');
  measure(m.holdout, 'holdout');
  measure(object(m.holdout, 'holdout').notAlreadyBad, 'holdout.notAlreadyBad');
  const p = object(m.population, 'population');
  month(p.month, 'population.month');
  counts(p.scoreCounts, 'population.scoreCounts', count(p.persons, 'population.persons'));
  counts(
    m.trainingScoreCounts,
    'trainingScoreCounts',
    count(object(m.training, 'training').persons, 'training.persons'),
  );
  const scorecard = validateModel(m.scorecard);
  scorecard.variables.forEach((v, i) => {
    if (!bureauFeature(v.name))
      fail(`scorecard.variables[${i}].name`, `'${v.name}' is not a candidate variable`);
    if (v.kind !== 'numeric') fail(`scorecard.variables[${i}].kind`, 'expected numeric');
  });
  try {
    scoreScale(scorecard);
  } catch (error) {
    fail('scorecard.scoreRange', (error as Error).message);
  }
  return m as unknown as BureauScoreModel;
}

/**
 * The model as stored text; a ScoreError when it is larger than MAX_MODEL_JSON_BYTES.
 *
 * @example
 *   await db.insert({ model_json: bureauScoreModelJson(model) });
 */
export function bureauScoreModelJson(model: BureauScoreModel): string {
  const json = JSON.stringify(model);
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_MODEL_JSON_BYTES)
    throw new ScoreError(`the model is ${bytes} bytes of JSON, more than ${MAX_MODEL_JSON_BYTES}`);
  return json;
}

/**
 * Parses and checks stored text (size, JSON, validateBureauScoreModel).
 *
 * @example
 *   const model = parseBureauScoreModel(row.model_json);
 */
export function parseBureauScoreModel(json: string): BureauScoreModel {
  if (Buffer.byteLength(json) > MAX_MODEL_JSON_BYTES)
    throw new ScoreError(`a stored model is larger than ${MAX_MODEL_JSON_BYTES} bytes`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new ScoreError(`a stored model is not JSON: ${(error as Error).message}`);
  }
  return validateBureauScoreModel(parsed);
}
