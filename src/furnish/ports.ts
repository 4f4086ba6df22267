/**
 * What the furnishing pipeline needs from storage, as an interface: the pipeline is domain code
 * and speaks no SQL; src/store implements this for SQLite and PostgreSQL.
 *
 * @example
 *   const result = await furnishBatch({ store: createFurnishStore(db), cipher, profile }, input);
 */
import type { AccountTerms, Finding, MonthState } from '../formats/canonical/record-types.js';
import type { ResolutionReads } from '../identity/resolution/ports.js';

export interface BatchSummary {
  batchPk: number;
  batchId: string;
  furnisherId: number;
  format: 'jsonl' | 'metro2';
  contentSha256: string;
  bytes: number;
  receivedAt: string;
  records: number;
  accepted: number;
  rejected: number;
}

export interface IndexedAccount {
  personId: number;
  accountId: number;
  accountType: string;
  openDate: string;
  /** open or deleted. */
  state: string;
}

export interface AccountKey {
  personId: number;
  accountId: number;
}

export interface MonthKey extends AccountKey {
  month: string;
}

export interface NewPersonRow {
  personId: number;
  idType: string;
  idHash: string;
  idEnc: string;
}

export interface AttributeRow {
  personId: number;
  attrId: number;
  attribute: string;
  valueHash: string;
  valueEnc: string;
  firstReportedOn: string;
  lastReportedOn: string;
}

export interface NewAccountRow extends AccountKey {
  accountNo: string;
  terms: AccountTerms;
  reportedOn: string;
}

export interface AccountChange extends AccountKey {
  accountNo: string;
  terms: AccountTerms;
  state: 'open' | 'deleted';
  reportedOn: string;
  change: 'update' | 'correction' | 'deletion';
  reason: string | null;
}

export interface MonthRow extends MonthKey {
  state: MonthState;
  reportedOn: string;
}

export interface MonthChange extends MonthKey {
  /** The new state, or null to delete the month. */
  state: MonthState | null;
  reportedOn: string;
  /** replacement: a monthly state record for a month corrected or deleted earlier in the same batch. */
  change: 'replacement' | 'correction' | 'deletion';
  reason: string | null;
}

/** A payment history profile furnished with a monthly state (months up to `endMonth`, newest first). */
export interface HistoryProfileRow extends AccountKey {
  endMonth: string;
  /** One status code per month, '-' for no history. */
  statuses: string;
  reportedOn: string;
}

export interface RejectRow {
  line: number;
  kind: string;
  rawEnc: string;
  findings: Finding[];
}

export interface FixRow {
  batchPk: number;
  line: number;
  fixedByLine: number;
}

/** A record linked to a person by identity resolution, and why (docs/identity-resolution.md). */
export interface LinkDecisionRow {
  personId: number;
  decisionId: number;
  line: number;
  kind: string;
  reason: string;
  /** auto: above the link threshold; review: an operator's merge decision. */
  decidedBy: 'auto' | 'review';
  reviewId: number | null;
  weightCentibits: number;
  /** DecisionEvidence as JSON (levels and weights, no values). */
  evidence: string;
}

/** A doubtful match held for review: the record is stored as a reject of the batch at `line`. */
export interface ReviewRow {
  reviewId: number;
  line: number;
  kind: string;
  reason: string;
  candidatePersonId: number;
  idPersonId: number | null;
  weightCentibits: number;
  evidence: string;
  /** The masked values (JSON), encrypted. */
  maskedEnc: string;
}

/** The decision on a review, written with the batch that applies it (a merge) or alone. */
export interface ReviewResolutionRow {
  reviewId: number;
  status: 'merged' | 'kept_apart';
  /** The operator's institution. */
  decidedBy: number;
  decidedAt: string;
  noteEnc: string | null;
  audit: { personId: number; auditId: number; details: string };
}

/** Everything one batch writes, applied in this order in one transaction. */
export interface BatchPlan {
  batch: BatchSummary;
  newPersons: NewPersonRow[];
  attributes: AttributeRow[];
  newAccounts: NewAccountRow[];
  /** In line order, after newAccounts. */
  accountChanges: AccountChange[];
  /** In line order; a month twice in a batch keeps the earlier state as a version. Bulk-written. */
  months: MonthRow[];
  /** In line order, after months: corrections, deletions, and monthly states of a month that an earlier
   *  line of the batch corrected or deleted (so the line order holds). */
  monthChanges: MonthChange[];
  /** Payment history profiles, in line order: the later one of an account and end month wins. */
  historyProfiles: HistoryProfileRow[];
  rejects: RejectRow[];
  fixes: FixRow[];
  /** Records linked by identity resolution (their rows above already name the person). */
  linkDecisions: LinkDecisionRow[];
  /** Records held for review (each also among `rejects`). */
  reviews: ReviewRow[];
  /** When the batch replays a held record for an operator's decision: that decision. */
  reviewResolution?: ReviewResolutionRow;
}

/**
 * An identity row on file as the furnishing pipeline reuses it: a value the same furnisher
 * reports again for the same person keeps its sealed text (nothing is sealed anew).
 */
export interface SealedAttribute {
  personId: number;
  attribute: string;
  valueHash: string;
  valueEnc: string;
}

export interface OpenReject {
  batchPk: number;
  line: number;
}

/** Reads and writes inside one furnishing transaction. */
export interface FurnishTransaction {
  findBatch(furnisherId: number, batchId: string): Promise<BatchSummary | undefined>;
  personsByIdHash(idHashes: readonly string[]): Promise<Map<string, number>>;
  accountsByNumber(furnisherId: number, accountNos: readonly string[]): Promise<Map<string, IndexedAccount>>;
  /** Full terms of accounts, by account id. */
  accountTerms(keys: readonly AccountKey[]): Promise<Map<number, AccountTerms>>;
  /** Monthly states, by `${accountId}|${month}`. */
  monthStates(keys: readonly MonthKey[]): Promise<Map<string, MonthState>>;
  /** The identity rows this furnisher reported of these persons, with their sealed values. */
  sealedAttributes(furnisherId: number, personIds: readonly number[]): Promise<SealedAttribute[]>;
  /** Open rejects of the furnisher, by 'BATCH_ID#LINE'. */
  openRejects(
    furnisherId: number,
    refs: readonly { batchId: string; line: number }[],
  ): Promise<Map<string, OpenReject>>;
  allocateIds(
    name: 'person' | 'account' | 'attribute' | 'batch' | 'link_decision' | 'identity_review',
    count: number,
  ): Promise<number>;
  /** Reads of identity resolution, in this transaction. */
  readonly resolution: ResolutionReads;
  apply(plan: BatchPlan): Promise<void>;
}

export interface FurnishStore {
  findBatch(furnisherId: number, batchId: string): Promise<BatchSummary | undefined>;
  inFurnisherTransaction<T>(furnisherId: number, work: (tx: FurnishTransaction) => Promise<T>): Promise<T>;
}
