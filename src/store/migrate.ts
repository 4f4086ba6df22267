/**
 * Applies the pending migrations, in order, in one transaction (PostgreSQL: under an advisory
 * lock, so two processes starting together do not both migrate).
 *
 * @example
 *   const applied = await migrate(store); // [1] on an empty database, [] after
 */
import { type Kysely, sql } from 'kysely';
import { MIGRATIONS } from './migrations/index.js';
import type { BureauDatabase } from './open-database.js';

const MIGRATION_LOCK_KEY = 740_211_001;

export async function migrate(store: BureauDatabase): Promise<number[]> {
  // biome-ignore lint/suspicious/noExplicitAny: the migrations table exists before the typed schema
  const db = store.db as unknown as Kysely<any>;
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  return db.transaction().execute(async (trx) => {
    if (store.engine === 'postgres')
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    const rows = await trx.selectFrom('schema_migrations').select('version').execute();
    const done = new Set(rows.map((r: { version: number }) => Number(r.version)));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await migration.up(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
        .execute();
      applied.push(migration.version);
    }
    const known = new Set(MIGRATIONS.map((m) => m.version));
    const unknown = [...done].filter((v) => !known.has(v));
    if (unknown.length > 0)
      throw new Error(
        `database has migrations ${unknown.join(', ')} that this version does not know: upgrade openbureau`,
      );
    return applied;
  });
}
