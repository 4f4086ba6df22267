/**
 * What the identity operations (review queue, merge, split) need from storage, as an interface;
 * src/store implements it. Values are sealed: the operations decrypt only masked values.
 *
 * @example
 *   const page = await admin.listReviews({ status: 'pending', afterId: 0, limit: 50 });
 */
import type { ReviewResolutionRow } from '../../furnish/ports.js';

/**
 * A review item as stored, with its held record's reject.
 *
 * @example
 *   review.status === 'pending' && review.rejectStatus === 'open';
 */
export interface StoredReview {
  reviewId: number;
  status: 'pending' | 'merged' | 'kept_apart';
  createdAt: string;
  furnisherId: number;
  furnisherCode: string;
  batchId: string;
  line: number;
  recordKind: string;
  reason: string;
  candidatePersonId: number;
  idPersonId: number | null;
  weightCentibits: number;
  /** DecisionEvidence as JSON. */
  evidence: string;
  maskedEnc: string;
  decidedAt: string | null;
  decidedByCode: string | null;
  /** The held record's reject: open (to fix or decide), fixed (the furnisher resubmitted it). */
  rejectStatus: 'open' | 'fixed' | null;
  /** The held line, sealed. */
  rawEnc: string | null;
}

/**
 * A merge as the store runs it.
 *
 * @example
 *   const row: MergeRequestRow = { keepPersonId: 7, mergePersonId: 9, actorId: 4, at, noteEnc: null, auditId: 12 };
 */
export interface MergeRequestRow {
  keepPersonId: number;
  mergePersonId: number;
  actorId: number;
  at: string;
  noteEnc: string | null;
  auditId: number;
}

/**
 * What a merge did: rows moved per table.
 *
 * @example
 *   outcome.moved.accounts; // accounts that changed person
 */
export interface MergeOutcome {
  auditId: number;
  keptPersonId: number;
  mergedPersonId: number;
  moved: Record<string, number>;
}

/**
 * A split as the store runs it: accounts (by furnisher and number) of one person go to another,
 * or to a new person with an ID of its own.
 *
 * @example
 *   const row: SplitRequestRow = { fromPersonId: 7, accounts: [{ furnisherId: 2, accountNo: 'L-1' }], to: { personId: 9 }, ... };
 */
export interface SplitRequestRow {
  fromPersonId: number;
  accounts: { furnisherId: number; accountNo: string }[];
  to:
    | { personId: number }
    | { newPerson: { personId: number; idType: string; idHash: string; idEnc: string } };
  actorId: number;
  at: string;
  noteEnc: string | null;
  auditId: number;
}

/**
 * What a split did.
 *
 * @example
 *   outcome.created; // true: a new person was created for the accounts
 */
export interface SplitOutcome {
  auditId: number;
  fromPersonId: number;
  toPersonId: number;
  created: boolean;
  moved: Record<string, number>;
}

/**
 * The store.
 *
 * @example
 *   const admin: IdentityAdminStore = createIdentityAdminStore(database);
 */
export interface IdentityAdminStore {
  listReviews(q: { status: StoredReview['status']; afterId: number; limit: number }): Promise<StoredReview[]>;
  findReview(reviewId: number): Promise<StoredReview | undefined>;
  /** Records a decision that applies no record (a review kept apart), with its audit row. */
  decideWithoutReplay(row: ReviewResolutionRow): Promise<void>;
  merge(row: MergeRequestRow): Promise<MergeOutcome>;
  split(row: SplitRequestRow): Promise<SplitOutcome>;
  /** The person a national ID hash leads to. */
  personOfIdHash(idHash: string): Promise<number | undefined>;
  /** Institution ids by code (split names accounts by furnisher code). */
  institutionIds(codes: readonly string[]): Promise<Map<string, number>>;
  allocateIds(name: 'identity_audit' | 'person', count: number): Promise<number>;
}
