/**
 * The bureau score of a report: the person's file is scored as of the end of the report's last
 * full month (the same cut as training's observation months, observation.ts), with the served
 * model; the percentile comes from the scored population the model recorded; the factors are the
 * engine's reason codes (the variables that lost the most points against their best bin) in
 * plain words, as many as the jurisdiction gives (2 in China, 4 in the US). Without a model, or
 * without any account opened by then, the score is "--" with the reason.
 *
 * @example
 *   const s = reportScoreOf(file, '2025-06', loaded, 2);
 *   s.available ? s.score : s.reason; // 731, or 'no credit history: ...'
 */
import type { PersonFile } from '../../report/report-types.js';
import { bureauFeatures } from './bureau-features.js';
import type { LoadedBureauScore } from './loaded-score.js';
import { isScorable } from './outcome.js';
import type { ReportScore, ScoreContribution, ScoreFactor } from './report-score-types.js';
import { percentileOf } from './score-distribution.js';
import { servedPoints } from './score-scale.js';

/**
 * What a report is scored with: the served model, or null when none has been built.
 *
 * @example
 *   buildCreditReport(file, request, profile, { model: await source.current() });
 */
export interface ReportScoreInput {
  readonly model: LoadedBureauScore | null;
}

/**
 * The reasons of a report without a score ("--"): no model built yet; no file on the person.
 *
 * @example
 *   reportScoreOf(file, month, null, 2).reason === NO_MODEL_REASON; // true
 */
export const NO_MODEL_REASON = 'no score model has been built yet';
export const NO_FILE_REASON = 'no credit history: the bureau holds no file on this person';

/**
 * The score of `file` (null: not on file) as of the end of `month`, with `loaded` (null: no
 * model), giving at most `maxFactors` factors.
 *
 * @example
 *   reportScoreOf(null, '2025-06', loaded, 4).reason; // NO_FILE_REASON
 */
export function reportScoreOf(
  file: PersonFile | null,
  month: string,
  loaded: LoadedBureauScore | null,
  maxFactors: number,
): ReportScore {
  const none = (reason: string): ReportScore => ({
    available: false,
    score: null,
    percentile: null,
    reason,
    model: loaded ? { version: loaded.model.version, createdAt: loaded.model.createdAt } : null,
    asOfMonth: month,
    factors: [],
    contributions: [],
  });
  if (!loaded) return none(NO_MODEL_REASON);
  if (!file) return none(NO_FILE_REASON);
  if (!isScorable(file, month)) return none(`no credit history: no account opened by the end of ${month}`);

  const values = bureauFeatures(file, month, loaded.model.features.currency);
  const { compiled, scale } = loaded;
  const result = compiled.score(values, maxFactors);
  const score = scale.toServed(result.score);
  const groupOf = new Map<string, string>();
  const contributions: ScoreContribution[] = compiled.variables.map((v, j) => {
    const bin = v.binIndex(values[v.variable.name] ?? null);
    const served = loaded.variables[j]!;
    groupOf.set(v.variable.name, served.groups[bin]!);
    return {
      variable: v.variable.name,
      words: served.feature.words,
      group: served.groups[bin]!,
      points: servedPoints(served.servedPoints[bin]!),
      maxPoints: servedPoints(served.maxServedPoints),
    };
  });
  const factors: ScoreFactor[] = result.reasons.map((r) => {
    const feature =
      loaded.variables[compiled.variables.findIndex((v) => v.variable.name === r.variable)]!.feature;
    return {
      variable: r.variable,
      text: `${feature.words}: ${groupOf.get(r.variable)}`,
      pointsLost: servedPoints(r.pointsLost * scale.perPoint),
    };
  });
  return {
    available: true,
    score,
    percentile: percentileOf(loaded.below, score),
    reason: null,
    model: { version: loaded.model.version, createdAt: loaded.model.createdAt },
    asOfMonth: month,
    factors,
    contributions,
  };
}
