import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { solveSymmetricPositiveDefinite } from '../../src/score/linear-solve.js';
import { fitLogisticRegression } from '../../src/score/logistic-regression.js';
import { weightOfEvidence } from '../../src/score/woe.js';

/** Rows of a 2-bin variable: bin 0 with g0 good and b0 bad, bin 1 with g1 good and b1 bad. */
function twoBins(g0: number, b0: number, g1: number, b1: number) {
  const bin: number[] = [];
  const bad: number[] = [];
  for (const [b, goods, bads] of [
    [0, g0, b0],
    [1, g1, b1],
  ] as const) {
    for (let i = 0; i < goods; i++) {
      bin.push(b);
      bad.push(0);
    }
    for (let i = 0; i < bads; i++) {
      bin.push(b);
      bad.push(1);
    }
  }
  return { bin, bad: Uint8Array.from(bad) };
}

test('closed form: on unsmoothed WOE of a 2-bin variable, beta = -1 and intercept = ln(B / G)', () => {
  const { bin, bad } = twoBins(40, 10, 30, 20);
  const woe = weightOfEvidence([40, 30], [10, 20], 0).woe;
  const fit = fitLogisticRegression(
    bin.length,
    1,
    (row, out) => {
      out[0] = woe[bin[row]!]!;
    },
    bad,
    { ridge: 0 },
  );
  assert.ok(Math.abs(fit.coefficients[0]! - -1) < 1e-9, `beta ${fit.coefficients[0]}`);
  assert.ok(Math.abs(fit.intercept - Math.log(30 / 70)) < 1e-9, `intercept ${fit.intercept}`);
  // The saturated model reproduces each bin's log-odds: ln(10/40) and ln(20/30).
  assert.ok(Math.abs(fit.intercept + fit.coefficients[0]! * woe[0]! - Math.log(10 / 40)) < 1e-9);
  assert.ok(Math.abs(fit.intercept + fit.coefficients[0]! * woe[1]! - Math.log(20 / 30)) < 1e-9);
  const expectedLogLikelihood =
    10 * Math.log(0.2) + 40 * Math.log(0.8) + 20 * Math.log(0.4) + 30 * Math.log(0.6);
  assert.ok(Math.abs(fit.logLikelihood - expectedLogLikelihood) < 1e-9);
});

test('closed form: a 0/1 feature gets beta = the log-odds difference of its two groups', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 60 }),
      fc.integer({ min: 1, max: 60 }),
      fc.integer({ min: 1, max: 60 }),
      fc.integer({ min: 1, max: 60 }),
      (g0, b0, g1, b1) => {
        const { bin, bad } = twoBins(g0, b0, g1, b1);
        const fit = fitLogisticRegression(
          bin.length,
          1,
          (row, out) => {
            out[0] = bin[row]!;
          },
          bad,
          { ridge: 0 },
        );
        const expected = Math.log(b1 / g1) - Math.log(b0 / g0);
        assert.ok(Math.abs(fit.coefficients[0]! - expected) < 1e-7, `${fit.coefficients[0]} vs ${expected}`);
        assert.ok(Math.abs(fit.intercept - Math.log(b0 / g0)) < 1e-7);
      },
    ),
    { numRuns: 100 },
  );
});

test('the ridge shrinks the coefficient towards 0', () => {
  const { bin, bad } = twoBins(40, 10, 30, 20);
  const fill = (row: number, out: Float64Array) => {
    out[0] = bin[row]!;
  };
  const free = fitLogisticRegression(bin.length, 1, fill, bad, { ridge: 0 }).coefficients[0]!;
  const ridged = fitLogisticRegression(bin.length, 1, fill, bad, { ridge: 1 }).coefficients[0]!;
  assert.ok(ridged > 0 && ridged < free, `${ridged} vs ${free}`);
  const slight = fitLogisticRegression(bin.length, 1, fill, bad, { ridge: 0.01 }).coefficients[0]!;
  assert.ok(slight < free && free - slight < 0.01, `${slight} vs ${free}`);
});

test('refusals: one class, separated classes without a ridge, a bad ridge', () => {
  const fill = (row: number, out: Float64Array) => {
    out[0] = row;
  };
  assert.throws(
    () => fitLogisticRegression(3, 1, fill, Uint8Array.from([0, 0, 0]), { ridge: 0 }),
    /bad and good/,
  );
  assert.throws(
    () => fitLogisticRegression(4, 1, fill, Uint8Array.from([0, 0, 1, 1]), { ridge: 0 }),
    /separated|converge|singular/,
  );
  assert.throws(() => fitLogisticRegression(2, 1, fill, Uint8Array.from([0, 1]), { ridge: -1 }), /ridge/);
});

test('Cholesky solve by hand, and a singular matrix refused', () => {
  const x = solveSymmetricPositiveDefinite(Float64Array.from([4, 2, 2, 3]), Float64Array.from([2, 1]), 2);
  assert.ok(Math.abs(x[0]! - 0.5) < 1e-12 && Math.abs(x[1]!) < 1e-12);
  assert.throws(
    () => solveSymmetricPositiveDefinite(Float64Array.from([1, 1, 1, 1]), Float64Array.from([1, 1]), 2),
    /singular/,
  );
});
