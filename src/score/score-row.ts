/**
 * Scores one row with a model: the score (higher is safer), each variable's points and the
 * reason codes. The model is compiled once and kept while it is in use.
 *
 * @example
 *   const result = scoreRow(model, { checking_status: '<0', duration: 24, age: 31 }, 4);
 *   result.score; // e.g. 571.3
 *   result.reasons.map((r) => r.variable); // up to four variables that lost the most points
 */
import { type CompiledScorecard, compileScorecard, type ScoreResult } from './compile-scorecard.js';
import type { ScorecardModel } from './model-format.js';

const compiled = new WeakMap<ScorecardModel, CompiledScorecard>();

/**
 * Scores `row` (variable name to value; absent variables are missing). Never throws for a
 * valid model.
 *
 * @example
 *   scoreRow(model, {}).score; // the score of a row with every value missing
 */
export function scoreRow(
  model: ScorecardModel,
  row: Readonly<Record<string, unknown>>,
  maxReasons?: number,
): ScoreResult {
  let scorecard = compiled.get(model);
  if (!scorecard) {
    scorecard = compileScorecard(model);
    compiled.set(model, scorecard);
  }
  return scorecard.score(row, maxReasons);
}
