/**
 * The look-back windows of the multi-lending indicators (DOMAIN.md section 6) and the one edge
 * rule every windowed indicator follows.
 *
 * Edge rule. A window ends at `asOf` (an ISO-8601 instant, read as UTC) and starts at
 * `asOf - 7 days` (7d) or `asOf - N calendar months` (1m, 3m, 6m, 12m: same day of month and
 * time of day, the day clamped to the end of a shorter month, so 31 March minus 1 month is
 * 28 or 29 February). The window is half-open, `(start, asOf]`:
 *  - an instant `at` (an inquiry) is inside when `start < at <= asOf`: exactly at the start is
 *    outside, one millisecond later is inside, `asOf` itself is inside;
 *  - a date `d` (an account's open date, `YYYY-MM-DD`) is inside when
 *    `utcDate(start) < d <= utcDate(asOf)`: the 7 (or 28-31 x N) calendar days ending with the
 *    UTC date of `asOf`. A date on the start's own UTC date is outside.
 *
 * @example
 *   const w = windowBounds(Date.parse('2025-07-15T10:00:00Z'), WINDOW_BY_ID['1m']);
 *   w.startDate // '2025-06-15': open dates from '2025-06-16' to '2025-07-15' are inside
 *   isInstantInWindow(Date.parse('2025-06-15T10:00:00Z'), w) // false (exactly at the start)
 */
import { daysInMonth } from '../domain/calendar.js';

/** Milliseconds in a day. */
export const DAY_ms = 86_400_000;

/** A window of days or of calendar months, with its id as used in indicator names. */
export type IndicatorWindow =
  | { readonly id: '7d'; readonly days: number; readonly label: string }
  | { readonly id: '1m' | '3m' | '6m' | '12m'; readonly months: number; readonly label: string };

/** The 7-day window, in days. */
export const WINDOW_7D_days = 7;
/** The month windows, in calendar months. */
export const WINDOW_1M_months = 1;
export const WINDOW_3M_months = 3;
export const WINDOW_6M_months = 6;
export const WINDOW_12M_months = 12;

/** The windows of the indicators, shortest first. */
export const INDICATOR_WINDOWS: readonly IndicatorWindow[] = [
  { id: '7d', days: WINDOW_7D_days, label: '7 days' },
  { id: '1m', months: WINDOW_1M_months, label: '1 month' },
  { id: '3m', months: WINDOW_3M_months, label: '3 months' },
  { id: '6m', months: WINDOW_6M_months, label: '6 months' },
  { id: '12m', months: WINDOW_12M_months, label: '12 months' },
];

/** Ids of the windows, as they appear in indicator names. */
export type WindowId = IndicatorWindow['id'];
export const WINDOW_IDS = INDICATOR_WINDOWS.map((w) => w.id) as readonly WindowId[];

/** The windows by id. */
export const WINDOW_BY_ID = Object.fromEntries(INDICATOR_WINDOWS.map((w) => [w.id, w])) as Readonly<
  Record<WindowId, IndicatorWindow>
>;

/** Where a window starts and ends, as instants and as UTC dates. */
export interface WindowBounds {
  /** Exclusive start (ms since the epoch). */
  startMs: number;
  /** Inclusive end: `asOf` (ms since the epoch). */
  endMs: number;
  /** UTC date of the start, `YYYY-MM-DD`: open dates must be after it. */
  startDate: string;
  /** UTC date of `asOf`, `YYYY-MM-DD`: open dates must not be after it. */
  endDate: string;
}

/**
 * Milliseconds of an ISO-8601 instant; throws a RangeError naming `what` on a value that is not one.
 *
 * @example
 *   instantMs('2025-07-15T10:00:00Z', 'asOf') // 1752573600000
 */
export function instantMs(at: string, what: string): number {
  const ms = typeof at === 'string' ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not an ISO-8601 instant: '${String(at)}'`);
  return ms;
}

/**
 * The UTC date `YYYY-MM-DD` of an instant.
 *
 * @example
 *   utcDate(Date.parse('2025-07-15T23:30:00+08:00')) // '2025-07-15'
 */
export function utcDate(ms: number): string {
  const day = Math.floor(ms / DAY_ms);
  let date = UTC_DATES.get(day);
  if (date === undefined) {
    date = new Date(ms).toISOString().slice(0, 10);
    if (UTC_DATES.size >= MAX_CACHED_UTC_DATES) UTC_DATES.clear();
    UTC_DATES.set(day, date);
  }
  return date;
}

/**
 * Days whose UTC date is kept by utcDate (a report asks for the dates of a few dozen days, each
 * many times; formatting one with toISOString costs about a microsecond). Past it, the cache
 * starts again.
 */
export const MAX_CACHED_UTC_DATES = 4_096;
const UTC_DATES = new Map<number, string>();

/**
 * The UTC month `YYYY-MM` of an instant.
 *
 * @example
 *   utcMonth(Date.parse('2025-07-15T10:00:00Z')) // '2025-07'
 */
export function utcMonth(ms: number): string {
  return utcDate(ms).slice(0, 7);
}

/**
 * The instant `months` calendar months before `ms` (UTC): same day of month and time of day,
 * the day clamped to the end of a shorter month.
 *
 * @example
 *   new Date(minusCalendarMonths(Date.parse('2025-03-31T08:00:00Z'), 1)).toISOString()
 *   // '2025-02-28T08:00:00.000Z'
 */
export function minusCalendarMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const index = d.getUTCFullYear() * 12 + d.getUTCMonth() - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12; // 0-based
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month + 1));
  const result = new Date(0);
  result.setUTCFullYear(year, month, day);
  result.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return result.getTime();
}

/**
 * The bounds of `window` ending at `asOfMs` (see the module comment for the edge rule).
 *
 * @example
 *   windowBounds(Date.parse('2025-07-15T10:00:00Z'), WINDOW_BY_ID['7d']).startDate // '2025-07-08'
 */
export function windowBounds(asOfMs: number, window: IndicatorWindow): WindowBounds {
  const startMs =
    'days' in window ? asOfMs - window.days * DAY_ms : minusCalendarMonths(asOfMs, window.months);
  return { startMs, endMs: asOfMs, startDate: utcDate(startMs), endDate: utcDate(asOfMs) };
}

/**
 * True when the instant `ms` is in the window: `start < ms <= asOf`.
 *
 * @example
 *   isInstantInWindow(bounds.endMs, bounds) // true: asOf itself is inside
 */
export function isInstantInWindow(ms: number, bounds: WindowBounds): boolean {
  return ms > bounds.startMs && ms <= bounds.endMs;
}

/**
 * True when the date `YYYY-MM-DD` is in the window: `utcDate(start) < date <= utcDate(asOf)`.
 *
 * @example
 *   isDateInWindow('2025-07-15', windowBounds(Date.parse('2025-07-15T00:00:00Z'), WINDOW_BY_ID['7d'])) // true
 */
export function isDateInWindow(date: string, bounds: WindowBounds): boolean {
  return date > bounds.startDate && date <= bounds.endDate;
}
