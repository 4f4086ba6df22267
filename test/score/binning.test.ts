import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bestPartition } from '../../src/score/binning/best-partition.js';
import { binLabel, cutBetween } from '../../src/score/binning/bin-definitions.js';
import { binningOptions } from '../../src/score/binning/binning-options.js';
import { binCategorical } from '../../src/score/binning/categorical-binning.js';
import { fineClassEnds } from '../../src/score/binning/fine-classes.js';
import { binNumeric, rangeIndex } from '../../src/score/binning/numeric-binning.js';
import type { CategoricalVariable, NumericVariable } from '../../src/score/dataset.js';
import { WOE_SMOOTHING_ROWS } from '../../src/score/limits.js';

const numeric = (values: (number | null)[]): NumericVariable => ({
  kind: 'numeric',
  name: 'x',
  values: Float64Array.from(values, (v) => (v === null ? Number.NaN : v)),
});

test('cuts are short decimals between two training values', () => {
  assert.equal(cutBetween(12, 15), 14);
  assert.equal(cutBetween(0, 1), 0.5);
  assert.equal(cutBetween(0.1, 0.2), 0.2);
  assert.equal(cutBetween(0.11, 0.19), 0.15);
  assert.equal(cutBetween(1999, 2000), 2000);
  assert.equal(cutBetween(-3, -2.5), -2.8);
  fc.assert(
    fc.property(
      fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
      fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
      (a, b) => {
        fc.pre(a < b);
        const cut = cutBetween(a, b);
        assert.ok(cut > a && cut <= b, `${cut} not in (${a}, ${b}]`);
      },
    ),
    { numRuns: 500 },
  );
  assert.equal(rangeIndex([10, 20], 9.99), 0);
  assert.equal(rangeIndex([10, 20], 10), 1);
  assert.equal(rangeIndex([10, 20], 20), 2);
});

test('bin labels', () => {
  assert.equal(binLabel({ kind: 'range', lower: null, upper: 30 }), '< 30');
  assert.equal(binLabel({ kind: 'range', lower: 30, upper: 45.5 }), '[30, 45.5)');
  assert.equal(binLabel({ kind: 'range', lower: 45.5, upper: null }), '>= 45.5');
  assert.equal(binLabel({ kind: 'range', lower: null, upper: null }), 'any value');
  assert.equal(binLabel({ kind: 'categories', categories: ['a', 'b', 'z'], rare: ['z'] }), 'a, b; rare: z');
  assert.equal(binLabel({ kind: 'missing' }), 'missing');
});

test('fine classes: about equal counts, a heavy value never split, at most the limit', () => {
  const items = [10, 10, 10, 10, 60].map((n) => ({ good: n, bad: 0 }));
  // Quartiles at 25, 50, 75 rows: the first closes at 30 rows, the heavy value holds the rest.
  assert.deepEqual(fineClassEnds(items, 4), [3, 5]);
  assert.deepEqual(fineClassEnds([{ good: 1, bad: 1 }], 20), [1]);
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 200 }),
      fc.integer({ min: 2, max: 50 }),
      (counts, limit) => {
        const ends = fineClassEnds(
          counts.map((n) => ({ good: n, bad: 0 })),
          limit,
        );
        assert.ok(ends.length <= limit);
        assert.equal(ends.at(-1), counts.length);
        for (let i = 1; i < ends.length; i++) assert.ok(ends[i]! > ends[i - 1]!);
      },
    ),
  );
});

/** Every way to cut `classes` into contiguous bins (the reference for the dynamic programme). */
function* partitions(p: number): Generator<number[]> {
  for (let mask = 0; mask < 1 << (p - 1); mask++) {
    const ends: number[] = [];
    for (let i = 1; i < p; i++) if (mask & (1 << (i - 1))) ends.push(i);
    ends.push(p);
    yield ends;
  }
}

