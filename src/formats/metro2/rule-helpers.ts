/**
 * Small helpers shared by the rule lists: a typed constructor, the shared empty answer, and date
 * and status phrases for messages.
 *
 * @example
 *   const r = recordRule<'accountStatus'>({ id: 'X', ..., check: (r) => (r.text('accountStatus') ? none : one(...)) });
 */
import { formatDate } from './bytes.js';
import type { RecordRule, RuleViolation } from './rule-types.js';

/** Shared answer of a check that found nothing; frozen so no check can add to it. */
export const none = Object.freeze([]) as unknown as readonly RuleViolation[];
export const one = (field: string, message: string): readonly RuleViolation[] => [{ field, message }];

/** A record rule reading the fields named N. */
export function recordRule<N extends string>(rule: Omit<RecordRule<N>, 'kind'>): RecordRule {
  return { kind: 'record', ...rule } as unknown as RecordRule;
}

/** YYYYMMDD as YYYY-MM-DD for messages. */
export const day = (yyyymmdd: number) => formatDate(yyyymmdd);

/** Whole years from one YYYYMMDD date to another. */
export const yearsBetween = (from: number, to: number) => Math.floor((to - from) / 10000);

const STATUS_MEANINGS: Readonly<Record<string, string>> = {
  '05': 'transferred',
  '11': 'current',
  '13': 'paid or closed',
  '61': 'paid, was a voluntary surrender',
  '62': 'paid, was a collection',
  '63': 'paid, was a repossession',
  '64': 'paid, was a charge-off',
  '65': 'paid, a foreclosure was started',
  '71': '30-59 days past due',
  '78': '60-89 days past due',
  '80': '90-119 days past due',
  '82': '120-149 days past due',
  '83': '150-179 days past due',
  '84': '180+ days past due',
  '88': 'claim filed with the government',
  '89': 'deed received in lieu of foreclosure',
  '93': 'assigned to collections',
  '94': 'foreclosure completed',
  '95': 'voluntary surrender',
  '96': 'merchandise repossessed',
  '97': 'charged off',
  DA: 'delete account',
  DF: 'delete account, fraud',
};

/** "status 13 (paid or closed)". */
export const status = (code: string) =>
  `status ${code}${STATUS_MEANINGS[code] ? ` (${STATUS_MEANINGS[code]})` : ''}`;
