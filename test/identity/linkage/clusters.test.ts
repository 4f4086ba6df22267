import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { clusterLinks } from '../../../src/identity/linkage/clusters.js';
import { pairwiseScores } from '../../../src/identity/linkage/pairwise-scores.js';

const linksArbitrary = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.double({ min: -20, max: 40, noNaN: true })), {
      maxLength: 60,
    }),
  }),
);

function arrays(links: [number, number, number][]) {
  const kept = links.filter(([i, j]) => i !== j);
  return {
    left: Int32Array.from(kept, ([i, j]) => Math.min(i, j)),
    right: Int32Array.from(kept, ([i, j]) => Math.max(i, j)),
    weights: Float64Array.from(kept, ([, , w]) => w),
  };
}

/** Connected components of the links at or above the threshold (the reference). */
function components(n: number, links: [number, number, number][], threshold: number): number[] {
  const label = Array.from({ length: n }, (_, i) => i);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [i, j, w] of links) {
      if (w < threshold || label[i] === label[j]) continue;
      const low = Math.min(label[i]!, label[j]!);
      label[i] = low;
      label[j] = low;
      changed = true;
    }
  }
  return label;
}

test('property: clusters are a partition numbered by first record, equal to the linked components', () => {
  fc.assert(
    fc.property(linksArbitrary, ({ n, links }) => {
      const { left, right, weights } = arrays(links);
      const result = clusterLinks(n, left, right, weights, 10, { maxClusterRecords: n });
      assert.equal(result.clusterOf.length, n);
      let next = 0;
      for (const c of result.clusterOf) {
        assert.ok(c >= 0 && c <= next, 'numbered in order of first record');
        if (c === next) next++;
      }
      assert.equal(next, result.clusters);
      const reference = components(n, links, 10);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          assert.equal(result.clusterOf[i] === result.clusterOf[j], reference[i] === reference[j]);
      assert.equal(result.refusedLinks, 0);
    }),
    { numRuns: 500 },
  );
});

test('property: no cluster exceeds the size limit, and refused links are the weakest', () => {
  fc.assert(
    fc.property(linksArbitrary, fc.integer({ min: 1, max: 5 }), ({ n, links }, limit) => {
      const { left, right, weights } = arrays(links);
      const result = clusterLinks(n, left, right, weights, 0, { maxClusterRecords: limit });
      const sizes = new Map<number, number>();
      for (const c of result.clusterOf) sizes.set(c, (sizes.get(c) ?? 0) + 1);
      assert.ok(Math.max(...sizes.values()) <= limit);
      assert.equal(result.largest, Math.max(...sizes.values()));
    }),
    { numRuns: 500 },
  );
});

test('average linkage: a chain through one doubtful link does not join two persons', () => {
  // 0-1 and 2-3 are two persons; 1-2 is one link above the threshold; everything else across is far below.
  const weights = new Map<string, number>([
    ['0,1', 30],
    ['2,3', 30],
    ['1,2', 12],
  ]);
  const pairWeight = (i: number, j: number): number =>
    weights.get(`${Math.min(i, j)},${Math.max(i, j)}`) ?? -20;
  const left = Int32Array.of(0, 2, 1);
  const right = Int32Array.of(1, 3, 2);
  const w = Float64Array.of(30, 30, 12);
  const guarded = clusterLinks(4, left, right, w, 10, { pairWeight });
  assert.deepEqual([...guarded.clusterOf], [0, 0, 1, 1]);
  assert.equal(guarded.refusedByAverage, 1);
  const unguarded = clusterLinks(4, left, right, w, 10);
  assert.deepEqual([...unguarded.clusterOf], [0, 0, 0, 0]);
});

test('pairwise precision and recall count pairs within clusters and entities', () => {
  const scores = pairwiseScores(Int32Array.of(0, 0, 0, 1), Int32Array.of(7, 7, 8, 8));
  assert.equal(scores.predictedPairs, 3);
  assert.equal(scores.truePairs, 2);
  assert.equal(scores.truePositives, 1);
  assert.equal(scores.precision, 1 / 3);
  assert.equal(scores.recall, 1 / 2);
  assert.deepEqual(pairwiseScores(Int32Array.of(0, 1), Int32Array.of(0, 1)).precision, 1);
});
