/**
 * Dates as `YYYY-MM-DD` and months as `YYYY-MM` strings, compared as strings (they sort).
 *
 * @example
 *   isCalendarDate('2024-02-29') // true
 *   monthOf('2024-02-29')        // '2024-02'
 */

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The number written by `length` ASCII digits from `start`, or -1 when one is not a digit.
 *  (Checks run once per furnished field: no regular expression, no allocation.) */
function digits(value: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** True for a real calendar date `YYYY-MM-DD` between years 1900 and 2199. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  return (
    year >= 1900 && year <= 2199 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** True for a month `YYYY-MM` between 1900-01 and 2199-12. */
export function isCalendarMonth(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 7 || value[4] !== '-') return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  return year >= 1900 && year <= 2199 && month >= 1 && month <= 12;
}

/** The month `YYYY-MM` of a date `YYYY-MM-DD`. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Today's date in UTC as `YYYY-MM-DD` (or of the given instant). */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The month `YYYY-MM` that is `delta` months after `month` (negative goes back). */
export function addMonths(month: string, delta: number): string {
  const year = Number(month.slice(0, 4));
  const index = year * 12 + (Number(month.slice(5, 7)) - 1) + delta;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (`YYYY-MM`), negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    (Number(to.slice(5, 7)) - Number(from.slice(5, 7)))
  );
}
