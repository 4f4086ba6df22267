/**
 * Migration 5: what Metro 2 furnishes besides the monthly state. The date of first delinquency
 * becomes an account term (a nullable column of `accounts` and `account_versions`), and payment
 * history profiles get a table of their own, keyed by person first (one Citus shard per person,
 * colocated with `accounts`). Rows written before this migration read as "not reported".
 *
 * @example
 *   await accountHistoryProfile.up(db);
 */
import { createTable, type TableSpec } from './001-core-tables.js';
import type { Migration } from './migration.js';

const PROFILES: TableSpec = {
  name: 'account_history_profiles',
  columns: [
    ['person_id', 'bigint'],
    ['account_id', 'bigint'],
    /** The month of the profile's first (newest) character. */
    ['end_month', 'text'],
    /** One status code per month, newest first; '-' for no history (at most 24). */
    ['statuses', 'text'],
    ['reported_on', 'text'],
    ['batch_pk', 'bigint'],
  ],
  primaryKey: ['person_id', 'account_id', 'end_month'],
};

/** The tables that hold account terms, and so the date of first delinquency. */
const TERM_TABLES = ['accounts', 'account_versions'] as const;

export const accountHistoryProfile: Migration = {
  version: 5,
  name: 'account-history-profile',
  async up(db) {
    for (const table of TERM_TABLES)
      await db.schema.alterTable(table).addColumn('first_delinquency_date', 'text').execute();
    await createTable(db, PROFILES);
  },
};
