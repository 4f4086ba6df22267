/**
 * Migration 1: institutions and keys, persons and identity, accounts and monthly states with
 * their versions, furnishing batches and rejects. Runs unchanged on SQLite and PostgreSQL.
 *
 * @example
 *   await coreTables.up(db);
 */
import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/** Columns shared by accounts and account_versions. */
// biome-ignore lint/suspicious/noExplicitAny: the builder type differs per table
function withTerms(table: any) {
  return table
    .addColumn('account_type', 'text', (c: any) => c.notNull())
    .addColumn('business_type', 'text', (c: any) => c.notNull())
    .addColumn('currency', 'text', (c: any) => c.notNull())
    .addColumn('open_date', 'text', (c: any) => c.notNull())
    .addColumn('maturity_date', 'text')
    .addColumn('amount_minor', 'bigint', (c: any) => c.notNull())
    .addColumn('shared_limit_minor', 'bigint')
    .addColumn('repayment_method', 'text', (c: any) => c.notNull())
    .addColumn('repayment_frequency', 'text', (c: any) => c.notNull())
    .addColumn('instalments', 'integer')
    .addColumn('guarantee_type', 'text', (c: any) => c.notNull())
    .addColumn('joint_loan', 'integer', (c: any) => c.notNull());
}

/** Columns shared by account_months and account_month_versions. */
// biome-ignore lint/suspicious/noExplicitAny: the builder type differs per table
function withMonthState(table: any) {
  return table
    .addColumn('balance_minor', 'bigint', (c: any) => c.notNull())
    .addColumn('used_limit_minor', 'bigint')
    .addColumn('scheduled_payment_minor', 'bigint', (c: any) => c.notNull())
    .addColumn('actual_payment_minor', 'bigint', (c: any) => c.notNull())
    .addColumn('overdue_periods', 'integer', (c: any) => c.notNull())
    .addColumn('overdue_amount_minor', 'bigint', (c: any) => c.notNull())
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('five_class', 'integer', (c: any) => c.notNull());
}

