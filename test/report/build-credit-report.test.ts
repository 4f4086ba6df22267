/**
 * buildCreditReport against figures worked out by hand: a person with four accounts at three
 * furnishers, the 5-year retention rule at its edges, shared limits, inquiry windows at their
 * boundary instants, the unknown person, sort orders, determinism and no mutation of the input.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addMonths, monthsBetween } from '../../src/domain/calendar.js';
import type { AccountType, RepaymentStatus } from '../../src/domain/codes.js';
import { OVERDUE_STATUSES, REPAYMENT_STATUSES } from '../../src/domain/codes.js';
import { CHINA_PROFILE, type JurisdictionProfile } from '../../src/domain/jurisdiction.js';
import type { AccountTerms, MonthState } from '../../src/formats/canonical/record-types.js';
import {
  buildCreditReport,
  maskIdNumber,
  NEGATIVE_STATUSES,
  negativeEpisodes,
  totalRevolvingLimit,
  visibleMonths,
} from '../../src/report/build-credit-report.js';
import type {
  FileAccount,
  FileInquiry,
  FileMonth,
  InstitutionRef,
  PersonFile,
  ReportedValue,
  ReportRequest,
} from '../../src/report/report-types.js';

// ------------------------------------------------------------------------- fixture helpers

const PLAT1: InstitutionRef = { code: 'PLAT1', name: 'Platform One', kind: 'online_microloan' };
const BANK1: InstitutionRef = { code: 'BANK1', name: 'Bank One', kind: 'bank' };
const PLAT2: InstitutionRef = { code: 'PLAT2', name: 'Platform Two', kind: 'consumer_finance' };
const BANK2: InstitutionRef = { code: 'BANK2', name: 'Bank Two', kind: 'bank' };
const LENDER: InstitutionRef = { code: 'BANK9', name: 'Bank Nine', kind: 'bank' };

/** Report instant: its last full month is 2025-06; the grid runs 2020-07 .. 2025-06. */
const AT = '2025-07-15T10:00:00.000Z';
const LAST_FULL = '2025-06';
const ID = '11010519491231002X';

function terms(
  account_type: AccountType,
  open_date: string,
  amount_minor: number,
  extra: Partial<AccountTerms> = {},
): AccountTerms {
  return {
    account_type,
    business_type: account_type === 'D1' ? 'consumer' : 'credit_card',
    currency: 'CNY',
    open_date,
    amount_minor,
    repayment_method: account_type === 'D1' ? 'equal_instalment' : 'minimum_payment',
    repayment_frequency: 'monthly',
    guarantee_type: 'unsecured',
    joint_loan: false,
    ...extra,
  };
}

function month(m: string, status: RepaymentStatus, extra: Partial<MonthState> = {}): FileMonth {
  return {
    month: m,
    reportedOn: `${addMonths(m, 1)}-05`,
    state: {
      balance_minor: 0,
      scheduled_payment_minor: 0,
      actual_payment_minor: 0,
      overdue_periods: 0,
      overdue_amount_minor: 0,
      status,
      five_class: 1,
      ...extra,
    },
  };
}

