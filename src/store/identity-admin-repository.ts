/**
 * The identity operations' storage (IdentityAdminStore) on both engines: the review queue (listed
 * by id, a page at a time; under Citus a fan-out over the review shards, a small table read by
 * operators only), review decisions, merges and splits, and the lookups they need.
 *
 * @example
 *   const admin = createIdentityAdminStore(database);
 *   const page = await admin.listReviews({ status: 'pending', afterId: 0, limit: 50 });
 */
import type { IdentityAdminStore, StoredReview } from '../identity/resolution/admin-ports.js';
import { writeReviewResolution } from './identity-resolution-writes.js';
import { inIdentityTransaction } from './identity-transaction.js';
import type { BureauDatabase } from './open-database.js';
import { mergePersonsInStore } from './person-merge.js';
import { splitPersonInStore } from './person-split.js';

export function createIdentityAdminStore(store: BureauDatabase): IdentityAdminStore {
  const db = store.db;
  const reviewQuery = () =>
    db
      .selectFrom('identity_reviews as r')
      .innerJoin('institutions as f', 'f.institution_id', 'r.furnisher_id')
      .leftJoin('batches as b', (j) =>
        j.onRef('b.furnisher_id', '=', 'r.furnisher_id').onRef('b.batch_pk', '=', 'r.batch_pk'),
      )
      .leftJoin('rejects as j', (j) =>
        j
          .onRef('j.furnisher_id', '=', 'r.furnisher_id')
          .onRef('j.batch_pk', '=', 'r.batch_pk')
          .onRef('j.line', '=', 'r.line'),
      )
      .leftJoin('institutions as d', 'd.institution_id', 'r.decided_by')
      .selectAll('r')
      .select([
        'f.code as furnisher_code',
        'b.batch_id',
        'j.status as reject_status',
        'j.raw_enc',
        'd.code as decided_by_code',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof reviewQuery>['execute']>>[number];
  const view = (r: Row): StoredReview => ({
    reviewId: Number(r.review_id),
    status: r.status as StoredReview['status'],
    createdAt: r.created_at,
    furnisherId: Number(r.furnisher_id),
    furnisherCode: r.furnisher_code,
    batchId: r.batch_id ?? '',
    line: Number(r.line),
    recordKind: r.record_kind,
    reason: r.reason,
    candidatePersonId: Number(r.candidate_person_id),
    idPersonId: r.id_person_id === null ? null : Number(r.id_person_id),
    weightCentibits: Number(r.weight_centibits),
    evidence: r.evidence,
    maskedEnc: r.masked_enc,
    decidedAt: r.decided_at,
    decidedByCode: r.decided_by_code ?? null,
    rejectStatus: (r.reject_status as StoredReview['rejectStatus']) ?? null,
    rawEnc: r.raw_enc ?? null,
  });
  return {
    async listReviews(q) {
      const rows = await reviewQuery()
        .where('r.status', '=', q.status)
        .where('r.review_id', '>', q.afterId)
        .orderBy('r.review_id')
        .limit(q.limit)
        .execute();
      return rows.map(view);
    },
    async findReview(reviewId) {
      const row = await reviewQuery().where('r.review_id', '=', reviewId).executeTakeFirst();
      return row ? view(row) : undefined;
    },
    decideWithoutReplay: (row) => inIdentityTransaction(store, (tx) => writeReviewResolution(tx.db, row)),
    merge: (row) => mergePersonsInStore(store, row),
    split: (row) => splitPersonInStore(store, row),
    async personOfIdHash(idHash) {
      const row = await db
        .selectFrom('national_id_index')
        .select('person_id')
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      return row ? Number(row.person_id) : undefined;
    },
    async institutionIds(codes) {
      if (codes.length === 0) return new Map();
      const rows = await db
        .selectFrom('institutions')
        .select(['institution_id', 'code'])
        .where('code', 'in', [...codes])
        .execute();
      return new Map(rows.map((r) => [r.code, Number(r.institution_id)]));
    },
    allocateIds: (name, count) => store.allocateIds(name, count),
  };
}
