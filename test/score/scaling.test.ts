import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  binPoints,
  constantScore,
  roundPoints,
  scalingConstants,
  scalingParameters,
} from '../../src/score/scaling.js';

const scoreAt = (odds: number, p = { baseScore: 600, baseOdds: 50, pdo: 20 }) => {
  const c = scalingConstants(p);
  return c.offset + c.factor * Math.log(odds);
};

test('the base odds get the base score; doubling the odds adds pdo points', () => {
  assert.ok(Math.abs(scoreAt(50) - 600) < 1e-9);
  assert.ok(Math.abs(scoreAt(100) - 620) < 1e-9);
  assert.ok(Math.abs(scoreAt(25) - 580) < 1e-9);
  assert.ok(Math.abs(scoreAt(400) - 660) < 1e-9);
  const c = scalingConstants({ baseScore: 600, baseOdds: 50, pdo: 20 });
  assert.ok(Math.abs(c.factor - 20 / Math.LN2) < 1e-12);
  assert.ok(Math.abs(c.offset - (600 - (20 / Math.LN2) * Math.log(50))) < 1e-9);
});

test('points by hand: -(woe * beta + intercept / n) * factor + offset / n', () => {
  const c = scalingConstants({ baseScore: 600, baseOdds: 50, pdo: 20 });
  const woe = 0.4;
  const beta = -0.8;
  const intercept = -1.2;
  const expected = -(woe * beta + intercept / 3) * c.factor + c.offset / 3;
  assert.equal(binPoints(woe, beta, intercept, 3, c), Math.round(expected * 100) / 100);
  // With WOE 0 everywhere and intercept ln(1/50) (odds 50:1), one variable gets all 600 points.
  assert.equal(binPoints(0, -1, Math.log(1 / 50), 1, c), 600);
  assert.equal(constantScore(Math.log(1 / 50), c), 600);
  assert.equal(constantScore(Math.log(1 / 100), c), 620);
});

test('property: the points of n variables add up to offset + factor * ln(good:bad odds)', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -2, max: 0, noNaN: true })),
        {
          minLength: 1,
          maxLength: 8,
        },
      ),
      fc.double({ min: -4, max: 2, noNaN: true }),
      (variables, intercept) => {
        const c = scalingConstants({ baseScore: 500, baseOdds: 20, pdo: 40 });
        const n = variables.length;
        const total = variables.reduce((s, [woe, beta]) => s + binPoints(woe, beta, intercept, n, c), 0);
        const logBadOdds = intercept + variables.reduce((s, [woe, beta]) => s + woe * beta, 0);
        const expected = c.offset + c.factor * -logBadOdds;
        assert.ok(Math.abs(total - expected) <= 0.005 * n + 1e-9, `${total} vs ${expected}`);
      },
    ),
    { numRuns: 300 },
  );
});

test('scaling parameters: defaults, and refusals of nonsense', () => {
  assert.deepEqual(scalingParameters({}), { baseScore: 600, baseOdds: 50, pdo: 20 });
  assert.throws(() => scalingParameters({ pdo: 0 }), /double/);
  assert.throws(() => scalingParameters({ baseOdds: -1 }), /base odds/);
  assert.throws(() => scalingParameters({ baseScore: Number.NaN }), /base score/);
  assert.equal(roundPoints(-0.001), 0);
  assert.ok(Object.is(roundPoints(-0.001), 0), 'no negative zero');
});