/** Months `from`..`to` inclusive, each made by `make`. */
function range(from: string, to: string, make: (m: string) => FileMonth): FileMonth[] {
  const out: FileMonth[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(make(m));
  return out;
}

let nextId = 1;
function account(
  furnisher: InstitutionRef,
  accountNo: string,
  t: AccountTerms,
  months: FileMonth[],
): FileAccount {
  return { accountId: nextId++, furnisher, accountNo, terms: t, months };
}

function value(v: string, furnisher: InstitutionRef, first: string, last: string): ReportedValue {
  return { value: v, furnisher, firstReportedOn: first, lastReportedOn: last };
}

function inquiry(at: string, institution: InstitutionRef, reason: FileInquiry['reason']): FileInquiry {
  return { at, institution, reason };
}

function request(extra: Partial<ReportRequest> = {}): ReportRequest {
  return {
    reportNumber: 'R20250715100000ABCD1234',
    at: AT,
    name: 'Zhang San',
    idNumber: ID,
    queriedBy: LENDER,
    reason: '02',
    ...extra,
  };
}

function person(accounts: FileAccount[], extra: Partial<PersonFile> = {}): PersonFile {
  return {
    personId: 42,
    idType: 'resident_id',
    idNumber: ID,
    attributes: {},
    accounts,
    inquiries: [],
    objections: 0,
    ...extra,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

// ------------------------------------------------------------------------- the worked example

/**
 * A: D1 loan at PLAT1, opened 2024-09-10, 12,000.00. Overdue 1, 2, 3 in 2024-12 .. 2025-02
 *    (overdue amounts 1,000.00 / 2,000.00 / 3,000.00), cured in 2025-03; 2025-04 not reported.
 */
function loanA(): FileAccount {
  return account(PLAT1, 'L-100', terms('D1', '2024-09-10', 1_200_000, { instalments: 12 }), [
    month('2024-10', 'N', { balance_minor: 1_100_000, actual_payment_minor: 100_000 }),
    month('2024-11', 'N', { balance_minor: 1_000_000, actual_payment_minor: 100_000 }),
    month('2024-12', '1', { balance_minor: 1_000_000, overdue_periods: 1, overdue_amount_minor: 100_000 }),
    month('2025-01', '2', { balance_minor: 1_000_000, overdue_periods: 2, overdue_amount_minor: 200_000 }),
    month('2025-02', '3', { balance_minor: 1_000_000, overdue_periods: 3, overdue_amount_minor: 300_000 }),
    month('2025-03', 'N', { balance_minor: 600_000, actual_payment_minor: 400_000 }),
    month('2025-05', 'N', { balance_minor: 550_000, actual_payment_minor: 50_000 }),
    month('2025-06', 'N', { balance_minor: 500_000, actual_payment_minor: 100_000, five_class: 2 }),
  ]);
}

/** B: R2 card at BANK1, opened 2023-03-01, limit 50,000.00. Used 500.00 until 2024-12, then
 *  1,000.00 .. 6,000.00 in 2025-01 .. 2025-06. */
function cardB(): FileAccount {
  const recent = [100_000, 200_000, 300_000, 400_000, 500_000, 600_000];
  return account(BANK1, 'C-200', terms('R2', '2023-03-01', 5_000_000), [
    ...range('2023-03', '2024-12', (m) => month(m, 'N', { used_limit_minor: 50_000, balance_minor: 50_000 })),
    ...recent.map((used, i) =>
      month(addMonths('2025-01', i), 'N', { used_limit_minor: used, balance_minor: used }),
    ),
  ]);
}

/** C: R1 line at PLAT2, opened 2024-01-20, limit 20,000.00. 2024 all reported; in 2025 only
 *  03 (used 900.00), 04 (used 600.00) and 06 (used 310.00). */
function lineC(): FileAccount {
  return account(PLAT2, 'R-300', terms('R1', '2024-01-20', 2_000_000), [
    ...range('2024-01', '2024-12', (m) => month(m, 'N', { used_limit_minor: 10_000 })),
    month('2025-03', 'N', { used_limit_minor: 90_000 }),
    month('2025-04', 'N', { used_limit_minor: 60_000 }),
    month('2025-06', 'N', { used_limit_minor: 31_000, balance_minor: 31_000 }),
  ]);
}

/** D: D1 loan at BANK1, opened 2021-02-05, 30,000.00, paid 2021-03 .. 2022-01, settled (C) 2022-02. */
function closedLoanD(): FileAccount {
  return account(BANK1, 'L-050', terms('D1', '2021-02-05', 3_000_000, { instalments: 12 }), [
    ...range('2021-03', '2022-01', (m) => month(m, 'N', { balance_minor: 1_000_000 })),
    month('2022-02', 'C'),
  ]);
}

function workedFile(): PersonFile {
  return person([lineC(), loanA(), cardB(), closedLoanD()], {
    attributes: {
      name: [
        value('张三', PLAT1, '2024-09-10', '2025-06-05'),
        value('Zhang San', BANK1, '2021-02-05', '2025-07-05'),
      ],
      // Same last date: the tie goes to the furnisher code, BANK1 < PLAT1.
      sex: [value('F', PLAT1, '2024-09-10', '2025-07-05'), value('M', BANK1, '2021-02-05', '2025-07-05')],
      birth_date: [
        value('1990-01-01', PLAT2, '2024-01-20', '2024-02-01'),
        value('1990-01-02', PLAT1, '2024-09-10', '2025-01-01'),
      ],
      mobile: [
        value('13800000001', BANK1, '2021-02-05', '2023-01-05'),
        value('13800000002', PLAT1, '2024-09-10', '2025-06-05'),
        value('13800000003', PLAT2, '2024-01-20', '2025-06-05'),
      ],
      address: [value('Beijing, Chaoyang', BANK1, '2021-02-05', '2025-07-05')],
    },
    inquiries: [
      // Windows start at 2025-06-15T10:00Z (1 month), 2025-04-15T10:00Z (3), 2025-01-15T10:00Z
      // (6) and 2024-07-15T10:00Z (12).
      inquiry('2024-07-15T09:59:59.000Z', BANK1, '02'), // q7: just outside 12 months
      inquiry('2025-06-15T10:00:00.000Z', BANK1, '03'), // q2: on the 1-month boundary: inside
      inquiry('2025-07-01T00:00:00.000Z', PLAT1, '02'), // q1
      inquiry('2025-06-15T09:59:59.999Z', PLAT2, '01'), // q3: 1 ms before the 1-month boundary
      inquiry('2025-04-15T10:00:00.000Z', PLAT1, '24'), // q4: on the 3-month boundary
      inquiry('2025-02-01T00:00:00.000Z', BANK1, '25'), // q5
      inquiry('2024-07-15T10:00:00.000Z', PLAT2, '26'), // q6: on the 12-month boundary
      inquiry('2025-07-01T00:00:00.000Z', BANK1, '01'), // q1b: same instant as q1
    ],
    objections: 1,
  });
}

/** n copies of a cell code. */
const cells = (n: number, code: string): string[] => new Array<string>(n).fill(code);

describe('the worked example (every figure by hand)', () => {
  const report = buildCreditReport(workedFile(), request(), CHINA_PROFILE);

  test('header', () => {
    assert.deepEqual(report.header, {
      reportNumber: 'R20250715100000ABCD1234',
      generatedAt: AT,
      subject: { name: 'Zhang San', idType: 'resident_id', idNumberMasked: '110105********002X' },
      queriedBy: LENDER,
      reason: { code: '02', label: 'loan approval' },
      personKnown: true,
      objections: 1,
      fraudWarning: [],
    });
  });

  test('personal information: latest values, every value newest first', () => {
    const info = report.personalInformation;
    assert.ok(info);
    assert.equal(info.sex, 'M'); // tie on 2025-07-05 broken by furnisher code BANK1 < PLAT1
    assert.equal(info.birthDate, '1990-01-02'); // reported last on 2025-01-01 > 2024-02-01
    assert.deepEqual(info.names, [
      {
        value: 'Zhang San',
        furnisher: 'Bank One',
        firstReportedOn: '2021-02-05',
        lastReportedOn: '2025-07-05',
      },
      {
        value: '张三',
        furnisher: 'Platform One',
        firstReportedOn: '2024-09-10',
        lastReportedOn: '2025-06-05',
      },
    ]);
    // 2025-06-05 twice: PLAT1 before PLAT2; then 2023-01-05.
    assert.deepEqual(
      info.mobiles.map((m) => [m.value, m.furnisher]),
      [
        ['13800000002', 'Platform One'],
        ['13800000003', 'Platform Two'],
        ['13800000001', 'Bank One'],
      ],
    );
    assert.deepEqual(
      info.addresses.map((a) => a.value),
      ['Beijing, Chaoyang'],
    );
    assert.deepEqual(info.employers, []);
  });

  test('accounts sorted by category D1, R1, R2, then furnisher code, then account number', () => {
    assert.deepEqual(
      report.accounts.map((a) => `${a.category} ${a.furnisher.code} ${a.accountNo}`),
      ['D1 BANK1 L-050', 'D1 PLAT1 L-100', 'R1 PLAT2 R-300', 'R2 BANK1 C-200'],
    );
    assert.deepEqual(
      report.accounts.map((a) => a.state),
      ['closed', 'open', 'open', 'open'],
    );
  });

  test('latest month of the loan with the cured episode', () => {
    const a = report.accounts[1]!;
    assert.deepEqual(a.latest, {
      month: '2025-06',
      status: 'N',
      fiveClass: 2,
      balanceMinor: 500_000,
      usedLimitMinor: null,
      overdueAmountMinor: 0,
      actualPaymentMinor: 100_000,
    });
    assert.equal(report.accounts[0]!.latest?.month, '2022-02');
    assert.equal(report.accounts[0]!.latest?.status, 'C');
  });

  test('every grid has 60 months 2020-07 .. 2025-06', () => {
    for (const a of report.accounts) {
      assert.equal(a.grid.length, 60);
      assert.equal(a.grid[0]!.month, '2020-07');
      assert.equal(a.grid[59]!.month, '2025-06');
      a.grid.forEach((c, i) => {
        assert.equal(c.month, addMonths('2020-07', i));
      });
    }
  });

  test('grid of loan A: / before the open month, the open month itself not reported, the episode, a gap', () => {
    // 2020-07 .. 2024-08 is 50 months before the open month 2024-09.
    const expected = [
      ...cells(50, '/'),
      '', // 2024-09: opened, not reported
      'N', // 2024-10
      'N', // 2024-11
      '1', // 2024-12
      '2', // 2025-01
      '3', // 2025-02
      'N', // 2025-03: cured
      '', // 2025-04: not reported
      'N', // 2025-05
      'N', // 2025-06
    ];
    assert.deepEqual(
      report.accounts[1]!.grid.map((c) => c.code),
      expected,
    );
  });

  test('grid of closed loan D: months after closing are not reported', () => {
    // 2020-07 .. 2021-01: 7 months before opening; 2021-02 opened; 2021-03 .. 2022-01: 11 months N;
    // 2022-02 C; 2022-03 .. 2025-06: 40 months. 7 + 1 + 11 + 1 + 40 = 60.
    const expected = [...cells(7, '/'), '', ...cells(11, 'N'), 'C', ...cells(40, '')];
    assert.deepEqual(
      report.accounts[0]!.grid.map((c) => c.code),
      expected,
    );
  });

  test('grid of line C: gaps in 2025', () => {
    // 2020-07 .. 2023-12: 42 months before opening in 2024-01.
    const expected = [...cells(42, '/'), ...cells(12, 'N'), '', '', 'N', 'N', '', 'N'];
    assert.deepEqual(
      report.accounts[2]!.grid.map((c) => c.code),
      expected,
    );
  });

  test('accounts by category', () => {
    assert.deepEqual(report.summary.accountsByCategory, [
      // D1: L-050 (closed, opened 2021-02-05) and L-100 (open, 2024-09-10).
      { category: 'D1', label: 'non-revolving loan', accounts: 2, open: 1, firstBusinessMonth: '2021-02' },
      { category: 'R1', label: 'revolving loan', accounts: 1, open: 1, firstBusinessMonth: '2024-01' },
      { category: 'R2', label: 'credit card', accounts: 1, open: 1, firstBusinessMonth: '2023-03' },
    ]);
  });

  test('overdue by category', () => {
    assert.deepEqual(report.summary.overdueByCategory, [
      {
        category: 'D1',
        label: 'non-revolving loan',
        accounts: 1, // only L-100
        monthsOverdue: 3, // 2024-12, 2025-01, 2025-02
        worstStatus: '3',
        largestOverdueAmountMinor: 300_000, // max(100,000, 200,000, 300,000)
        currency: 'CNY',
      },
    ]);
  });

  test('credit and debt of open accounts', () => {
    assert.deepEqual(report.summary.creditAndDebt, [
      {
        currency: 'CNY',
        revolving: {
          accounts: 2, // R-300, C-200
          totalLimitMinor: 7_000_000, // 2,000,000 + 5,000,000
          usedMinor: 631_000, // latest used: 31,000 (R-300, 2025-06) + 600,000 (C-200, 2025-06)
          // C-200: 2025-01..06 = (100,000 + ... + 600,000) / 6 = 2,100,000 / 6 = 350,000
          // months on file in 2025-01..06 are 03, 04, 06: (90,000 + 60,000 + 31,000) / 3
          //        = 181,000 / 3 = 60,333.33...
          // floor(350,000 + 60,333.33...) = 410,333
          averageUsed6mMinor: 410_333,
        },
        // Only L-100 is open (L-050 closed): amount 1,200,000, latest balance 500,000.
        loans: { accounts: 1, totalAmountMinor: 1_200_000, balanceMinor: 500_000 },
      },
    ]);
  });

  test('distinct open furnishers: PLAT1 (L-100), PLAT2 (R-300), BANK1 (C-200)', () => {
    assert.equal(report.summary.distinctOpenFurnishers, 3);
  });

  test('inquiry windows, this report included, boundary instants inside', () => {
    assert.deepEqual(report.summary.inquiries, [
      // own (BANK9 02 hard), q1 (PLAT1 02 hard), q1b (BANK1 01 soft), q2 (BANK1 03 hard, boundary)
      { months: 1, hard: 3, soft: 1, hardInstitutions: 3 }, // BANK9, PLAT1, BANK1
      // + q3 (PLAT2 01 soft), q4 (PLAT1 24 hard, boundary)
      { months: 3, hard: 4, soft: 2, hardInstitutions: 3 },
      // + q5 (BANK1 25 soft)
      { months: 6, hard: 4, soft: 3, hardInstitutions: 3 },
      // + q6 (PLAT2 26 hard, boundary); q7 1 s before the boundary is out
      { months: 12, hard: 5, soft: 3, hardInstitutions: 4 },
    ]);
  });

  test('inquiry records: all, this one included, newest first, ties by institution code', () => {
    assert.deepEqual(
      report.inquiries.map((q) => `${q.at} ${q.institutionName} ${q.reason.code}`),
      [
        `${AT} Bank Nine 02`,
        '2025-07-01T00:00:00.000Z Bank One 01', // tie with PLAT1: BANK1 first
        '2025-07-01T00:00:00.000Z Platform One 02',
        '2025-06-15T10:00:00.000Z Bank One 03',
        '2025-06-15T09:59:59.999Z Platform Two 01',
        '2025-04-15T10:00:00.000Z Platform One 24',
        '2025-02-01T00:00:00.000Z Bank One 25',
        '2024-07-15T10:00:00.000Z Platform Two 26',
        '2024-07-15T09:59:59.000Z Bank One 02',
      ],
    );
    assert.deepEqual(report.inquiries[0], {
      at: AT,
      institutionKind: 'bank',
      institutionName: 'Bank Nine',
      reason: { code: '02', label: 'loan approval' },
    });
  });
});

// ------------------------------------------------------------------------- retention

describe('negative data older than the retention (5 years after the episode ended)', () => {
  /** A D1 loan with an overdue episode `from`..`to` (statuses 1, 2, 3, ... capped at 7, each
   *  overdue amount 1,000.00 x status), reported N otherwise from 2017-01 to 2025-06. */
  function loanWithEpisode(no: string, from: string, to: string): FileAccount {
    return account(
      PLAT1,
      no,
      terms('D1', '2017-01-01', 10_000_000),
      range('2017-01', LAST_FULL, (m) => {
        if (m < from || m > to) return month(m, 'N', { balance_minor: 100_000 });
        const status = String(Math.min(7, 1 + monthsBetween(from, m))) as RepaymentStatus;
        return month(m, status, { balance_minor: 100_000, overdue_amount_minor: 100_000 * Number(status) });
      }),
    );
  }

  test('an episode that ended 61 months before the last full month is hidden from the summary', () => {
    // 2020-03 .. 2020-05; monthsBetween(2020-05, 2025-06) = 61 > 60.
    const report = buildCreditReport(
      person([loanWithEpisode('X', '2020-03', '2020-05')]),
      request(),
      CHINA_PROFILE,
    );
    assert.deepEqual(report.summary.overdueByCategory, []);
    assert.ok(report.accounts[0]!.grid.every((c) => c.code === 'N'));
  });

  test('an episode that ended exactly 60 months before is shown', () => {
    // 2020-04 .. 2020-06; monthsBetween(2020-06, 2025-06) = 60, not more than 60.
    const report = buildCreditReport(
      person([loanWithEpisode('X', '2020-04', '2020-06')]),
      request(),
      CHINA_PROFILE,
    );
    assert.deepEqual(
      report.summary.overdueByCategory.map((o) => [
        o.monthsOverdue,
        o.worstStatus,
        o.largestOverdueAmountMinor,
      ]),
      [[3, '3', 300_000]],
    );
  });

  test('an episode that ended 59 months before is shown in grid and summary', () => {
    // 2020-05 .. 2020-07 (statuses 1, 2, 3); monthsBetween(2020-07, 2025-06) = 59.
    const report = buildCreditReport(
      person([loanWithEpisode('X', '2020-05', '2020-07')]),
      request(),
      CHINA_PROFILE,
    );
    assert.deepEqual(report.summary.overdueByCategory, [
      {
        category: 'D1',
        label: 'non-revolving loan',
        accounts: 1,
        monthsOverdue: 3,
        worstStatus: '3',
        largestOverdueAmountMinor: 300_000,
        currency: 'CNY',
      },
    ]);
    // The grid starts at 2020-07: the episode's last month is its first cell.
    assert.deepEqual(
      report.accounts[0]!.grid.slice(0, 2).map((c) => c.code),
      ['3', 'N'],
    );
  });

  test('an episode that started 7 years ago and ended 4 years ago is counted whole', () => {
    // 2018-06 .. 2021-06: monthsBetween = 36, so 37 months; statuses 1..7 then 7.
    const report = buildCreditReport(
      person([loanWithEpisode('X', '2018-06', '2021-06')]),
      request(),
      CHINA_PROFILE,
    );
    assert.deepEqual(
      report.summary.overdueByCategory.map((o) => [
        o.accounts,
        o.monthsOverdue,
        o.worstStatus,
        o.largestOverdueAmountMinor,
      ]),
      [[1, 37, '7', 700_000]],
    );
    // In the grid: 2020-07 .. 2021-06 = 12 months at status 7, then N.
    const codes = report.accounts[0]!.grid.map((c) => c.code);
    assert.deepEqual(codes.slice(0, 13), [...cells(12, '7'), 'N']);
  });

  test('two episodes of one account are judged apart', () => {
    // Old one 2019-01 .. 2019-02 (ends 76 months before): hidden. New one 2024-01 (1 month): shown.
    const a = loanWithEpisode('X', '2019-01', '2019-02');
    const months = a.months.map((m) =>
      m.month === '2024-01' ? month('2024-01', '1', { overdue_amount_minor: 5_000 }) : m,
    );
    const report = buildCreditReport(person([{ ...a, months }]), request(), CHINA_PROFILE);
    assert.deepEqual(
      report.summary.overdueByCategory.map((o) => [
        o.monthsOverdue,
        o.worstStatus,
        o.largestOverdueAmountMinor,
      ]),
      [[1, '1', 5_000]],
    );
  });

  test('hidden months show as not reported in the grid (profile with a 2-year retention)', () => {
    const twoYears: JurisdictionProfile = { ...CHINA_PROFILE, negativeDataRetention_years: 2 };
    // Episode 2022-01 .. 2022-03 ends 39 months before 2025-06 (> 24): hidden. Episode 2023-07 ends
    // 23 months before: shown.
    const base = loanWithEpisode('X', '2022-01', '2022-03');
    const months = base.months.map((m) => (m.month === '2023-07' ? month('2023-07', '2') : m));
    const report = buildCreditReport(person([{ ...base, months }]), request(), twoYears);
    const byMonth = new Map(report.accounts[0]!.grid.map((c) => [c.month, c.code]));
    assert.deepEqual(
      ['2021-12', '2022-01', '2022-02', '2022-03', '2022-04', '2023-07'].map((m) => byMonth.get(m)),
      ['N', '', '', '', 'N', '2'],
    );
    assert.deepEqual(
      report.summary.overdueByCategory.map((o) => [o.monthsOverdue, o.worstStatus]),
      [[1, '2']],
    );
  });

  test('a gap or a non-negative month splits episodes; G, B, D, Z are negative', () => {
    const ms = [
      month('2020-01', '1'),
      month('2020-02', 'G'),
      month('2020-04', 'B'), // 2020-03 missing: new episode
      month('2020-05', 'N'),
      month('2020-06', 'D'),
      month('2020-07', 'Z'),
      month('2020-08', 'M'),
      month('2020-09', '*'),
    ];
    assert.deepEqual(negativeEpisodes(ms), [
      { start: '2020-01', end: '2020-02' },
      { start: '2020-04', end: '2020-04' },
      { start: '2020-06', end: '2020-07' },
    ]);
    assert.deepEqual([...NEGATIVE_STATUSES].sort(), ['1', '2', '3', '4', '5', '6', '7', 'B', 'D', 'G', 'Z']);
  });

  test('visibleMonths drops the hidden episode only, sorted, and nothing after the last full month', () => {
    const a = account(PLAT1, 'V', terms('D1', '2019-01-01', 100), [
      month('2025-07', 'N'), // the running month: not a full month
      month('2020-04', 'N'),
      month('2020-03', '2'),
      month('2020-02', '1'), // episode 2020-02 .. 2020-03 ends 63 months before 2025-06: hidden
      month('2020-05', '1'), // episode 2020-05 .. 2020-06 (2020-04 is N) ends 60 months before: shown
      month('2020-06', '1'),
    ]);
    assert.deepEqual(
      visibleMonths(a, LAST_FULL, CHINA_PROFILE).map((m) => `${m.month} ${m.state.status}`),
      ['2020-04 N', '2020-05 1', '2020-06 1'],
    );
  });

  test('a debt written off long ago: closed, no latest month shown, nothing in the summary', () => {
    const a = account(PLAT1, 'W', terms('D1', '2019-01-01', 500_000), [
      month('2019-02', 'N'),
      month('2019-03', '1', { overdue_amount_minor: 1 }),
      month('2019-04', 'G', { balance_minor: 400_000 }),
    ]);
    const report = buildCreditReport(person([a]), request(), CHINA_PROFILE);
    assert.equal(report.accounts[0]!.state, 'closed');
    assert.equal(report.accounts[0]!.latest, null);
    assert.deepEqual(report.summary.overdueByCategory, []);
    assert.deepEqual(report.summary.creditAndDebt, []);
    assert.equal(report.summary.distinctOpenFurnishers, 0);
    assert.deepEqual(report.summary.accountsByCategory, [
      { category: 'D1', label: 'non-revolving loan', accounts: 1, open: 0, firstBusinessMonth: '2019-01' },
    ]);
  });
});

// ------------------------------------------------------------------------- shared limits, currencies

describe('credit lines', () => {
  test('open revolving accounts of one furnisher sharing a limit count it once', () => {
    const shared = { shared_limit_minor: 3_000_000 };
    const accounts = [
      account(BANK1, 'S1', terms('R2', '2024-01-01', 3_000_000, shared), [
        month('2025-06', 'N', { used_limit_minor: 1_000 }),
      ]),
      account(BANK1, 'S2', terms('R2', '2024-01-01', 1_000_000, shared), [
        month('2025-06', 'N', { used_limit_minor: 2_000 }),
      ]),
      // Closed: not in the credit lines at all.
      account(BANK1, 'S3', terms('R2', '2024-01-01', 3_000_000, shared), [month('2025-06', 'C')]),
      // Same shared figure at another furnisher: its own limit.
      account(BANK2, 'S4', terms('R3', '2024-01-01', 500_000, shared), [month('2025-06', 'N')]),
      // Alone with its shared limit: its own limit.
      account(BANK1, 'S5', terms('R1', '2024-01-01', 700_000, { shared_limit_minor: 8_000_000 }), [
        month('2025-06', 'N'),
      ]),
    ];
    const report = buildCreditReport(person(accounts), request(), CHINA_PROFILE);
    assert.deepEqual(report.summary.creditAndDebt, [
      {
        currency: 'CNY',
        revolving: {
          accounts: 4, // S1, S2, S4, S5
          totalLimitMinor: 4_200_000, // 3,000,000 (S1+S2 shared, once) + 500,000 (S4) + 700,000 (S5)
          usedMinor: 3_000, // 1,000 + 2,000 (+0 +0: no used limit reported)
          averageUsed6mMinor: 3_000, // one month each: 1,000 + 2,000 + 0 + 0
        },
        loans: { accounts: 0, totalAmountMinor: 0, balanceMinor: 0 },
      },
    ]);
    assert.equal(totalRevolvingLimit([accounts[0]!, accounts[1]!, accounts[2]!]), 3_000_000);
  });

  test('one entry per currency, currencies sorted; overdue per category and currency', () => {
    const usd = { currency: 'USD' as const };
    const accounts = [
      account(BANK2, 'U1', terms('D1', '2024-01-01', 10_000, usd), [
        month('2025-06', '2', { overdue_amount_minor: 700, balance_minor: 9_000 }),
      ]),
      account(BANK1, 'Y1', terms('D1', '2024-01-01', 20_000), [
        month('2025-05', '1', { overdue_amount_minor: 300 }),
        month('2025-06', '1', { overdue_amount_minor: 600, balance_minor: 15_000 }),
      ]),
      account(BANK1, 'U2', terms('R2', '2024-02-01', 50_000, usd), [
        month('2025-06', 'N', { used_limit_minor: 1_234 }),
      ]),
    ];
    const report = buildCreditReport(person(accounts), request(), CHINA_PROFILE);
    assert.deepEqual(
      report.summary.overdueByCategory.map((o) => [
        o.category,
        o.currency,
        o.accounts,
        o.monthsOverdue,
        o.worstStatus,
        o.largestOverdueAmountMinor,
      ]),
      [
        ['D1', 'CNY', 1, 2, '1', 600],
        ['D1', 'USD', 1, 1, '2', 700],
      ],
    );
    assert.deepEqual(report.summary.creditAndDebt, [
      {
        currency: 'CNY',
        revolving: { accounts: 0, totalLimitMinor: 0, usedMinor: 0, averageUsed6mMinor: 0 },
        loans: { accounts: 1, totalAmountMinor: 20_000, balanceMinor: 15_000 },
      },
      {
        currency: 'USD',
        revolving: { accounts: 1, totalLimitMinor: 50_000, usedMinor: 1_234, averageUsed6mMinor: 1_234 },
        loans: { accounts: 1, totalAmountMinor: 10_000, balanceMinor: 9_000 },
      },
    ]);
  });

  test("the 6-month average covers the 6 calendar months ending with each account's latest month", () => {
    // Latest 2025-04; window 2024-11 .. 2025-04 holds 2024-11 (600) and 2025-04 (301); 2024-10 (9,999) is out.
    // (600 + 301) / 2 = 450.5 -> 450.
    const a = account(BANK1, 'A', terms('R2', '2024-01-01', 100_000), [
      month('2024-10', 'N', { used_limit_minor: 9_999 }),
      month('2024-11', 'N', { used_limit_minor: 600 }),
      month('2025-04', 'N', { used_limit_minor: 301 }),
    ]);
    const report = buildCreditReport(person([a]), request(), CHINA_PROFILE);
    assert.equal(report.summary.creditAndDebt[0]!.revolving.averageUsed6mMinor, 450);
    assert.equal(report.summary.creditAndDebt[0]!.revolving.usedMinor, 301);
  });
});

// ------------------------------------------------------------------------- inquiries at the edges

describe('inquiry windows', () => {
  test('calendar months back from request.at, the day clamped at the end of February', () => {
    // 2025-03-31T12:00Z minus 1 month = 2025-02-28T12:00Z (no 31 February).
    const file = person([], {
      inquiries: [
        inquiry('2025-02-28T12:00:00.000Z', PLAT1, '02'), // on the boundary: in
        inquiry('2025-02-28T11:59:59.999Z', PLAT2, '02'), // 1 ms before: out of 1 month
        inquiry('2024-12-31T12:00:00.000Z', BANK1, '01'), // 3-month boundary: in
        inquiry('2025-03-31T12:00:00.001Z', BANK2, '02'), // after the report: in no window
      ],
    });
    const report = buildCreditReport(
      file,
      request({ at: '2025-03-31T12:00:00.000Z', reason: '01' }),
      CHINA_PROFILE,
    );
    assert.deepEqual(report.summary.inquiries, [
      { months: 1, hard: 1, soft: 1, hardInstitutions: 1 }, // own (01 soft) + PLAT1
      { months: 3, hard: 2, soft: 2, hardInstitutions: 2 }, // + PLAT2, BANK1
      { months: 6, hard: 2, soft: 2, hardInstitutions: 2 },
      { months: 12, hard: 2, soft: 2, hardInstitutions: 2 },
    ]);
    // Still listed among the records, newest first.
    assert.equal(report.inquiries[0]!.institutionName, 'Bank Two');
    assert.equal(report.inquiries.length, 5);
  });

  test('hard institutions are distinct institutions', () => {
    const file = person([], {
      inquiries: [
        inquiry('2025-07-10T00:00:00.000Z', LENDER, '03'),
        inquiry('2025-07-11T00:00:00.000Z', LENDER, '26'),
        inquiry('2025-07-12T00:00:00.000Z', PLAT1, '08'),
      ],
    });
    const report = buildCreditReport(file, request(), CHINA_PROFILE);
    assert.deepEqual(report.summary.inquiries[0], { months: 1, hard: 4, soft: 0, hardInstitutions: 2 });
  });
});

// ------------------------------------------------------------------------- header, unknown person

describe('header and the unknown person', () => {
  test('masked ID: first 6, last 4, the middle starred', () => {
    assert.equal(maskIdNumber('11010519491231002X'), '110105********002X');
    assert.equal(maskIdNumber('12345678901'), '123456*8901');
    assert.equal(maskIdNumber('1234567890'), '**********');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789X'), minLength: 11, maxLength: 30 }),
        (id) => {
          const masked = maskIdNumber(id);
          assert.equal(masked.length, id.length);
          assert.equal(masked.slice(0, 6), id.slice(0, 6));
          assert.equal(masked.slice(-4), id.slice(-4));
          assert.match(masked.slice(6, -4), /^\*+$/);
        },
      ),
    );
  });

  test('unknown person: only this inquiry, nothing else', () => {
    const report = buildCreditReport(null, request({ reason: '03' }), CHINA_PROFILE);
    assert.deepEqual(report, {
      header: {
        reportNumber: 'R20250715100000ABCD1234',
        generatedAt: AT,
        subject: { name: 'Zhang San', idType: 'resident_id', idNumberMasked: '110105********002X' },
        queriedBy: LENDER,
        reason: { code: '03', label: 'credit card approval' },
        personKnown: false,
        objections: 0,
        fraudWarning: [],
      },
      personalInformation: null,
      summary: {
        accountsByCategory: [],
        overdueByCategory: [],
        creditAndDebt: [],
        distinctOpenFurnishers: 0,
        inquiries: [
          { months: 1, hard: 1, soft: 0, hardInstitutions: 1 },
          { months: 3, hard: 1, soft: 0, hardInstitutions: 1 },
          { months: 6, hard: 1, soft: 0, hardInstitutions: 1 },
          { months: 12, hard: 1, soft: 0, hardInstitutions: 1 },
        ],
        // Nothing on file: every multi-lending figure is 0 (this inquiry is not counted in them).
        multiLending: (['1m', '3m', '6m', '12m'] as const).flatMap((window) =>
          (['all', 'bank', 'non_bank'] as const).map((group) => ({
            window,
            group,
            hardInquiries: 0,
            inquiringInstitutions: 0,
            newAccounts: 0,
            newAccountInstitutions: 0,
            newAmountMinor: 0,
          })),
        ),
      },
      accounts: [],
      inquiries: [
        {
          at: AT,
          institutionKind: 'bank',
          institutionName: 'Bank Nine',
          reason: { code: '03', label: 'credit card approval' },
        },
      ],
    });
  });

  test('the subject name is the one the lender gave; the ID type comes from the file', () => {
    const report = buildCreditReport(
      person([], { idType: 'passport' }),
      request({ name: '李四' }),
      CHINA_PROFILE,
    );
    assert.equal(report.header.subject.name, '李四');
    assert.equal(report.header.subject.idType, 'passport');
    assert.deepEqual(report.personalInformation, {
      sex: null,
      birthDate: null,
      names: [],
      mobiles: [],
      addresses: [],
      employers: [],
    });
  });

  test('an account with no months: open, no latest, grid of / then not reported', () => {
    const a = account(PLAT1, 'E', terms('R2', '2025-05-20', 100), []);
    const report = buildCreditReport(person([a]), request(), CHINA_PROFILE);
    const r = report.accounts[0]!;
    assert.equal(r.state, 'open');
    assert.equal(r.latest, null);
    assert.deepEqual(
      r.grid.map((c) => c.code),
      [...cells(58, '/'), '', ''],
    );
  });

  test('the last full month is that of the UTC instant', () => {
    // 2025-07-31T20:00:00-08:00 is 2025-08-01T04:00Z: last full month 2025-07.
    const report = buildCreditReport(null, request({ at: '2025-08-01T04:00:00.000Z' }), CHINA_PROFILE);
    assert.equal(report.header.generatedAt, '2025-08-01T04:00:00.000Z');
    const a = account(PLAT1, 'E', terms('R2', '2020-01-01', 100), [
      month('2025-07', 'N'),
      month('2025-08', '1'),
    ]);
    const known = buildCreditReport(person([a]), request({ at: '2025-08-01T04:00:00.000Z' }), CHINA_PROFILE);
    assert.equal(known.accounts[0]!.grid.at(-1)!.month, '2025-07');
    // 2025-08 is not a full month yet: ignored everywhere.
    assert.equal(known.accounts[0]!.latest?.month, '2025-07');
    assert.deepEqual(known.summary.overdueByCategory, []);
  });

  test('a bad request instant is refused', () => {
    assert.throws(() => buildCreditReport(null, request({ at: 'yesterday' }), CHINA_PROFILE), RangeError);
  });
});

// ------------------------------------------------------------------------- purity

/** Permutations of every list of the file, as produced by fast-check. */
function shuffledFile(file: PersonFile): fc.Arbitrary<PersonFile> {
  const perm = <T>(list: readonly T[]) =>
    fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });
  const accounts = fc.tuple(...file.accounts.map((a) => perm(a.months).map((months) => ({ ...a, months }))));
  const attributes = fc.tuple(
    ...Object.entries(file.attributes).map(([k, vs]) => perm(vs).map((p) => [k, p] as const)),
  );
  return fc
    .record({ accounts: accounts.chain((as) => perm(as)), attributes, inquiries: perm(file.inquiries) })
    .map(({ accounts: as, attributes: attrs, inquiries }) => ({
      ...file,
      accounts: as,
      attributes: Object.fromEntries(attrs),
      inquiries,
    }));
}

