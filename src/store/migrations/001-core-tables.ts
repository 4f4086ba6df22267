/**
 * Migration 1: institutions and keys, persons and identity, accounts and monthly states with
 * their versions, furnishing batches and rejects. Tables are written as data (columns, keys) so
 * the same definition runs unchanged on SQLite and PostgreSQL.
 *
 * @example
 *   await coreTables.up(db);
 */
import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Migration } from './migration.js';

export type ColumnType = 'text' | 'bigint' | 'integer';
/** [name, type, nullable] */
export type Column = readonly [string, ColumnType, 'null'?];

export interface TableSpec {
  name: string;
  columns: readonly Column[];
  primaryKey: readonly string[];
  unique?: readonly (readonly string[])[];
}

const ACCOUNT_TERMS: readonly Column[] = [
  ['account_type', 'text'],
  ['business_type', 'text'],
  ['currency', 'text'],
  ['open_date', 'text'],
  ['maturity_date', 'text', 'null'],
  ['amount_minor', 'bigint'],
  ['shared_limit_minor', 'bigint', 'null'],
  ['repayment_method', 'text'],
  ['repayment_frequency', 'text'],
  ['instalments', 'integer', 'null'],
  ['guarantee_type', 'text'],
  ['joint_loan', 'integer'],
];

const MONTH_STATE: readonly Column[] = [
  ['balance_minor', 'bigint'],
  ['used_limit_minor', 'bigint', 'null'],
  ['scheduled_payment_minor', 'bigint'],
  ['actual_payment_minor', 'bigint'],
  ['overdue_periods', 'integer'],
  ['overdue_amount_minor', 'bigint'],
  ['status', 'text'],
  ['five_class', 'integer'],
];

/** What superseded a version, and when. */
const SUPERSEDED: readonly Column[] = [
  ['change', 'text'],
  ['reason', 'text', 'null'],
  ['superseded_at', 'text'],
  ['superseded_by_batch_pk', 'bigint'],
];

