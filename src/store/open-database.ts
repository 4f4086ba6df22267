/**
 * Opens the bureau's database: embedded SQLite (a file, WAL) by default, PostgreSQL when a URL is
 * given. Both are reached through one Kysely instance typed by `Database`; the raw handles are
 * kept only for the bulk fast paths (prepared statements on SQLite, COPY on PostgreSQL).
 *
 * @example
 *   const store = await openDatabase({ sqlitePath: './data/openbureau.sqlite' });
 *   await store.close();
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { allocateIds, type SequenceName } from './allocate-ids.js';
import type { Database } from './schema-types.js';
import { bureauSqliteDialect } from './sqlite-dialect.js';

export type Engine = 'sqlite' | 'postgres';

export interface OpenOptions {
  /** postgres://... ; when absent, SQLite at sqlitePath. */
  databaseUrl?: string;
  /** SQLite file path (or ':memory:'). */
  sqlitePath?: string;
  /** PostgreSQL schema to use (created if absent); tests use one schema each. */
  pgSchema?: string;
  /** SQLite: WAL pages after which a commit checkpoints (SQLite's default 1,000); 0 leaves
   *  checkpoints to a checkpoint thread (see sqlite-report-thread.ts). */
  sqliteWalAutocheckpointPages?: number;
  /** PostgreSQL pool size. */
  pgPoolMax?: number;
}

export interface BureauDatabase {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  /** The SQLite file (engine sqlite only; ':memory:' for a database in memory). */
  readonly sqlitePath?: string;
  /** The SQLite handle (engine sqlite only). */
  readonly sqlite?: BetterSqlite3.Database;
  /** The PostgreSQL pool (engine postgres only). */
  readonly pool?: pg.Pool;
  /** Human-readable location without credentials, for logs. */
  readonly location: string;
  /** Runs `stop` first when the database is closed (threads and pools opened on it). */
  onClose(stop: () => Promise<void>): void;
  /** Allocates `count` consecutive ids (committed at once, outside any batch transaction). */
  allocateIds(name: SequenceName, count: number): Promise<number>;
  close(): Promise<void>;
}

/** Milliseconds SQLite waits for a lock held by another process before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;
/** Default PostgreSQL connections per process. */
export const PG_POOL_MAX = 8;

const INT8_OID = 20;
let int8ParserSet = false;

/** PostgreSQL returns bigint as text; every bigint here is an id or minor units below 2^53. */
function useNumbersForBigint(): void {
  if (int8ParserSet) return;
  pg.types.setTypeParser(INT8_OID, (text: string) => {
    const value = Number(text);
    if (!Number.isSafeInteger(value)) throw new Error('bigint value beyond 2^53 read from PostgreSQL');
    return value;
  });
  int8ParserSet = true;
}

/** Quotes a PostgreSQL identifier made of safe characters (fails fast on anything else). */
export function pgIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe schema name '${name}'`);
  return `"${name}"`;
}

async function runClosers(closers: (() => Promise<void>)[]): Promise<void> {
  const stops = closers.splice(0);
  for (const stop of stops.reverse()) await stop();
}

export async function openDatabase(options: OpenOptions): Promise<BureauDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openSqlite(options.sqlitePath ?? './data/openbureau.sqlite', options.sqliteWalAutocheckpointPages);
}

function openSqlite(path: string, walAutocheckpointPages?: number): BureauDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  sqlite.pragma('foreign_keys = ON');
  if (walAutocheckpointPages !== undefined) {
    if (!Number.isInteger(walAutocheckpointPages) || walAutocheckpointPages < 0)
      throw new Error(
        `sqliteWalAutocheckpointPages: expected a whole number >= 0, got ${walAutocheckpointPages}`,
      );
    sqlite.pragma(`wal_autocheckpoint = ${walAutocheckpointPages}`);
  }
  const db = new Kysely<Database>({ dialect: bureauSqliteDialect(sqlite) });
  const closers: (() => Promise<void>)[] = [];
  return {
    engine: 'sqlite',
    db,
    sqlite,
    sqlitePath: path,
    location: `sqlite:${path}`,
    allocateIds: (name, count) => allocateIds(db, name, count),
    onClose: (stop) => closers.push(stop),
    async close() {
      await runClosers(closers);
      await db.destroy();
    },
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<BureauDatabase> {
  useNumbersForBigint();
  const schema = options.pgSchema;
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${pgIdentifier(schema)}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolMax ?? PG_POOL_MAX,
    ...(schema ? { options: `-c search_path=${pgIdentifier(schema)}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const closers: (() => Promise<void>)[] = [];
  // Ids come from a connection of their own, one allocation at a time, committed at once: a batch
  // transaction never holds the sequences row, and never waits for a pool slot to allocate.
  const allocatorPool = new pg.Pool({
    connectionString: url,
    max: 1,
    ...(schema ? { options: `-c search_path=${pgIdentifier(schema)}` } : {}),
  });
  const allocatorDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: allocatorPool }) });
  const parsed = new URL(url);
  return {
    engine: 'postgres',
    db,
    pool,
    location: `postgres://${parsed.host}${parsed.pathname}${schema ? ` (schema ${schema})` : ''}`,
    allocateIds: (name, count) => allocateIds(allocatorDb, name, count),
    onClose: (stop) => closers.push(stop),
    async close() {
      await runClosers(closers);
      await allocatorDb.destroy();
      await db.destroy();
    },
  };
}
