/**
 * The parts of the bureau score: the 0-1000 scale, score distributions (percentiles, bands),
 * the words of bins, the observation plan.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { BinDefinition } from '../../../src/score/binning/bin-definitions.js';
import { binWords } from '../../../src/score/bureau/bin-words.js';
import { buildPlan } from '../../../src/score/bureau/build-plan.js';
import { bureauFeature } from '../../../src/score/bureau/bureau-feature-set.js';
import {
  bandCuts,
  bandShares,
  belowCounts,
  percentileOf,
  SCORE_VALUES,
  scoreCounts,
} from '../../../src/score/bureau/score-distribution.js';
import { scoreScale } from '../../../src/score/bureau/score-scale.js';
import type { ScorecardModel } from '../../../src/score/model-format.js';
import { ScoreError } from '../../../src/score/score-error.js';

const range = (lower: number | null, upper: number | null): BinDefinition => ({
  kind: 'range',
  lower,
  upper,
});

test('the scale maps the lowest possible score to 0 and the highest to 1000, affinely', () => {
  const scale = scoreScale({ scoreRange: { min: 300, max: 700 } } as ScorecardModel);
  assert.equal(scale.toServed(300), 0);
  assert.equal(scale.toServed(700), 1000);
  assert.equal(scale.toServed(500), 500);
  assert.equal(scale.toServed(400.4), 251);
  assert.equal(scale.perPoint, 2.5);
  assert.throws(() => scoreScale({ scoreRange: { min: 600, max: 600 } } as ScorecardModel), ScoreError);
});

test('percentile: the share scoring lower, rounded down; ties are not lower', () => {
  const below = belowCounts(scoreCounts([100, 200, 300, 400]));
  assert.equal(percentileOf(below, 100), 0);
  assert.equal(percentileOf(below, 101), 25);
  assert.equal(percentileOf(below, 400), 75);
  assert.equal(percentileOf(below, 1000), 99, 'at most 99');
  assert.equal(percentileOf(belowCounts(scoreCounts([])), 500), 0);
  assert.throws(() => percentileOf(below, 1001), RangeError);
  assert.throws(() => scoreCounts([12.5]), RangeError);
});

test('bands of about equal shares; their shares sum to 1 (property)', () => {
  const cuts = bandCuts(scoreCounts([100, 200, 300, 400]), 2);
  assert.deepEqual(cuts, [201]);
  assert.deepEqual(bandShares(scoreCounts([100, 200, 300, 400]), cuts), [0.5, 0.5]);
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 300 }),
      fc.integer({ min: 1, max: 12 }),
      (scores, bands) => {
        const counts = scoreCounts(scores);
        const c = bandCuts(counts, bands);
        assert.ok(c.length <= bands - 1, 'at most bands - 1 cuts');
        for (let i = 1; i < c.length; i++) assert.ok(c[i]! > c[i - 1]!, 'cuts rise');
        const shares = bandShares(counts, c);
        assert.ok(Math.abs(shares.reduce((a, b) => a + b, 0) - 1) < 1e-9, 'shares sum to 1');
        assert.equal(counts.length, SCORE_VALUES);
      },
    ),
  );
});

test('bins in plain words, by unit', () => {
  const words = (name: string, bin: BinDefinition, currency = 'CNY') =>
    binWords(bureauFeature(name)!, bin, currency);
  assert.equal(words('lender_open_all', range(3.5, null)), '4 or more');
  assert.equal(words('lender_open_all', range(null, 0.5)), 'none');
  assert.equal(words('lender_open_all', range(null, 3)), '2 or fewer');
  assert.equal(words('lender_open_all', range(0.5, 2)), '1');
  assert.equal(words('lender_open_all', range(2, 4)), '2 to 3');
  assert.equal(words('util_rev_all', range(null, 0.3)), 'under 30%');
  assert.equal(words('util_rev_all', range(0.3, 0.815)), '30% to under 81.5%');
  assert.equal(words('util_rev_all', { kind: 'missing' }), 'no revolving limit');
  assert.equal(words('bal_open_all_minor', range(500_000, null)), 'CNY 5,000.00 or more');
  assert.equal(words('bal_open_all_minor', range(null, 420_214)), 'under CNY 4,202.00');
  assert.equal(words('bal_open_all_minor', range(null, 420_214), 'JPY'), 'under JPY 420,214');
  assert.equal(words('status_worst_24m_all', range(null, 0.5)), 'not overdue');
  assert.equal(words('status_worst_24m_all', range(null, 3)), 'at worst 31-60 days overdue');
  assert.equal(words('status_worst_24m_all', range(3, null)), '61-90 days overdue or worse');
  assert.equal(words('status_worst_24m_all', range(1, 3)), '1-30 days overdue to 31-60 days overdue');
  assert.equal(words('dlq_months_since_all', range(null, 2)), '1 month or fewer');
  assert.equal(words('hist_oldest_months', range(12, 24)), '12 to 23 months');
  assert.equal(words('dlq_months_since_all', { kind: 'missing' }), 'no overdue payment in the last 5 years');
});

test('the plan: hold-out 12 months before the last month, training 6 before; given months are checked', () => {
  const history = { first: '2024-05', last: '2026-10' };
  assert.deepEqual(buildPlan(history), {
    historyFrom: '2024-05',
    historyTo: '2026-10',
    trainingMonth: '2025-04',
    holdoutMonth: '2025-10',
    populationMonth: '2026-10',
  });
  assert.equal(buildPlan(history, { trainingMonth: '2024-09' }).trainingMonth, '2024-09');
  assert.throws(() => buildPlan(history, { holdoutMonth: '2025-11' }), /needs 12 months of outcome/);
  assert.throws(() => buildPlan(history, { trainingMonth: '2025-10' }), /must come before/);
  assert.throws(() => buildPlan(history, { trainingMonth: '2024-04' }), /before the first month on file/);
  assert.throws(() => buildPlan({ first: '2025-01', last: '2026-01' }), /history is too short/);
  assert.throws(() => buildPlan(history, { holdoutMonth: '2025-1' }), /YYYY-MM/);
});
