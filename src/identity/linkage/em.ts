/**
 * Expectation-maximisation of the Fellegi-Sunter mixture over the compared pairs: each pair is a
 * match with probability lambda; given a match, each attribute independently takes level l with
 * probability m[l]; given a non-match, with probability u[l]. Missing levels are skipped (they
 * say nothing). EM works on the pattern histogram, so its cost is the number of distinct
 * patterns, not of pairs.
 *
 * m starts at 0.9 for exact agreement and a little for each near miss; lambda at 0.1. With
 * `estimateU`, the non-match u is re-estimated on the compared pairs as well (the candidate
 * pairs agree on blocking keys far more often than random pairs do, and a non-match class that
 * cannot see that would pull same-household pairs into the match class); the weights of the
 * model still use u from random pairs. Stops after EM_MAX_ITERATIONS or when no probability
 * moves by more than EM_TOLERANCE_PROBABILITY.
 *
 * @example
 *   const fit = trainEm(patterns, counts, [7, 5], uFromRandomPairs);
 *   fit.m[0]; // [0, P(exact | match), ...]
 *   fit.matchShare; // share of compared pairs that are matches
 */
import { EM_MAX_ITERATIONS, EM_MIN_PROBABILITY, EM_TOLERANCE_PROBABILITY } from './limits.js';

/**
 * EM options.
 *
 * @example
 *   const options: EmOptions = { estimateU: true, maxIterations: 50 };
 */
export interface EmOptions {
  estimateU?: boolean;
  /** Keep m as given in startM (only lambda, and u with estimateU, are fitted). */
  fixM?: boolean;
  /** Starting m per attribute and level (default startingM). */
  startM?: readonly (readonly number[])[];
  maxIterations?: number;
  tolerance?: number;
  startMatchShare?: number;
}

/**
 * The fitted parameters and how the fit went.
 *
 * @example
 *   if (!fit.converged) warn(`EM stopped after ${fit.iterations} iterations`);
 */
export interface EmFit {
  m: number[][];
  /** u as fitted on the compared pairs (equal to the input u unless estimateU). */
  u: number[][];
  matchShare: number;
  iterations: number;
  converged: boolean;
}

/**
 * Starting m of an attribute with `levels` levels: 0.9 exact, 0.05 different, the near misses
 * sharing 0.05 (exact 0.9 and different 0.1 when there is no near miss).
 *
 * @example
 *   startingM(4); // [0, 0.9, 0.05, 0.05]
 */
export function startingM(levels: number): number[] {
  const m = new Array<number>(levels).fill(0);
  m[1] = 0.9;
  if (levels === 3) m[2] = 0.1;
  else {
    const middle = levels - 3;
    for (let l = 2; l < levels - 1; l++) m[l] = 0.05 / middle;
    m[levels - 1] = 0.05;
  }
  return m;
}

function normalise(counts: Float64Array): number[] {
  let total = 0;
  for (let l = 1; l < counts.length; l++) total += counts[l]!;
  const out = new Array<number>(counts.length).fill(0);
  if (total === 0) return out;
  let floored = 0;
  for (let l = 1; l < counts.length; l++) {
    out[l] = Math.max(EM_MIN_PROBABILITY, counts[l]! / total);
    floored += out[l]!;
  }
  for (let l = 1; l < counts.length; l++) out[l]! /= floored;
  return out;
}

/**
 * Fits m (and lambda, and optionally u) to the pattern histogram.
 *
 * @param patterns one level vector per distinct pattern
 * @param counts how many pairs have each pattern
 * @param levelCounts levels of each attribute
 * @param u starting (and, without estimateU, fixed) u per attribute and level
 *
 * @example
 *   trainEm([Uint8Array.of(1), Uint8Array.of(2)], [10, 90], [3], [[0, 0.1, 0.9]]).m[0]![1]; // near 1
 */
export function trainEm(
  patterns: readonly Uint8Array[],
  counts: readonly number[],
  levelCounts: readonly number[],
  u: readonly (readonly number[])[],
  options: EmOptions = {},
): EmFit {
  if (patterns.length !== counts.length) throw new Error('invariant: one count per pattern');
  const maxIterations = options.maxIterations ?? EM_MAX_ITERATIONS;
  const tolerance = options.tolerance ?? EM_TOLERANCE_PROBABILITY;
  const attributes = levelCounts.length;
  let m = options.startM ? options.startM.map((row) => [...row]) : levelCounts.map(startingM);
  let uFit = u.map((row) => [...row]);
  let lambda = options.startMatchShare ?? 0.1;
  let iterations = 0;
  let converged = false;
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return { m, u: uFit, matchShare: lambda, iterations, converged: true };
  while (iterations < maxIterations) {
    iterations++;
    const mCounts = levelCounts.map((levels) => new Float64Array(levels));
    const uCounts = levelCounts.map((levels) => new Float64Array(levels));
    let matches = 0;
    for (let p = 0; p < patterns.length; p++) {
      const levels = patterns[p]!;
      let pm = lambda;
      let pu = 1 - lambda;
      for (let a = 0; a < attributes; a++) {
        const l = levels[a]!;
        if (l === 0) continue;
        pm *= m[a]![l]!;
        pu *= uFit[a]![l]!;
      }
      const g = pm / (pm + pu);
      const c = counts[p]!;
      matches += c * g;
      for (let a = 0; a < attributes; a++) {
        const l = levels[a]!;
        if (l === 0) continue;
        mCounts[a]![l]! += c * g;
        uCounts[a]![l]! += c * (1 - g);
      }
    }
    const nextM = options.fixM ? m.map((row) => [...row]) : mCounts.map(normalise);
    const nextU = options.estimateU ? uCounts.map(normalise) : uFit;
    const nextLambda = Math.min(1 - EM_MIN_PROBABILITY, Math.max(EM_MIN_PROBABILITY, matches / total));
    let change = Math.abs(nextLambda - lambda);
    for (let a = 0; a < attributes; a++)
      for (let l = 1; l < levelCounts[a]!; l++) {
        // An attribute never present keeps its starting values.
        if (nextM[a]![l] === 0) nextM[a]![l] = m[a]![l]!;
        if (nextU[a]![l] === 0) nextU[a]![l] = uFit[a]![l]!;
        change = Math.max(
          change,
          Math.abs(nextM[a]![l]! - m[a]![l]!),
          Math.abs(nextU[a]![l]! - uFit[a]![l]!),
        );
      }
    m = nextM;
    uFit = nextU;
    lambda = nextLambda;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  return { m, u: uFit, matchShare: lambda, iterations, converged };
}
