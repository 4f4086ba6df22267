/**
 * PostgreSQL fast path for monthly states: COPY into a session temp table, then two set
 * statements: copy the states on file to account_month_versions, and upsert the new ones. A
 * month that occurs twice in one batch goes in a later round, so the earlier state is kept too.
 *
 * @example
 *   await writeMonthsPostgres(client, rows, { batchPk: 9, at: '2025-01-01T00:00:00.000Z' });
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { MonthRow } from '../furnish/ports.js';
import { MONTH_STATE_COLUMNS } from './month-rows.js';

const STATE = MONTH_STATE_COLUMNS.join(', ');
const EXCLUDED = MONTH_STATE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ');
/** Rows per chunk written to the COPY stream. */
const COPY_ROWS_PER_CHUNK = 2_000;
const SAFE_TEXT = /^[A-Za-z0-9*#:.-]*$/;

function splitRounds(rows: readonly MonthRow[]): MonthRow[][] {
  const seen = new Map<string, number>();
  const rounds: MonthRow[][] = [];
  for (const row of rows) {
    const key = `${row.accountId}|${row.month}`;
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    const list = rounds[round] ?? [];
    list.push(row);
    rounds[round] = list;
  }
  return rounds;
}

function* copyText(rows: readonly MonthRow[]): Generator<string> {
  let chunk: string[] = [];
  for (const r of rows) {
    const s = r.state;
    if (!SAFE_TEXT.test(r.month) || !SAFE_TEXT.test(s.status) || !SAFE_TEXT.test(r.reportedOn))
      throw new Error('invariant: monthly state text fields are validated codes');
    chunk.push(
      `${r.personId}\t${r.accountId}\t${r.month}\t${s.balance_minor}\t${s.used_limit_minor ?? '\\N'}\t${s.scheduled_payment_minor}\t${s.actual_payment_minor}\t${s.overdue_periods}\t${s.overdue_amount_minor}\t${s.status}\t${s.five_class}\t${r.reportedOn}\n`,
    );
    if (chunk.length >= COPY_ROWS_PER_CHUNK) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join('');
}

export async function writeMonthsPostgres(
  client: pg.PoolClient,
  rows: readonly MonthRow[],
  batch: { batchPk: number; at: string },
): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `create temp table if not exists stage_months (
       person_id bigint not null, account_id bigint not null, month text not null,
       balance_minor bigint not null, used_limit_minor bigint, scheduled_payment_minor bigint not null,
       actual_payment_minor bigint not null, overdue_periods integer not null, overdue_amount_minor bigint not null,
       status text not null, five_class integer not null, reported_on text not null
     ) on commit delete rows`,
  );
  // One index probe per staged row (the lateral join) costs the same whatever the table's size;
  // JIT compiling that plan would cost more than running it.
  await client.query('set local jit = off');
  for (const round of splitRounds(rows)) {
    await client.query('truncate stage_months');
    const stream = client.query(
      copyFrom(`copy stage_months (person_id, account_id, month, ${STATE}, reported_on) from stdin`),
    );
    await pipeline(Readable.from(copyText(round)), stream);
    await client.query(
      `insert into account_month_versions (person_id, account_id, month, deleted, version, ${STATE}, reported_on, batch_pk, change, reason, superseded_at, superseded_by_batch_pk)
       select m.person_id, m.account_id, m.month, m.deleted, m.version, ${MONTH_STATE_COLUMNS.map((c) => `m.${c}`).join(', ')}, m.reported_on, m.batch_pk, 'replacement', null, $1, $2
       from stage_months s cross join lateral (
         select * from account_months m
         where m.person_id = s.person_id and m.account_id = s.account_id and m.month = s.month offset 0) m`,
      [batch.at, batch.batchPk],
    );
    await client.query(
      `insert into account_months (person_id, account_id, month, deleted, version, ${STATE}, reported_on, batch_pk)
       select person_id, account_id, month, 0, 1, ${STATE}, reported_on, $1 from stage_months
       on conflict (person_id, account_id, month) do update set ${EXCLUDED}, deleted = 0,
         version = account_months.version + 1, reported_on = excluded.reported_on, batch_pk = excluded.batch_pk`,
      [batch.batchPk],
    );
  }
}
