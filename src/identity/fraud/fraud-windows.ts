/**
 * The look-back windows of the fraud signals: 1, 3, 6 and 12 calendar months for identity links,
 * and 1 day, 7 days, 1 and 12 months for hard-inquiry velocity. Each window follows the edge rule
 * of the multi-lending indicators (src/risk/time-windows.ts): it ends at `asOf` and is half-open,
 * `(start, asOf]`; a date `d` is inside when `utcDate(start) < d <= utcDate(asOf)`.
 *
 * @example
 *   const w = fraudWindowBounds(Date.parse('2025-07-15T10:00:00Z'), '3m');
 *   w.startDate // '2025-04-15': reports dated 2025-04-16 .. 2025-07-15 are inside
 */
import { DAY_ms, minusCalendarMonths, utcDate, type WindowBounds } from '../../risk/time-windows.js';

/**
 * Windows of the identity-link signals, in calendar months.
 *
 * @example
 *   IDENTITY_WINDOW_IDS[0] // '1m'
 */
export const IDENTITY_WINDOW_IDS = ['1m', '3m', '6m', '12m'] as const;
export type IdentityWindowId = (typeof IDENTITY_WINDOW_IDS)[number];

/**
 * Windows of the hard-inquiry velocity signal.
 *
 * @example
 *   VELOCITY_WINDOW_IDS[0] // '1d'
 */
export const VELOCITY_WINDOW_IDS = ['1d', '7d', '1m', '12m'] as const;
export type VelocityWindowId = (typeof VELOCITY_WINDOW_IDS)[number];

/** Every window id a signal may carry; 'all' is the whole file (no window). */
export type FraudWindowId = IdentityWindowId | VelocityWindowId | 'all';

const LENGTHS: Readonly<Record<Exclude<FraudWindowId, 'all'>, { days?: number; months?: number }>> = {
  '1d': { days: 1 },
  '7d': { days: 7 },
  '1m': { months: 1 },
  '3m': { months: 3 },
  '6m': { months: 6 },
  '12m': { months: 12 },
};

/**
 * Words for a window, for warnings and descriptions.
 *
 * @example
 *   windowLabel('3m') // 'the last 3 months'
 */
export function windowLabel(id: FraudWindowId): string {
  if (id === 'all') return 'the whole file';
  const { days, months } = LENGTHS[id];
  if (days === 1) return 'the last day';
  if (days !== undefined) return `the last ${days} days`;
  return months === 1 ? 'the last month' : `the last ${months} months`;
}

/**
 * Where a window starts and ends (see the module comment for the edge rule).
 *
 * @example
 *   fraudWindowBounds(Date.parse('2025-07-15T10:00:00Z'), '1d').startDate // '2025-07-14'
 */
export function fraudWindowBounds(asOfMs: number, id: Exclude<FraudWindowId, 'all'>): WindowBounds {
  const { days, months } = LENGTHS[id];
  const startMs = days !== undefined ? asOfMs - days * DAY_ms : minusCalendarMonths(asOfMs, months ?? 0);
  return { startMs, endMs: asOfMs, startDate: utcDate(startMs), endDate: utcDate(asOfMs) };
}

/**
 * The UTC date `months` calendar months before the instant `asOf`: the exclusive lower bound of
 * what a store reads for a look-back of that length.
 *
 * @example
 *   lookbackStartDate('2025-07-15T10:00:00Z', 12) // '2024-07-15'
 */
export function lookbackStartDate(asOf: string, months: number): string {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`look-back: bad months ${months}`);
  return utcDate(minusCalendarMonths(Date.parse(asOf), months));
}
