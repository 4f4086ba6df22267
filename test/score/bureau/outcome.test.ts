/**
 * The outcome on hand-made files: bad when any account reaches status level 3 or more in the 12
 * months after the observation month (not in it, not after the window), scorable with an account
 * opened by then, already bad at level 3+ in the month itself; and a property: the outcome reads
 * only the window.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addMonths } from '../../../src/domain/calendar.js';
import type { RepaymentStatus } from '../../../src/domain/codes.js';
import {
  BAD_STATUS_LEVEL,
  isAlreadyBad,
  isBadWithin,
  isScorable,
  OUTCOME_MONTHS,
} from '../../../src/score/bureau/outcome.js';
import { account, month, PLATFORM, personFile, run } from './bureau-score-fixtures.js';

const M = '2025-06';

test('90+ (status 3) in the first or the twelfth month after is bad; in the thirteenth it is not', () => {
  assert.equal(OUTCOME_MONTHS, 12);
  assert.equal(BAD_STATUS_LEVEL, 3);
  const at = (offset: number, status: RepaymentStatus) =>
    personFile([account('2024-01-10', [...run('2024-02', M, 'N'), month(addMonths(M, offset), status)])]);
  assert.equal(isBadWithin(at(1, '3'), M), true);
  assert.equal(isBadWithin(at(12, '3'), M), true);
  assert.equal(isBadWithin(at(13, '3'), M), false);
  assert.equal(isBadWithin(at(5, '2'), M), false, '31-60 days is not bad');
  assert.equal(isBadWithin(at(5, '7'), M), true);
  assert.equal(isBadWithin(at(5, 'G'), M), true, 'written off is bad');
  assert.equal(isBadWithin(at(5, 'D'), M), true, 'repaid by the guarantor is bad');
  assert.equal(isBadWithin(at(5, 'M'), M), false, 'paid late within the month is not');
  assert.equal(isBadWithin(at(5, 'C'), M), false);
});

test('a level-3 month in the observation month itself is not the outcome, but makes the person already bad', () => {
  const now = personFile([account('2024-01-10', [...run('2024-02', '2025-05', 'N'), month(M, '3')])]);
  assert.equal(isBadWithin(now, M), false);
  assert.equal(isAlreadyBad(now, M), true);
  const goesOn = personFile([account('2024-01-10', [...run('2025-04', M, '3'), month('2025-07', '4')])]);
  assert.equal(isBadWithin(goesOn, M), true, 'still overdue the month after: bad');
  assert.equal(isAlreadyBad(goesOn, M), true);
  const cured = personFile([account('2024-01-10', [month('2025-05', '3'), month(M, 'N')])]);
  assert.equal(isAlreadyBad(cured, M), false, 'a level-3 month before, cured in the month: not already bad');
});

test('the worst account counts: one bad account of several makes the person bad', () => {
  const file = personFile([
    account('2024-01-10', run('2024-02', '2026-06', 'N')),
    account(
      '2024-03-01',
      [
        ...run('2024-04', '2025-10', 'N'),
        month('2025-11', '1'),
        month('2025-12', '2'),
        month('2026-01', '3'),
      ],
      {
        type: 'R2',
        furnisher: PLATFORM,
      },
    ),
  ]);
  assert.equal(isBadWithin(file, M), true);
  assert.equal(isBadWithin(file, '2025-01'), true, 'January 2026 is the twelfth month after January 2025');
  assert.equal(isBadWithin(file, '2024-12'), false, 'and the thirteenth after December 2024');
});

test('scorable: an account opened by the end of the month; no file or a later account is no history', () => {
  assert.equal(isScorable(null, M), false);
  assert.equal(isScorable(personFile([]), M), false);
  assert.equal(isScorable(personFile([account('2025-06-30', [])]), M), true);
  assert.equal(isScorable(personFile([account('2025-07-01', [])]), M), false);
});

test('a month reported twice: the one reported last is the outcome (as in the report)', () => {
  const corrected = account('2024-01-10', [
    month('2025-08', '3', 100_000, '2025-09-05'),
    month('2025-08', 'N', 100_000, '2025-09-20'),
  ]);
  assert.equal(isBadWithin(personFile([corrected]), M), false);
});

test('the outcome reads only the 12 months after the observation month (property)', () => {
  const statuses: RepaymentStatus[] = ['N', '1', '2', '3', '5', 'G', 'C', 'M'];
  fc.assert(
    fc.property(
      fc.uniqueArray(
        fc.record({ offset: fc.integer({ min: -20, max: 30 }), status: fc.constantFrom(...statuses) }),
        {
          maxLength: 30,
          selector: (e) => e.offset,
        },
      ),
      (entries) => {
        const file = personFile([
          account(
            '2023-01-01',
            entries.map((e) => month(addMonths(M, e.offset), e.status)),
          ),
        ]);
        const expected = entries.some((e) => e.offset >= 1 && e.offset <= 12 && '35G'.includes(e.status));
        assert.equal(isBadWithin(file, M), expected);
      },
    ),
  );
});
