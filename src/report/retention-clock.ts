/**
 * The retention clock that starts at the date of first delinquency (a profile whose
 * `negativeDataClock` is 'first_delinquency': the US, FCRA 605(a) and (c)). An account's negative
 * data is no longer shown from the day `negativeDataRetention_years` years after its date of first
 * delinquency, counted from `negativeDataClockOffset_days` days later for a collection or a
 * charge-off. This clock runs beside the rule every profile applies (each negative episode hidden
 * that many years after it ended): whichever hides a month first hides it. Without a date of
 * first delinquency on the account, or under a profile with the 'event_end' clock (China), it
 * hides nothing.
 *
 * @example
 *   firstDelinquencyExpiry('2017-03-10', 180, 7) // '2024-09-06': hidden from that day on
 */
import { daysInMonth } from '../domain/calendar.js';
import type { AccountType, RepaymentStatus } from '../domain/codes.js';
import type { JurisdictionProfile } from '../domain/jurisdiction.js';
import type { AccountTerms } from '../formats/canonical/record-types.js';
import type { TimelineMonth } from './history-profile.js';

/**
 * Statuses that mean the debt was charged off: G written off (Metro 2 97 and L, G in the
 * profile), B bad debt.
 *
 * @example
 *   CHARGE_OFF_STATUSES.includes('G') // true
 */
export const CHARGE_OFF_STATUSES: readonly RepaymentStatus[] = ['G', 'B'];
/**
 * The account type of a debt placed for collection.
 *
 * @example
 *   terms.account_type === COLLECTION_ACCOUNT_TYPE // a collection account
 */
export const COLLECTION_ACCOUNT_TYPE: AccountType = 'C1';

const MS_PER_DAY = 86_400_000;

/**
 * The date `days` days after `date` (YYYY-MM-DD, UTC calendar).
 *
 * @example
 *   addDays('2024-02-28', 2) // '2024-03-01'
 */
export function addDays(date: string, days: number): string {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(ms + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The same day `years` calendar years after `date`; 29 February becomes 28 February in a year
 * that has none.
 *
 * @example
 *   addYears('2024-02-29', 7) // '2031-02-28'
 */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${date.slice(5, 7)}-${String(day).padStart(2, '0')}`;
}

/**
 * The first day on which negative data of a delinquency that began on `firstDelinquency` is no
 * longer shown: `offsetDays` days later, then `years` years later.
 *
 * @example
 *   firstDelinquencyExpiry('2018-01-15', 0, 7) // '2025-01-15'
 */
export function firstDelinquencyExpiry(firstDelinquency: string, offsetDays: number, years: number): string {
  return addYears(addDays(firstDelinquency, offsetDays), years);
}

/**
 * True for a collection account (C1) or an account with a charged-off month (G, B): the ones
 * whose clock starts the profile's offset (180 days in the US) after the date of first delinquency.
 *
 * @example
 *   isCollectionOrChargeOff('R2', ['N', '2', 'G']) // true
 */
export function isCollectionOrChargeOff(
  accountType: AccountType,
  statuses: readonly RepaymentStatus[],
): boolean {
  return accountType === COLLECTION_ACCOUNT_TYPE || statuses.some((s) => CHARGE_OFF_STATUSES.includes(s));
}

/**
 * True when every negative month of the account is past the first-delinquency clock on
 * `reportDate` (YYYY-MM-DD): the profile runs that clock, the account has a date of first
 * delinquency, and `reportDate` is on or after its expiry. `months`: the account's months as the
 * report sees them (monthly states and profile months), to tell a charge-off.
 *
 * @example
 *   negativeDataExpired(terms, [{ month: '2018-01', state: { status: 'G' } }], US_PROFILE, '2024-09-06')
 *   // true with first_delinquency_date '2017-03-10'
 */
export function negativeDataExpired(
  terms: AccountTerms,
  months: readonly TimelineMonth[],
  profile: JurisdictionProfile,
  reportDate: string,
): boolean {
  const firstDelinquency = terms.first_delinquency_date;
  if (profile.negativeDataClock !== 'first_delinquency' || firstDelinquency === undefined) return false;
  const statuses = months.map((m) => m.state.status);
  const offsetDays = isCollectionOrChargeOff(terms.account_type, statuses)
    ? profile.negativeDataClockOffset_days
    : 0;
  return (
    reportDate >= firstDelinquencyExpiry(firstDelinquency, offsetDays, profile.negativeDataRetention_years)
  );
}
