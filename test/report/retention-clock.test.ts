/**
 * The first-delinquency retention clock (src/report/retention-clock.ts) and what the report shows
 * with it, against dates worked out by hand; and the profile months in the grid, which never
 * replace a monthly state (a fast-check property on the report).
 *
 * Hand-computed dates (180 days = the rest of the first month, then whole months):
 * - 2017-03-10 + 180 d: 21 (to 31 Mar) + 30 + 31 + 30 + 31 + 31 = 174 on 31 Aug, + 6 = 2017-09-06;
 *   + 7 y = 2024-09-06.
 * - 2017-08-01 + 180 d: 30 (to 31 Aug) + 30 + 31 + 30 + 31 = 152 on 31 Dec, + 28 = 2018-01-28;
 *   + 7 y = 2025-01-28.
 * - 2018-03-01 + 180 d: 30 (to 31 Mar) + 30 + 31 + 30 + 31 = 152 on 31 Jul, + 28 = 2018-08-28;
 *   + 7 y = 2025-08-28. Without the 180 days: 2025-03-01.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addMonths } from '../../src/domain/calendar.js';
import type { AccountType, RepaymentStatus } from '../../src/domain/codes.js';
import { CHINA_PROFILE, US_PROFILE } from '../../src/domain/jurisdiction.js';
import type { AccountTerms } from '../../src/formats/canonical/record-types.js';
import { buildCreditReport, visibleMonths } from '../../src/report/build-credit-report.js';
import type { FileAccount, FileHistoryMonth, FileMonth, PersonFile } from '../../src/report/report-types.js';
import {
  addDays,
  addYears,
  firstDelinquencyExpiry,
  isCollectionOrChargeOff,
  negativeDataExpired,
} from '../../src/report/retention-clock.js';

const BANK = { code: 'US-BANK', name: 'US Bank', kind: 'bank' } as const;

function terms(accountType: AccountType, openDate: string, extra: Partial<AccountTerms> = {}): AccountTerms {
  return {
    account_type: accountType,
    business_type: accountType === 'C1' ? 'other' : 'credit_card',
    currency: 'USD',
    open_date: openDate,
    amount_minor: 500_000,
    repayment_method: 'minimum_payment',
    repayment_frequency: 'monthly',
    guarantee_type: 'unsecured',
    joint_loan: false,
    ...extra,
  };
}

function month(m: string, status: RepaymentStatus): FileMonth {
  const overdue = status >= '1' && status <= '7';
  return {
    month: m,
    reportedOn: `${addMonths(m, 1)}-05`,
    state: {
      balance_minor: 100_000,
      scheduled_payment_minor: 0,
      actual_payment_minor: 0,
      overdue_periods: overdue ? 1 : 0,
      overdue_amount_minor: overdue || status === 'G' ? 100_000 : 0,
      status,
      five_class: 9,
    },
  };
}

function range(from: string, to: string, status: RepaymentStatus): FileMonth[] {
  const out: FileMonth[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(month(m, status));
  return out;
}

let nextId = 1;
function account(
  accountNo: string,
  t: AccountTerms,
  months: FileMonth[],
  history?: FileHistoryMonth[],
): FileAccount {
  return {
    accountId: nextId++,
    furnisher: BANK,
    accountNo,
    terms: t,
    months,
    ...(history ? { historyMonths: history } : {}),
  };
}

function file(accounts: FileAccount[]): PersonFile {
  return {
    personId: 1,
    idType: 'ssn',
    idNumber: '401234567',
    attributes: {},
    accounts,
    inquiries: [],
    objections: 0,
  };
}

const report = (accounts: FileAccount[], at: string, profile = US_PROFILE) =>
  buildCreditReport(
    file(accounts),
    {
      reportNumber: 'R1',
      at,
      name: 'JANE DOE',
      idNumber: '401234567',
      queriedBy: { code: 'LENDER', name: 'Lender', kind: 'bank' },
      reason: '02',
    },
    profile,
  );
const cell = (r: ReturnType<typeof report>, accountNo: string, m: string) =>
  r.accounts.find((a) => a.accountNo === accountNo)!.grid.find((c) => c.month === m)?.code;

describe('dates', () => {
  test('days and years, worked out by hand', () => {
    assert.equal(addDays('2017-03-10', 180), '2017-09-06');
    assert.equal(addDays('2017-08-01', 180), '2018-01-28');
    assert.equal(addDays('2018-03-01', 180), '2018-08-28');
    assert.equal(addDays('2024-02-28', 2), '2024-03-01');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addYears('2017-09-06', 7), '2024-09-06');
    assert.equal(addYears('2024-02-29', 7), '2031-02-28');
    assert.equal(addYears('2024-02-29', 4), '2028-02-29');
    assert.equal(firstDelinquencyExpiry('2017-03-10', 180, 7), '2024-09-06');
    assert.equal(firstDelinquencyExpiry('2018-03-01', 180, 7), '2025-08-28');
    assert.equal(firstDelinquencyExpiry('2018-03-01', 0, 7), '2025-03-01');
  });

  test('collections and charge-offs: C1, or a G or B month', () => {
    assert.equal(isCollectionOrChargeOff('C1', ['N']), true);
    assert.equal(isCollectionOrChargeOff('R2', ['N', '7', 'G']), true);
    assert.equal(isCollectionOrChargeOff('D1', ['B']), true);
    assert.equal(isCollectionOrChargeOff('R2', ['2', '7', 'Z', 'D']), false);
  });

  test('the clock runs out on its expiry day, not the day before; only under the US profile, only with a date', () => {
    const t = terms('R2', '2016-01-10', { first_delinquency_date: '2017-03-10' });
    const g = [{ month: '2018-01', state: { status: 'G' as const } }];
    assert.equal(negativeDataExpired(t, g, US_PROFILE, '2024-09-05'), false);
    assert.equal(negativeDataExpired(t, g, US_PROFILE, '2024-09-06'), true);
    assert.equal(negativeDataExpired(t, g, CHINA_PROFILE, '2030-01-01'), false);
    assert.equal(negativeDataExpired(terms('R2', '2016-01-10'), g, US_PROFILE, '2030-01-01'), false);
    // No charge-off: 7 years from the date itself.
    assert.equal(
      negativeDataExpired(t, [{ month: '2017-04', state: { status: '2' } }], US_PROFILE, '2024-03-10'),
      true,
    );
  });
});

describe('the report under the US profile', () => {
  // Last full month 2025-02; the grid runs 2020-03 .. 2025-02.
  const AT = '2025-03-15T10:00:00.000Z';

  test('a charge-off past DOFD + 180 d + 7 y is hidden; one that is not is shown; 180 days only for charge-offs', () => {
    const expired = account(
      'CO-EXPIRED',
      terms('R2', '2016-01-10', { first_delinquency_date: '2017-08-01' }), // runs out 2025-01-28
      range('2023-01', '2025-02', 'G'),
    );
    const current = account(
      'CO-SHOWN',
      terms('R2', '2016-01-10', { first_delinquency_date: '2018-03-01' }), // runs out 2025-08-28
      range('2023-01', '2025-02', 'G'),
    );
    const late = account(
      'LATE-EXPIRED',
      terms('R2', '2016-01-10', { first_delinquency_date: '2018-03-01' }), // no charge-off: 2025-03-01
      [...range('2023-01', '2025-01', '7'), month('2025-02', 'N')],
    );
    const us = report([expired, current, late], AT);
    assert.equal(cell(us, 'CO-EXPIRED', '2024-06'), '');
    assert.equal(cell(us, 'CO-EXPIRED', '2025-02'), '');
    assert.equal(us.accounts.find((a) => a.accountNo === 'CO-EXPIRED')!.latest, null);
    assert.equal(cell(us, 'CO-SHOWN', '2024-06'), 'G');
    assert.equal(cell(us, 'CO-SHOWN', '2025-02'), 'G');
    assert.equal(us.accounts.find((a) => a.accountNo === 'CO-SHOWN')!.latest?.status, 'G');
    assert.equal(cell(us, 'LATE-EXPIRED', '2024-06'), '');
    assert.equal(cell(us, 'LATE-EXPIRED', '2025-02'), 'N', 'a month that is not negative stays');
    // The state still follows the latest month on file: a charge-off stays closed.
    assert.equal(us.accounts.find((a) => a.accountNo === 'CO-EXPIRED')!.state, 'closed');
    // The overdue summary counts no hidden month.
    assert.deepEqual(us.summary.overdueByCategory, []);

    // The day before CO-EXPIRED runs out, it is shown.
    assert.equal(cell(report([expired], '2025-01-27T23:59:59.999Z'), 'CO-EXPIRED', '2024-06'), 'G');
    assert.equal(cell(report([expired], '2025-01-28T00:00:00.000Z'), 'CO-EXPIRED', '2024-06'), '');
    // China: the same accounts are shown (episodes end in the last full month).
    const cn = report([expired, current, late], AT, CHINA_PROFILE);
    assert.equal(cell(cn, 'CO-EXPIRED', '2024-06'), 'G');
    assert.equal(cell(cn, 'LATE-EXPIRED', '2024-06'), '7');
  });

  test('a collection account (C1) gets the 180 days, its profile months go with it', () => {
    const collection = account(
      'COLL-1',
      terms('C1', '2019-06-01', { first_delinquency_date: '2018-03-01' }),
      [month('2025-02', '7')],
      [{ month: '2025-01', status: '7' }],
    );
    assert.equal(cell(report([collection], AT), 'COLL-1', '2025-01'), '7');
    const later = report([collection], '2025-08-28T00:00:00.000Z');
    assert.equal(cell(later, 'COLL-1', '2025-01'), '');
    assert.equal(cell(later, 'COLL-1', '2025-02'), '');
  });

  test('without a date of first delinquency: the rule of every profile, as before (7 years after the episode)', () => {
    const months = [...range('2017-06', '2018-02', 'G'), month('2018-03', 'N')];
    const shown = (t: AccountTerms) =>
      visibleMonths(account('OLD', t, months), '2025-02', US_PROFILE).map((m) => m.month);
    // The episode ended 2018-02, 84 months before 2025-02 (hidden only beyond 84): shown whole.
    assert.equal(shown(terms('R2', '2015-01-10')).length, 10);
    // With a date of first delinquency: 2017-06-01 + 180 d = 2017-11-28, + 7 y = 2024-11-28, before
    // the default report date of visibleMonths (2025-03-01, the first day after the last full month).
    assert.deepEqual(shown(terms('R2', '2015-01-10', { first_delinquency_date: '2017-06-01' })), ['2018-03']);
    const recent = account('RECENT', terms('R2', '2015-01-10'), range('2019-01', '2025-02', 'G'));
    assert.equal(cell(report([recent], AT), 'RECENT', '2020-03'), 'G');
  });
});

describe('profile months in the grid', () => {
  const AT = '2025-07-15T10:00:00.000Z'; // last full month 2025-06, grid 2020-07 .. 2025-06
  const GRID_FROM = '2020-07';
  const gridMonth = fc.integer({ min: 0, max: 59 }).map((i) => addMonths(GRID_FROM, i));
  const status = fc.constantFrom<RepaymentStatus>('N', '1', '2', '7', 'C', 'G', '*', 'M');

  test('property: a month with a monthly state shows its own status; a profile month fills only a month without one', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(gridMonth, status), { selector: (t) => t[0], maxLength: 20 }),
        fc.uniqueArray(fc.tuple(gridMonth, status), { selector: (t) => t[0], maxLength: 40 }),
        fc.constantFrom(CHINA_PROFILE, US_PROFILE),
        (real, history, profile) => {
          const a = account(
            'P-1',
            terms('R2', '2020-01-05'),
            real.map(([m, s]) => month(m, s)),
            history.map(([m, s]) => ({ month: m, status: s })).sort((x, y) => (x.month < y.month ? -1 : 1)),
          );
          const grid = new Map(report([a], AT, profile).accounts[0]!.grid.map((c) => [c.month, c.code]));
          const realByMonth = new Map(real);
          // Within the grid nothing is past retention (an episode in it ended at most 59 months ago).
          for (const [m, s] of real) assert.equal(grid.get(m), s, `${m} keeps its monthly state`);
          for (const [m, s] of history)
            if (!realByMonth.has(m)) assert.equal(grid.get(m), s, `${m} from the profile`);
          for (const [m, code] of grid)
            if (!realByMonth.has(m) && !history.some(([h]) => h === m))
              assert.equal(code, '', `${m} not reported`);
        },
      ),
    );
  });

  test('profile months count in no summary figure and are never the latest month', () => {
    const a = account(
      'P-2',
      terms('R2', '2020-01-05'),
      [month('2025-03', 'N')],
      [
        { month: '2025-04', status: '3' },
        { month: '2025-05', status: '4' },
      ],
    );
    const r = report([a], AT, CHINA_PROFILE);
    assert.equal(r.accounts[0]!.latest?.month, '2025-03');
    assert.deepEqual(r.summary.overdueByCategory, []);
    assert.equal(cell(r, 'P-2', '2025-05'), '4');
  });
});
