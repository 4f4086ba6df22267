/**
 * The review queue of doubtful matches (docs/identity-resolution.md): list pending items with
 * their evidence (levels and weights per attribute, masked values only), and resolve one.
 *
 * - merge: the held record is replayed as a batch of its furnisher (`review-<id>`, the record
 *   with `fixes` naming its reject) and linked to the candidate person; the reject is marked
 *   fixed, the link decision recorded (decided by review, with the review's weights), the review
 *   closed and audited, all in the batch's one transaction.
 * - keep_apart: the record is not the candidate's. A record whose own valid ID names a person
 *   (id_conflicts_person) is then applied by that ID, as before resolution existed (replayed the
 *   same way); any other (ID invalid or missing) stays rejected, open for the furnisher to fix
 *   and resubmit. The review is closed and audited.
 *
 * @example
 *   const page = await listReviews(deps, { status: 'pending', afterId: 0, limit: 50 });
 *   await resolveReview(deps, { reviewId: 3, decision: 'merge', note: 'same mobile, ID typo', operator });
 */
import type { Institution } from '../../access/institution.js';
import { type FurnishDeps, furnishBatch } from '../../furnish/furnish-batch.js';
import type { PiiCipher } from '../pii-cipher.js';
import type { IdentityAdminStore, StoredReview } from './admin-ports.js';
import type { DecisionEvidence, MaskedPair } from './evidence.js';
import { IdentityError } from './identity-error.js';
import { MAX_NOTE_CHARS, REVIEW_PAGE_MAX } from './limits.js';

/**
 * What the review operations need.
 *
 * @example
 *   const deps: ReviewDeps = { admin, cipher, furnish: bureau.furnishDeps };
 */
export interface ReviewDeps {
  admin: IdentityAdminStore;
  cipher: PiiCipher;
  furnish: FurnishDeps;
  now?: () => Date;
}

/**
 * One review as shown to a bureau operator.
 *
 * @example
 *   view.evidence.attributes.map((a) => `${a.attribute}: ${a.label} ${a.weight_bits}`);
 */
export interface ReviewView {
  review_id: number;
  status: StoredReview['status'];
  created_at: string;
  reason: string;
  record_kind: string;
  furnisher: string;
  batch_id: string;
  line: number;
  record_status: 'open' | 'fixed' | null;
  candidate_person_id: number;
  id_person_id: number | null;
  weight_bits: number;
  evidence: DecisionEvidence;
  masked: MaskedPair[];
  decided_at: string | null;
  decided_by: string | null;
}

/**
 * The view of a stored review (masked values decrypted: they are masked already).
 *
 * @example
 *   reviewView(stored, cipher).masked;
 */
export function reviewView(r: StoredReview, cipher: PiiCipher): ReviewView {
  return {
    review_id: r.reviewId,
    status: r.status,
    created_at: r.createdAt,
    reason: r.reason,
    record_kind: r.recordKind,
    furnisher: r.furnisherCode,
    batch_id: r.batchId,
    line: r.line,
    record_status: r.rejectStatus,
    candidate_person_id: r.candidatePersonId,
    id_person_id: r.idPersonId,
    weight_bits: r.weightCentibits / 100,
    evidence: JSON.parse(r.evidence) as DecisionEvidence,
    masked: JSON.parse(cipher.decrypt(r.maskedEnc)) as MaskedPair[],
    decided_at: r.decidedAt,
    decided_by: r.decidedByCode,
  };
}

/**
 * A page of reviews, by id, after `afterId`; `next_after` continues (null: no more).
 *
 * @example
 *   await listReviews(deps, { status: 'pending', afterId: 0, limit: 50 });
 */
export async function listReviews(
  deps: Pick<ReviewDeps, 'admin' | 'cipher'>,
  q: { status: StoredReview['status']; afterId: number; limit: number },
): Promise<{ reviews: ReviewView[]; next_after: number | null }> {
  if (!Number.isSafeInteger(q.limit) || q.limit < 1 || q.limit > REVIEW_PAGE_MAX)
    throw new IdentityError('invalid_request', 400, `limit: expected 1 to ${REVIEW_PAGE_MAX}`);
  const rows = await deps.admin.listReviews({ ...q, limit: q.limit + 1 });
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  return {
    reviews: page.map((r) => reviewView(r, deps.cipher)),
    next_after: more ? page[page.length - 1]!.reviewId : null,
  };
}

