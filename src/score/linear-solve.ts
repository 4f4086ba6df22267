/**
 * Solves A x = b for a symmetric positive definite A by Cholesky decomposition (A = L L^T).
 *
 * @example
 *   solveSymmetricPositiveDefinite(Float64Array.from([4, 2, 2, 3]), Float64Array.from([2, 1]), 2); // [0.5, 0]
 */
import { ScoreError } from './score-error.js';

/**
 * x with A x = b; A is n by n, row-major, symmetric positive definite (else ScoreError).
 *
 * @example
 *   solveSymmetricPositiveDefinite(Float64Array.from([2]), Float64Array.from([4]), 1); // [2]
 */
export function solveSymmetricPositiveDefinite(a: Float64Array, b: Float64Array, n: number): Float64Array {
  if (a.length !== n * n || b.length !== n) throw new Error(`solve: a ${a.length}, b ${b.length}, n ${n}`);
  const l = new Float64Array(n * n);
  let largestDiagonal = 0;
  for (let i = 0; i < n; i++) largestDiagonal = Math.max(largestDiagonal, Math.abs(a[i * n + i]!));
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > 1e-13 * largestDiagonal))
          throw new ScoreError(
            `the regression's normal equations are singular at column ${i} (collinear or constant variables)`,
          );
        l[i * n + i] = Math.sqrt(sum);
      } else l[i * n + j] = sum / l[j * n + j]!;
    }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * y[k]!;
    y[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}
