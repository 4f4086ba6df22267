/**
 * Runs one furnishing batch in one transaction, one batch per furnisher at a time: SQLite
 * `BEGIN IMMEDIATE` on its single connection; PostgreSQL a pooled client with an advisory lock
 * on the furnisher. The callback gets a Kysely bound to that connection plus the raw handle
 * for the bulk path.
 *
 * @example
 *   await inFurnisherTransaction(store, 3, async (tx) => { await tx.db.insertInto(...)... });
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import type { BureauDatabase, Engine } from './open-database.js';
import type { Database } from './schema-types.js';

export interface StoreTransaction {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  readonly sqlite?: BetterSqlite3.Database;
  readonly pgClient?: pg.PoolClient;
}

/** Advisory lock namespace of furnishing (PostgreSQL two-key advisory locks). */
const FURNISH_LOCK_NAMESPACE = 7402;

export async function inFurnisherTransaction<T>(
  store: BureauDatabase,
  furnisherId: number,
  work: (tx: StoreTransaction) => Promise<T>,
): Promise<T> {
  if (store.engine === 'sqlite') {
    return store.db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await work({ engine: 'sqlite', db: conn, sqlite: store.sqlite! });
        await sql`commit`.execute(conn);
        return result;
      } catch (error) {
        await sql`rollback`.execute(conn);
        throw error;
      }
    });
  }
  const client = await store.pool!.connect();
  // Kysely on this one client: release is a no-op until the transaction ends.
  const borrowed = {
    query: (...args: unknown[]) => (client.query as (...a: unknown[]) => unknown)(...args),
    release() {},
  };
  const single = { connect: async () => borrowed, end: async () => {} };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: single as unknown as pg.Pool }) });
  let broken = false;
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1, $2)', [FURNISH_LOCK_NAMESPACE, furnisherId]);
    const result = await work({ engine: 'postgres', db, pgClient: client });
    await client.query('commit');
    return result;
  } catch (error) {
    try {
      await client.query('rollback');
    } catch {
      broken = true;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
