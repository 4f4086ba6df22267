/**
 * SQLite fast path for monthly states: prepared statements in the caller's transaction. A new
 * month is one insert; a month on file is first copied to account_month_versions, then replaced.
 *
 * @example
 *   writeMonthsSqlite(sqlite, rows, { batchPk: 9, at: '2025-01-01T00:00:00.000Z' });
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { MonthRow } from '../furnish/ports.js';
import { MONTH_STATE_COLUMNS } from './month-rows.js';

const STATE = MONTH_STATE_COLUMNS.join(', ');
const EXCLUDED = MONTH_STATE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ');
const INSERT = `insert into account_months (person_id, account_id, month, deleted, version, ${STATE}, reported_on, batch_pk)
  values (?, ?, ?, 0, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

interface Prepared {
  /** Inserts a month not on file; changes nothing (0 changes) when it is on file. */
  add: BetterSqlite3.Statement;
  /** Copies the month on file to the versions. */
  keep: BetterSqlite3.Statement;
  /** Replaces the month on file. */
  put: BetterSqlite3.Statement;
}

const statements = new WeakMap<BetterSqlite3.Database, Prepared>();

function prepare(sqlite: BetterSqlite3.Database): Prepared {
  let prepared = statements.get(sqlite);
  if (!prepared) {
    prepared = {
      add: sqlite.prepare(`${INSERT} on conflict (person_id, account_id, month) do nothing`),
      keep: sqlite.prepare(
        `insert into account_month_versions (person_id, account_id, month, deleted, version, ${STATE}, reported_on, batch_pk, change, reason, superseded_at, superseded_by_batch_pk)
         select person_id, account_id, month, deleted, version, ${STATE}, reported_on, batch_pk, 'replacement', null, ?, ?
         from account_months where person_id = ? and account_id = ? and month = ?`,
      ),
      put: sqlite.prepare(
        `${INSERT} on conflict (person_id, account_id, month) do update set ${EXCLUDED}, deleted = 0,
           version = account_months.version + 1, reported_on = excluded.reported_on, batch_pk = excluded.batch_pk`,
      ),
    };
    statements.set(sqlite, prepared);
  }
  return prepared;
}

export function writeMonthsSqlite(
  sqlite: BetterSqlite3.Database,
  rows: readonly MonthRow[],
  batch: { batchPk: number; at: string },
): void {
  if (!sqlite.inTransaction)
    throw new Error('invariant: monthly states are written inside the batch transaction');
  const { add, keep, put } = prepare(sqlite);
  for (const row of rows) {
    const s = row.state;
    const values = [
      row.personId,
      row.accountId,
      row.month,
      s.balance_minor,
      s.used_limit_minor ?? null,
      s.scheduled_payment_minor,
      s.actual_payment_minor,
      s.overdue_periods,
      s.overdue_amount_minor,
      s.status,
      s.five_class,
      row.reportedOn,
      batch.batchPk,
    ];
    if (add.run(values).changes === 1) continue;
    keep.run(batch.at, batch.batchPk, row.personId, row.accountId, row.month);
    put.run(values);
  }
}
