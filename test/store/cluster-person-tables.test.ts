/**
 * Migration 6: on SQLite the person-level tables a report reads are clustered by their key
 * (WITHOUT ROWID), rows and secondary indexes kept; on PostgreSQL it changes nothing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import {
  CLUSTERED_TABLES,
  clusterPersonTables,
} from '../../src/store/migrations/006-cluster-person-tables.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { openDatabase } from '../../src/store/open-database.js';
import { openTestStore, TEST_ENGINE } from '../support/test-store.js';

test('a new store has the person-level tables clustered by their key (SQLite) or as heap tables (PostgreSQL)', async () => {
  const store = await openTestStore();
  try {
    if (TEST_ENGINE === 'postgres') {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.tables
        where table_schema = current_schema() and table_name in ('account_months', 'account_history_profiles', 'accounts', 'identity_attributes', 'inquiries')`.execute(
        store.db,
      );
      assert.equal(rows[0]?.n, 5);
      return;
    }
    for (const table of CLUSTERED_TABLES) {
      const { rows } = await sql<{ sql: string }>`
        select sql from sqlite_master where type = 'table' and name = ${table}`.execute(store.db);
      assert.match(rows[0]?.sql ?? '', /without rowid$/i, `${table} should be WITHOUT ROWID`);
    }
  } finally {
    await store.dispose();
  }
});

test('SQLite: the rebuild keeps every row, the keys and secondary indexes, and runs once', async (t) => {
  if (TEST_ENGINE !== 'sqlite') return t.skip('SQLite only: PostgreSQL keeps its tables');
  const dir = mkdtempSync(join(tmpdir(), 'openbureau-cluster-'));
  const store = await openDatabase({ sqlitePath: join(dir, 'bureau.sqlite') });
  try {
    // The schema as it was before migration 6, with rows in it and an extra index.
    for (const migration of MIGRATIONS) if (migration.version < 6) await migration.up(store.db);
    const sqlite = store.sqlite;
    assert.ok(sqlite);
    const insert = sqlite.prepare(
      `insert into account_months (person_id, account_id, month, balance_minor, used_limit_minor,
         scheduled_payment_minor, actual_payment_minor, overdue_periods, overdue_amount_minor, status,
         five_class, deleted, version, reported_on, batch_pk)
       values (?, ?, ?, ?, null, 0, 0, 0, 0, 'N', 1, 0, 1, '2026-01-05', 1)`,
    );
    // Inserted month by month, as furnishing does: a person's rows far apart in a rowid table.
    for (let month = 1; month <= 12; month++)
      for (let person = 1; person <= 50; person++)
        insert.run(person, person * 10, `2025-${String(month).padStart(2, '0')}`, person * 100 + month);
    sqlite.exec('create index account_months_by_status on account_months (status)');

    await clusterPersonTables.up(store.db);

    const definition = sqlite
      .prepare(`select sql from sqlite_master where type = 'table' and name = 'account_months'`)
      .pluck()
      .get() as string;
    assert.match(definition, /without rowid$/i);
    assert.equal(sqlite.prepare('select count(*) from account_months').pluck().get(), 600);
    const months = sqlite
      .prepare('select month, balance_minor from account_months where person_id = 7 order by month')
      .all() as { month: string; balance_minor: number }[];
    assert.deepEqual(
      months.map((m) => m.balance_minor),
      Array.from({ length: 12 }, (_, i) => 700 + i + 1),
    );
    assert.throws(
      () => insert.run(7, 70, '2025-03', 1),
      /UNIQUE|PRIMARY KEY/,
      'the primary key still holds after the rebuild',
    );
    const indexes = sqlite
      .prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'account_months'`)
      .pluck()
      .all();
    assert.ok(indexes.includes('account_months_by_status'), `indexes: ${indexes.join(', ')}`);

    // Run again: a clustered table is left as it is.
    await clusterPersonTables.up(store.db);
    assert.equal(sqlite.prepare('select count(*) from account_months').pluck().get(), 600);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
