/**
 * The outcome the bureau score predicts, and who is observed for it. A person is **bad** when
 * any of their accounts has a monthly state of status level 3 or more (src/risk/status-levels.ts:
 * three or more periods overdue, the third missed monthly payment being about 90 days past its
 * due date; or repaid by a guarantor or with assets, written off, bad debt) in one of the
 * `OUTCOME_MONTHS` (12) months after the observation month; good otherwise.
 *
 * At the observation month a person is **scorable** when at least one account was opened by
 * then (no history: no score), and **already bad** when an open account is at level 3 or more in
 * that month: such persons are scored but left out of training, as the outcome is then known.
 *
 * @example
 *   isBadWithin(file, '2025-06'); // true: a month from 2025-07 to 2026-06 at level >= 3
 */
import { addMonths } from '../../domain/calendar.js';
import type { PersonFile } from '../../report/report-types.js';
import { monthsUpTo } from '../../risk/account-snapshot.js';
import { statusLevel } from '../../risk/status-levels.js';
import { monthEndInstant } from './observation.js';

/**
 * Months after the observation month in which the outcome is looked for; the status level from
 * which a month is bad (3: three or more periods overdue, and worse); the outcome in words,
 * written into every model.
 *
 * @example
 *   statusLevel('3') >= BAD_STATUS_LEVEL; // true
 */
export const OUTCOME_MONTHS = 12;
export const BAD_STATUS_LEVEL = 3;
export const OUTCOME_DESCRIPTION = `status level ${BAD_STATUS_LEVEL}+ (90+ days overdue, or worse) on any account within ${OUTCOME_MONTHS} months`;

/**
 * True when an account of `file` has a monthly state at level >= 3 in the `months` months after
 * `month` (from month + 1 to month + months, both included).
 *
 * @example
 *   isBadWithin(file, '2025-06', 12);
 */
export function isBadWithin(file: PersonFile, month: string, months: number = OUTCOME_MONTHS): boolean {
  if (!Number.isInteger(months) || months < 1)
    throw new RangeError(`outcome months must be >= 1, got ${months}`);
  const last = addMonths(month, months);
  for (const account of file.accounts)
    for (const m of monthsUpTo(account, last))
      if (m.month > month && statusLevel(m.state.status) >= BAD_STATUS_LEVEL) return true;
  return false;
}

/**
 * True when the person had an account opened on or before the last day of `month`.
 *
 * @example
 *   isScorable(file, '2025-06'); // false for a person whose first account opened in July 2025
 */
export function isScorable(file: PersonFile | null, month: string): boolean {
  if (!file) return false;
  const end = monthEndInstant(month).slice(0, 10);
  return file.accounts.some((a) => a.terms.open_date <= end);
}

/**
 * True when an account's monthly state of `month` itself is at level >= 3 (the outcome is known
 * already: left out of training and of the hold-out).
 *
 * @example
 *   isAlreadyBad(file, '2025-06');
 */
export function isAlreadyBad(file: PersonFile, month: string): boolean {
  for (const account of file.accounts) {
    const latest = monthsUpTo(account, month).at(-1);
    if (latest && latest.month === month && statusLevel(latest.state.status) >= BAD_STATUS_LEVEL) return true;
  }
  return false;
}
