/**
 * Every migration, in order. Append only: a released migration never changes.
 *
 * @example
 *   for (const m of MIGRATIONS) console.log(m.version, m.name);
 */
import { coreTables } from './001-core-tables.js';
import { consentsAndInquiries } from './002-consents-and-inquiries.js';
import { lenderPolicies } from './003-lender-policies.js';
import type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [coreTables, consentsAndInquiries, lenderPolicies];
