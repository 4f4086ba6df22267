/**
 * The SQLite dialect of the bureau: Kysely's, with prepared statements reused (see
 * sqlite-statement-cache.ts) and every transaction begun IMMEDIATE. Several processes may serve
 * one SQLite file (`openbureau start --workers N`); a transaction that began DEFERRED, read, and
 * then wrote would fail at its first write whenever another process had committed in between
 * (SQLITE_BUSY_SNAPSHOT, which the busy timeout does not retry). IMMEDIATE takes the write lock
 * at BEGIN, waiting up to the busy timeout, so a transaction never fails halfway.
 *
 * @example
 *   const db = new Kysely<Database>({ dialect: bureauSqliteDialect(new BetterSqlite3(path)) });
 */
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Driver, SqliteDialect, SqliteDriver } from 'kysely';
import { cachingStatements } from './sqlite-statement-cache.js';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class BureauSqliteDialect extends SqliteDialect {
  readonly #database: ReturnType<typeof cachingStatements>;

  constructor(database: ReturnType<typeof cachingStatements>) {
    super({ database });
    this.#database = database;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }
}

export function bureauSqliteDialect(sqlite: BetterSqlite3.Database): SqliteDialect {
  return new BureauSqliteDialect(cachingStatements(sqlite));
}
