/**
 * Properties of the indicators on random files (fast-check): adding an inquiry never lowers an
 * inquiry count; the order of accounts, months and inquiries changes nothing; the groups add up
 * (all = bank + non_bank) and the shopping-adjusted counts stay below the raw ones.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { INQUIRY_REASON_CODES } from '../../src/consent/inquiry-reasons.js';
import { addMonths } from '../../src/domain/calendar.js';
import { type AccountType, REPAYMENT_STATUSES } from '../../src/domain/codes.js';
import type { FileAccount, FileInquiry, PersonFile } from '../../src/report/report-types.js';
import { computeIndicators, windowedMetrics } from '../../src/risk/compute-indicators.js';
import { INDICATOR_NAMES, windowedName } from '../../src/risk/indicator-names.js';
import { GROUP_IDS } from '../../src/risk/institution-groups.js';
import { WINDOW_IDS } from '../../src/risk/time-windows.js';
import {
  AS_OF,
  account,
  BANK1,
  BANK2,
  CARD1,
  CF1,
  month,
  PLAT1,
  PLAT2,
  personFile,
} from './risk-fixtures.js';

const AS_OF_MS = Date.parse(AS_OF);
const DAY = 86_400_000;
const INSTITUTIONS = [BANK1, BANK2, PLAT1, PLAT2, CF1, CARD1];

/** Inquiries from 14 months before asOf to 2 days after, on whole seconds, with edge instants and
 *  clusters on whole days in the last 60 days likely (so that shopping episodes chain and touch). */
const arbInquiry: fc.Arbitrary<FileInquiry> = fc
  .record({
    institution: fc.constantFrom(...INSTITUTIONS),
    reason: fc.oneof(fc.constantFrom(...INQUIRY_REASON_CODES), fc.constant('02' as const)),
    offset_s: fc.oneof(
      fc.integer({ min: -430 * 86_400, max: 2 * 86_400 }),
      fc.integer({ min: -60, max: 0 }).map((d) => d * 86_400),
      fc.constantFrom(0, -7 * 86_400, -7 * 86_400 + 1, -14 * 86_400, 1),
    ),
  })
  .map(({ institution, reason, offset_s }) => ({
    institution,
    reason,
    at: new Date(AS_OF_MS + offset_s * 1000).toISOString(),
  }));

const arbAccount: fc.Arbitrary<FileAccount> = fc
  .record({
    furnisher: fc.constantFrom(...INSTITUTIONS),
    type: fc.constantFrom<AccountType>('D1', 'R1', 'R2', 'R3', 'C1'),
    openDay: fc.integer({ min: -800, max: 3 }),
    amount: fc.integer({ min: 1, max: 50_000_000 }),
    currency: fc.constantFrom('CNY', 'CNY', 'CNY', 'USD'),
    shared: fc.option(fc.constantFrom(5_000_000, 8_000_000), { nil: undefined }),
    months: fc.array(
      fc.record({
        back: fc.integer({ min: -1, max: 30 }),
        status: fc.constantFrom(...REPAYMENT_STATUSES),
        balance: fc.integer({ min: 0, max: 50_000_000 }),
        used: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }),
        scheduled: fc.integer({ min: 0, max: 2_000_000 }),
        reportedDay: fc.integer({ min: 1, max: 28 }),
      }),
      { maxLength: 8 },
    ),
  })
  .map((a) => {
    const revolving = a.type !== 'D1' && a.type !== 'C1';
    return account(
      a.furnisher,
      a.type,
      new Date(AS_OF_MS + a.openDay * DAY).toISOString().slice(0, 10),
      a.amount,
      a.months.map((m) => {
        const mm = addMonths('2025-07', -m.back);
        return month(
          mm,
          m.status,
          {
            balance_minor: m.balance,
            scheduled_payment_minor: m.scheduled,
            ...(revolving && m.used !== undefined ? { used_limit_minor: m.used } : {}),
          },
          `${addMonths(mm, 1)}-${String(m.reportedDay).padStart(2, '0')}`,
        );
      }),
      {
        currency: a.currency as 'CNY' | 'USD',
        ...(revolving && a.shared !== undefined ? { shared_limit_minor: a.shared } : {}),
      },
    );
  });

const arbFile: fc.Arbitrary<PersonFile> = fc
  .record({
    accounts: fc.array(arbAccount, { maxLength: 6 }),
    inquiries: fc.array(arbInquiry, { maxLength: 15 }),
  })
  .map(({ accounts, inquiries }) => personFile(accounts, inquiries));

const arbShopping = fc.constantFrom(0, 1, 14, 30, 45);
const INQUIRY_NAMES = INDICATOR_NAMES.filter((n) => n.startsWith('inq_'));

