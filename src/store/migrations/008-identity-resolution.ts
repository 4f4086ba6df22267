/**
 * Migration 8: identity resolution inside the bureau (docs/identity-resolution.md).
 *
 * - `identity_link_decisions`: every record linked to a person by probabilistic matching (not by
 *   its ID), with why: the per-attribute comparison levels and weights (no values). Person-level,
 *   keyed `(person_id, decision_id)`: it moves with the person on a merge.
 * - `identity_reviews`: the review queue of doubtful matches: the held record (a reject of its
 *   batch), the candidate person, the weights, the masked values (encrypted), the decision.
 * - `identity_audit`: every merge, split and review decision: who, when, the note (encrypted),
 *   the evidence and what moved. Keyed `(person_id, audit_id)`, person_id the person the rows
 *   went to.
 * - `person_national_ids`: national IDs a person holds besides its own (from merges): the ID
 *   hashes that national_id_index points at the person, so a later merge or split can repoint
 *   them without scanning the index.
 *
 * @example
 *   await identityResolution.up(db);
 */
import { createTable, type TableSpec } from './001-core-tables.js';
import type { Migration } from './migration.js';

const TABLES: readonly TableSpec[] = [
  {
    name: 'identity_link_decisions',
    columns: [
      ['person_id', 'bigint'],
      ['decision_id', 'bigint'],
      ['at', 'text'],
      ['furnisher_id', 'bigint'],
      /** The batch and line of the record linked. */
      ['batch_pk', 'bigint'],
      ['line', 'integer'],
      ['record_kind', 'text'],
      /** id_invalid, id_missing, id_contradicts_record, id_conflicts_person. */
      ['reason', 'text'],
      /** auto (above the link threshold) or review (an operator's merge decision). */
      ['decided_by', 'text'],
      ['review_id', 'bigint', 'null'],
      /** Total match weight in hundredths of a bit (log2 Bayes factor x 100). */
      ['weight_centibits', 'integer'],
      /** JSON: per attribute level, label, m, u, weight; the thresholds; candidates compared. */
      ['evidence', 'text'],
    ],
    primaryKey: ['person_id', 'decision_id'],
  },
  {
    name: 'identity_reviews',
    columns: [
      ['review_id', 'bigint'],
      /** pending, merged, kept_apart. */
      ['status', 'text'],
      ['created_at', 'text'],
      ['furnisher_id', 'bigint'],
      ['batch_pk', 'bigint'],
      ['line', 'integer'],
      ['record_kind', 'text'],
      ['reason', 'text'],
      ['candidate_person_id', 'bigint'],
      /** The person the record's own valid ID belongs to (id_conflicts_person), else null. */
      ['id_person_id', 'bigint', 'null'],
      ['weight_centibits', 'integer'],
      /** JSON: levels and weights per attribute (no values). */
      ['evidence', 'text'],
      /** The masked values of the record and of the candidate, JSON, encrypted. */
      ['masked_enc', 'text'],
      ['decided_at', 'text', 'null'],
      ['decided_by', 'bigint', 'null'],
      ['note_enc', 'text', 'null'],
    ],
    primaryKey: ['review_id'],
  },
  {
    name: 'identity_audit',
    columns: [
      ['person_id', 'bigint'],
      ['audit_id', 'bigint'],
      ['at', 'text'],
      /** merge, split, review_merge, review_keep_apart. */
      ['action', 'text'],
      /** The institution (bureau operator) that decided. */
      ['actor_id', 'bigint'],
      /** The other person: merged away (merge), split from (split), null for a review. */
      ['other_person_id', 'bigint', 'null'],
      ['review_id', 'bigint', 'null'],
      ['note_enc', 'text', 'null'],
      /** JSON: what moved (rows per table, accounts, IDs) and the evidence. No personal values. */
      ['details', 'text'],
    ],
    primaryKey: ['person_id', 'audit_id'],
  },
  {
    name: 'person_national_ids',
    columns: [
      ['person_id', 'bigint'],
      ['id_hash', 'text'],
      ['id_type', 'text'],
      ['id_enc', 'text'],
      ['since', 'text'],
    ],
    primaryKey: ['person_id', 'id_hash'],
  },
];

export const identityResolution: Migration = {
  version: 8,
  name: 'identity-resolution',
  async up(db) {
    for (const spec of TABLES) await createTable(db, spec);
    await db.schema
      .createIndex('identity_reviews_status')
      .on('identity_reviews')
      .columns(['status', 'review_id'])
      .execute();
  },
};
