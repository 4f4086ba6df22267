/**
 * Moves person-level rows from one person to another, on both engines: rows are read, written
 * again under the other person id, and deleted (not `update … set person_id`, which Citus refuses
 * on a distribution column: under Citus each move is a cross-shard insert and delete in one
 * distributed transaction). Bounded per table (MAX_ROWS_MOVED_PER_TABLE).
 *
 * @example
 *   const moved = await moveRows(tx.db, 'accounts', 9, 7); // rows of person 9 now person 7's
 */
import { type Kysely, sql } from 'kysely';
import { IdentityError } from '../identity/resolution/identity-error.js';
import { MAX_ROWS_MOVED_PER_TABLE } from '../identity/resolution/limits.js';
import { chunks } from './chunks.js';
import type { Database } from './schema-types.js';

/**
 * The person-level tables whose rows simply change person (keys that include another globally
 * unique id, so a moved row never collides with the target's rows).
 *
 * @example
 *   MOVABLE_TABLES.includes('accounts'); // true
 */
export const MOVABLE_TABLES = [
  'accounts',
  'account_versions',
  'account_months',
  'account_month_versions',
  'account_history_profiles',
  'inquiries',
  'identity_link_decisions',
  'identity_audit',
  'person_national_ids',
] as const;
export type MovableTable = (typeof MOVABLE_TABLES)[number];

/** Rows per insert: the widest table has 26 columns, 26 x 400 parameters stay under both limits. */
const ROWS_PER_INSERT = 400;

/**
 * Moves the rows of `from` in `table` to `to` (only those of `accountIds` when given); returns
 * how many moved.
 *
 * @example
 *   await moveRows(db, 'account_months', 9, 7, [101, 102]);
 */
export async function moveRows(
  db: Kysely<Database>,
  table: MovableTable,
  from: number,
  to: number,
  accountIds?: readonly number[],
): Promise<number> {
  if (accountIds !== undefined && accountIds.length === 0) return 0;
  const scope = (q: string) =>
    accountIds === undefined
      ? sql`${sql.raw(q)} ${sql.table(table)} where person_id = ${from}`
      : sql`${sql.raw(q)} ${sql.table(table)} where person_id = ${from} and account_id in (${sql.join(accountIds)})`;
  const { rows } = await sql<Record<string, unknown>>`${scope('select * from')} limit ${
    MAX_ROWS_MOVED_PER_TABLE + 1
  }`.execute(db);
  if (rows.length > MAX_ROWS_MOVED_PER_TABLE)
    throw new IdentityError(
      'too_many_rows',
      413,
      `more than ${MAX_ROWS_MOVED_PER_TABLE} rows of ${table} to move: not done`,
    );
  if (rows.length === 0) return 0;
  await scope('delete from').execute(db);
  const columns = Object.keys(rows[0]!);
  for (const part of chunks(rows, ROWS_PER_INSERT)) {
    const values = part.map((r) => sql`(${sql.join(columns.map((c) => (c === 'person_id' ? to : r[c])))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(
      values,
    )}`.execute(db);
  }
  return rows.length;
}
