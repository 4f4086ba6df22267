/**
 * Inquiry indicators on hand-built inquiry lists: each window at its edges (1 s inside and
 * outside), soft inquiries, the institution groups, and the shopping rule at its edge.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { INQUIRY_REASON_CODES, isHardInquiry } from '../../src/consent/inquiry-reasons.js';
import { computeIndicators } from '../../src/risk/compute-indicators.js';
import { INDICATOR_NAMES } from '../../src/risk/indicator-names.js';
import { PRODUCT_KIND_OF_REASON } from '../../src/risk/inquiry-products.js';
import { shoppingCount, shoppingDistinctInstitutions, shoppingFigures } from '../../src/risk/shopping.js';
import {
  AS_OF,
  BANK1,
  CARD1,
  CF1,
  expectedValues,
  inquiry,
  PLAT1,
  PLAT2,
  personFile,
} from './risk-fixtures.js';

const WINDOWS = ['7d', '1m', '3m', '6m', '12m'] as const;
const counts = (values: Record<string, number | null>, metric: string, group = 'all') =>
  WINDOWS.map((w) => values[`${metric}_${w}_${group}`]);

describe('window edges, every inquiry counted (shopping window 0)', () => {
  // All loan approvals by PLAT1. Expected windows by hand (starts: see risk-fixtures AS_OF).
  const at = [
    '2025-07-15T10:00:01Z', // after asOf: nowhere
    '2025-07-15T10:00:00Z', // asOf: every window
    '2025-07-08T10:00:01Z', // 7d start + 1 s: 7d and up
    '2025-07-08T10:00:00Z', // 7d start: 1m and up
    '2025-07-08T09:59:59Z', // 7d start - 1 s: 1m and up
    '2025-06-15T10:00:01Z', // 1m start + 1 s: 1m and up
    '2025-06-15T10:00:00Z', // 1m start: 3m and up
    '2025-04-15T10:00:01Z', // 3m start + 1 s: 3m and up
    '2025-04-15T10:00:00Z', // 3m start: 6m and up
    '2025-01-15T10:00:00Z', // 6m start: 12m only
    '2024-07-15T10:00:01Z', // 12m start + 1 s: 12m
    '2024-07-15T10:00:00Z', // 12m start: nowhere
  ];
  const file = personFile(
    [],
    at.map((a) => inquiry(PLAT1, '02', a)),
  );
  const { values } = computeIndicators(file, AS_OF, { shoppingWindow_days: 0 });

  test('hard inquiries per window', () => {
    assert.deepEqual(counts(values, 'inq_hard_raw'), [2, 5, 7, 8, 10]);
    assert.deepEqual(counts(values, 'inq_hard'), [2, 5, 7, 8, 10]);
  });
  test('one institution', () => {
    assert.deepEqual(counts(values, 'inq_inst'), [1, 1, 1, 1, 1]);
  });
  test('all are non-bank online microloan; none bank', () => {
    assert.deepEqual(counts(values, 'inq_hard_raw', 'non_bank'), [2, 5, 7, 8, 10]);
    assert.deepEqual(counts(values, 'inq_hard_raw', 'online_microloan'), [2, 5, 7, 8, 10]);
    assert.deepEqual(counts(values, 'inq_hard_raw', 'bank'), [0, 0, 0, 0, 0]);
    assert.deepEqual(counts(values, 'inq_hard_raw', 'consumer_finance'), [0, 0, 0, 0, 0]);
  });
});

test('month windows clamp at the end of February', () => {
  const file = personFile(
    [],
    [
      inquiry(BANK1, '02', '2025-02-28T12:00:00Z'), // exactly 1m before: outside 1m
      inquiry(BANK1, '03', '2025-02-28T12:00:01Z'), // inside 1m
      inquiry(BANK1, '26', '2024-12-31T12:00:00Z'), // exactly 3m before: outside 3m
    ],
  );
  const { values } = computeIndicators(file, '2025-03-31T12:00:00Z', { shoppingWindow_days: 0 });
  assert.equal(values.inq_hard_raw_1m_bank, 1);
  assert.equal(values.inq_hard_raw_3m_bank, 2);
  assert.equal(values.inq_hard_raw_6m_bank, 3);
});

test('soft inquiries count nowhere; every hard reason has a product kind', () => {
  const soft = INQUIRY_REASON_CODES.filter((r) => !isHardInquiry(r));
  const file = personFile(
    [],
    soft.map((r) => inquiry(BANK1, r, AS_OF)),
  );
  const { values } = computeIndicators(file, AS_OF);
  for (const [name, value] of Object.entries(values))
    if (name.startsWith('inq_')) assert.equal(value, 0, name);
  for (const r of INQUIRY_REASON_CODES)
    assert.equal(PRODUCT_KIND_OF_REASON[r] !== undefined, isHardInquiry(r), `reason ${r}`);
});

describe('the shopping rule (default 14 days)', () => {
  // 2025-06-01T00:00Z = day 0. All inside 3m (start 2025-04-15T10:00Z), none inside 1m.
  const file = personFile(
    [],
    [
      inquiry(PLAT1, '02', '2025-06-01T00:00:00Z'), // loan, counted (anchor)
      inquiry(PLAT2, '24', '2025-06-04T00:00:00Z'), // loan 3 days later: repeat
      inquiry(CF1, '02', '2025-06-14T23:59:59Z'), // loan 14 days - 1 s later: repeat
      inquiry(BANK1, '02', '2025-06-15T00:00:00Z'), // loan exactly 14 days later: counted
      inquiry(PLAT1, '03', '2025-06-02T00:00:00Z'), // card: another product kind, counted
    ],
  );
  const { values } = computeIndicators(file, AS_OF);

  test('all institutions: 5 raw, 3 counted (2 loans, 1 card), 4 distinct capped at 3', () => {
    assert.equal(values.inq_hard_raw_3m_all, 5);
    assert.equal(values.inq_hard_3m_all, 3);
    assert.equal(values.inq_inst_3m_all, 3);
    assert.equal(values.inq_hard_1m_all, 0);
  });
  test('by group, the rule runs within the group', () => {
    // bank: BANK1 alone.
    assert.deepEqual(
      [values.inq_hard_raw_3m_bank, values.inq_hard_3m_bank, values.inq_inst_3m_bank],
      [1, 1, 1],
    );
    // non-bank: loans at day 0, 3, 14-1s (one episode) and a card: 2 counted; PLAT1, PLAT2, CF1 = 3 distinct -> 2.
    assert.deepEqual(
      [values.inq_hard_raw_3m_non_bank, values.inq_hard_3m_non_bank, values.inq_inst_3m_non_bank],
      [4, 2, 2],
    );
    // online microloan: PLAT1 loan, PLAT2 loan 3 days later (repeat), PLAT1 card: 2 counted, 2 distinct.
    assert.deepEqual(
      [
        values.inq_hard_raw_3m_online_microloan,
        values.inq_hard_3m_online_microloan,
        values.inq_inst_3m_online_microloan,
      ],
      [3, 2, 2],
    );
    assert.deepEqual([values.inq_hard_3m_consumer_finance, values.inq_inst_3m_consumer_finance], [1, 1]);
  });
  test('a longer shopping window joins the loans into one episode', () => {
    const wide = computeIndicators(file, AS_OF, { shoppingWindow_days: 30 }).values;
    assert.equal(wide.inq_hard_3m_all, 2);
    assert.equal(wide.inq_inst_3m_all, 2);
    const none = computeIndicators(file, AS_OF, { shoppingWindow_days: 0 }).values;
    assert.equal(none.inq_hard_3m_all, 5);
    assert.equal(none.inq_inst_3m_all, 4);
  });
  test('every one of the indicators, worked out by hand (groups not listed: 0)', () => {
    const expected = expectedValues(INDICATOR_NAMES, {
      inq_hard_raw: {
        all: [0, 0, 5, 5, 5],
        bank: [0, 0, 1, 1, 1],
        non_bank: [0, 0, 4, 4, 4],
        online_microloan: [0, 0, 3, 3, 3],
        consumer_finance: [0, 0, 1, 1, 1],
      },
      inq_hard: {
        all: [0, 0, 3, 3, 3],
        bank: [0, 0, 1, 1, 1],
        non_bank: [0, 0, 2, 2, 2],
        online_microloan: [0, 0, 2, 2, 2],
        consumer_finance: [0, 0, 1, 1, 1],
      },
      inq_inst: {
        all: [0, 0, 3, 3, 3],
        bank: [0, 0, 1, 1, 1],
        non_bank: [0, 0, 2, 2, 2],
        online_microloan: [0, 0, 2, 2, 2],
        consumer_finance: [0, 0, 1, 1, 1],
      },
    });
    assert.deepEqual(values, expected);
  });
  test('one institution applying twice in two episodes is one distinct institution', () => {
    const twice = personFile(
      [],
      [inquiry(CARD1, '03', '2025-05-01T00:00:00Z'), inquiry(CARD1, '03', '2025-06-01T00:00:00Z')],
    );
    const v = computeIndicators(twice, AS_OF).values;
    assert.deepEqual([v.inq_hard_3m_all, v.inq_inst_3m_all], [2, 1]);
  });
});

test('the shopping count chains from the last counted inquiry, not from the first nor the last seen', () => {
  const day = 86_400_000;
  const q = (d: number, institution = 'A') => ({ ms: d * day, product: 'loan' as const, institution });
  // 0 counted; 10 repeat (10 < 14); 14 counted (14 after 0); 20 repeat; 27 repeat (13 after 14); 28 counted.
  assert.equal(shoppingCount([q(0), q(10), q(14), q(20), q(27), q(28)], 14), 3);
  // Chained from the last seen it would be 1 (every gap < 14); from the first only it would be 2.
  assert.equal(shoppingCount([q(0), q(10), q(20), q(30)], 14), 2);
  assert.equal(shoppingCount([], 14), 0);
  assert.equal(shoppingDistinctInstitutions([q(0, 'A'), q(1, 'B'), q(2, 'C')], 14), 1);
  assert.equal(shoppingDistinctInstitutions([q(0, 'A'), q(1, 'B'), q(2, 'C')], 0), 3);
});

/**
 * The shopping rule as the module comment words it, written plainly (group by product kind, sort
 * each, chain from the last counted): the oracle of the one-pass computation.
 */
