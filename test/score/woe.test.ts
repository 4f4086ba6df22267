import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { WOE_SMOOTHING_ROWS } from '../../src/score/limits.js';
import { weightOfEvidence } from '../../src/score/woe.js';

test('WOE and IV by hand: two bins, 70 good and 30 bad, smoothing 0.5 rows a bin', () => {
  // Bin A: 40 good, 10 bad; bin B: 30 good, 20 bad; N = 100.
  const a = 0.5;
  const pseudoGood = (a * 70) / 100; // 0.35
  const pseudoBad = (a * 30) / 100; // 0.15
  const goodTotal = 70 + 2 * pseudoGood; // 70.7
  const badTotal = 30 + 2 * pseudoBad; // 30.3
  const woeA = Math.log((40 + pseudoGood) / goodTotal / ((10 + pseudoBad) / badTotal));
  const woeB = Math.log((30 + pseudoGood) / goodTotal / ((20 + pseudoBad) / badTotal));
  const iv =
    ((40 + pseudoGood) / goodTotal - (10 + pseudoBad) / badTotal) * woeA +
    ((30 + pseudoGood) / goodTotal - (20 + pseudoBad) / badTotal) * woeB;
  const table = weightOfEvidence([40, 30], [10, 20]);
  assert.equal(WOE_SMOOTHING_ROWS, 0.5);
  assert.ok(Math.abs(table.woe[0]! - woeA) < 1e-12);
  assert.ok(Math.abs(table.woe[1]! - woeB) < 1e-12);
  assert.ok(Math.abs(table.iv - iv) < 1e-12);
  assert.ok(table.woe[0]! > 0 && table.woe[1]! < 0, 'the bin with fewer bads is the safer one');
});

test('WOE without smoothing is ln(share of goods / share of bads)', () => {
  const table = weightOfEvidence([40, 30], [10, 20], 0);
  assert.ok(Math.abs(table.woe[0]! - Math.log(40 / 70 / (10 / 30))) < 1e-12);
  assert.ok(Math.abs(table.woe[1]! - Math.log(30 / 70 / (20 / 30))) < 1e-12);
  const iv = (40 / 70 - 10 / 30) * table.woe[0]! + (30 / 70 - 20 / 30) * table.woe[1]!;
  assert.ok(Math.abs(table.iv - iv) < 1e-12);
});

test('an empty bin gets WOE 0 exactly and adds nothing to IV; a bin without bads stays finite', () => {
  const table = weightOfEvidence([50, 0, 20], [0, 0, 30]);
  assert.equal(table.woe[1], 0);
  assert.equal(table.ivTerms[1], 0);
  assert.ok(Number.isFinite(table.woe[0]!) && table.woe[0]! > 2);
});

test('WOE refuses data without both classes', () => {
  assert.throws(() => weightOfEvidence([5, 5], [0, 0]), /good and bad rows/);
  assert.throws(() => weightOfEvidence([5], [1, 2]), /counts/);
  assert.throws(() => weightOfEvidence([-1, 5], [1, 2]), /bin 0/);
});

const countsArbitrary = fc
  .array(fc.tuple(fc.nat(500), fc.nat(500)), { minLength: 1, maxLength: 12 })
  .filter((bins) => bins.some(([g]) => g > 0) && bins.some(([, b]) => b > 0));

test('property: IV >= 0, every term >= 0, WOE finite', () => {
  fc.assert(
    fc.property(countsArbitrary, (bins) => {
      const table = weightOfEvidence(
        bins.map(([g]) => g),
        bins.map(([, b]) => b),
      );
      assert.ok(table.iv >= 0);
      for (const term of table.ivTerms) assert.ok(term >= 0);
      for (const w of table.woe) assert.ok(Number.isFinite(w));
    }),
    { numRuns: 300 },
  );
});

test("property: a bin at the population's bad rate has WOE 0", () => {
  fc.assert(
    fc.property(countsArbitrary, fc.integer({ min: 1, max: 20 }), (bins, scale) => {
      const good = bins.reduce((s, [g]) => s + g, 0);
      const bad = bins.reduce((s, [, b]) => s + b, 0);
      // A bin holding `scale` copies of the whole population has its bad rate exactly.
      const table = weightOfEvidence(
        [...bins.map(([g]) => g), good * scale],
        [...bins.map(([, b]) => b), bad * scale],
      );
      assert.ok(Math.abs(table.woe[bins.length]!) < 1e-9, `WOE ${table.woe[bins.length]}`);
    }),
    { numRuns: 300 },
  );
});
