/**
 * The transaction of an identity operation (a merge, a split, a review kept apart): it moves or
 * writes rows of persons that batches may be writing at the same moment, so it excludes every
 * batch while it runs. SQLite: `BEGIN IMMEDIATE` (one writer anyway). PostgreSQL: the advisory
 * lock of every furnisher, in institution order (what a batch takes for its own furnisher), so no
 * batch holds a person id that the operation is about to move; batches wait, then see the result.
 *
 * @example
 *   await inIdentityTransaction(store, async (tx) => { await tx.db.insertInto('identity_audit')... });
 */
import { sql } from 'kysely';
import { inFurnisherTransaction, type StoreTransaction } from './furnisher-transaction.js';
import type { BureauDatabase } from './open-database.js';

/** The advisory lock namespace of furnishing (furnisher-transaction.ts). */
const FURNISH_LOCK_NAMESPACE = 7402;

/**
 * Runs `work` in one transaction that no furnishing batch runs beside.
 *
 * @example
 *   const moved = await inIdentityTransaction(store, (tx) => mergeRows(tx, 7, 9));
 */
export async function inIdentityTransaction<T>(
  store: BureauDatabase,
  work: (tx: StoreTransaction) => Promise<T>,
): Promise<T> {
  // Furnisher id 0 is no institution's: on PostgreSQL the callback then takes every furnisher's lock.
  return inFurnisherTransaction(store, 0, async (tx) => {
    if (tx.engine === 'postgres')
      await sql`select pg_advisory_xact_lock(${FURNISH_LOCK_NAMESPACE}::int, institution_id::int)
        from (select institution_id from institutions order by institution_id) i`.execute(tx.db);
    return work(tx);
  });
}