test('adding an inquiry never lowers any inquiry count', () => {
  fc.assert(
    fc.property(arbFile, arbInquiry, arbShopping, (file, extra, shoppingWindow_days) => {
      const before = computeIndicators(file, AS_OF, { shoppingWindow_days }).values;
      const more = { ...file, inquiries: [...file.inquiries, extra] };
      const after = computeIndicators(more, AS_OF, { shoppingWindow_days }).values;
      for (const name of INQUIRY_NAMES)
        assert.ok((after[name] ?? 0) >= (before[name] ?? 0), `${name}: ${before[name]} -> ${after[name]}`);
    }),
    { numRuns: 500 },
  );
});

/** The same file with accounts, each account's months and the inquiries in another order. */
function shuffled(file: PersonFile): fc.Arbitrary<PersonFile> {
  const perm = <T>(list: readonly T[]) =>
    fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });
  const accounts = fc.tuple(...file.accounts.map((a) => perm(a.months).map((months) => ({ ...a, months }))));
  return fc
    .tuple(
      accounts.chain((list) => perm(list)),
      perm(file.inquiries),
    )
    .map(([accountList, inquiries]) => ({ ...file, accounts: accountList, inquiries }));
}

test('the indicators do not depend on the order of accounts, months and inquiries', () => {
  fc.assert(
    fc.property(
      arbFile.chain((file) => fc.tuple(fc.constant(file), shuffled(file))),
      ([file, reordered]) => {
        assert.deepEqual(computeIndicators(reordered, AS_OF), computeIndicators(file, AS_OF));
      },
    ),
    { numRuns: 200 },
  );
});

test('groups add up, adjusted counts stay below raw ones, and windows nest', () => {
  const additive = ['inq_hard_raw', 'acct_new', 'amt_new'];
  fc.assert(
    fc.property(arbFile, arbShopping, (file, shoppingWindow_days) => {
      const v = computeIndicators(file, AS_OF, { shoppingWindow_days }).values as Record<
        string,
        number | null
      >;
      for (const w of WINDOW_IDS) {
        for (const metric of additive) {
          const unit = metric === 'amt_new' ? '_minor' : '';
          const all = v[`${metric}_${w}_all${unit}`];
          assert.equal(
            all,
            (v[`${metric}_${w}_bank${unit}`] ?? 0) + (v[`${metric}_${w}_non_bank${unit}`] ?? 0),
          );
        }
        for (const g of GROUP_IDS) {
          assert.ok((v[`inq_hard_${w}_${g}`] ?? 0) <= (v[`inq_hard_raw_${w}_${g}`] ?? 0));
          assert.ok((v[`inq_inst_${w}_${g}`] ?? 0) <= (v[`inq_hard_${w}_${g}`] ?? 0));
          assert.ok((v[`acct_new_inst_${w}_${g}`] ?? 0) <= (v[`acct_new_${w}_${g}`] ?? 0));
        }
      }
      for (let i = 1; i < WINDOW_IDS.length; i++)
        for (const metric of ['inq_hard_raw', 'acct_new'])
          assert.ok(
            (v[`${metric}_${WINDOW_IDS[i - 1]}_all`] ?? 0) <= (v[`${metric}_${WINDOW_IDS[i]}_all`] ?? 0),
          );
      for (const metric of ['acct_open', 'bal_open']) {
        const unit = metric === 'bal_open' ? '_minor' : '';
        assert.equal(
          v[`${metric}_all${unit}`],
          (v[`${metric}_bank${unit}`] ?? 0) + (v[`${metric}_non_bank${unit}`] ?? 0),
        );
      }
      const util = v.util_rev_all;
      assert.equal(util === null, v.limit_rev_all_minor === 0);
      for (const [name, value] of Object.entries(v))
        if (name.endsWith('_minor')) assert.ok(Number.isSafeInteger(value) && (value ?? 0) >= 0, name);
    }),
    { numRuns: 200 },
  );
});

test('windowedMetrics gives the same figures as computeIndicators (the report uses it)', () => {
  fc.assert(
    fc.property(arbFile, (file) => {
      const values = computeIndicators(file, AS_OF).values;
      const windows = ['7d', '1m', '3m', '6m', '12m'] as const;
      const metrics = windowedMetrics(file, AS_OF, windows);
      for (const window of windows)
        for (const group of GROUP_IDS) {
          const m = metrics.get(window)?.get(group);
          assert.equal(m?.inqHardRaw ?? 0, values[windowedName('inq_hard_raw', window, group)]);
          assert.equal(m?.inqHard ?? 0, values[windowedName('inq_hard', window, group)]);
          assert.equal(m?.inqInst ?? 0, values[windowedName('inq_inst', window, group)]);
          assert.equal(m?.acctNew ?? 0, values[windowedName('acct_new', window, group)]);
          assert.equal(m?.acctNewInst ?? 0, values[windowedName('acct_new_inst', window, group)]);
          assert.equal(m?.amtNew_minor ?? 0, values[windowedName('amt_new', window, group)]);
        }
    }),
    { numRuns: 200 },
  );
});
