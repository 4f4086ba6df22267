import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sampleShares, trainingShares } from '../../src/score/bin-sample.js';
import { psi } from '../../src/score/psi.js';
import { trainScorecard } from '../../src/score/train.js';
import { syntheticApplicants, TRAIN } from './score-fixtures.js';

test('PSI by hand, and 0 for identical distributions', () => {
  assert.equal(psi([0.5, 0.5], [0.5, 0.5]), 0);
  const expected = 0.1 * Math.log(0.6 / 0.5) + -0.1 * Math.log(0.4 / 0.5);
  assert.ok(Math.abs(psi([0.5, 0.5], [0.6, 0.4]) - expected) < 1e-12);
  // An empty bin counts as 1e-4 so the index stays finite.
  const withEmpty = (0.2 - 1e-4) * Math.log(0.2 / 1e-4) + (0.8 - 1) * Math.log(0.8 / 1);
  assert.ok(Math.abs(psi([0, 1], [0.2, 0.8]) - withEmpty) < 1e-12);
});

test('PSI refuses shares that do not sum to 1 or do not match', () => {
  assert.throws(() => psi([0.5, 0.4], [0.5, 0.5]), /sum to/);
  assert.throws(() => psi([0.5, 0.5], [1]), /2 expected shares but 1/);
  assert.throws(() => psi([1.5, -0.5], [0.5, 0.5]), /share 1/);
});

test('property: PSI >= 0 and symmetric', () => {
  const shares = fc
    .array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 10 })
    .filter((c) => c.some((x) => x > 0));
  fc.assert(
    fc.property(shares, shares, (a, b) => {
      const n = Math.min(a.length, b.length);
      const norm = (c: number[]) => {
        const t = c.slice(0, n).reduce((s, x) => s + x, 0);
        return c.slice(0, n).map((x) => x / t);
      };
      fc.pre(a.slice(0, n).some((x) => x > 0) && b.slice(0, n).some((x) => x > 0));
      const value = psi(norm(a), norm(b));
      assert.ok(value >= 0);
      assert.ok(Math.abs(value - psi(norm(b), norm(a))) < 1e-9);
    }),
  );
});

test("a sample binned with a model's bins: the training sample itself has PSI 0", () => {
  const data = syntheticApplicants(1000, 9);
  const model = trainScorecard(data, TRAIN);
  const age = model.variables.find((v) => v.name === 'age')!;
  const values = data.variables.find((v) => v.name === 'age')!;
  assert.equal(values.kind, 'numeric');
  const sample = sampleShares(
    age,
    values.kind === 'numeric' ? Array.from(values.values, (v) => (Number.isNaN(v) ? null : v)) : [],
  );
  assert.deepEqual(
    sample.counts,
    age.bins.map((b) => b.count),
  );
  assert.ok(Math.abs(psi(trainingShares(age), sample.shares)) < 1e-12);
  const older = sampleShares(age, [70, 70, 71, 'x', null]);
  assert.equal(older.counts.at(-1), 2, 'unreadable and missing values in the missing bin');
  assert.ok(psi(trainingShares(age), older.shares) > 0.25);
  assert.throws(() => sampleShares(age, []), /no rows/);
});
