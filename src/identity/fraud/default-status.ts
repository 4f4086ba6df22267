/**
 * When a ring member counts as in default: a monthly status 90+ days overdue (4: 91-120 days, up
 * to 7: over 180), repaid by a guarantor or with assets (D, Z), written off or bad debt (G, B):
 * every status of level 4 or more (src/risk/status-levels.ts).
 *
 * @example
 *   DEFAULT_STATUSES.includes('4') // true
 *   DEFAULT_STATUSES.includes('3') // false: 61-90 days
 */
import type { RepaymentStatus } from '../../domain/codes.js';
import { STATUS_LEVELS } from '../../risk/status-levels.js';

/**
 * The lowest status level that is a default.
 *
 * @example
 *   statusLevel('4') >= DEFAULT_STATUS_LEVEL // true
 */
export const DEFAULT_STATUS_LEVEL = 4;

/**
 * The statuses of a default, as furnished.
 *
 * @example
 *   DEFAULT_STATUSES // ['4', '5', '6', '7', 'D', 'Z', 'G', 'B']
 */
export const DEFAULT_STATUSES: readonly RepaymentStatus[] = (
  Object.entries(STATUS_LEVELS) as [RepaymentStatus, number][]
)
  .filter(([, level]) => level >= DEFAULT_STATUS_LEVEL)
  .map(([status]) => status);
