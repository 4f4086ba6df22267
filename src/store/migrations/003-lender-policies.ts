/**
 * Migration 3: each lender's own pre-lending policy (limits on distinct lenders, recent hard
 * inquiries, repayment-to-income, current delinquency), kept as JSON with who changed it and when.
 *
 * @example
 *   await lenderPolicies.up(db);
 */
import { createTable, type TableSpec } from './001-core-tables.js';
import type { Migration } from './migration.js';

const TABLES: readonly TableSpec[] = [
  {
    name: 'lender_policies',
    columns: [
      ['lender_id', 'bigint'],
      /** The policy as JSON (src/risk: LenderPolicy); validated by the route schema before it is stored. */
      ['policy_json', 'text'],
      ['updated_at', 'text'],
      /** The first characters of the API key that changed it (never the key). */
      ['updated_by_key', 'text'],
    ],
    primaryKey: ['lender_id'],
  },
];

export const lenderPolicies: Migration = {
  version: 3,
  name: 'lender-policies',
  async up(db) {
    for (const spec of TABLES) await createTable(db, spec);
  },
};