test('property: the grouping is the best of all valid groupings (brute force over every cut)', () => {
  const classes = fc.array(
    fc.record({ good: fc.integer({ min: 0, max: 30 }), bad: fc.integer({ min: 0, max: 30 }) }),
    {
      minLength: 1,
      maxLength: 8,
    },
  );
  fc.assert(
    fc.property(
      classes.filter((cs) => cs.every((c) => c.good + c.bad > 0)),
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: 1, max: 6 }),
      fc.constantFrom('increasing', 'decreasing', 'any') as fc.Arbitrary<'increasing' | 'decreasing' | 'any'>,
      (cs, minCount, maxBins, direction) => {
        const totalGood = cs.reduce((s, c) => s + c.good, 0) + 3;
        const totalBad = cs.reduce((s, c) => s + c.bad, 0) + 2;
        const total = totalGood + totalBad;
        const term = (g: number, b: number) => {
          const pg = (g + (WOE_SMOOTHING_ROWS * totalGood) / total) / totalGood;
          const pb = (b + (WOE_SMOOTHING_ROWS * totalBad) / total) / totalBad;
          return (pg - pb) * Math.log(pg / pb);
        };
        let best = Number.NEGATIVE_INFINITY;
        for (const ends of partitions(cs.length)) {
          const bins = ends.map((end, k) => {
            const members = cs.slice(k === 0 ? 0 : ends[k - 1], end);
            return {
              good: members.reduce((s, c) => s + c.good, 0),
              bad: members.reduce((s, c) => s + c.bad, 0),
            };
          });
          if (bins.length > maxBins) continue;
          if (bins.length > 1 && bins.some((b) => b.good + b.bad < minCount)) continue;
          const rates = bins.map((b) => b.bad / (b.good + b.bad));
          if (direction === 'increasing' && rates.some((r, k) => k > 0 && !(r > rates[k - 1]!))) continue;
          if (direction === 'decreasing' && rates.some((r, k) => k > 0 && !(r < rates[k - 1]!))) continue;
          best = Math.max(
            best,
            bins.reduce((s, b) => s + term(b.good, b.bad), 0),
          );
        }
        const result = bestPartition(cs, { minCount, maxBins, direction, totalGood, totalBad });
        assert.ok(Math.abs(result.iv - best) < 1e-9, `dp ${result.iv} vs brute force ${best}`);
        assert.equal(result.ends.at(-1), cs.length);
        assert.ok(result.ends.length <= maxBins);
      },
    ),
    { numRuns: 400 },
  );
});

const numericData = fc.array(
  fc.tuple(
    fc.option(fc.integer({ min: 0, max: 40 }), { freq: 8, nil: null }),
    fc.integer({ min: 0, max: 1 }),
  ),
  { minLength: 10, maxLength: 300 },
);

