/**
 * The served score's scale: the scorecard's points mapped onto 0-1000 (higher is safer) by the
 * affine map that sends the lowest possible score (every variable in its worst bin) to 0 and the
 * highest (every variable in its best bin) to 1000:
 *
 *     score = round(1000 * (points - min) / (max - min))      min, max = model.scoreRange
 *
 * The map keeps the scorecard's order and its log-odds scale (doubling the good:bad odds adds
 * pdo * 1000 / (max - min) served points). A variable's share of the score is
 * (its points - its lowest bin's points) * 1000 / (max - min): from 0 to its own maximum, and the
 * shares add up to the score (before rounding).
 *
 * @example
 *   const scale = scoreScale(model); // model.scoreRange { min: 300, max: 700 }
 *   scale.toServed(500); // 500
 *   scale.perPoint; // 2.5 served points per scorecard point
 */
import type { ScorecardModel } from '../model-format.js';
import { ScoreError } from '../score-error.js';
import { SCORE_MAX, SCORE_MIN } from './limits.js';

/**
 * The map of one model.
 *
 * @example
 *   const { toServed, perPoint }: ScoreScale = scoreScale(model);
 */
export interface ScoreScale {
  /** Served points per scorecard point: 1000 / (max - min). */
  readonly perPoint: number;
  /** The served score (an integer 0-1000) of a scorecard score. */
  toServed(points: number): number;
}

/**
 * The scale of `model`; a ScoreError when its score range is empty (no variable was selected).
 *
 * @example
 *   scoreScale(model).toServed(model.scoreRange.max); // 1000
 */
export function scoreScale(model: ScorecardModel): ScoreScale {
  const { min, max } = model.scoreRange;
  if (!(max > min)) throw new ScoreError(`the score range ${min}..${max} is empty: no variable was selected`);
  const perPoint = (SCORE_MAX - SCORE_MIN) / (max - min);
  return {
    perPoint,
    toServed(points) {
      const served = Math.round(SCORE_MIN + (points - min) * perPoint);
      return Math.min(SCORE_MAX, Math.max(SCORE_MIN, served));
    },
  };
}

/**
 * Rounds served points to 0.1 (how the explanation shows them).
 *
 * @example
 *   servedPoints(12.345); // 12.3
 */
export function servedPoints(points: number): number {
  const rounded = Math.round(points * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}
