/**
 * Migration 6: on SQLite, the tables a report reads for one person become clustered by their
 * primary key (`WITHOUT ROWID`), so that a person's rows sit together in a few pages instead of
 * one page per furnished month. A rowid table keeps rows in insertion order: a month of
 * furnishing appends every person's month, so a person's 60 months were on 60 pages, each read
 * through the primary-key index and then the table. Clustered by `(person_id, ...)`, the same
 * read is one range of one b-tree (the history profiles of migration 5 likewise). The logical schema (columns, keys) does not change;
 * PostgreSQL keeps its heap tables (under Citus a person's rows are on one shard already).
 *
 * Each table is rebuilt from its own definition as stored by SQLite, so columns added by later
 * migrations before this one ran are kept; secondary indexes are created again.
 *
 * @example
 *   await clusterPersonTables.up(db); // SQLite: 5 tables rebuilt; PostgreSQL: nothing to do
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';
import type { Migration } from './migration.js';

/** The person-level tables every report and pre-lending check reads, by person. */
export const CLUSTERED_TABLES = [
  'account_months',
  'account_history_profiles',
  'accounts',
  'identity_attributes',
  'inquiries',
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
async function rebuildWithoutRowid(db: Kysely<any>, table: string): Promise<void> {
  const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = ${table}`.execute(db);
  const definition = rows.find((r) => r.type === 'table')?.sql;
  if (!definition) throw new Error(`migration 6: table ${table} is not in the database`);
  if (/without\s+rowid\s*$/i.test(definition)) return;
  const quoted = `"${table}"`;
  if (!definition.includes(quoted)) throw new Error(`migration 6: unexpected definition of ${table}`);
  const staging = `${table}__clustered`;
  await sql.raw(`${definition.replace(quoted, `"${staging}"`)} without rowid`).execute(db);
  await sql.raw(`insert into "${staging}" select * from ${quoted}`).execute(db);
  await sql.raw(`drop table ${quoted}`).execute(db);
  await sql.raw(`alter table "${staging}" rename to ${quoted}`).execute(db);
  // Secondary indexes (created by `create index`) went with the old table; key constraints did not.
  for (const index of rows) if (index.type === 'index' && index.sql) await sql.raw(index.sql).execute(db);
}

export const clusterPersonTables: Migration = {
  version: 6,
  name: 'cluster-person-tables',
  async up(db) {
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
    for (const table of CLUSTERED_TABLES) await rebuildWithoutRowid(db, table);
  },
};
