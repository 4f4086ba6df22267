/**
 * The total credit limit of revolving accounts (R1-R4), counting a shared limit once: accounts of
 * the same furnisher and currency that report the same `shared_limit_minor` share one limit, and
 * when two or more of them do, the shared limit counts once in place of their own limits. A single
 * account reporting a shared limit counts its own limit (`amount_minor`). The credit report's
 * credit-line summary uses this function too.
 *
 * @example
 *   revolvingLimitTotal([card(5_000_00), card(3_000_00)]) // 8_000_00
 */
import type { FileAccount } from '../report/report-types.js';

/**
 * Sum of the limits of `accounts` (all revolving and of one currency), a shared limit once.
 *
 * @example
 *   revolvingLimitTotal([]) // 0
 */
export function revolvingLimitTotal(accounts: readonly FileAccount[]): number {
  const groups = new Map<string, FileAccount[]>();
  let total = 0;
  for (const a of accounts) {
    const shared = a.terms.shared_limit_minor;
    if (shared === undefined) {
      total += a.terms.amount_minor;
      continue;
    }
    const key = JSON.stringify([a.furnisher.code, a.terms.currency, shared]);
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  for (const group of groups.values()) {
    if (group.length >= 2) total += group[0]!.terms.shared_limit_minor!;
    else total += group[0]!.terms.amount_minor;
  }
  return total;
}
