/**
 * `openbureau score monitor`: the population stability index (src/score/psi.ts) of the served
 * score and of each variable of the model, between the training sample (as the model recorded
 * it) and the current population (a fresh sample scored now). The score is compared over the
 * deciles of the training scores; a variable over its bins (trainingShares / sampleShares).
 * Reading: below 0.1 stable, 0.1 to 0.25 worth watching, above 0.25 a shift (rebuild the model).
 *
 * @example
 *   const report = monitorBureauScore(loaded, population, '2026-10');
 *   report.score.psi; // e.g. 0.03
 *   report.variables.map((v) => `${v.name} ${v.psi.toFixed(3)} ${v.reading}`);
 */
import { sampleShares, trainingShares } from '../bin-sample.js';
import { compileScorecard } from '../compile-scorecard.js';
import { psi } from '../psi.js';
import { ScoreError } from '../score-error.js';
import type { FeatureTable } from './feature-table.js';
import { PSI_SCORE_BANDS, PSI_SHIFT_ABOVE, PSI_STABLE_BELOW, SCORE_MAX } from './limits.js';
import type { LoadedBureauScore } from './loaded-score.js';
import { bandCuts, bandShares, scoreCounts } from './score-distribution.js';
import { servedScores } from './train-bureau-score.js';

/**
 * The usual reading of a stability index.
 *
 * @example
 *   psiReading(0.12); // 'watch'
 */
export type PsiReading = 'stable' | 'watch' | 'shift';

/**
 * The reading of `value`: < 0.1 stable, 0.1-0.25 watch, > 0.25 shift.
 *
 * @example
 *   psiReading(0.05); // 'stable'
 */
export function psiReading(value: number): PsiReading {
  if (value < PSI_STABLE_BELOW) return 'stable';
  return value > PSI_SHIFT_ABOVE ? 'shift' : 'watch';
}

/**
 * One group compared: its share in training and now.
 *
 * @example
 *   const g: MonitorGroup = { group: '2 to 3', expected: 0.3, actual: 0.34 };
 */
export interface MonitorGroup {
  readonly group: string;
  readonly expected: number;
  readonly actual: number;
}

/**
 * The stability of one distribution.
 *
 * @example
 *   const s: MonitorEntry = report.score;
 */
export interface MonitorEntry {
  readonly psi: number;
  readonly reading: PsiReading;
  readonly groups: readonly MonitorGroup[];
}

/**
 * The monitoring report.
 *
 * @example
 *   const report: MonitorReport = monitorBureauScore(loaded, population, month);
 */
export interface MonitorReport {
  readonly model: { readonly version: number; readonly createdAt: string; readonly trainingMonth: string };
  readonly month: string;
  readonly persons: number;
  readonly trainingPersons: number;
  readonly score: MonitorEntry;
  readonly variables: readonly (MonitorEntry & { readonly name: string; readonly words: string })[];
}

function entry(groups: readonly string[], expected: number[], actual: number[]): MonitorEntry {
  const value = psi(expected, actual);
  return {
    psi: value,
    reading: psiReading(value),
    groups: groups.map((group, i) => ({ group, expected: expected[i]!, actual: actual[i]! })),
  };
}

/**
 * Compares the current population `population` (rows at `month`) with the training sample of
 * `loaded`; a ScoreError when the population is empty.
 *
 * @example
 *   monitorBureauScore(loaded, population, '2026-10').variables.length === loaded.variables.length; // true
 */
export function monitorBureauScore(
  loaded: LoadedBureauScore,
  population: FeatureTable,
  month: string,
): MonitorReport {
  if (population.rows === 0) throw new ScoreError(`no scorable person at ${month}`);
  const model = loaded.model;
  const compiled = compileScorecard(model.scorecard);
  const current = scoreCounts(servedScores(compiled, population));
  const cuts = bandCuts(model.trainingScoreCounts, PSI_SCORE_BANDS);
  const edges = [0, ...cuts, SCORE_MAX + 1];
  const bandNames = edges.slice(0, -1).map((from, k) => `${from}-${edges[k + 1]! - 1}`);
  const score = entry(bandNames, bandShares(model.trainingScoreCounts, cuts), bandShares(current, cuts));
  const variables = model.scorecard.variables.map((variable, j) => {
    const column = population.column(variable.name);
    if (!column) throw new ScoreError(`the model's variable '${variable.name}' is not a candidate`);
    const served = loaded.variables[j]!;
    return {
      name: variable.name,
      words: served.feature.words,
      ...entry(served.groups, trainingShares(variable), sampleShares(variable, column).shares),
    };
  });
  return {
    model: {
      version: model.version,
      createdAt: model.createdAt,
      trainingMonth: model.observation.trainingMonth,
    },
    month,
    persons: population.rows,
    trainingPersons: model.training.persons,
    score,
    variables,
  };
}
