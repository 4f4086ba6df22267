/**
 * How bad a monthly repayment status is, as a level 0-9, so that "worst status" is a number that
 * compares and "delinquency" has one definition.
 *
 * | level | statuses | meaning |
 * |---|---|---|
 * | 0 | N C * # M | nothing overdue at month end (M: paid late within the month; #: unknown) |
 * | 1..7 | 1..7 | overdue 1-30 ... over 180 days |
 * | 8 | D Z | repaid by the guarantor, or with assets |
 * | 9 | G B | written off, bad debt |
 *
 * A month is delinquent when its level is 1 or more.
 *
 * @example
 *   statusLevel('3') // 3
 *   statusLevel('G') // 9
 *   isDelinquent('M') // false
 */
import type { RepaymentStatus } from '../domain/codes.js';

/** The level of each status (see the module comment). */
export const STATUS_LEVELS: Readonly<Record<RepaymentStatus, number>> = {
  N: 0,
  C: 0,
  '*': 0,
  '#': 0,
  M: 0,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
  D: 8,
  Z: 8,
  G: 9,
  B: 9,
};

/** Levels and the statuses they gather, for documents. */
export const STATUS_LEVEL_TABLE: readonly { level: string; statuses: string; meaning: string }[] = [
  {
    level: '0',
    statuses: 'N C * # M',
    meaning: 'nothing overdue at month end (M paid late within the month)',
  },
  { level: '1..7', statuses: '1..7', meaning: 'overdue 1-30, 31-60, ..., over 180 days' },
  { level: '8', statuses: 'D Z', meaning: 'repaid by the guarantor or with assets' },
  { level: '9', statuses: 'G B', meaning: 'written off, bad debt' },
];

/**
 * The level of a status; an unknown code (never furnished: validation refuses it) is 0.
 *
 * @example
 *   statusLevel('N') // 0
 */
export function statusLevel(status: RepaymentStatus): number {
  return STATUS_LEVELS[status] ?? 0;
}

/**
 * True when a month with this status is a delinquency (level 1 or more).
 *
 * @example
 *   isDelinquent('1') // true
 */
export function isDelinquent(status: RepaymentStatus): boolean {
  return statusLevel(status) >= 1;
}