describe('purity', () => {
  test('deterministic, and independent of the order of the input lists', () => {
    const file = workedFile();
    const expected = buildCreditReport(file, request(), CHINA_PROFILE);
    assert.deepEqual(buildCreditReport(workedFile(), request(), CHINA_PROFILE), expected);
    fc.assert(
      fc.property(shuffledFile(file), (shuffled) => {
        assert.deepEqual(buildCreditReport(shuffled, request(), CHINA_PROFILE), expected);
      }),
      { numRuns: 50 },
    );
  });

  test('the input is never changed (deep-frozen input, deep-equal after)', () => {
    const file = deepFreeze(workedFile());
    const req = deepFreeze(request());
    const before = structuredClone(file);
    const report = buildCreditReport(file, req, CHINA_PROFILE);
    assert.deepEqual(file, before);
    // The report shares nothing mutable with the input.
    report.accounts[0]!.terms.amount_minor = 1;
    report.accounts[0]!.furnisher.name = 'changed';
    report.header.queriedBy.name = 'changed';
    assert.deepEqual(file, before);
    assert.equal(req.queriedBy.name, 'Bank Nine');
  });

  test('duplicate months: the one reported last wins', () => {
    const a = account(PLAT1, 'D', terms('D1', '2024-01-01', 100), [
      { ...month('2025-06', '1', { overdue_amount_minor: 5 }), reportedOn: '2025-07-05' },
      { ...month('2025-06', 'N'), reportedOn: '2025-07-09' },
    ]);
    const report = buildCreditReport(person([a]), request(), CHINA_PROFILE);
    assert.equal(report.accounts[0]!.grid.at(-1)!.code, 'N');
    assert.deepEqual(report.summary.overdueByCategory, []);
  });
});

