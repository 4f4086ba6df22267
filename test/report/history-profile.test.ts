/**
 * Payment history profiles as months (src/report/history-profile.ts): a profile of n characters
 * is n consecutive months ending at its end month, newest first; the months it fills never
 * include a month with a monthly state on file, nor one before the account opened; the newest
 * profile wins where two overlap. Properties with fast-check, and the examples of the doc.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addMonths, monthsBetween } from '../../src/domain/calendar.js';
import { REPAYMENT_STATUSES } from '../../src/domain/codes.js';
import { MAX_HISTORY_PROFILE_MONTHS } from '../../src/formats/canonical/limits.js';
import { HISTORY_NO_DATA, HISTORY_PROFILE_FIELD } from '../../src/formats/canonical/record-fields.js';
import {
  type HistoryProfile,
  historyMonths,
  profileMonths,
  timelineWithHistory,
} from '../../src/report/history-profile.js';

const month = fc
  .record({ year: fc.integer({ min: 1990, max: 2150 }), m: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, m }) => `${year}-${String(m).padStart(2, '0')}`);
const character = fc.constantFrom(HISTORY_NO_DATA, ...REPAYMENT_STATUSES);
const statuses = (minLength: number, maxLength: number) =>
  fc.array(character, { minLength, maxLength }).map((cs) => cs.join(''));
const profile: fc.Arbitrary<HistoryProfile> = fc.record({
  endMonth: month,
  statuses: statuses(1, MAX_HISTORY_PROFILE_MONTHS),
});

describe('profileMonths', () => {
  test('property: 24 characters are 24 consecutive months ending at the end month, newest first', () => {
    fc.assert(
      fc.property(month, statuses(MAX_HISTORY_PROFILE_MONTHS, MAX_HISTORY_PROFILE_MONTHS), (end, chars) => {
        const months = profileMonths({ endMonth: end, statuses: chars });
        assert.equal(months.length, 24);
        assert.equal(months[0]!.month, end);
        assert.equal(months[23]!.month, addMonths(end, -23));
        for (let i = 1; i < months.length; i++)
          assert.equal(monthsBetween(months[i]!.month, months[i - 1]!.month), 1);
        for (const [i, m] of months.entries())
          assert.equal(m.status, chars[i] === HISTORY_NO_DATA ? null : chars[i]);
      }),
    );
  });

  test('property: every profile the format accepts expands to one month per character', () => {
    const pattern =
      HISTORY_PROFILE_FIELD.type.kind === 'text' ? HISTORY_PROFILE_FIELD.type.pattern : undefined;
    fc.assert(
      fc.property(profile, (p) => {
        assert.ok(pattern?.test(p.statuses), p.statuses);
        assert.equal(profileMonths(p).length, p.statuses.length);
      }),
    );
  });

  test('the example: N, 2, no history', () => {
    assert.deepEqual(profileMonths({ endMonth: '2025-04', statuses: 'N2-' }), [
      { month: '2025-04', status: 'N' },
      { month: '2025-03', status: '2' },
      { month: '2025-02', status: null },
    ]);
    // Across a year boundary.
    assert.deepEqual(
      profileMonths({ endMonth: '2025-01', statuses: 'NG' }).map((m) => m.month),
      ['2025-01', '2024-12'],
    );
  });

  test('at most MAX_HISTORY_PROFILE_MONTHS months, whatever the text', () => {
    assert.equal(profileMonths({ endMonth: '2025-01', statuses: 'N'.repeat(30) }).length, 24);
  });
});

describe('historyMonths', () => {
  const onFileArb = fc.uniqueArray(month, { maxLength: 30 });

  test('property: never a month on file, never before the first month, only statuses, oldest first', () => {
    fc.assert(
      fc.property(fc.array(profile, { maxLength: 5 }), onFileArb, month, (profiles, onFile, first) => {
        const filled = historyMonths(profiles, new Set(onFile), first);
        const described = new Set(profiles.flatMap((p) => profileMonths(p).map((m) => m.month)));
        for (const m of filled) {
          assert.ok(!onFile.includes(m.month), `${m.month} has a monthly state`);
          assert.ok(m.month >= first, `${m.month} is before ${first}`);
          assert.ok(described.has(m.month));
          assert.ok((REPAYMENT_STATUSES as readonly string[]).includes(m.status));
        }
        for (let i = 1; i < filled.length; i++) assert.ok(filled[i - 1]!.month < filled[i]!.month);
      }),
    );
  });

  test('property: each month takes the newest profile that has a status for it; every such month is filled', () => {
    fc.assert(
      fc.property(fc.array(profile, { maxLength: 5 }), onFileArb, (profiles, onFile) => {
        const filled = new Map(
          historyMonths(profiles, new Set(onFile), '1900-01').map((m) => [m.month, m.status]),
        );
        const expected = new Map<string, string>();
        const newestFirst = [...profiles].sort((a, b) =>
          a.endMonth > b.endMonth ? -1 : a.endMonth < b.endMonth ? 1 : 0,
        );
        for (const p of newestFirst)
          for (const m of profileMonths(p))
            if (m.status !== null && !onFile.includes(m.month) && !expected.has(m.month))
              expected.set(m.month, m.status);
        assert.deepEqual(filled, expected);
      }),
    );
  });

  test('a real month keeps its status; a later profile overrides an earlier one; no history says nothing', () => {
    const filled = historyMonths(
      [
        { endMonth: '2025-04', statuses: 'N-3' }, // 2025-04 N, 2025-03 none, 2025-02 3
        { endMonth: '2025-03', statuses: '212' }, // 2025-03 2, 2025-02 1, 2025-01 2
      ],
      new Set(['2025-04']),
      '2025-01',
    );
    assert.deepEqual(filled, [
      { month: '2025-01', status: '2' },
      { month: '2025-02', status: '3' },
      { month: '2025-03', status: '2' },
    ]);
  });
});

describe('timelineWithHistory', () => {
  const state = (status: 'N' | '2') => ({ status });
  test('without profile months: the months themselves', () => {
    const months = [{ month: '2025-01', state: state('N') }];
    assert.equal(timelineWithHistory(months, undefined, '2025-05'), months);
    assert.equal(timelineWithHistory(months, [], '2025-05'), months);
  });
  test('profile months join the monthly states in order, up to the last full month, never over one', () => {
    const months = [
      { month: '2025-01', state: state('N') },
      { month: '2025-03', state: state('N') },
    ];
    const timeline = timelineWithHistory(
      months,
      [
        { month: '2024-12', status: '2' },
        { month: '2025-02', status: '2' },
        { month: '2025-03', status: '2' },
        { month: '2025-06', status: '2' },
      ],
      '2025-05',
    );
    assert.deepEqual(
      timeline.map((m) => `${m.month} ${m.state.status}`),
      ['2024-12 2', '2025-01 N', '2025-02 2', '2025-03 N'],
    );
  });
});
