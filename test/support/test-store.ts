/**
 * Opens a fresh, migrated store on the engine the test run uses: SQLite in a temp file by
 * default, PostgreSQL (a schema of its own, dropped afterwards) when DATABASE_URL is set.
 *
 * @example
 *   const store = await openTestStore(); try { ... } finally { await store.dispose(); }
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from '../../src/store/migrate.js';
import { type BureauDatabase, openDatabase, pgIdentifier } from '../../src/store/open-database.js';

export interface TestStore extends BureauDatabase {
  dispose(): Promise<void>;
}

export const TEST_ENGINE = process.env.DATABASE_URL ? 'postgres' : 'sqlite';

export async function openTestStore(): Promise<TestStore> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const store = await openDatabase({ databaseUrl: url, pgSchema: schema, pgPoolMax: 4 });
    await migrate(store);
    return Object.assign(store, {
      async dispose() {
        await store.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`drop schema if exists ${pgIdentifier(schema)} cascade`);
        } finally {
          await client.end();
        }
      },
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'openbureau-test-'));
  const store = await openDatabase({ sqlitePath: join(dir, 'bureau.sqlite') });
  await migrate(store);
  return Object.assign(store, {
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