// ------------------------------------------------------------------------- properties

const OVERDUE_CODES = OVERDUE_STATUSES;
const STATUSES = REPAYMENT_STATUSES;

/** A random account opened between 2015-01 and 2025-06 with random months from its open month. */
const arbAccount = fc
  .record({
    type: fc.constantFrom<AccountType>('D1', 'R1', 'R2', 'R3', 'R4', 'C1'),
    furnisher: fc.constantFrom(PLAT1, PLAT2, BANK1, BANK2),
    no: fc.stringMatching(/^[A-Z0-9]{1,4}$/),
    openOffset: fc.integer({ min: 0, max: 125 }),
    statuses: fc.array(fc.option(fc.constantFrom(...STATUSES), { nil: null }), { maxLength: 130 }),
  })
  .map(({ type, furnisher, no, openOffset, statuses }) => {
    const open = addMonths('2015-01', openOffset);
    const months: FileMonth[] = [];
    statuses.forEach((s, i) => {
      const m = addMonths(open, i);
      if (s !== null && m <= '2025-07')
        months.push(
          month(m, s, { overdue_amount_minor: OVERDUE_CODES.includes(s) ? 100 * i : 0, used_limit_minor: i }),
        );
    });
    return account(furnisher, no, terms(type, `${open}-15`, 1_000 * (openOffset + 1)), months);
  });

