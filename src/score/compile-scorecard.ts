/**
 * A model made ready for fast scoring: each variable's bin lookup and points. A row's score is
 * basePoints plus its variables' points, added in the model's variable order and kept to 0.01,
 * so it always lies in model.scoreRange.
 *
 * @example
 *   const scorecard = compileScorecard(model);
 *   scorecard.scoreOf((name) => row[name]); // the score only, for batches
 *   scorecard.score(row); // score, points per variable, reason codes
 */
import { binLookup } from './bin-lookup.js';
import { binLabel } from './binning/bin-definitions.js';
import type { ModelVariable, ScorecardModel } from './model-format.js';
import { type ReasonCode, reasonCodes, type VariablePoints } from './reason-codes.js';
import { roundPoints } from './scaling.js';

/**
 * A variable ready for scoring.
 *
 * @example
 *   compileScorecard(model).variables[0]!.bestPoints;
 */
export interface CompiledVariable {
  readonly variable: ModelVariable;
  readonly binIndex: (value: unknown) => number;
  readonly points: Float64Array;
  readonly labels: readonly string[];
  readonly bestPoints: number;
}

/**
 * A row's score and how it came about.
 *
 * @example
 *   const { score, reasons }: ScoreResult = scoreRow(model, row, 4);
 */
export interface ScoreResult {
  /** Higher is safer; within model.scoreRange. */
  readonly score: number;
  /** Every variable's bin and points, in the model's order. */
  readonly points: VariablePoints[];
  /** The variables that lost points against their best bin, most lost first. */
  readonly reasons: ReasonCode[];
}

/**
 * A model ready for scoring.
 *
 * @example
 *   const scorecard: CompiledScorecard = compileScorecard(model);
 */
export interface CompiledScorecard {
  readonly model: ScorecardModel;
  readonly variables: readonly CompiledVariable[];
  /** The score of the row whose values `read(variableName)` gives. */
  scoreOf(read: (name: string) => unknown): number;
  /** Score, points and reasons (at most maxReasons) of a row given as an object. */
  score(row: Readonly<Record<string, unknown>>, maxReasons?: number): ScoreResult;
}

/**
 * Compiles a validated model (see validateModel).
 *
 * @example
 *   compileScorecard(validateModel(JSON.parse(text))).score({ age: 35 }).score;
 */
export function compileScorecard(model: ScorecardModel): CompiledScorecard {
  const variables: CompiledVariable[] = model.variables.map((variable) => {
    const points = Float64Array.from(variable.bins, (bin) => bin.points);
    return {
      variable,
      binIndex: binLookup(variable),
      points,
      labels: variable.bins.map((bin) => binLabel(bin)),
      bestPoints: Math.max(...points),
    };
  });
  const valueIn = (row: Readonly<Record<string, unknown>>, name: string): unknown =>
    Object.hasOwn(row, name) ? row[name] : undefined;
  return {
    model,
    variables,
    scoreOf(read) {
      let total = model.basePoints;
      for (const compiled of variables)
        total += compiled.points[compiled.binIndex(read(compiled.variable.name))]!;
      return roundPoints(total);
    },
    score(row, maxReasons) {
      let total = model.basePoints;
      const points: VariablePoints[] = [];
      for (const compiled of variables) {
        const bin = compiled.binIndex(valueIn(row, compiled.variable.name));
        total += compiled.points[bin]!;
        points.push({
          variable: compiled.variable.name,
          bin: compiled.labels[bin]!,
          points: compiled.points[bin]!,
          bestPoints: compiled.bestPoints,
        });
      }
      return { score: roundPoints(total), points, reasons: reasonCodes(points, maxReasons) };
    },
  };
}
