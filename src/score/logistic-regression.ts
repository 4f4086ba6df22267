/**
 * Logistic regression of the outcome (1 = bad) on numeric features by Newton's method
 * (iteratively reweighted least squares) with a small L2 ridge on the coefficients (not the
 * intercept): it maximises
 *   sum_i [ y_i * eta_i - ln(1 + e^eta_i) ] - ridge / 2 * sum_j beta_j^2,  eta_i = intercept + sum_j beta_j x_ij
 * Starts from the intercept-only model, halves a step that would lower the objective, and stops
 * when a full step moves no coefficient by more than IRLS_TOLERANCE; a fit that has not
 * converged in IRLS_MAX_ITERATIONS, or whose fitted probabilities reach 0 or 1, is an error.
 * Deterministic: the same rows in the same order give the same coefficients.
 *
 * @example
 *   const fit = fitLogisticRegression(n, 1, (row, out) => { out[0] = woe[row]!; }, bad, { ridge: 0 });
 *   fit.coefficients[0]; // beta of the only feature
 */
import { IRLS_MAX_ITERATIONS, IRLS_TOLERANCE } from './limits.js';
import { solveSymmetricPositiveDefinite } from './linear-solve.js';
import { ScoreError } from './score-error.js';

/**
 * A fitted model: P(bad) = 1 / (1 + exp(-(intercept + sum coefficients[j] * x_j))).
 *
 * @example
 *   const { intercept, coefficients }: LogisticFit = fitLogisticRegression(n, p, fill, bad, { ridge: 1 });
 */
export interface LogisticFit {
  readonly intercept: number;
  readonly coefficients: number[];
  readonly iterations: number;
  /** Log-likelihood of the data under the fit (without the penalty). */
  readonly logLikelihood: number;
}

/**
 * Options of the fit.
 *
 * @example
 *   const options: LogisticOptions = { ridge: 1 };
 */
export interface LogisticOptions {
  /** L2 penalty on the coefficients, >= 0. */
  readonly ridge: number;
}

interface Pass {
  readonly objective: number;
  readonly logLikelihood: number;
  readonly gradient: Float64Array;
  readonly information: Float64Array;
  readonly smallestProbability: number;
  readonly largestProbability: number;
}

/** ln(1 + e^x) without overflow. */
const softplus = (x: number): number => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));
/** 1 / (1 + e^-x) without overflow. */
const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/**
 * Fits the model; `fillRow(row, out)` writes the `features` values of a row into `out`.
 *
 * @example
 *   fitLogisticRegression(4, 1, (r, out) => { out[0] = [0, 0, 1, 1][r]!; }, Uint8Array.from([0, 1, 1, 1]), { ridge: 0 });
 */
export function fitLogisticRegression(
  rows: number,
  features: number,
  fillRow: (row: number, out: Float64Array) => void,
  bad: Uint8Array,
  options: LogisticOptions,
): LogisticFit {
  const { ridge } = options;
  if (!(ridge >= 0) || !Number.isFinite(ridge)) throw new ScoreError(`ridge must be >= 0, got ${ridge}`);
  if (bad.length !== rows) throw new ScoreError(`regression: ${rows} rows but ${bad.length} outcomes`);
  let bads = 0;
  for (let i = 0; i < rows; i++) bads += bad[i]!;
  if (bads === 0 || bads === rows)
    throw new ScoreError(`regression needs bad and good rows; got ${bads} bad of ${rows}`);
  const size = features + 1;
  const x = new Float64Array(features);
  const z = new Float64Array(size);

  const pass = (beta: Float64Array): Pass => {
    const gradient = new Float64Array(size);
    const information = new Float64Array(size * size);
    let logLikelihood = 0;
    let smallestProbability = 1;
    let largestProbability = 0;
    z[0] = 1;
    for (let i = 0; i < rows; i++) {
      fillRow(i, x);
      let eta = beta[0]!;
      for (let j = 0; j < features; j++) {
        const value = x[j]!;
        if (!Number.isFinite(value)) throw new ScoreError(`regression: row ${i} feature ${j} is ${value}`);
        z[j + 1] = value;
        eta += beta[j + 1]! * value;
      }
      const y = bad[i]!;
      const p = sigmoid(eta);
      if (p < smallestProbability) smallestProbability = p;
      if (p > largestProbability) largestProbability = p;
      logLikelihood += y * eta - softplus(eta);
      const residual = y - p;
      const weight = p * (1 - p);
      for (let j = 0; j < size; j++) {
        const zj = z[j]!;
        gradient[j] = gradient[j]! + residual * zj;
        const wz = weight * zj;
        for (let k = 0; k <= j; k++) information[j * size + k] = information[j * size + k]! + wz * z[k]!;
      }
    }
    let penalty = 0;
    for (let j = 1; j < size; j++) {
      penalty += beta[j]! * beta[j]!;
      gradient[j] = gradient[j]! - ridge * beta[j]!;
      information[j * size + j] = information[j * size + j]! + ridge;
    }
    for (let j = 0; j < size; j++)
      for (let k = j + 1; k < size; k++) information[j * size + k] = information[k * size + j]!;
    const objective = logLikelihood - (ridge / 2) * penalty;
    return { objective, logLikelihood, gradient, information, smallestProbability, largestProbability };
  };

  let beta = new Float64Array(size);
  beta[0] = Math.log(bads / (rows - bads));
  let current = pass(beta);
  for (let iteration = 1; iteration <= IRLS_MAX_ITERATIONS; iteration++) {
    const step = solveSymmetricPositiveDefinite(current.information, current.gradient, size);
    let scale = 1;
    let candidate = new Float64Array(size);
    let next: Pass;
    for (;;) {
      candidate = beta.map((b, j) => b + scale * step[j]!);
      next = pass(candidate);
      if (next.objective >= current.objective - 1e-12 * (1 + Math.abs(current.objective)) || scale < 1e-6)
        break;
      scale /= 2;
    }
    let largestMove = 0;
    for (let j = 0; j < size; j++)
      largestMove = Math.max(largestMove, Math.abs(candidate[j]! - beta[j]!) / (1 + Math.abs(beta[j]!)));
    beta = candidate;
    current = next;
    if (scale === 1 && largestMove <= IRLS_TOLERANCE) {
      if (!(current.smallestProbability > 0 && current.largestProbability < 1))
        throw new ScoreError('regression: fitted probabilities reach 0 or 1 (the classes are separated)');
      if (!Number.isFinite(current.logLikelihood))
        throw new ScoreError('regression: the log-likelihood is not finite');
      return {
        intercept: beta[0]!,
        coefficients: Array.from(beta.subarray(1)),
        iterations: iteration,
        logLikelihood: current.logLikelihood,
      };
    }
  }
  throw new ScoreError(`regression did not converge in ${IRLS_MAX_ITERATIONS} Newton iterations`);
}