test('property: monotonic binning has strictly monotonic bad rates, bins of the minimum share, missing last', () => {
  fc.assert(
    fc.property(
      numericData,
      fc.integer({ min: 1, max: 8 }),
      fc.constantFrom(0.05, 0.1, 0.2),
      (rows, maxBins, minBinShare) => {
        const variable = numeric(rows.map(([v]) => v));
        const bad = Uint8Array.from(rows.map(([, b]) => b));
        fc.pre(bad.includes(0) && bad.includes(1));
        const options = binningOptions({ maxBins, minBinShare });
        const binning = binNumeric(variable, bad, options);
        const ranges = binning.bins.length - 1;
        assert.equal(binning.bins.at(-1)!.kind, 'missing');
        assert.ok(ranges >= 1 && ranges <= maxBins);
        const rates: number[] = [];
        for (let k = 0; k < ranges; k++) {
          const count = binning.goods[k]! + binning.bads[k]!;
          if (ranges > 1)
            assert.ok(count >= Math.ceil(minBinShare * rows.length), `bin ${k} has ${count} rows`);
          rates.push(binning.bads[k]! / count);
        }
        const rising = rates.every((r, k) => k === 0 || r > rates[k - 1]!);
        const falling = rates.every((r, k) => k === 0 || r < rates[k - 1]!);
        assert.ok(rising || falling, `rates ${rates.join(', ')}`);
        // Every row is in the bin that its value falls in.
        for (let i = 0; i < rows.length; i++) {
          const bin = binning.bins[binning.binOf[i]!]!;
          const value = rows[i]![0];
          if (value === null) assert.equal(bin.kind, 'missing');
          else {
            assert.equal(bin.kind, 'range');
            if (bin.kind === 'range')
              assert.ok((bin.lower ?? -Infinity) <= value && value < (bin.upper ?? Infinity));
          }
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('numeric binning by hand: a step in risk at 10 is found; missing values get their own bin', () => {
  const values: (number | null)[] = [];
  const bad: number[] = [];
  for (let v = 0; v < 20; v++)
    for (let k = 0; k < 10; k++) {
      values.push(v);
      bad.push(v < 10 ? (k < 1 ? 1 : 0) : k < 5 ? 1 : 0);
    }
  for (let k = 0; k < 10; k++) {
    values.push(null);
    bad.push(k < 3 ? 1 : 0);
  }
  const binning = binNumeric(numeric(values), Uint8Array.from(bad), binningOptions({ maxBins: 5 }));
  assert.deepEqual(
    binning.bins.map((b) => binLabel(b)),
    ['< 10', '>= 10', 'missing'],
  );
  assert.deepEqual(binning.goods, [90, 50, 7]);
  assert.deepEqual(binning.bads, [10, 50, 3]);
  assert.equal(binning.unseenBin, null);
});

test('optimal binning may follow a U shape that monotonic binning cannot', () => {
  const values: number[] = [];
  const bad: number[] = [];
  for (let v = 0; v < 30; v++)
    for (let k = 0; k < 10; k++) {
      values.push(v);
      const risky = v < 10 || v >= 20;
      bad.push(risky ? (k < 5 ? 1 : 0) : k < 1 ? 1 : 0);
    }
  const y = Uint8Array.from(bad);
  const optimal = binNumeric(
    numeric(values),
    y,
    binningOptions({ numericMethod: 'optimal', maxBins: 3, preBins: 30 }),
  );
  assert.deepEqual(
    optimal.bins.map((b) => binLabel(b)),
    ['< 10', '[10, 20)', '>= 20', 'missing'],
  );
  const monotonic = binNumeric(numeric(values), y, binningOptions({ maxBins: 3, preBins: 30 }));
  assert.ok(monotonic.woe.iv < optimal.woe.iv);
});

test('categorical binning: groups by bad rate, merges rare categories, unseen categories to the most neutral bin', () => {
  // a: 5% bad, b: 15%, c: 50%; d and e have 4 rows each (below the 5% rare share), 1 bad of 8
  // together (12.5%): too small for a bin of their own (10 rows), they join b, whose rate is
  // closest. Missing values: their own bin.
  const rows: [string | null, number][] = [];
  const add = (category: string | null, n: number, bads: number) => {
    for (let i = 0; i < n; i++) rows.push([category, i < bads ? 1 : 0]);
  };
  add('a', 60, 3);
  add('b', 60, 9);
  add('c', 60, 30);
  add('d', 4, 0);
  add('e', 4, 1);
  add(null, 12, 6);
  const categories = ['a', 'b', 'c', 'd', 'e', 'never seen in training'];
  const variable: CategoricalVariable = {
    kind: 'categorical',
    name: 'region',
    codes: Int32Array.from(rows, ([c]) => (c === null ? -1 : categories.indexOf(c))),
    categories,
  };
  const bad = Uint8Array.from(rows, ([, b]) => b);
  const binning = binCategorical(
    variable,
    bad,
    binningOptions({ rareCategoryShare: 0.05, minBinShare: 0.05 }),
  );
  assert.deepEqual(
    binning.bins.map((b) => binLabel(b)),
    ['a', 'b; rare: d, e', 'c', 'missing'],
  );
  assert.deepEqual(binning.bads, [3, 10, 30, 6]);
  assert.deepEqual(binning.goods, [57, 58, 30, 6]);
  const neutral = binning.woe.woe.reduce(
    (best, w, k) => (Math.abs(w) < Math.abs(binning.woe.woe[best]!) ? k : best),
    0,
  );
  assert.equal(binning.unseenBin, neutral);
});

test('categorical binning: two categories at the same bad rate share a bin (fewer bins on a tie)', () => {
  const codes: number[] = [];
  const bad: number[] = [];
  for (const [code, n, bads] of [
    [0, 50, 5],
    [1, 50, 5],
    [2, 50, 25],
  ] as const)
    for (let i = 0; i < n; i++) {
      codes.push(code);
      bad.push(i < bads ? 1 : 0);
    }
  const binning = binCategorical(
    { kind: 'categorical', name: 'c', codes: Int32Array.from(codes), categories: ['x', 'y', 'z'] },
    Uint8Array.from(bad),
    binningOptions({}),
  );
  assert.deepEqual(
    binning.bins.map((b) => binLabel(b)),
    ['x, y', 'z', 'missing'],
  );
});
