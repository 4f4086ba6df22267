/**
 * Reads a person's payment history profiles for a report and turns them into the months they fill
 * (src/report/history-profile.ts): months with no monthly state on file, deleted ones included
 * (a month the furnisher deleted does not come back through a profile). Both queries filter on
 * the person key (one Citus shard); the second runs only for a person with profiles.
 *
 * @example
 *   await attachHistoryMonths(tx, personId, accountsById); // sets FileAccount.historyMonths
 */
import type { Kysely } from 'kysely';
import { monthOf } from '../domain/calendar.js';
import { type HistoryProfile, historyMonths } from '../report/history-profile.js';
import type { FileAccount } from '../report/report-types.js';
import { preparedQuery } from './prepared-query.js';
import type { Database } from './schema-types.js';

/**
 * Profiles read for one report, at most (one per account and month, like monthly states).
 *
 * @example
 *   rows.length > MAX_HISTORY_PROFILES_PER_REPORT // refused: the file is too large to report
 */
export const MAX_HISTORY_PROFILES_PER_REPORT = 20_000;

const profilesOfPerson = preparedQuery((db, personId: number) =>
  db
    .selectFrom('account_history_profiles')
    .select(['account_id', 'end_month', 'statuses'])
    .where('person_id', '=', personId)
    .limit(MAX_HISTORY_PROFILES_PER_REPORT + 1),
);

const deletedMonthsOfPerson = preparedQuery((db, personId: number) =>
  db
    .selectFrom('account_months')
    .select(['account_id', 'month'])
    .where('person_id', '=', personId)
    .where('deleted', '=', 1),
);

/**
 * Sets `historyMonths` on each account of `accounts` (by account id) that has profile months to
 * show; leaves the others untouched. Throws beyond MAX_HISTORY_PROFILES_PER_REPORT profiles.
 *
 * @example
 *   await attachHistoryMonths(db, 7, new Map([[12, account]]));
 */
export async function attachHistoryMonths(
  db: Kysely<Database>,
  personId: number,
  accounts: ReadonlyMap<number, FileAccount>,
): Promise<void> {
  const rows = await profilesOfPerson.rows(db, personId);
  if (rows.length === 0) return;
  if (rows.length > MAX_HISTORY_PROFILES_PER_REPORT)
    throw new Error(
      `a person's file holds more than ${MAX_HISTORY_PROFILES_PER_REPORT} payment history profiles`,
    );
  const profiles = new Map<number, HistoryProfile[]>();
  for (const r of rows) {
    const id = Number(r.account_id);
    const list = profiles.get(id) ?? [];
    list.push({ endMonth: r.end_month, statuses: r.statuses });
    profiles.set(id, list);
  }
  const deleted = new Map<number, string[]>();
  for (const r of await deletedMonthsOfPerson.rows(db, personId)) {
    const id = Number(r.account_id);
    deleted.set(id, [...(deleted.get(id) ?? []), r.month]);
  }
  for (const [id, list] of profiles) {
    const account = accounts.get(id);
    if (!account) continue;
    const onFile = new Set([...account.months.map((m) => m.month), ...(deleted.get(id) ?? [])]);
    const months = historyMonths(list, onFile, monthOf(account.terms.open_date));
    if (months.length > 0) account.historyMonths = months;
  }
}
