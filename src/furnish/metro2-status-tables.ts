/**
 * How a Metro 2 account status (field 17A) and the characters of the payment history profile
 * (field 18) become CRC monthly repayment statuses, as data. Metro 2 counts delinquency from 30
 * days past due, the CRC grid from 1 day: Metro 2's first step (71, 30-59 days) is CRC status 2
 * (31-60 days) with 1 overdue period, and so on to 84 (180+ days) = CRC 7 with 6 periods.
 *
 * @example
 *   STATUS_RULES.get('78') // { kind: 'past_due', status: '3', periods: 2 }
 *   PAYMENT_HISTORY_STATUS.get('L') // 'G'
 */
import { addMonths, monthOf, monthsBetween } from '../domain/calendar.js';
import type { RepaymentStatus } from '../domain/codes.js';
import { MAX_OVERDUE_PERIODS } from '../formats/canonical/limits.js';
import { HISTORY_NO_DATA } from '../formats/canonical/record-fields.js';

/**
 * What a status says about the month:
 * - current: N, nothing overdue;
 * - past_due: an overdue status and periods of its own, the amount past due overdue;
 * - closed: C (settled), balance 0, nothing overdue;
 * - ended: a closing status (Z, D, G) with the balance and amount past due as reported;
 * - collected: overdue by the months since the date of first delinquency while a balance is
 *   owed (the amount past due overdue, or the balance when none is reported); with no balance,
 *   the account ended with `whenPaid`;
 * - delete: the account is deleted (DA, DF).
 */
export type StatusRule =
  | { kind: 'current' }
  | { kind: 'past_due'; status: RepaymentStatus; periods: number }
  | { kind: 'closed' }
  | { kind: 'ended'; status: 'Z' | 'D' | 'G'; keepOverdue: boolean }
  | { kind: 'collected'; whenPaid: 'C' | 'Z' }
  | { kind: 'delete'; reason: string };

export const STATUS_RULES: ReadonlyMap<string, StatusRule> = new Map<string, StatusRule>([
  ['11', { kind: 'current' }],
  ['71', { kind: 'past_due', status: '2', periods: 1 }],
  ['78', { kind: 'past_due', status: '3', periods: 2 }],
  ['80', { kind: 'past_due', status: '4', periods: 3 }],
  ['82', { kind: 'past_due', status: '5', periods: 4 }],
  ['83', { kind: 'past_due', status: '6', periods: 5 }],
  ['84', { kind: 'past_due', status: '7', periods: 6 }],
  ['05', { kind: 'closed' }],
  ['13', { kind: 'closed' }],
  ['62', { kind: 'closed' }],
  ['64', { kind: 'closed' }],
  ['61', { kind: 'ended', status: 'Z', keepOverdue: false }],
  ['63', { kind: 'ended', status: 'Z', keepOverdue: false }],
  ['65', { kind: 'ended', status: 'Z', keepOverdue: false }],
  ['88', { kind: 'ended', status: 'D', keepOverdue: true }],
  ['97', { kind: 'ended', status: 'G', keepOverdue: true }],
  ['93', { kind: 'collected', whenPaid: 'C' }],
  ['89', { kind: 'collected', whenPaid: 'Z' }],
  ['94', { kind: 'collected', whenPaid: 'Z' }],
  ['95', { kind: 'collected', whenPaid: 'Z' }],
  ['96', { kind: 'collected', whenPaid: 'Z' }],
  [
    'DA',
    { kind: 'delete', reason: 'Metro 2 DA: account deleted by the furnisher (reason other than fraud)' },
  ],
  ['DF', { kind: 'delete', reason: 'Metro 2 DF: confirmed fraud' }],
]);

/** The worst CRC overdue status (over 180 days). */
const WORST_OVERDUE = 7;

/**
 * Overdue periods and status of an account in collection: Metro 2's date of first delinquency is
 * the day it became 30 days past due, so in that month 1 period is overdue (CRC 2, as for status
 * 71), and one more each month after, up to CRC 7. An unknown or later date counts as 1 period.
 *
 * @example
 *   overdueSinceFirstDelinquency('2025-01-20', '2025-05-31') // { status: '6', periods: 5 }
 */
export function overdueSinceFirstDelinquency(
  firstDelinquency: string | null,
  accountInformation: string,
): { status: RepaymentStatus; periods: number } {
  const months =
    firstDelinquency === null ? 0 : monthsBetween(monthOf(firstDelinquency), monthOf(accountInformation));
  const periods = Math.min(MAX_OVERDUE_PERIODS, Math.max(1, months + 1));
  return { status: String(Math.min(WORST_OVERDUE, periods + 1)) as RepaymentStatus, periods };
}

/**
 * Payment history profile character to the CRC status of that month, or null for "no history"
 * (B: none before this month, D: none this month). The profile is furnished in these statuses
 * ({@link profileStatuses}) and fills the report's months that have no monthly state.
 */
export const PAYMENT_HISTORY_STATUS: ReadonlyMap<string, RepaymentStatus | null> = new Map<
  string,
  RepaymentStatus | null
>([
  ['0', 'N'],
  ['1', '2'],
  ['2', '3'],
  ['3', '4'],
  ['4', '5'],
  ['5', '6'],
  ['6', '7'],
  ['E', 'N'],
  ['G', 'G'],
  ['L', 'G'],
  ['H', 'Z'],
  ['J', 'Z'],
  ['K', 'Z'],
  ['B', null],
  ['D', null],
]);

/**
 * The CRC statuses of the 24 months before the month of account information, newest first, as
 * the payment history profile gives them (null where it has no history).
 *
 * @example
 *   paymentHistoryMonths('01BBBBBBBBBBBBBBBBBBBBBB', '2025-05')[1] // { month: '2025-03', status: '2' }
 */
export function paymentHistoryMonths(
  profile: string,
  month: string,
): { month: string; status: RepaymentStatus | null }[] {
  return [...profile].map((c, i) => ({
    month: addMonths(month, -(i + 1)),
    status: PAYMENT_HISTORY_STATUS.get(c) ?? null,
  }));
}

/**
 * The payment history profile in canonical status codes, newest first: each character's CRC
 * status, '-' where it has none (B, D, and any character outside the table); undefined when no
 * month has a status (a new account's BBB...: nothing to furnish).
 *
 * @example
 *   profileStatuses('01DL' + 'B'.repeat(20)) // 'N2-G--------------------'
 */
export function profileStatuses(profile: string): string | undefined {
  let out = '';
  let any = false;
  for (const c of profile) {
    const status = PAYMENT_HISTORY_STATUS.get(c) ?? null;
    if (status !== null) any = true;
    out += status ?? HISTORY_NO_DATA;
  }
  return any ? out : undefined;
}