export const coreTables: Migration = {
  version: 1,
  name: 'core-tables',
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sequences')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('next_value', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('institutions')
      .addColumn('institution_id', 'bigint', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('api_keys')
      .addColumn('key_hash', 'text', (c) => c.primaryKey())
      .addColumn('institution_id', 'bigint', (c) => c.notNull())
      .addColumn('key_prefix', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('persons')
      .addColumn('person_id', 'bigint', (c) => c.primaryKey())
      .addColumn('id_type', 'text', (c) => c.notNull())
      .addColumn('id_hash', 'text', (c) => c.notNull())
      .addColumn('id_enc', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('national_id_index')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('identity_attributes')
      .addColumn('person_id', 'bigint', (c) => c.notNull())
      .addColumn('attr_id', 'bigint', (c) => c.notNull())
      .addColumn('attribute', 'text', (c) => c.notNull())
      .addColumn('value_hash', 'text', (c) => c.notNull())
      .addColumn('value_enc', 'text', (c) => c.notNull())
      .addColumn('furnisher_id', 'bigint', (c) => c.notNull())
      .addColumn('first_reported_on', 'text', (c) => c.notNull())
      .addColumn('last_reported_on', 'text', (c) => c.notNull())
      .addColumn('batch_pk', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('identity_attributes_pk', ['person_id', 'attr_id'])
      .addUniqueConstraint('identity_attributes_value', [
        'person_id',
        'attribute',
        'value_hash',
        'furnisher_id',
      ])
      .execute();

    await withTerms(
      db.schema
        .createTable('accounts')
        .addColumn('person_id', 'bigint', (c) => c.notNull())
        .addColumn('account_id', 'bigint', (c) => c.notNull())
        .addColumn('furnisher_id', 'bigint', (c) => c.notNull())
        .addColumn('account_no', 'text', (c) => c.notNull()),
    )
      .addColumn('state', 'text', (c: any) => c.notNull())
      .addColumn('version', 'integer', (c: any) => c.notNull())
      .addColumn('reported_on', 'text', (c: any) => c.notNull())
      .addColumn('batch_pk', 'bigint', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addPrimaryKeyConstraint('accounts_pk', ['person_id', 'account_id'])
      .execute();

    await withTerms(
      db.schema
        .createTable('account_versions')
        .addColumn('person_id', 'bigint', (c) => c.notNull())
        .addColumn('account_id', 'bigint', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull()),
    )
      .addColumn('state', 'text', (c: any) => c.notNull())
      .addColumn('reported_on', 'text', (c: any) => c.notNull())
      .addColumn('batch_pk', 'bigint', (c: any) => c.notNull())
      .addColumn('change', 'text', (c: any) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('superseded_at', 'text', (c: any) => c.notNull())
      .addColumn('superseded_by_batch_pk', 'bigint', (c: any) => c.notNull())
      .addPrimaryKeyConstraint('account_versions_pk', ['person_id', 'account_id', 'version'])
      .execute();

    await db.schema
      .createTable('account_index')
      .addColumn('furnisher_id', 'bigint', (c) => c.notNull())
      .addColumn('account_no', 'text', (c) => c.notNull())
      .addColumn('person_id', 'bigint', (c) => c.notNull())
      .addColumn('account_id', 'bigint', (c) => c.notNull())
      .addColumn('account_type', 'text', (c) => c.notNull())
      .addColumn('open_date', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('account_index_pk', ['furnisher_id', 'account_no'])
      .execute();

    await withMonthState(
      db.schema
        .createTable('account_months')
        .addColumn('person_id', 'bigint', (c) => c.notNull())
        .addColumn('account_id', 'bigint', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull()),
    )
      .addColumn('version', 'integer', (c: any) => c.notNull())
      .addColumn('reported_on', 'text', (c: any) => c.notNull())
      .addColumn('batch_pk', 'bigint', (c: any) => c.notNull())
      .addPrimaryKeyConstraint('account_months_pk', ['person_id', 'account_id', 'month'])
      .execute();

    await withMonthState(
      db.schema
        .createTable('account_month_versions')
        .addColumn('person_id', 'bigint', (c) => c.notNull())
        .addColumn('account_id', 'bigint', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull()),
    )
      .addColumn('reported_on', 'text', (c: any) => c.notNull())
      .addColumn('batch_pk', 'bigint', (c: any) => c.notNull())
      .addColumn('change', 'text', (c: any) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('superseded_at', 'text', (c: any) => c.notNull())
      .addColumn('superseded_by_batch_pk', 'bigint', (c: any) => c.notNull())
      .addPrimaryKeyConstraint('account_month_versions_pk', ['person_id', 'account_id', 'month', 'version'])
      .execute();

    await db.schema
      .createTable('batches')
      .addColumn('furnisher_id', 'bigint', (c) => c.notNull())
      .addColumn('batch_pk', 'bigint', (c) => c.notNull())
      .addColumn('batch_id', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('content_sha256', 'text', (c) => c.notNull())
      .addColumn('bytes', 'bigint', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('records', 'integer', (c) => c.notNull())
      .addColumn('accepted', 'integer', (c) => c.notNull())
      .addColumn('rejected', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('batches_pk', ['furnisher_id', 'batch_pk'])
      .addUniqueConstraint('batches_batch_id', ['furnisher_id', 'batch_id'])
      .execute();

    await db.schema
      .createTable('rejects')
      .addColumn('furnisher_id', 'bigint', (c) => c.notNull())
      .addColumn('batch_pk', 'bigint', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('raw_enc', 'text', (c) => c.notNull())
      .addColumn('errors', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('fixed_by_batch_pk', 'bigint')
      .addColumn('fixed_by_line', 'integer')
      .addPrimaryKeyConstraint('rejects_pk', ['furnisher_id', 'batch_pk', 'line'])
      .execute();
  },
};
