import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { candidatePairs } from '../../../src/identity/linkage/blocking.js';
import { BLOCKING_RULES, rulesForStore } from '../../../src/identity/linkage/blocking-rules.js';
import { patternLayout } from '../../../src/identity/linkage/comparison-vectors.js';
import { dedupe } from '../../../src/identity/linkage/dedupe.js';
import { PersonStore } from '../../../src/identity/linkage/person-store.js';
import { createScorer } from '../../../src/identity/linkage/scorer.js';
import { syntheticStore } from './synthetic-people.js';

const { store, truth } = syntheticStore(400, 3);
const result = dedupe(store, { seed: 5 });
const scorer = createScorer(patternLayout(store), result.model);

test('every weight of the model is finite, missing weighs 0, agreement weighs more than disagreement', () => {
  for (const attribute of result.model.attributes) {
    assert.equal(attribute.weights[0], 0);
    for (const w of attribute.weights) assert.ok(Number.isFinite(w));
    assert.ok(attribute.weights[1]! > attribute.weights[attribute.weights.length - 1]!, attribute.name);
  }
});

test("property: an explanation's attribute weights sum to its total, which is the pair's weight", () => {
  fc.assert(
    fc.property(fc.nat(store.size - 1), fc.nat(store.size - 1), (i, j) => {
      const explanation = scorer.explain(i, j);
      const sum = explanation.attributes.reduce((s, a) => s + a.weight, 0);
      assert.ok(Math.abs(sum - explanation.total) < 1e-9);
      assert.ok(Math.abs(scorer.weight(i, j) - explanation.total) < 1e-9);
      for (const a of explanation.attributes) {
        if (a.level === 0) assert.equal(a.weight, 0);
        assert.equal(a.label, result.model.attributes.find((m) => m.name === a.attribute)!.levels[a.level]);
      }
    }),
    { numRuns: 300 },
  );
});

test('term frequency: agreeing on a common surname weighs less than agreeing on a rare one', () => {
  const tf = new PersonStore(['given_name', 'surname', 'date_of_birth']);
  for (let k = 0; k < 200; k++)
    tf.add(`s${k}`, {
      given_name: `g${k % 37}`,
      surname: 'smith',
      date_of_birth: `19${50 + (k % 40)}-01-0${1 + (k % 9)}`,
    });
  tf.add('r1', { given_name: 'ann', surname: 'hathaway', date_of_birth: '1970-05-05' });
  tf.add('r2', { given_name: 'ann', surname: 'hathaway', date_of_birth: '1970-05-05' });
  tf.add('s-ann', { given_name: 'ann', surname: 'smith', date_of_birth: '1971-06-06' });
  tf.add('s-ann2', { given_name: 'ann', surname: 'smith', date_of_birth: '1971-06-06' });
  const model = dedupe(tf).model;
  const tfScorer = createScorer(patternLayout(tf), model);
  const surnameWeight = (i: number, j: number): number =>
    tfScorer.explain(i, j).attributes.find((a) => a.attribute === 'surname')!.weight;
  const n = tf.size;
  assert.ok(surnameWeight(n - 4, n - 3) > surnameWeight(n - 2, n - 1) + 3);
  assert.ok(
    tfScorer.explain(n - 2, n - 1).attributes.find((a) => a.attribute === 'surname')!
      .termFrequencyAdjustment < 0,
  );
});

test('blocking: each candidate pair once, ordered, far fewer than all pairs, with the counts reported', () => {
  const rules = rulesForStore(store);
  assert.deepEqual(
    rules.map((r) => r.name),
    BLOCKING_RULES.filter((r) => r.attributes.every((a) => store.column(a))).map((r) => r.name),
  );
  const candidates = candidatePairs(store, rules);
  const seen = new Set<number>();
  for (let k = 0; k < candidates.count; k++) {
    const i = candidates.left[k]!;
    const j = candidates.right[k]!;
    assert.ok(i < j);
    assert.ok(!seen.has(i * store.size + j), 'a pair twice');
    seen.add(i * store.size + j);
  }
  assert.equal(
    candidates.passes.reduce((s, p) => s + p.pairs, 0),
    candidates.count,
  );
  assert.ok(candidates.count < (store.size * (store.size - 1)) / 2 / 5);
  // A limit of 2 records per block skips every larger block, and says so.
  const tight = candidatePairs(store, rules, { maxBlockRecords: 2 });
  assert.ok(tight.passes.some((p) => p.oversizedBlocks > 0));
  for (const pass of tight.passes) assert.ok(pass.pairs <= pass.blocks);
});

test('the dedupe of a synthetic file finds its persons', async () => {
  const { pairwiseScores } = await import('../../../src/identity/linkage/pairwise-scores.js');
  const scores = pairwiseScores(result.clustering.clusterOf, truth);
  assert.ok(scores.precision >= 0.95, `precision ${scores.precision}`);
  assert.ok(scores.recall >= 0.95, `recall ${scores.recall}`);
});
