import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossValidate, spread } from '../../src/score/cross-validate.js';
import { stratifiedFolds } from '../../src/score/folds.js';
import { seededRandom } from '../../src/score/prng.js';
import { syntheticApplicants, TRAIN } from './score-fixtures.js';

test('the seeded generator repeats itself for a seed and differs between seeds', () => {
  const a = seededRandom(42);
  const b = seededRandom(42);
  const c = seededRandom(43);
  const first = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(
    first,
    Array.from({ length: 5 }, () => b.next()),
  );
  assert.notDeepEqual(
    first,
    Array.from({ length: 5 }, () => c.next()),
  );
  for (const x of first) assert.ok(x >= 0 && x < 1);
  const counts = new Array(10).fill(0);
  const random = seededRandom(1);
  for (let i = 0; i < 10_000; i++) counts[random.int(10)]++;
  for (const n of counts) assert.ok(n > 900 && n < 1100, `uneven: ${counts}`);
});

test('stratified folds: every fold has the same share of bads within one row; seeded', () => {
  const bad = Uint8Array.from({ length: 103 }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const folds = stratifiedFolds(bad, 10, 5);
  const bads = new Array(10).fill(0);
  const rows = new Array(10).fill(0);
  folds.forEach((f, i) => {
    rows[f]++;
    bads[f] += bad[i]!;
  });
  assert.ok(Math.max(...bads) - Math.min(...bads) <= 1, `bads ${bads}`);
  assert.ok(Math.max(...rows) - Math.min(...rows) <= 2, `rows ${rows}`);
  assert.deepEqual(stratifiedFolds(bad, 10, 5), folds);
  assert.notDeepEqual(stratifiedFolds(bad, 10, 6), folds);
  assert.throws(() => stratifiedFolds(Uint8Array.from([1, 0, 0, 0]), 2, 1), /at least 2 bad/);
  assert.throws(() => stratifiedFolds(bad, 1, 1), /folds must be/);
});

test('spread: mean, sample standard deviation, extremes', () => {
  const s = spread([0.7, 0.8, 0.9]);
  assert.ok(Math.abs(s.mean - 0.8) < 1e-12);
  assert.ok(Math.abs(s.sd - 0.1) < 1e-12);
  assert.deepEqual([s.min, s.max], [0.7, 0.9]);
  assert.equal(spread([0.5]).sd, 0);
});

test('cross-validation: one result a fold, held-out AUC near the training AUC, deterministic', () => {
  const data = syntheticApplicants(2000, 11);
  const cv = crossValidate(data, { folds: 5, seed: 3, train: TRAIN });
  assert.equal(cv.folds.length, 5);
  assert.equal(
    cv.folds.reduce((s, f) => s + f.rows, 0),
    2000,
  );
  assert.ok(cv.auc.mean > 0.7 && cv.auc.mean < 0.9, `AUC ${cv.auc.mean}`);
  assert.ok(Math.abs(cv.gini.mean - (2 * cv.auc.mean - 1)) < 1e-12);
  assert.ok(Math.abs(cv.gini.sd - 2 * cv.auc.sd) < 1e-12);
  assert.deepEqual(crossValidate(data, { folds: 5, seed: 3, train: TRAIN }), cv);
});
