/**
 * Reason codes: the variables that cost a row the most points against the best bin of each
 * variable, most points lost first; ties go to the variable whose name sorts first. A variable
 * in its best bin lost nothing and is no reason.
 *
 * @example
 *   reasonCodes([
 *     { variable: 'age', bin: '< 25', points: 10, bestPoints: 40 },
 *     { variable: 'checking', bin: '< 0', points: 5, bestPoints: 60 },
 *   ]).map((r) => r.variable); // ['checking', 'age']
 */
import { roundPoints } from './scaling.js';

/**
 * A variable's points in a row and the most it could have given.
 *
 * @example
 *   const p: VariablePoints = { variable: 'age', bin: '< 25', points: 12, bestPoints: 40 };
 */
export interface VariablePoints {
  readonly variable: string;
  /** Label of the row's bin. */
  readonly bin: string;
  readonly points: number;
  /** Points of the variable's best bin. */
  readonly bestPoints: number;
}

/**
 * A reason: a variable and the points it lost.
 *
 * @example
 *   reasonCodes(points, 2).map((r: ReasonCode) => `${r.variable} (-${r.pointsLost})`);
 */
export interface ReasonCode extends VariablePoints {
  /** bestPoints - points, > 0. */
  readonly pointsLost: number;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The reasons in order, at most `limit` of them.
 *
 * @example
 *   reasonCodes(points, 4); // up to four key factors
 */
export function reasonCodes(
  points: readonly VariablePoints[],
  limit = Number.POSITIVE_INFINITY,
): ReasonCode[] {
  const reasons: ReasonCode[] = [];
  for (const entry of points) {
    const pointsLost = roundPoints(entry.bestPoints - entry.points);
    if (pointsLost > 0) reasons.push({ ...entry, pointsLost });
  }
  reasons.sort((a, b) => b.pointsLost - a.pointsLost || byName(a.variable, b.variable));
  return reasons.slice(0, Math.max(0, limit));
}
