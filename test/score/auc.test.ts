import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { auc, gini } from '../../src/score/auc.js';

const y = (...values: number[]) => Uint8Array.from(values);

test('AUC by hand: pairs counted, ties half', () => {
  // Bads at 3 and 1, goods at 2 and 1: pairs (3,2) 1, (3,1) 1, (1,2) 0, (1,1) 0.5 -> 2.5 / 4.
  assert.equal(auc([3, 2, 1, 1], y(1, 0, 1, 0)), 0.625);
  assert.equal(auc([5, 5, 5, 5], y(1, 0, 1, 0)), 0.5);
  assert.equal(auc([0.9, 0.1, 0.5], y(1, 0, 0)), 1);
  assert.equal(auc([0.1, 0.9, 0.5], y(1, 0, 0)), 0);
  assert.equal(auc([2, 1, 1, 0], y(1, 1, 0, 0)), 0.875);
});

test('Gini = 2 AUC - 1', () => {
  assert.equal(gini(0.5), 0);
  assert.equal(gini(1), 1);
  assert.ok(Math.abs(gini(0.78) - 0.56) < 1e-12);
});

test('AUC refuses one-class data, NaN and outcomes other than 0/1', () => {
  assert.throws(() => auc([1, 2], y(0, 0)), /bad and good/);
  assert.throws(() => auc([1, Number.NaN], y(0, 1)), /not a number/);
  assert.throws(() => auc([1, 2], [0, 2]), /expected 0 or 1/);
  assert.throws(() => auc([1, 2, 3], y(0, 1)), /outcomes/);
});

/** The AUC by its definition over every pair (the reference). */
function pairwise(risk: number[], bad: number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < risk.length; i++)
    for (let j = 0; j < risk.length; j++) {
      if (bad[i] !== 1 || bad[j] !== 0) continue;
      pairs++;
      wins += risk[i]! > risk[j]! ? 1 : risk[i] === risk[j] ? 0.5 : 0;
    }
  return wins / pairs;
}

const sample = fc
  .array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 1 })), {
    minLength: 2,
    maxLength: 60,
  })
  .filter((rows) => rows.some(([, b]) => b === 1) && rows.some(([, b]) => b === 0));

test('property: the rank formula equals the pairwise definition; negating the score gives 1 - AUC', () => {
  fc.assert(
    fc.property(sample, (rows) => {
      const risk = rows.map(([r]) => r);
      const bad = rows.map(([, b]) => b);
      const value = auc(risk, bad);
      assert.ok(Math.abs(value - pairwise(risk, bad)) < 1e-12);
      assert.ok(
        Math.abs(
          auc(
            risk.map((r) => -r),
            bad,
          ) -
            (1 - value),
        ) < 1e-12,
      );
    }),
    { numRuns: 300 },
  );
});

test('property: a perfectly separating score has AUC 1 (and its reverse 0)', () => {
  fc.assert(
    fc.property(sample, fc.double({ min: 0.001, max: 1000, noNaN: true }), (rows, gap) => {
      const bad = rows.map(([, b]) => b);
      const risk = rows.map(([r, b]) => (b === 1 ? 10 + gap + r : r));
      assert.equal(auc(risk, bad), 1);
      assert.equal(
        auc(
          risk.map((r) => -r),
          bad,
        ),
        0,
      );
    }),
    { numRuns: 200 },
  );
});
