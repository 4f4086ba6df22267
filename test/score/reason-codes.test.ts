import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reasonCodes } from '../../src/score/reason-codes.js';

const entry = (variable: string, points: number, bestPoints: number) => ({
  variable,
  bin: 'x',
  points,
  bestPoints,
});

test('reasons: most points lost first, ties by variable name, best bins are no reason, limit respected', () => {
  const reasons = reasonCodes([
    entry('zeta', 10, 40), // lost 30
    entry('age', 30, 40), // lost 10
    entry('beta', 20, 50), // lost 30
    entry('income', 60, 60), // lost 0
    entry('alpha', 5, 15), // lost 10
  ]);
  assert.deepEqual(
    reasons.map((r) => [r.variable, r.pointsLost]),
    [
      ['beta', 30],
      ['zeta', 30],
      ['age', 10],
      ['alpha', 10],
    ],
  );
  assert.deepEqual(
    reasonCodes([entry('a', 1, 5), entry('b', 0, 5), entry('c', 4, 5)], 2).map((r) => r.variable),
    ['b', 'a'],
  );
  assert.deepEqual(reasonCodes([entry('a', 1, 5)], 0), []);
});

test('reasons ignore float dust: a bin 1e-12 below the best lost nothing', () => {
  assert.deepEqual(reasonCodes([entry('a', 39.38 - 1e-12, 39.38)]), []);
});
