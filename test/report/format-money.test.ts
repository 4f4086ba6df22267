/**
 * formatMinor: examples worked out by hand, then properties against an independent oracle
 * (Intl grouping of the major units as a BigInt, the minor digits from BigInt remainder).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { formatMinor, minorUnitDecimals } from '../../src/report/format-money.js';

describe('formatMinor examples', () => {
  const cases: [number, string, string][] = [
    [1234567, 'CNY', 'CNY 12,345.67'],
    [0, 'CNY', 'CNY 0.00'],
    [-0, 'CNY', 'CNY 0.00'],
    [5, 'CNY', 'CNY 0.05'],
    [50, 'CNY', 'CNY 0.50'],
    [100, 'USD', 'USD 1.00'],
    [99999, 'CNY', 'CNY 999.99'],
    [100000, 'CNY', 'CNY 1,000.00'],
    [100000000, 'EUR', 'EUR 1,000,000.00'],
    [-5, 'CNY', 'CNY -0.05'],
    [-1234567, 'HKD', 'HKD -12,345.67'],
    [1500, 'JPY', 'JPY 1,500'],
    [-1234567, 'JPY', 'JPY -1,234,567'],
    [Number.MAX_SAFE_INTEGER, 'CNY', 'CNY 90,071,992,547,409.91'],
    [-Number.MAX_SAFE_INTEGER, 'CNY', 'CNY -90,071,992,547,409.91'],
  ];
  for (const [amount, currency, expected] of cases)
    test(`${amount} ${currency} -> ${expected}`, () => {
      assert.equal(formatMinor(amount, currency), expected);
    });

  test('only integers: fractions, NaN, infinities and unsafe integers are refused', () => {
    for (const bad of [1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53])
      assert.throws(() => formatMinor(bad, 'CNY'), RangeError, String(bad));
  });

  test('minor unit decimals: 2, the yen 0', () => {
    assert.equal(minorUnitDecimals('CNY'), 2);
    assert.equal(minorUnitDecimals('XYZ'), 2);
    assert.equal(minorUnitDecimals('JPY'), 0);
    assert.equal(minorUnitDecimals('toString'), 2);
  });
});

const safeInteger = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const currency = fc.constantFrom('CNY', 'USD', 'HKD', 'EUR', 'GBP');
const grouping = new Intl.NumberFormat('en-US', { useGrouping: true });

describe('formatMinor properties', () => {
  test('agrees with an independent BigInt + Intl formatting', () => {
    fc.assert(
      fc.property(safeInteger, currency, (amount, cur) => {
        const n = BigInt(amount);
        const abs = n < 0n ? -n : n;
        const expected = `${cur} ${n < 0n ? '-' : ''}${grouping.format(abs / 100n)}.${String(abs % 100n).padStart(2, '0')}`;
        assert.equal(formatMinor(amount, cur), expected);
      }),
      { numRuns: 500 },
    );
  });

  test('round-trips: the digits read back give the amount', () => {
    fc.assert(
      fc.property(safeInteger, currency, (amount, cur) => {
        const text = formatMinor(amount, cur);
        assert.ok(text.startsWith(`${cur} `));
        const body = text.slice(cur.length + 1);
        const back = BigInt(body.replace(/[,.]/g, ''));
        assert.equal(back, BigInt(amount));
      }),
      { numRuns: 500 },
    );
  });

  test('shape: groups of three after the first, two decimals, a minus only when negative', () => {
    fc.assert(
      fc.property(safeInteger, (amount) => {
        const text = formatMinor(amount, 'CNY');
        assert.match(text, /^CNY -?(0|[1-9]\d{0,2}(,\d{3})*)\.\d{2}$/);
        assert.equal(text.includes('-'), amount < 0);
      }),
      { numRuns: 500 },
    );
  });

  test('negation only adds the sign', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), currency, (amount, cur) => {
        assert.equal(formatMinor(-amount, cur), formatMinor(amount, cur).replace(' ', ' -'));
      }),
    );
  });

  test('the yen has no decimals', () => {
    fc.assert(
      fc.property(safeInteger, (amount) => {
        const text = formatMinor(amount, 'JPY');
        assert.match(text, /^JPY -?(0|[1-9]\d{0,2}(,\d{3})*)$/);
        assert.equal(BigInt(text.slice(4).replace(/,/g, '')), BigInt(amount));
      }),
    );
  });
});
