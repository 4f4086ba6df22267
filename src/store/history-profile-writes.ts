/**
 * Writes the payment history profiles of one batch (furnished with monthly states): one row per
 * account and end month, keyed by person first; a profile furnished again for the same account
 * and end month replaces the earlier one (a profile is the furnisher's summary of months, not a
 * monthly state: the states keep their versions, the summary does not). Nothing to write, no
 * statement: batches without profiles run exactly as before.
 *
 * @example
 *   await writeHistoryProfiles(tx.db, plan.historyProfiles, person, batchPk);
 */
import type { Kysely } from 'kysely';
import type { HistoryProfileRow } from '../furnish/ports.js';
import { chunks, ROWS_PER_STATEMENT } from './chunks.js';
import type { Database } from './schema-types.js';

/**
 * Upserts the rows (the later of two rows with the same key wins, as in line order) in
 * multi-row statements of at most ROWS_PER_STATEMENT rows. `person` maps a person id the batch
 * allocated to the id that won (another batch may have created the same person meanwhile).
 *
 * @example
 *   await writeHistoryProfiles(db, [{ personId: 1, accountId: 2, endMonth: '2025-04', statuses: 'NN2', reportedOn: '2025-05-31' }], (id) => id, 7);
 */
export async function writeHistoryProfiles(
  db: Kysely<Database>,
  rows: readonly HistoryProfileRow[],
  person: (personId: number) => number,
  batchPk: number,
): Promise<void> {
  if (rows.length === 0) return;
  // One statement may not update the same row twice (PostgreSQL): the last row of each key only.
  const last = new Map<string, HistoryProfileRow>();
  for (const r of rows) last.set(`${r.accountId}|${r.endMonth}`, r);
  for (const part of chunks([...last.values()], ROWS_PER_STATEMENT))
    await db
      .insertInto('account_history_profiles')
      .values(
        part.map((r) => ({
          person_id: person(r.personId),
          account_id: r.accountId,
          end_month: r.endMonth,
          statuses: r.statuses,
          reported_on: r.reportedOn,
          batch_pk: batchPk,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['person_id', 'account_id', 'end_month']).doUpdateSet((eb) => ({
          statuses: eb.ref('excluded.statuses'),
          reported_on: eb.ref('excluded.reported_on'),
          batch_pk: eb.ref('excluded.batch_pk'),
        })),
      )
      .execute();
}