describe('properties over random files', () => {
  test('grid shape, sort order and summary consistency', () => {
    fc.assert(
      fc.property(fc.array(arbAccount, { maxLength: 8 }), (accounts) => {
        const report = buildCreditReport(person(accounts), request(), CHINA_PROFILE);
        const order = ['D1', 'R1', 'R2', 'R3', 'R4', 'C1'];
        assert.equal(report.accounts.length, accounts.length);
        for (let i = 1; i < report.accounts.length; i++) {
          const a = report.accounts[i - 1]!;
          const b = report.accounts[i]!;
          const key = (x: typeof a) => [order.indexOf(x.category), x.furnisher.code, x.accountNo] as const;
          const [ca, fa, na] = key(a);
          const [cb, fb, nb] = key(b);
          assert.ok(ca < cb || (ca === cb && (fa < fb || (fa === fb && na <= nb))), 'sorted');
        }
        let gridOverdue = 0;
        for (const a of report.accounts) {
          assert.equal(a.grid.length, 60);
          assert.equal(a.grid.at(-1)!.month, LAST_FULL);
          const open = a.terms.open_date.slice(0, 7);
          for (const c of a.grid) {
            if (c.month < open) assert.equal(c.code, '/');
            else assert.notEqual(c.code, '/');
            if (OVERDUE_CODES.includes(c.code as RepaymentStatus)) gridOverdue++;
          }
          if (a.latest) assert.equal(a.state === 'closed', ['C', 'G', 'D', 'Z'].includes(a.latest.status));
        }
        // Every overdue month in a grid is counted (the summary may count more: older months).
        const summaryOverdue = report.summary.overdueByCategory.reduce((s, o) => s + o.monthsOverdue, 0);
        assert.ok(summaryOverdue >= gridOverdue);
        const byCat = report.summary.accountsByCategory;
        assert.deepEqual(
          byCat.map((c) => c.category),
          order.filter((c) => report.accounts.some((a) => a.category === c)),
        );
        assert.equal(
          byCat.reduce((s, c) => s + c.accounts, 0),
          accounts.length,
        );
        assert.equal(
          report.summary.distinctOpenFurnishers,
          new Set(report.accounts.filter((a) => a.state === 'open').map((a) => a.furnisher.code)).size,
        );
      }),
      { numRuns: 150 },
    );
  });

  test('no month the summary counts is past retention', () => {
    fc.assert(
      fc.property(arbAccount, (a) => {
        const shown = visibleMonths(a, LAST_FULL, CHINA_PROFILE);
        // Hidden episodes go whole, so the episodes left among the shown months are the ones that
        // ended at most 60 months before the last full month.
        for (const e of negativeEpisodes(shown)) assert.ok(monthsBetween(e.end, LAST_FULL) <= 60, e.end);
        // Nothing negative is dropped when it is recent, nothing positive is ever dropped.
        const all = a.months.filter((m) => m.month <= LAST_FULL);
        const dropped = all.filter((m) => !shown.some((s) => s.month === m.month));
        for (const d of dropped)
          assert.ok(NEGATIVE_STATUSES.includes(d.state.status), 'only negative months are dropped');
      }),
      { numRuns: 300 },
    );
  });
});