const TABLES: readonly TableSpec[] = [
  {
    name: 'sequences',
    columns: [
      ['name', 'text'],
      ['next_value', 'bigint'],
    ],
    primaryKey: ['name'],
  },
  {
    name: 'institutions',
    columns: [
      ['institution_id', 'bigint'],
      ['code', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
      ['roles', 'text'],
      ['created_at', 'text'],
    ],
    primaryKey: ['institution_id'],
    unique: [['code']],
  },
  {
    name: 'api_keys',
    columns: [
      ['key_hash', 'text'],
      ['institution_id', 'bigint'],
      ['key_prefix', 'text'],
      ['created_at', 'text'],
      ['revoked_at', 'text', 'null'],
    ],
    primaryKey: ['key_hash'],
  },
  {
    name: 'persons',
    columns: [
      ['person_id', 'bigint'],
      ['id_type', 'text'],
      ['id_hash', 'text'],
      ['id_enc', 'text'],
      ['created_at', 'text'],
    ],
    primaryKey: ['person_id'],
  },
  {
    name: 'national_id_index',
    columns: [
      ['id_hash', 'text'],
      ['person_id', 'bigint'],
    ],
    primaryKey: ['id_hash'],
  },
  {
    name: 'identity_attributes',
    columns: [
      ['person_id', 'bigint'],
      ['attr_id', 'bigint'],
      ['attribute', 'text'],
      ['value_hash', 'text'],
      ['value_enc', 'text'],
      ['furnisher_id', 'bigint'],
      ['first_reported_on', 'text'],
      ['last_reported_on', 'text'],
      ['batch_pk', 'bigint'],
    ],
    primaryKey: ['person_id', 'attr_id'],
    unique: [['person_id', 'attribute', 'value_hash', 'furnisher_id']],
  },
  {
    name: 'accounts',
    columns: [
      ['person_id', 'bigint'],
      ['account_id', 'bigint'],
      ['furnisher_id', 'bigint'],
      ['account_no', 'text'],
      ...ACCOUNT_TERMS,
      ['state', 'text'],
      ['version', 'integer'],
      ['reported_on', 'text'],
      ['batch_pk', 'bigint'],
      ['updated_at', 'text'],
    ],
    primaryKey: ['person_id', 'account_id'],
  },
  {
    name: 'account_versions',
    columns: [
      ['person_id', 'bigint'],
      ['account_id', 'bigint'],
      ['version', 'integer'],
      ...ACCOUNT_TERMS,
      ['state', 'text'],
      ['reported_on', 'text'],
      ['batch_pk', 'bigint'],
      ...SUPERSEDED,
    ],
    primaryKey: ['person_id', 'account_id', 'version'],
  },
  {
    name: 'account_index',
    columns: [
      ['furnisher_id', 'bigint'],
      ['account_no', 'text'],
      ['person_id', 'bigint'],
      ['account_id', 'bigint'],
      ['account_type', 'text'],
      ['open_date', 'text'],
      ['state', 'text'],
    ],
    primaryKey: ['furnisher_id', 'account_no'],
  },
  {
    name: 'account_months',
    columns: [
      ['person_id', 'bigint'],
      ['account_id', 'bigint'],
      ['month', 'text'],
      ...MONTH_STATE,
      ['deleted', 'integer'],
      ['version', 'integer'],
      ['reported_on', 'text'],
      ['batch_pk', 'bigint'],
    ],
    primaryKey: ['person_id', 'account_id', 'month'],
  },
  {
    name: 'account_month_versions',
    columns: [
      ['person_id', 'bigint'],
      ['account_id', 'bigint'],
      ['month', 'text'],
      ...MONTH_STATE,
      ['deleted', 'integer'],
      ['version', 'integer'],
      ['reported_on', 'text'],
      ['batch_pk', 'bigint'],
      ...SUPERSEDED,
    ],
    primaryKey: ['person_id', 'account_id', 'month', 'version'],
  },
  {
    name: 'batches',
    columns: [
      ['furnisher_id', 'bigint'],
      ['batch_pk', 'bigint'],
      ['batch_id', 'text'],
      ['format', 'text'],
      ['content_sha256', 'text'],
      ['bytes', 'bigint'],
      ['received_at', 'text'],
      ['records', 'integer'],
      ['accepted', 'integer'],
      ['rejected', 'integer'],
    ],
    primaryKey: ['furnisher_id', 'batch_pk'],
    unique: [['furnisher_id', 'batch_id']],
  },
  {
    name: 'rejects',
    columns: [
      ['furnisher_id', 'bigint'],
      ['batch_pk', 'bigint'],
      ['line', 'integer'],
      ['kind', 'text'],
      ['raw_enc', 'text'],
      ['errors', 'text'],
      ['status', 'text'],
      ['fixed_by_batch_pk', 'bigint', 'null'],
      ['fixed_by_line', 'integer', 'null'],
    ],
    primaryKey: ['furnisher_id', 'batch_pk', 'line'],
  },
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function createTable(db: Kysely<any>, spec: TableSpec): Promise<void> {
  let table: CreateTableBuilder<string, string> = db.schema.createTable(spec.name);
  for (const [name, type, nullable] of spec.columns)
    table = table.addColumn(name, type, (c) => (nullable === 'null' ? c : c.notNull()));
  table = table.addPrimaryKeyConstraint(`${spec.name}_pk`, [...spec.primaryKey]);
  for (const [i, columns] of (spec.unique ?? []).entries())
    table = table.addUniqueConstraint(`${spec.name}_unique_${i + 1}`, [...columns]);
  await table.execute();
}

export const coreTables: Migration = {
  version: 1,
  name: 'core-tables',
  async up(db) {
    for (const spec of TABLES) await createTable(db, spec);
  },
};
