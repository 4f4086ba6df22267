/**
 * Scaling of log-odds to points. A higher score is safer. With odds = good:bad odds,
 *   score = offset + factor * ln(odds),   factor = pdo / ln 2,   offset = baseScore - factor * ln(baseOdds)
 * so a person at the base odds scores baseScore and doubling the odds adds pdo points. The
 * regression models ln(bad:good odds) = intercept + sum_j beta_j * WOE_j, so with n variables
 * the points of variable j in a bin with weight of evidence WOE are
 *   points = -(WOE * beta_j + intercept / n) * factor + offset / n
 * and a row's score is the sum of its points. Points are kept to 0.01.
 *
 * @example
 *   const c = scalingConstants({ baseScore: 600, baseOdds: 50, pdo: 20 });
 *   c.offset + c.factor * Math.log(50); // 600
 *   c.offset + c.factor * Math.log(100); // 620
 */
import { DEFAULT_BASE_ODDS, DEFAULT_BASE_SCORE, DEFAULT_PDO } from './limits.js';
import { ScoreError } from './score-error.js';

/**
 * Where the score scale is anchored.
 *
 * @example
 *   const scale: ScalingParameters = { baseScore: 600, baseOdds: 50, pdo: 20 };
 */
export interface ScalingParameters {
  /** Score at the base odds. */
  readonly baseScore: number;
  /** Good:bad odds that score baseScore. */
  readonly baseOdds: number;
  /** Points to double the odds. */
  readonly pdo: number;
}

/**
 * The scale's constants.
 *
 * @example
 *   const { factor, offset }: ScalingConstants = scalingConstants(scale);
 */
export interface ScalingConstants {
  readonly factor: number;
  readonly offset: number;
}

/**
 * Fills in defaults (600 at 50:1, 20 points to double) and checks the parameters.
 *
 * @example
 *   scalingParameters({ pdo: 40 }).baseScore; // 600
 */
export function scalingParameters(parameters: Partial<ScalingParameters> = {}): ScalingParameters {
  const result = {
    baseScore: parameters.baseScore ?? DEFAULT_BASE_SCORE,
    baseOdds: parameters.baseOdds ?? DEFAULT_BASE_ODDS,
    pdo: parameters.pdo ?? DEFAULT_PDO,
  };
  if (!Number.isFinite(result.baseScore))
    throw new ScoreError(`base score must be a number, got ${result.baseScore}`);
  if (!(result.baseOdds > 0) || !Number.isFinite(result.baseOdds))
    throw new ScoreError(`base odds must be a positive number, got ${result.baseOdds}`);
  if (!(result.pdo > 0) || !Number.isFinite(result.pdo))
    throw new ScoreError(`points to double the odds must be a positive number, got ${result.pdo}`);
  return result;
}

/**
 * factor = pdo / ln 2, offset = baseScore - factor * ln(baseOdds).
 *
 * @example
 *   scalingConstants({ baseScore: 600, baseOdds: 50, pdo: 20 }).factor; // 28.853900817779268
 */
export function scalingConstants(parameters: ScalingParameters): ScalingConstants {
  const factor = parameters.pdo / Math.LN2;
  return { factor, offset: parameters.baseScore - factor * Math.log(parameters.baseOdds) };
}

/**
 * Rounds points to 0.01 (the precision a model keeps).
 *
 * @example
 *   roundPoints(12.3456); // 12.35
 */
export function roundPoints(points: number): number {
  const rounded = Math.round(points * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Points of a bin (rounded to 0.01): -(woe * beta + intercept / n) * factor + offset / n.
 *
 * @example
 *   binPoints(0, -1, Math.log(1 / 50), 1, scalingConstants({ baseScore: 600, baseOdds: 50, pdo: 20 })); // 600
 */
export function binPoints(
  woe: number,
  beta: number,
  intercept: number,
  variables: number,
  constants: ScalingConstants,
): number {
  if (!Number.isInteger(variables) || variables < 1)
    throw new ScoreError(`points need >= 1 variable, got ${variables}`);
  const points = -(woe * beta + intercept / variables) * constants.factor + constants.offset / variables;
  if (!Number.isFinite(points)) throw new ScoreError(`points are not finite (woe ${woe}, beta ${beta})`);
  return roundPoints(points);
}

/**
 * The score of the intercept-only model, when no variable is selected: offset - intercept * factor.
 *
 * @example
 *   constantScore(Math.log(1 / 50), scalingConstants({ baseScore: 600, baseOdds: 50, pdo: 20 })); // 600
 */
export function constantScore(intercept: number, constants: ScalingConstants): number {
  return roundPoints(constants.offset - intercept * constants.factor);
}
