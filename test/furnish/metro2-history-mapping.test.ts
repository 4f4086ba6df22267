/**
 * The Metro 2 mapping of the payment history profile (field 18, to status codes on the month line)
 * and of the date of first delinquency (field 25, to the account terms), record by record.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DOFD_NOT_MAPPED_RULE,
  type MappedRecord,
  mapMetro2Record,
} from '../../src/furnish/metro2-mapping.js';
import { PAYMENT_HISTORY_STATUS, profileStatuses } from '../../src/furnish/metro2-status-tables.js';
import { m2Record, type RecordChange } from './metro2-fixtures.js';

const CONTEXT = { activityDate: '2025-05-31', today: '2025-06-30' };
const map = (change: RecordChange = {}): MappedRecord => mapMetro2Record(m2Record(change), CONTEXT);
const lineOf = (m: MappedRecord, kind: 'account' | 'month') =>
  m.lines.find((l) => l.record.kind === kind)!.record;

describe('payment history profile -> payment_history_profile', () => {
  test('each character to its status, no history to -, newest first', () => {
    assert.equal(profileStatuses(`0123456EGLHJK${'D'.repeat(10)}B`), `N234567NGGZZZ${'-'.repeat(11)}`);
    // Characters outside the table (moov also takes Z and space) say nothing.
    assert.equal(profileStatuses('0Z 1'), 'N--2');
    for (const [c, status] of PAYMENT_HISTORY_STATUS)
      assert.equal(profileStatuses(c), status ?? undefined, c);
  });

  test('a profile without any history (a new account) is not furnished', () => {
    assert.equal(profileStatuses('B'.repeat(24)), undefined);
    assert.equal(profileStatuses(''), undefined);
    assert.equal(
      lineOf(map({ base: { paymentHistoryProfile: 'B'.repeat(24) } }), 'month').payment_history_profile,
      undefined,
    );
  });

  test('the month line of the month of account information carries it; its first month is the month before', () => {
    const m = lineOf(map({ base: { paymentHistoryProfile: `01${'B'.repeat(22)}` } }), 'month');
    assert.equal(m.month, '2025-05');
    assert.equal(m.payment_history_profile, `N2${'-'.repeat(22)}`);
    // The associated consumers' copies carry the same profile.
    const withJ1 = map({ j1: [{}], base: { paymentHistoryProfile: `0${'B'.repeat(23)}` } });
    const months = withJ1.lines
      .filter((l) => l.record.kind === 'month')
      .map((l) => l.record.payment_history_profile);
    assert.deepEqual(months, [`N${'-'.repeat(23)}`, `N${'-'.repeat(23)}`]);
  });
});

describe('date of first delinquency -> first_delinquency_date', () => {
  test('taken as it is on the account line', () => {
    const m = map({ base: { accountStatus: '71', amountPastDue: 450, dateFirstDelinquency: '2025-04-10' } });
    assert.equal(lineOf(m, 'account').first_delinquency_date, '2025-04-10');
    assert.deepEqual(m.notes, []);
  });

  test('none when zero-filled', () => {
    assert.equal(lineOf(map(), 'account').first_delinquency_date, undefined);
  });

  test('a collection account keeps a date before its date opened (the original delinquency)', () => {
    const m = map({
      base: {
        accountType: '48',
        accountStatus: '93',
        amountPastDue: 450,
        dateFirstDelinquency: '2022-01-01',
      },
    });
    assert.equal(lineOf(m, 'account').account_type, 'C1');
    assert.equal(lineOf(m, 'account').first_delinquency_date, '2022-01-01');
  });

  test('not taken, with a note: before the date opened (other accounts), and the 1970-01-01 placeholder', () => {
    for (const date of ['2022-01-01', '1970-01-01']) {
      const m = map({ base: { accountStatus: '71', amountPastDue: 450, dateFirstDelinquency: date } });
      assert.equal(lineOf(m, 'account').first_delinquency_date, undefined, date);
      assert.deepEqual(
        m.notes.map((n) => [n.rule, n.segment, n.field]),
        [[DOFD_NOT_MAPPED_RULE, 'base', 'dateFirstDelinquency']],
      );
    }
  });
});
