/**
 * Account indicators on a hand-built history whose figures are worked out by hand in the
 * comments: new accounts at the window edges (open date on the start date, the day after, the
 * asOf date, the day after), the current picture (open accounts, lenders, balances, limits with a
 * shared limit, utilisation, repayments, statuses, delinquency), by institution group, another
 * currency, a month reported twice, and the unknown person.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeIndicators } from '../../src/risk/compute-indicators.js';
import { INDICATOR_NAMES } from '../../src/risk/indicator-names.js';
import { statusLevel } from '../../src/risk/status-levels.js';
import {
  AS_OF,
  account,
  BANK1,
  BANK2,
  CARD1,
  CF1,
  expectedValues,
  month,
  PLAT1,
  PLAT2,
  personFile,
} from './risk-fixtures.js';

// As of 2025-07-15T10:00Z. Window start dates (exclusive): 7d 2025-07-08, 1m 2025-06-15, 3m 2025-04-15,
// 6m 2025-01-15, 12m 2024-07-15.
const A1 = account(PLAT1, 'D1', '2025-07-15', 1_000_000); // opened on the asOf date, not reported yet
const A2 = account(PLAT2, 'D1', '2025-07-08', 2_000_000, [
  // opened on the 7d start date: not in 7d, in 1m
  month('2025-07', 'N', { balance_minor: 1_900_000, scheduled_payment_minor: 200_000 }, '2025-07-14'),
]);
const A3 = account(
  BANK1,
  'R2',
  '2025-06-15', // on the 1m start date: not in 1m, in 3m
  4_000_000,
  [
    month('2025-06', 'N', {
      balance_minor: 1_000_000,
      used_limit_minor: 1_200_000,
      scheduled_payment_minor: 100_000,
    }),
  ],
  { shared_limit_minor: 5_000_000 },
);
const A4 = account(BANK1, 'D1', '2025-06-16', 10_000_000, [
  // 1m start date + 1 day: in 1m
  month('2025-06', '*', { balance_minor: 10_000_000 }),
  month('2025-07', 'N', { balance_minor: 9_700_000, scheduled_payment_minor: 300_000 }, '2025-07-14'),
]);
const A5 = account(CF1, 'D1', '2024-07-15', 3_000_000, [
  // on the 12m start date: not in 12m. Closed in 2025-05; 2 (31-60 days) in 2024-11.
  month('2024-08', 'N', { balance_minor: 2_500_000 }),
  month('2024-11', '2', { balance_minor: 2_000_000, overdue_amount_minor: 400_000, overdue_periods: 2 }),
  month('2025-05', 'C'),
]);
const A6 = account(CARD1, 'R2', '2024-07-16', 2_000_000, [
  // 12m start date + 1 day: in 12m. Delinquent now (status 1).
  month(
    '2025-07',
    '1',
    {
      balance_minor: 800_000,
      used_limit_minor: 800_000,
      scheduled_payment_minor: 80_000,
      overdue_amount_minor: 80_000,
      overdue_periods: 1,
    },
    '2025-07-12',
  ),
]);
const A7 = account(BANK2, 'R2', '2023-01-01', 100_000, [month('2025-06', 'N', { balance_minor: 50_000 })], {
  currency: 'USD',
});
const A8 = account(PLAT1, 'D1', '2025-07-16', 9_000_000); // opens after the asOf date: nowhere
const A9 = account(
  BANK1,
  'R2',
  '2020-01-01',
  3_000_000,
  [
    month('2020-06', '7', { balance_minor: 100_000, overdue_amount_minor: 100_000, overdue_periods: 7 }),
    // The same month twice: the one reported last wins.
    month('2025-07', 'N', { balance_minor: 999, used_limit_minor: 999 }, '2025-07-10'),
    month(
      '2025-07',
      'N',
      { balance_minor: 500_000, used_limit_minor: 500_000, scheduled_payment_minor: 50_000 },
      '2025-07-11',
    ),
    month('2025-08', '3', { balance_minor: 7_000_000 }, '2025-07-11'), // after the asOf month: left out
  ],
  { shared_limit_minor: 5_000_000 },
);
const A10 = account(CF1, 'D1', '2025-02-01', 500_000, [
  // in 6m, not 3m; closed now.
  month('2025-02', 'N', { balance_minor: 500_000, scheduled_payment_minor: 100_000 }),
  month('2025-03', 'C'),
]);
const FILE = personFile([A1, A2, A3, A4, A5, A6, A7, A8, A9, A10]);
const V = computeIndicators(FILE, AS_OF).values;
const windows = (metric: string, group = 'all', unit = '') =>
  ['7d', '1m', '3m', '6m', '12m'].map((w) => V[`${metric}_${w}_${group}${unit}` as keyof typeof V]);

describe('new accounts by window', () => {
  test('accounts opened: 7d A1; 1m +A2 +A4; 3m +A3; 6m +A10; 12m +A6 (A5 on the start date, A8 after asOf)', () => {
    assert.deepEqual(windows('acct_new'), [1, 3, 4, 5, 6]);
  });
  test('distinct institutions: PLAT1; +PLAT2 +BANK1; same; +CF1; +CARD1', () => {
    assert.deepEqual(windows('acct_new_inst'), [1, 3, 3, 4, 5]);
  });
  test('amount granted: 10,000; +20,000 +100,000; +40,000; +5,000; +20,000 (RMB, in fen)', () => {
    assert.deepEqual(
      windows('amt_new', 'all', '_minor'),
      [1_000_000, 13_000_000, 17_000_000, 17_500_000, 19_500_000],
    );
  });
  test('by group', () => {
    assert.deepEqual(windows('acct_new', 'bank'), [0, 1, 2, 2, 2]);
    assert.deepEqual(windows('acct_new_inst', 'bank'), [0, 1, 1, 1, 1]);
    assert.deepEqual(
      windows('amt_new', 'bank', '_minor'),
      [0, 10_000_000, 14_000_000, 14_000_000, 14_000_000],
    );
    assert.deepEqual(windows('acct_new', 'non_bank'), [1, 2, 2, 3, 4]);
    assert.deepEqual(
      windows('amt_new', 'non_bank', '_minor'),
      [1_000_000, 3_000_000, 3_000_000, 3_500_000, 5_500_000],
    );
    assert.deepEqual(windows('acct_new', 'online_microloan'), [1, 2, 2, 2, 2]);
    assert.deepEqual(windows('acct_new_inst', 'online_microloan'), [1, 2, 2, 2, 2]);
    assert.deepEqual(windows('acct_new', 'consumer_finance'), [0, 0, 0, 1, 1]);
    assert.deepEqual(windows('acct_new', 'credit_card_issuer'), [0, 0, 0, 0, 1]);
    assert.deepEqual(windows('acct_new', 'car_finance'), [0, 0, 0, 0, 0]);
  });
});

describe('the current picture', () => {
  // Open: A1 A2 A3 A4 A6 A7 A9 (A5 and A10 closed, A8 not yet opened).
  test('open accounts and distinct lenders, by group', () => {
    assert.equal(V.acct_open_all, 7);
    assert.equal(V.acct_open_bank, 4); // A3 A4 A7 A9
    assert.equal(V.acct_open_non_bank, 3); // A1 A2 A6
    assert.equal(V.acct_open_online_microloan, 2);
    assert.equal(V.acct_open_consumer_finance, 0);
    assert.equal(V.acct_open_credit_card_issuer, 1);
    assert.equal(V.lender_open_all, 5); // PLAT1 PLAT2 BANK1 CARD1 BANK2
    assert.equal(V.lender_open_bank, 2);
    assert.equal(V.lender_open_non_bank, 3);
    assert.equal(V.lender_open_online_microloan, 2);
  });
  test('balance of open CNY accounts: A1 not reported yet counts its amount', () => {
    // A1 1,000,000 + A2 1,900,000 + A3 1,000,000 + A4 9,700,000 + A6 800,000 + A9 500,000 (A7 is USD).
    assert.equal(V.bal_open_all_minor, 14_900_000);
    assert.equal(V.bal_open_bank_minor, 11_200_000);
    assert.equal(V.bal_open_non_bank_minor, 3_700_000);
    assert.equal(V.bal_open_online_microloan_minor, 2_900_000);
    assert.equal(V.bal_open_credit_card_issuer_minor, 800_000);
    assert.equal(V.bal_open_consumer_finance_minor, 0);
  });
  test('revolving limit counts the shared limit of A3 and A9 once; utilisation uses used limits', () => {
    // BANK1 shared 5,000,000 (not 4,000,000 + 3,000,000) + CARD1 2,000,000.
    assert.equal(V.limit_rev_all_minor, 7_000_000);
    assert.equal(V.limit_rev_bank_minor, 5_000_000);
    assert.equal(V.limit_rev_non_bank_minor, 2_000_000);
    // used: A3 1,200,000 + A9 500,000 + A6 800,000 = 2,500,000.
    assert.equal(V.util_rev_all, 2_500_000 / 7_000_000);
  });
  test('scheduled monthly repayments of the latest months', () => {
    // A2 200,000 + A3 100,000 + A4 300,000 + A6 80,000 + A9 50,000 (A1 not reported: 0).
    assert.equal(V.pay_sched_all_minor, 730_000);
    assert.equal(V.pay_sched_bank_minor, 450_000);
    assert.equal(V.pay_sched_non_bank_minor, 280_000);
  });
  test('delinquency now, in 24 months and since', () => {
    assert.equal(V.dlq_open_all, 1); // A6
    assert.equal(V.dlq_open_bank, 0);
    assert.equal(V.dlq_open_credit_card_issuer, 1);
    assert.equal(V.amt_overdue_all_minor, 80_000);
    assert.equal(V.status_worst_now_all, 1);
    assert.equal(V.status_worst_24m_all, 2); // A5 2024-11 (A9's 7 in 2020 is older; 2025-08 later)
    assert.equal(V.dlq_months_since_all, 0); // A6 this month
  });
  test('another currency is counted, never added', () => {
    assert.equal(V.acct_open_other_ccy_all, 1);
    const usd = computeIndicators(FILE, AS_OF, { currency: 'USD' });
    assert.equal(usd.currency, 'USD');
    assert.equal(usd.values.bal_open_all_minor, 50_000);
    assert.equal(usd.values.limit_rev_all_minor, 100_000);
    assert.equal(usd.values.acct_open_other_ccy_all, 6);
    assert.equal(usd.values.acct_open_all, 7);
  });
});

test('every one of the indicators of the history, worked out by hand (groups not listed: 0)', () => {
  const expected = expectedValues(
    INDICATOR_NAMES,
    {
      acct_new: {
        all: [1, 3, 4, 5, 6],
        bank: [0, 1, 2, 2, 2],
        non_bank: [1, 2, 2, 3, 4],
        online_microloan: [1, 2, 2, 2, 2],
        consumer_finance: [0, 0, 0, 1, 1],
        credit_card_issuer: [0, 0, 0, 0, 1],
      },
      acct_new_inst: {
        all: [1, 3, 3, 4, 5],
        bank: [0, 1, 1, 1, 1],
        non_bank: [1, 2, 2, 3, 4],
        online_microloan: [1, 2, 2, 2, 2],
        consumer_finance: [0, 0, 0, 1, 1],
        credit_card_issuer: [0, 0, 0, 0, 1],
      },
      amt_new: {
        all: [1_000_000, 13_000_000, 17_000_000, 17_500_000, 19_500_000],
        bank: [0, 10_000_000, 14_000_000, 14_000_000, 14_000_000],
        non_bank: [1_000_000, 3_000_000, 3_000_000, 3_500_000, 5_500_000],
        online_microloan: [1_000_000, 3_000_000, 3_000_000, 3_000_000, 3_000_000],
        consumer_finance: [0, 0, 0, 500_000, 500_000],
        credit_card_issuer: [0, 0, 0, 0, 2_000_000],
      },
      acct_open: { all: 7, bank: 4, non_bank: 3, online_microloan: 2, credit_card_issuer: 1 },
      lender_open: { all: 5, bank: 2, non_bank: 3, online_microloan: 2, credit_card_issuer: 1 },
      bal_open: {
        all: 14_900_000,
        bank: 11_200_000,
        non_bank: 3_700_000,
        online_microloan: 2_900_000,
        credit_card_issuer: 800_000,
      },
      limit_rev: { all: 7_000_000, bank: 5_000_000, non_bank: 2_000_000, credit_card_issuer: 2_000_000 },
      pay_sched: {
        all: 730_000,
        bank: 450_000,
        non_bank: 280_000,
        online_microloan: 200_000,
        credit_card_issuer: 80_000,
      },
      dlq_open: { all: 1, non_bank: 1, credit_card_issuer: 1 },
    },
    {
      util_rev_all: 2_500_000 / 7_000_000,
      amt_overdue_all_minor: 80_000,
      status_worst_now_all: 1,
      status_worst_24m_all: 2,
      dlq_months_since_all: 0,
      acct_open_other_ccy_all: 1,
    },
  );
  assert.deepEqual(V, expected);
});

describe('status and delinquency windows at their edges', () => {
  const at = (statusMonth: string, status: '3' | 'M' | 'G' = '3') =>
    computeIndicators(
      personFile([
        account(CF1, 'D1', '2018-01-01', 1_000_000, [
          month(statusMonth, status, { balance_minor: 500_000 }),
          month('2025-06', 'N', { balance_minor: 100_000 }),
        ]),
      ]),
      AS_OF,
    ).values;
  test('24 months: 2023-08 (23 months before 2025-07) inside, 2023-07 outside', () => {
    assert.equal(at('2023-08').status_worst_24m_all, 3);
    assert.equal(at('2023-07').status_worst_24m_all, 0);
    assert.equal(at('2023-08').status_worst_now_all, 0); // latest month N
  });
  test('months since delinquency: 59 inside the 60-month look-back, 60 outside, an option moves it', () => {
    assert.equal(at('2020-08').dlq_months_since_all, 59);
    assert.equal(at('2020-07').dlq_months_since_all, null);
    assert.equal(
      computeIndicators(personFile([account(CF1, 'D1', '2018-01-01', 1, [month('2020-07', '3')])]), AS_OF, {
        delinquencyLookback_months: 61,
      }).values.dlq_months_since_all,
      60,
    );
  });
  test('M (paid late within the month) is not a delinquency; a write-off is the worst level', () => {
    assert.equal(at('2025-01', 'M').dlq_months_since_all, null);
    assert.equal(at('2025-01', 'G').status_worst_24m_all, 9);
    assert.equal(statusLevel('B'), 9);
    assert.equal(statusLevel('D'), 8);
  });
  test('a delinquent latest month of an open account is delinquency now; a closed one is not', () => {
    const v = computeIndicators(
      personFile([
        account(PLAT1, 'D1', '2025-01-01', 1_000_000, [month('2025-07', 'B', { balance_minor: 900_000 })]),
        account(PLAT2, 'D1', '2025-01-01', 1_000_000, [month('2025-07', 'G')]),
      ]),
      AS_OF,
    ).values;
    assert.equal(v.dlq_open_all, 1);
    assert.equal(v.status_worst_now_all, 9);
    assert.equal(v.acct_open_all, 1);
  });
});

test('a revolving account not reported yet counts no balance and its full limit', () => {
  const v = computeIndicators(personFile([account(BANK1, 'R2', '2025-07-15', 3_000_000)]), AS_OF).values;
  assert.equal(v.acct_open_all, 1);
  assert.equal(v.bal_open_all_minor, 0);
  assert.equal(v.limit_rev_all_minor, 3_000_000);
  assert.equal(v.util_rev_all, 0);
  assert.equal(v.acct_new_7d_bank, 1);
});

test('the unknown person: every count 0, utilisation and months since delinquency null', () => {
  const ind = computeIndicators(null, AS_OF);
  assert.equal(ind.personKnown, false);
  assert.equal(ind.asOf, AS_OF);
  assert.equal(ind.currency, 'CNY');
  assert.equal(ind.shoppingWindow_days, 14);
  assert.deepEqual(Object.keys(ind.values), [...INDICATOR_NAMES]);
  for (const name of INDICATOR_NAMES) {
    const expected = name === 'util_rev_all' || name === 'dlq_months_since_all' ? null : 0;
    assert.equal(ind.values[name], expected, name);
  }
  assert.deepEqual(computeIndicators(personFile([]), AS_OF).values, ind.values);
  assert.equal(computeIndicators(personFile([]), AS_OF).personKnown, true);
});

test('the file is not changed', () => {
  const before = JSON.stringify(FILE);
  computeIndicators(FILE, AS_OF);
  assert.equal(JSON.stringify(FILE), before);
});
