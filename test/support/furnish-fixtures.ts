/**
 * Shared fixtures for furnishing tests: deps over a test store, valid example records, and
 * whole-database snapshots (to prove that something changed nothing).
 *
 * @example
 *   const { store, deps } = await openFurnishStore();
 *   await furnish(deps, 1, 'b1', [identityLine()]);
 */

import { CHINA_PROFILE } from '../../src/domain/jurisdiction.js';
import { makeResidentId } from '../../src/domain/resident-id.js';
import { EXAMPLE_ACCOUNT, EXAMPLE_IDENTITY, EXAMPLE_MONTH } from '../../src/formats/canonical/rules.js';
import { type FurnishDeps, type FurnishResult, furnishBatch } from '../../src/furnish/furnish-batch.js';
import { createPiiCipher, type PiiCipher } from '../../src/identity/pii-cipher.js';
import { createFurnishStore } from '../../src/store/furnish-repository.js';
import type { Database } from '../../src/store/schema-types.js';
import { openTestStore, type TestStore } from './test-store.js';

export const MASTER_KEY = Buffer.alloc(32, 7);

export interface FurnishFixture {
  store: TestStore;
  cipher: PiiCipher;
  deps: FurnishDeps;
}

export async function openFurnishStore(): Promise<FurnishFixture> {
  const store = await openTestStore();
  const cipher = createPiiCipher(MASTER_KEY);
  return { store, cipher, deps: { store: createFurnishStore(store), cipher, profile: CHINA_PROFILE } };
}

/** Runs `work` on a fresh store and disposes it afterwards. */
export async function withFurnishStore(work: (f: FurnishFixture) => Promise<void>): Promise<void> {
  const fixture = await openFurnishStore();
  try {
    await work(fixture);
  } finally {
    await fixture.store.dispose();
  }
}

/** Furnishes lines (strings as is, objects as JSON) joined by '\n'. */
export function furnish(
  deps: FurnishDeps,
  furnisherId: number,
  batchId: string,
  lines: readonly (string | object)[],
): Promise<FurnishResult> {
  const body = lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
  return furnishBatch(deps, { furnisherId, batchId, body: Buffer.from(body, 'utf8') });
}

/** A female born 1949-12-31 (the rules' example person). */
export const ID_A = '11010519491231002X';
/** A male born 1980-01-01. */
export const ID_B = makeResidentId('110105', '1980-01-01', 1);
/** A female born 1990-05-17, Shanghai. */
export const ID_C = makeResidentId('310101', '1990-05-17', 4);

export type Json = Record<string, unknown>;

export function identity(change: Json = {}): Json {
  return { ...EXAMPLE_IDENTITY, id_number: ID_A, ...change };
}

export function account(change: Json = {}): Json {
  return { ...EXAMPLE_ACCOUNT, account_no: 'L-1', id_number: ID_A, ...change };
}

export function month(change: Json = {}): Json {
  return { ...EXAMPLE_MONTH, account_no: 'L-1', ...change };
}

export function correction(change: Json = {}): Json {
  return {
    kind: 'correction',
    account_no: 'L-1',
    set: {},
    reason: 'typo',
    reported_on: '2025-01-20',
    ...change,
  };
}

export function deletion(change: Json = {}): Json {
  return {
    kind: 'deletion',
    account_no: 'L-1',
    reason: 'opened in error',
    reported_on: '2025-01-20',
    ...change,
  };
}

export const TABLES: readonly (keyof Database)[] = [
  'institutions',
  'api_keys',
  'persons',
  'national_id_index',
  'identity_attributes',
  'identity_value_index',
  'accounts',
  'account_versions',
  'account_index',
  'account_months',
  'account_month_versions',
  'account_history_profiles',
  'batches',
  'rejects',
  'consents',
  'inquiries',
  'report_requests',
  'reports',
  'lender_policies',
  'identity_link_decisions',
  'identity_reviews',
  'identity_audit',
  'person_national_ids',
  'sequences',
  'schema_migrations',
];

// biome-ignore lint/suspicious/noExplicitAny: rows of any table
export type Row = Record<string, any>;

/** Every row of a table, sorted by its JSON text (engine-independent order). */
export async function tableRows(store: TestStore, table: keyof Database): Promise<Row[]> {
  const rows = (await store.db.selectFrom(table).selectAll().execute()) as Row[];
  const keyed = rows.map((r) => {
    const row = normalizeRow(r);
    return { row, key: JSON.stringify(row) };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.row);
}

/** Numbers as numbers on both engines (PostgreSQL integer columns already are; bigint is parsed). */
function normalizeRow(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
  return out;
}

/** The content of every table. */
export async function snapshot(store: TestStore): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const table of TABLES) out[table] = await tableRows(store, table);
  return out;
}

export async function rowCounts(store: TestStore): Promise<Record<string, number>> {
  const snap = await snapshot(store);
  return Object.fromEntries(Object.entries(snap).map(([t, rows]) => [t, rows.length]));
}
