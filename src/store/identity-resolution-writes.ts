/**
 * Writes identity resolution's rows of a batch, in the batch transaction: link decisions (on the
 * linked person's shard), review items (the held record is among the batch's rejects), and the
 * operator's decision when the batch replays a held record (the review must still be pending:
 * two decisions on one review cannot both commit).
 *
 * @example
 *   await writeResolutionRows(tx.db, plan); // after the plan's other rows
 */
import type { Kysely } from 'kysely';
import type { BatchPlan, ReviewResolutionRow } from '../furnish/ports.js';
import { IdentityError } from '../identity/resolution/identity-error.js';
import { chunks, ROWS_PER_STATEMENT } from './chunks.js';
import type { Database } from './schema-types.js';

/**
 * Marks a pending review decided and writes its audit row; throws review_not_pending (409) when
 * another decision got there first.
 *
 * @example
 *   await writeReviewResolution(trx, { reviewId: 3, status: 'kept_apart', ... });
 */
export async function writeReviewResolution(db: Kysely<Database>, r: ReviewResolutionRow): Promise<void> {
  const updated = await db
    .updateTable('identity_reviews')
    .set({ status: r.status, decided_at: r.decidedAt, decided_by: r.decidedBy, note_enc: r.noteEnc })
    .where('review_id', '=', r.reviewId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new IdentityError('review_not_pending', 409, `review ${r.reviewId} was decided already`);
  await db
    .insertInto('identity_audit')
    .values({
      person_id: r.audit.personId,
      audit_id: r.audit.auditId,
      at: r.decidedAt,
      action: r.status === 'merged' ? 'review_merge' : 'review_keep_apart',
      actor_id: r.decidedBy,
      other_person_id: null,
      review_id: r.reviewId,
      note_enc: r.noteEnc,
      details: r.audit.details,
    })
    .execute();
}

export async function writeResolutionRows(db: Kysely<Database>, plan: BatchPlan): Promise<void> {
  const at = plan.batch.receivedAt;
  for (const part of chunks(plan.linkDecisions, ROWS_PER_STATEMENT))
    await db
      .insertInto('identity_link_decisions')
      .values(
        part.map((l) => ({
          person_id: l.personId,
          decision_id: l.decisionId,
          at,
          furnisher_id: plan.batch.furnisherId,
          batch_pk: plan.batch.batchPk,
          line: l.line,
          record_kind: l.kind,
          reason: l.reason,
          decided_by: l.decidedBy,
          review_id: l.reviewId,
          weight_centibits: l.weightCentibits,
          evidence: l.evidence,
        })),
      )
      .execute();
  for (const part of chunks(plan.reviews, ROWS_PER_STATEMENT))
    await db
      .insertInto('identity_reviews')
      .values(
        part.map((r) => ({
          review_id: r.reviewId,
          status: 'pending',
          created_at: at,
          furnisher_id: plan.batch.furnisherId,
          batch_pk: plan.batch.batchPk,
          line: r.line,
          record_kind: r.kind,
          reason: r.reason,
          candidate_person_id: r.candidatePersonId,
          id_person_id: r.idPersonId,
          weight_centibits: r.weightCentibits,
          evidence: r.evidence,
          masked_enc: r.maskedEnc,
          decided_at: null,
          decided_by: null,
          note_enc: null,
        })),
      )
      .execute();
  if (plan.reviewResolution) await writeReviewResolution(db, plan.reviewResolution);
}
