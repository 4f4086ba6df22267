/**
 * Each account of a person's file as it stands at an instant `asOf`, with the conventions of the
 * credit report:
 *  - an account exists from its open date: one opened after the UTC date of `asOf` is left out;
 *  - its months are those on file up to the UTC month of `asOf` (the running month counts when it
 *    is on file: a check is real time), one per month: should the file hold a month twice, the
 *    one reported last wins (then, for a total order, the greater state as JSON text);
 *  - it is closed when its latest month has a closing status (C, G, D, Z), open otherwise,
 *    including when no month is on file yet;
 *  - its figures now are those of its latest month. An account with no month yet (just opened,
 *    not yet reported) has as balance its amount when it is a loan (D1, C1: disbursed in full)
 *    and 0 when it is revolving (nothing drawn yet), and no scheduled payment or overdue amount.
 *
 * @example
 *   const open = snapshotsAsOf(file, Date.parse('2025-07-15T10:00:00Z')).filter((s) => s.open);
 */
import { CLOSING_STATUSES, REVOLVING_ACCOUNT_TYPES } from '../domain/codes.js';
import type { FileAccount, FileMonth, PersonFile } from '../report/report-types.js';
import { utcDate, utcMonth } from './time-windows.js';

/** One account at `asOf`. */
export interface AccountSnapshot {
  account: FileAccount;
  /** Months on file up to the month of `asOf`, one per month, oldest first. */
  months: FileMonth[];
  /** The last of `months`, or null when none is on file. */
  latest: FileMonth | null;
  open: boolean;
  /** R1-R4. */
  revolving: boolean;
  /** Balance now (see the module comment for an account not yet reported). */
  balance_minor: number;
  /** Used limit now: the latest month's used limit when reported, its balance otherwise. */
  used_minor: number;
  /** Scheduled payment of the latest month (0 when none). */
  scheduled_minor: number;
  /** Overdue amount of the latest month (0 when none). */
  overdue_minor: number;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when month `a` replaces month `b` of the same calendar month. */
function replaces(a: FileMonth, b: FileMonth): boolean {
  const byDate = compareText(a.reportedOn, b.reportedOn);
  if (byDate !== 0) return byDate > 0;
  return compareText(JSON.stringify(a.state), JSON.stringify(b.state)) > 0;
}

/**
 * The months of an account up to `lastMonth` (`YYYY-MM`), one per month, oldest first.
 *
 * @example
 *   monthsUpTo(account, '2025-07').at(-1)?.month // '2025-07' when that month is on file
 */
export function monthsUpTo(account: FileAccount, lastMonth: string): FileMonth[] {
  const byMonth = new Map<string, FileMonth>();
  for (const m of account.months) {
    if (m.month > lastMonth) continue;
    const seen = byMonth.get(m.month);
    if (!seen || replaces(m, seen)) byMonth.set(m.month, m);
  }
  return [...byMonth.values()].sort((a, b) => compareText(a.month, b.month));
}

/**
 * The snapshot of one account at `asOfMs`, or null when it opens after that date. `asOfDate` and
 * `asOfMonth` are the UTC date and month of `asOfMs` (given to spare computing them per account).
 *
 * @example
 *   snapshotOf(account, Date.parse('2025-07-15T10:00:00Z'))?.open // true
 */
export function snapshotOf(
  account: FileAccount,
  asOfMs: number,
  asOfDate = utcDate(asOfMs),
  asOfMonth = utcMonth(asOfMs),
): AccountSnapshot | null {
  if (account.terms.open_date > asOfDate) return null;
  const months = monthsUpTo(account, asOfMonth);
  const latest = months.at(-1) ?? null;
  const revolving = REVOLVING_ACCOUNT_TYPES.includes(account.terms.account_type);
  const open = !latest || !CLOSING_STATUSES.includes(latest.state.status);
  const balance_minor = latest ? latest.state.balance_minor : revolving ? 0 : account.terms.amount_minor;
  return {
    account,
    months,
    latest,
    open,
    revolving,
    balance_minor,
    used_minor: latest ? (latest.state.used_limit_minor ?? latest.state.balance_minor) : 0,
    scheduled_minor: latest?.state.scheduled_payment_minor ?? 0,
    overdue_minor: latest?.state.overdue_amount_minor ?? 0,
  };
}

/**
 * Every account of `file` that exists at `asOfMs`, as snapshots (an unknown person has none).
 *
 * @example
 *   snapshotsAsOf(null, Date.now()) // []
 */
export function snapshotsAsOf(file: PersonFile | null, asOfMs: number): AccountSnapshot[] {
  const out: AccountSnapshot[] = [];
  const asOfDate = utcDate(asOfMs);
  const asOfMonth = utcMonth(asOfMs);
  for (const account of file?.accounts ?? []) {
    const snapshot = snapshotOf(account, asOfMs, asOfDate, asOfMonth);
    if (snapshot) out.push(snapshot);
  }
  return out;
}