function referenceShopping(
  list: readonly { ms: number; product: string; institution: string }[],
  days: number,
): { count: number; distinctInstitutions: number } {
  const byProduct = new Map<string, number[]>();
  for (const q of list) byProduct.set(q.product, [...(byProduct.get(q.product) ?? []), q.ms]);
  let count = 0;
  for (const times of byProduct.values()) {
    let anchor = Number.NEGATIVE_INFINITY;
    for (const ms of times.sort((a, b) => a - b))
      if (ms - anchor >= days * 86_400_000) {
        anchor = ms;
        count += 1;
      }
  }
  return { count, distinctInstitutions: Math.min(count, new Set(list.map((q) => q.institution)).size) };
}

test('the one-pass shopping figures equal the rule written plainly, in any order of the input', () => {
  const day = 86_400_000;
  const inquiryArb = fc.record({
    ms: fc.integer({ min: 0, max: 400 * day }),
    product: fc.constantFrom('loan' as const, 'card' as const, 'credit_line' as const),
    institution: fc.constantFrom('A', 'B', 'C', 'D'),
  });
  fc.assert(
    fc.property(fc.array(inquiryArb, { maxLength: 40 }), fc.integer({ min: 0, max: 45 }), (list, days) => {
      const expected = referenceShopping(list, days);
      assert.deepEqual(
        shoppingFigures(
          [...list].sort((a, b) => a.ms - b.ms),
          days,
        ),
        expected,
      );
      assert.equal(shoppingCount(list, days), expected.count);
      assert.equal(shoppingDistinctInstitutions(list, days), expected.distinctInstitutions);
    }),
  );
  const q = (d: number) => ({ ms: d * day, product: 'loan' as const, institution: 'A' });
  assert.throws(() => shoppingFigures([q(2), q(1)], 14), /oldest first/);
});

test('an option out of range is refused', () => {
  assert.throws(() => computeIndicators(null, AS_OF, { shoppingWindow_days: -1 }), RangeError);
  assert.throws(() => computeIndicators(null, AS_OF, { delinquencyLookback_months: 0 }), RangeError);
  assert.throws(() => computeIndicators(null, 'not a date'), RangeError);
  assert.throws(
    () => computeIndicators(personFile([], [inquiry(BANK1, '02', 'soon')]), AS_OF),
    /an inquiry instant is not an ISO-8601 instant/,
  );
});
