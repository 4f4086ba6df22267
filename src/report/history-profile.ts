/**
 * Payment history profiles as months. A profile (Metro 2 field 18, furnished in status codes with
 * a monthly state) gives the statuses of up to 24 consecutive months ending at its end month,
 * newest first; '-' says nothing about its month. The months a report may fill from profiles are
 * those with no monthly state on file: a real state (even a deleted one) always keeps its month.
 * Where profiles overlap, the one with the latest end month that has a status for the month wins.
 *
 * @example
 *   profileMonths({ endMonth: '2025-04', statuses: 'N2-' })
 *   // [{ month: '2025-04', status: 'N' }, { month: '2025-03', status: '2' }, { month: '2025-02', status: null }]
 */
import { addMonths } from '../domain/calendar.js';
import { isOneOf, REPAYMENT_STATUSES, type RepaymentStatus } from '../domain/codes.js';
import { MAX_HISTORY_PROFILE_MONTHS } from '../formats/canonical/limits.js';
import type { FileHistoryMonth } from './report-types.js';

/**
 * One stored profile: `statuses[0]` is the status of `endMonth`, `statuses[i]` of i months before.
 *
 * @example
 *   const p: HistoryProfile = { endMonth: '2025-04', statuses: 'NN2' }; // April N, March N, February 2
 */
export interface HistoryProfile {
  endMonth: string;
  statuses: string;
}

/**
 * The months one profile describes, newest first: one per character (at most
 * MAX_HISTORY_PROFILE_MONTHS), consecutive, the first being `endMonth`; status null where the
 * character is not a status code (no history that month).
 *
 * @example
 *   profileMonths({ endMonth: '2025-01', statuses: 'NN' }).map((m) => m.month) // ['2025-01', '2024-12']
 */
export function profileMonths(profile: HistoryProfile): { month: string; status: RepaymentStatus | null }[] {
  const count = Math.min(profile.statuses.length, MAX_HISTORY_PROFILE_MONTHS);
  const out: { month: string; status: RepaymentStatus | null }[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const c = profile.statuses[i];
    out[i] = { month: addMonths(profile.endMonth, -i), status: isOneOf(REPAYMENT_STATUSES, c) ? c : null };
  }
  return out;
}

/**
 * The months profiles fill, oldest first: every month some profile gives a status for, from
 * `firstMonth` on (the account's open month: a profile says nothing of the time before it),
 * except the months in `onFile` (monthly states on file, deleted ones included). Each month takes
 * the status of the profile with the latest end month that has one.
 *
 * @example
 *   historyMonths([{ endMonth: '2025-04', statuses: 'N2' }], new Set(['2025-04']), '2020-01')
 *   // [{ month: '2025-03', status: '2' }]
 */
export function historyMonths(
  profiles: readonly HistoryProfile[],
  onFile: ReadonlySet<string>,
  firstMonth: string,
): FileHistoryMonth[] {
  const newestFirst = [...profiles].sort((a, b) =>
    a.endMonth > b.endMonth ? -1 : a.endMonth < b.endMonth ? 1 : 0,
  );
  const byMonth = new Map<string, RepaymentStatus>();
  for (const profile of newestFirst)
    for (const { month, status } of profileMonths(profile)) {
      if (status === null || month < firstMonth || onFile.has(month) || byMonth.has(month)) continue;
      byMonth.set(month, status);
    }
  return [...byMonth]
    .map(([month, status]) => ({ month, status }))
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

/**
 * A month of an account's timeline: a monthly state, or a profile month (a status alone).
 *
 * @example
 *   const m: TimelineMonth = { month: '2025-02', state: { status: '3' } };
 */
export interface TimelineMonth {
  month: string;
  state: { status: RepaymentStatus };
}

/**
 * The account's months up to `lastFullMonth` as one timeline, oldest first: the monthly states
 * (sorted, one per month) and the profile months of `history` for months none of them holds.
 * Without profile months, `months` itself.
 *
 * @example
 *   timelineWithHistory(months, [{ month: '2025-02', status: '3' }], '2025-05').map((m) => m.month)
 */
export function timelineWithHistory(
  months: readonly TimelineMonth[],
  history: readonly FileHistoryMonth[] | undefined,
  lastFullMonth: string,
): readonly TimelineMonth[] {
  if (history === undefined || history.length === 0) return months;
  const onFile = new Set(months.map((m) => m.month));
  const added = history
    .filter((h) => h.month <= lastFullMonth && !onFile.has(h.month))
    .map((h) => ({ month: h.month, state: { status: h.status } }));
  if (added.length === 0) return months;
  return [...months, ...added].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}
