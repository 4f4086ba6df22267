/**
 * The observation point: the file cut at the end of the observation month keeps exactly what
 * was known then, and nothing after it (months, accounts, inquiries, a later date of first
 * delinquency) can change a variable: a property over random files and random future data.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addMonths } from '../../../src/domain/calendar.js';
import type { RepaymentStatus } from '../../../src/domain/codes.js';
import type { PersonFile } from '../../../src/report/report-types.js';
import { BUREAU_FEATURES } from '../../../src/score/bureau/bureau-feature-set.js';
import { bureauFeatures, featuresOfTruncated } from '../../../src/score/bureau/bureau-features.js';
import { monthEndInstant, truncateFileAt } from '../../../src/score/bureau/observation.js';
import { account, BANK, month, PLATFORM, personFile, run } from './bureau-score-fixtures.js';

const M = '2025-06';

test('monthEndInstant is the last millisecond of the month (UTC), leap years included', () => {
  assert.equal(monthEndInstant('2025-06'), '2025-06-30T23:59:59.999Z');
  assert.equal(monthEndInstant('2024-02'), '2024-02-29T23:59:59.999Z');
  assert.equal(monthEndInstant('2025-12'), '2025-12-31T23:59:59.999Z');
  assert.throws(() => monthEndInstant('2025-13'), /YYYY-MM/);
});

test('truncateFileAt keeps what was known at the end of the month and drops the rest', () => {
  const early = account('2024-01-15', [...run('2024-02', '2025-06', 'N'), ...run('2025-07', '2025-09', '3')]);
  early.terms.first_delinquency_date = '2025-07-10';
  const lateSameMonth = account('2025-06-30', [], { type: 'R2', furnisher: PLATFORM });
  const next = account('2025-07-01', run('2025-07', '2025-08', 'N'));
  const file = personFile(
    [early, lateSameMonth, next],
    [
      { at: '2025-06-30T23:59:59.999Z', institution: BANK, reason: '02' },
      { at: '2025-07-01T00:00:00.000Z', institution: BANK, reason: '02' },
    ],
  );
  file.attributes = {
    mobile: [
      { value: '13800000000', furnisher: BANK, firstReportedOn: '2024-01-20', lastReportedOn: '2025-08-01' },
      { value: '13900000000', furnisher: BANK, firstReportedOn: '2025-07-02', lastReportedOn: '2025-07-02' },
    ],
  };
  const before = structuredClone(file);
  const cut = truncateFileAt(file, M);
  assert.deepEqual(file, before, 'the input is not changed');
  assert.deepEqual(
    cut.accounts.map((a) => a.accountId),
    [early.accountId, lateSameMonth.accountId],
    'an account opened on the last day counts, one opened the next day does not',
  );
  assert.equal(cut.accounts[0]!.months.at(-1)!.month, '2025-06');
  assert.equal(cut.accounts[0]!.months.length, 17);
  assert.equal(
    cut.accounts[0]!.terms.first_delinquency_date,
    undefined,
    'a later date of first delinquency is dropped',
  );
  assert.deepEqual(
    cut.inquiries.map((q) => q.at),
    ['2025-06-30T23:59:59.999Z'],
  );
  assert.deepEqual(
    cut.attributes.mobile?.map((v) => v.value),
    ['13800000000'],
  );
});

test('a file with nothing after the month is returned as it is (no copy)', () => {
  const file = personFile([account('2024-01-15', run('2024-02', M, 'N'))]);
  assert.equal(truncateFileAt(file, M), file);
  assert.notEqual(truncateFileAt(file, '2025-05'), file);
});

// ------------------------------------------------------------------ the property

const BASE = '2024-01';
type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;
const STATUSES: RepaymentStatus[] = ['N', 'N', 'N', '*', 'M', '1', '2', '3', '4', '7', 'C', 'G', 'D'];

const monthArb = fc.record({
  status: fc.constantFrom(...STATUSES),
  balance: fc.integer({ min: 0, max: 5_000_000 }),
  paid: fc.integer({ min: 0, max: 200_000 }),
});
const accountArb = fc.record({
  openOffset: fc.integer({ min: 0, max: 29 }),
  day: fc.integer({ min: 1, max: 28 }),
  type: fc.constantFrom('D1' as const, 'R2' as const),
  bank: fc.boolean(),
  amount: fc.integer({ min: 100_000, max: 10_000_000 }),
  months: fc.array(monthArb, { minLength: 0, maxLength: 30 }),
});
const inquiryArb = fc.record({
  dayOffset: fc.integer({ min: 0, max: 900 }),
  bank: fc.boolean(),
  reason: fc.constantFrom('02' as const, '03' as const, '01' as const),
});

function buildFile(accounts: Of<typeof accountArb>[], inquiries: Of<typeof inquiryArb>[]): PersonFile {
  return personFile(
    accounts.map((a) => {
      const openMonth = addMonths(BASE, a.openOffset);
      return account(
        `${openMonth}-${String(a.day).padStart(2, '0')}`,
        a.months.map((m, k) => {
          const fm = month(addMonths(openMonth, k), m.status, m.balance);
          fm.state.actual_payment_minor = m.paid;
          return fm;
        }),
        { type: a.type, amount: a.amount, furnisher: a.bank ? BANK : PLATFORM },
      );
    }),
    inquiries.map((q) => ({
      at: new Date(Date.parse(`${BASE}-01T08:00:00Z`) + q.dayOffset * 86_400_000).toISOString(),
      institution: q.bank ? BANK : PLATFORM,
      reason: q.reason,
    })),
  );
}

/** The file with everything after `obs` changed: future months rewritten and added, accounts
 *  opened later, inquiries later. */
