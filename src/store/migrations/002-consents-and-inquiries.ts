/**
 * Migration 2: consents of persons to lenders, inquiries (every report served, on the person's
 * file), the log of every report request (served or refused), and the reports served (kept
 * encrypted so the lender can view them again).
 *
 * @example
 *   await consentsAndInquiries.up(db);
 */
import { createTable, type TableSpec } from './001-core-tables.js';
import type { Migration } from './migration.js';

const TABLES: readonly TableSpec[] = [
  {
    name: 'consents',
    columns: [
      ['consent_id', 'text'],
      ['lender_id', 'bigint'],
      /** Keyed hashes of the person's normalised ID and name: the consent names a person without storing them. */
      ['id_hash', 'text'],
      ['name_hash', 'text'],
      ['purpose', 'text'],
      ['granted_at', 'text'],
      ['expires_at', 'text'],
      ['evidence_ref', 'text'],
      ['created_at', 'text'],
      ['revoked_at', 'text', 'null'],
      ['revoked_reason', 'text', 'null'],
    ],
    primaryKey: ['consent_id'],
  },
  {
    name: 'inquiries',
    columns: [
      ['person_id', 'bigint'],
      ['inquiry_id', 'bigint'],
      ['at', 'text'],
      ['institution_id', 'bigint'],
      ['reason', 'text'],
      ['consent_id', 'text'],
      ['report_number', 'text'],
    ],
    primaryKey: ['person_id', 'inquiry_id'],
  },
  {
    name: 'report_requests',
    columns: [
      ['lender_id', 'bigint'],
      ['request_id', 'bigint'],
      ['at', 'text'],
      ['id_hash', 'text'],
      ['purpose', 'text'],
      ['consent_id', 'text', 'null'],
      /** served, or the refusal code. */
      ['outcome', 'text'],
      ['report_number', 'text', 'null'],
    ],
    primaryKey: ['lender_id', 'request_id'],
  },
  {
    name: 'reports',
    columns: [
      ['lender_id', 'bigint'],
      ['report_number', 'text'],
      ['created_at', 'text'],
      /** The report as served (JSON), encrypted: it holds the person's data. */
      ['body_enc', 'text'],
    ],
    primaryKey: ['lender_id', 'report_number'],
  },
];

export const consentsAndInquiries: Migration = {
  version: 2,
  name: 'consents-and-inquiries',
  async up(db) {
    for (const spec of TABLES) await createTable(db, spec);
  },
};
