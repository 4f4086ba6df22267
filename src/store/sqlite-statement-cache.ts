/**
 * Prepared statements reused by SQL text: Kysely's SQLite dialect prepares every query it runs,
 * which costs as much as running a small one. The wrapper keeps up to MAX_CACHED_STATEMENTS
 * statements (least recently used out first); a statement still iterating (`busy`) is never
 * handed out twice.
 *
 * @example
 *   const dialect = new SqliteDialect({ database: cachingStatements(new BetterSqlite3(path)) });
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import { ROWS_AS_ARRAYS } from './prepared-query.js';

/** Statements kept per connection; the hot paths use a few dozen distinct texts. */
export const MAX_CACHED_STATEMENTS = 256;

export function cachingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Move to the end: the Map's order is the recency order.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      // A query that wants its rows as arrays (preparedQuery's `tuples`): no object per row.
      if (statement.reader && sql.startsWith(ROWS_AS_ARRAYS)) statement.raw(true);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > MAX_CACHED_STATEMENTS) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      return statement;
    },
  };
}