function withDifferentFuture(
  file: PersonFile,
  obs: string,
  future: {
    status: RepaymentStatus;
    balance: number;
    extra: Of<typeof accountArb>[];
    inquiries: number;
  },
): PersonFile {
  const copy = structuredClone(file);
  for (const a of copy.accounts) {
    for (const m of a.months)
      if (m.month > obs) {
        m.state.status = future.status;
        m.state.balance_minor = future.balance;
        m.state.used_limit_minor = future.balance;
      }
    a.months.push(month(addMonths(obs, 1), future.status, future.balance), month(addMonths(obs, 7), '7'));
    a.terms.first_delinquency_date = `${addMonths(obs, 2)}-03`;
  }
  for (const extra of future.extra) {
    const openMonth = addMonths(obs, 1 + (extra.openOffset % 12));
    copy.accounts.push(
      account(`${openMonth}-${String(extra.day).padStart(2, '0')}`, [month(openMonth, '3')], {
        type: extra.type,
      }),
    );
  }
  for (let i = 0; i < future.inquiries; i++)
    copy.inquiries.push({
      at: new Date(Date.parse(monthEndInstant(obs)) + 1 + i * 3_600_000).toISOString(),
      institution: PLATFORM,
      reason: '02',
    });
  return copy;
}

test('no leakage: nothing after the observation month changes any variable (property)', () => {
  fc.assert(
    fc.property(
      fc.array(accountArb, { minLength: 1, maxLength: 5 }),
      fc.array(inquiryArb, { maxLength: 8 }),
      fc.integer({ min: 2, max: 27 }),
      fc.record({
        status: fc.constantFrom(...STATUSES),
        balance: fc.integer({ min: 0, max: 9_000_000 }),
        extra: fc.array(accountArb, { maxLength: 3 }),
        inquiries: fc.integer({ min: 0, max: 10 }),
      }),
      (accounts, inquiries, obsOffset, future) => {
        const file = buildFile(accounts, inquiries);
        const obs = addMonths(BASE, obsOffset);
        const values = bureauFeatures(file, obs, 'CNY');
        assert.deepEqual(bureauFeatures(withDifferentFuture(file, obs, future), obs, 'CNY'), values);
        assert.deepEqual(featuresOfTruncated(truncateFileAt(file, obs), obs, 'CNY'), values);
        for (const f of BUREAU_FEATURES) assert.ok(f.name in values, `${f.name} is computed`);
      },
    ),
    { numRuns: 300 },
  );
});