/**
 * An operator's decision.
 *
 * @example
 *   const input: ResolveInput = { reviewId: 3, decision: 'keep_apart', note: 'different persons', operator };
 */
export interface ResolveInput {
  reviewId: number;
  decision: 'merge' | 'keep_apart';
  note?: string;
  operator: Institution;
}

/**
 * The outcome: the review as decided, where the record went (a person, or nowhere: still
 * rejected) and the replay batch when one applied it.
 *
 * @example
 *   outcome.person_id; // the person the held record now belongs to, or null
 */
export interface ResolveOutcome {
  review: ReviewView;
  person_id: number | null;
  replay_batch_id: string | null;
}

/** The held line with `fixes` naming its reject, as the replay batch's body. */
function replayBody(r: StoredReview, cipher: PiiCipher): Buffer {
  if (r.rawEnc === null) throw new Error('invariant: a pending review without its reject');
  const record = JSON.parse(cipher.decrypt(r.rawEnc)) as Record<string, unknown>;
  record.fixes = `${r.batchId}#${r.line}`;
  return Buffer.from(JSON.stringify(record), 'utf8');
}

/**
 * Decides a review.
 *
 * @example
 *   await resolveReview(deps, { reviewId: 3, decision: 'merge', operator });
 */
export async function resolveReview(deps: ReviewDeps, input: ResolveInput): Promise<ResolveOutcome> {
  if (input.note !== undefined && [...input.note].length > MAX_NOTE_CHARS)
    throw new IdentityError('invalid_request', 400, `note: at most ${MAX_NOTE_CHARS} characters`);
  const review = await deps.admin.findReview(input.reviewId);
  if (!review) throw new IdentityError('review_not_found', 404, `no review ${input.reviewId}`);
  if (review.status !== 'pending')
    throw new IdentityError('review_not_pending', 409, `review ${input.reviewId} was decided already`);
  const at = (deps.now?.() ?? new Date()).toISOString();
  const noteEnc = input.note ? deps.cipher.encrypt(input.note) : null;
  const evidence = JSON.parse(review.evidence) as DecisionEvidence;
  const replays = input.decision === 'merge' || review.reason === 'id_conflicts_person';
  if (replays && review.rejectStatus !== 'open')
    throw new IdentityError(
      'record_fixed',
      409,
      'the furnisher fixed and resubmitted the held record meanwhile: keep it apart to close the review',
    );
  const person = input.decision === 'merge' ? review.candidatePersonId : replays ? review.idPersonId : null;
  const auditId = await deps.admin.allocateIds('identity_audit', 1);
  const resolution = {
    reviewId: review.reviewId,
    status: input.decision === 'merge' ? ('merged' as const) : ('kept_apart' as const),
    decidedBy: input.operator.institutionId,
    decidedAt: at,
    noteEnc,
    audit: {
      personId: person ?? review.candidatePersonId,
      auditId,
      details: JSON.stringify({
        decision: input.decision,
        reason: review.reason,
        candidate_person_id: review.candidatePersonId,
        record: { furnisher: review.furnisherCode, batch_id: review.batchId, line: review.line },
        evidence,
      }),
    },
  };
  let replayBatchId: string | null = null;
  if (replays) {
    replayBatchId = `review-${review.reviewId}`;
    const result = await furnishBatch(deps.furnish, {
      furnisherId: review.furnisherId,
      batchId: replayBatchId,
      body: replayBody(review, deps.cipher),
      decided: new Map([
        [
          1,
          {
            personId: input.decision === 'merge' ? review.candidatePersonId : null,
            reviewId: review.reviewId,
            reason: review.reason,
            weightCentibits: review.weightCentibits,
            evidence: review.evidence,
          },
        ],
      ]),
      reviewResolution: resolution,
    });
    if (result.replayed)
      throw new IdentityError('review_not_pending', 409, `review ${review.reviewId} was decided already`);
  } else await deps.admin.decideWithoutReplay(resolution);
  const decided = await deps.admin.findReview(review.reviewId);
  if (!decided) throw new Error('invariant: a decided review is gone');
  return { review: reviewView(decided, deps.cipher), person_id: person, replay_batch_id: replayBatchId };
}
