import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trainEm } from '../../../src/identity/linkage/em.js';
import { seededRandom } from '../../../src/identity/linkage/random.js';

/** Levels per attribute (level 0: missing) and the true parameters. */
const LEVEL_COUNTS = [4, 3, 5];
const TRUE_M = [
  [0, 0.85, 0.1, 0.05],
  [0, 0.9, 0.1],
  [0, 0.7, 0.15, 0.1, 0.05],
];
const TRUE_U = [
  [0, 0.02, 0.08, 0.9],
  [0, 0.3, 0.7],
  [0, 0.01, 0.04, 0.15, 0.8],
];
const TRUE_LAMBDA = 0.2;

function draw(probabilities: number[], x: number): number {
  let total = 0;
  for (let l = 1; l < probabilities.length; l++) {
    total += probabilities[l]!;
    if (x < total) return l;
  }
  return probabilities.length - 1;
}

function syntheticHistogram(pairs: number, seed: number): { patterns: Uint8Array[]; counts: number[] } {
  const random = seededRandom(seed);
  const histogram = new Map<string, { levels: Uint8Array; count: number }>();
  for (let k = 0; k < pairs; k++) {
    const match = random() < TRUE_LAMBDA;
    const levels = Uint8Array.from(LEVEL_COUNTS, (_, a) => {
      if (random() < 0.05) return 0;
      return draw((match ? TRUE_M : TRUE_U)[a]!, random());
    });
    const key = levels.join();
    const entry = histogram.get(key);
    if (entry) entry.count++;
    else histogram.set(key, { levels, count: 1 });
  }
  const entries = [...histogram.values()];
  return { patterns: entries.map((e) => e.levels), counts: entries.map((e) => e.count) };
}

function assertClose(actual: number[][], expected: number[][], tolerance: number): void {
  for (let a = 0; a < actual.length; a++)
    for (let l = 0; l < actual[a]!.length; l++) {
      const value = actual[a]![l]!;
      const want = expected[a]![l]!;
      assert.ok(Math.abs(value - want) <= tolerance, `[${a}][${l}] ${value} vs ${want}`);
    }
}

test('EM with u known recovers m and lambda from synthetic pairs', () => {
  const { patterns, counts } = syntheticHistogram(200_000, 11);
  const fit = trainEm(patterns, counts, LEVEL_COUNTS, TRUE_U, { estimateU: false });
  assert.ok(fit.converged, `stopped after ${fit.iterations} iterations`);
  assert.ok(Math.abs(fit.matchShare - TRUE_LAMBDA) < 0.01, `lambda ${fit.matchShare}`);
  assertClose(fit.m, TRUE_M, 0.02);
});

test('EM estimating u as well recovers both from rough starting values', () => {
  const { patterns, counts } = syntheticHistogram(200_000, 12);
  const roughU = [
    [0, 0.1, 0.1, 0.8],
    [0, 0.5, 0.5],
    [0, 0.05, 0.05, 0.1, 0.8],
  ];
  const fit = trainEm(patterns, counts, LEVEL_COUNTS, roughU, { estimateU: true });
  assert.ok(fit.converged);
  assert.ok(Math.abs(fit.matchShare - TRUE_LAMBDA) < 0.02, `lambda ${fit.matchShare}`);
  assertClose(fit.m, TRUE_M, 0.03);
  assertClose(fit.u, TRUE_U, 0.03);
});

test('EM stops at its iteration limit and says it did not converge', () => {
  const { patterns, counts } = syntheticHistogram(5_000, 13);
  const fit = trainEm(patterns, counts, LEVEL_COUNTS, TRUE_U, { maxIterations: 2, tolerance: 0 });
  assert.equal(fit.iterations, 2);
  assert.equal(fit.converged, false);
  for (const row of fit.m) assert.ok(Math.abs(row.reduce((s, v) => s + v, 0) - 1) < 1e-9);
});
