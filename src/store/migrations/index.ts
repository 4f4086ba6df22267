/**
 * Every migration, in order. Append only: a released migration never changes.
 *
 * @example
 *   for (const m of MIGRATIONS) console.log(m.version, m.name);
 */
import { coreTables } from './001-core-tables.js';
import { consentsAndInquiries } from './002-consents-and-inquiries.js';
import { lenderPolicies } from './003-lender-policies.js';
import { identityValueIndex } from './004-identity-value-index.js';
import { accountHistoryProfile } from './005-account-history-profile.js';
import { clusterPersonTables } from './006-cluster-person-tables.js';
import { scoreModels } from './007-score-models.js';
import { identityResolution } from './008-identity-resolution.js';
import type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [
  coreTables,
  consentsAndInquiries,
  lenderPolicies,
  identityValueIndex,
  accountHistoryProfile,
  clusterPersonTables,
  scoreModels,
  identityResolution,
];
