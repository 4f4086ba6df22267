/**
 * The tables of the bureau as Kysely types: one schema for SQLite and PostgreSQL. Dates and
 * timestamps are ISO-8601 text (they sort as text and read back the same from both engines);
 * booleans are 0/1 integers; money is integer minor units; ids are integers allocated by
 * `allocateIds`. Person-level tables carry `person_id` (the Citus distribution column).
 *
 * @example
 *   const rows = await db.selectFrom('accounts').selectAll().where('person_id', '=', 7).execute();
 */

export interface InstitutionsTable {
  institution_id: number;
  code: string;
  name: string;
  kind: string;
  /** Comma-separated roles, e.g. 'furnisher,lender'. */
  roles: string;
  created_at: string;
}

export interface ApiKeysTable {
  /** SHA-256 of the key, hex. Keys are 256-bit random, so a plain hash is enough. */
  key_hash: string;
  institution_id: number;
  /** First characters of the key, to tell keys apart without revealing them. */
  key_prefix: string;
  created_at: string;
  revoked_at: string | null;
}

export interface PersonsTable {
  person_id: number;
  id_type: string;
  /** Keyed hash of the normalised national ID. */
  id_hash: string;
  /** The national ID, encrypted. */
  id_enc: string;
  created_at: string;
}

/** National ID hash -> person; distributed by id_hash under Citus. */
export interface NationalIdIndexTable {
  id_hash: string;
  person_id: number;
}

export interface IdentityAttributesTable {
  person_id: number;
  attr_id: number;
  /** name, birth_date, sex, mobile, address, employer. */
  attribute: string;
  value_hash: string;
  value_enc: string;
  furnisher_id: number;
  first_reported_on: string;
  last_reported_on: string;
  batch_pk: number;
}

/**
 * Identity attribute value -> persons that reported it (mobile, address, employer, and the
 * name_birth_date pair); distributed by value_hash under Citus. One row per (value, person,
 * furnisher), written with identity_attributes in the same transaction.
 */
export interface IdentityValueIndexTable {
  /** mobile, address, employer, name_birth_date. */
  attribute: string;
  /** The keyed hash of identity_attributes (name_birth_date: nameBirthDateHash of the pair). */
  value_hash: string;
  person_id: number;
  furnisher_id: number;
  first_reported_on: string;
  last_reported_on: string;
}

export interface AccountTermsColumns {
  account_type: string;
  business_type: string;
  currency: string;
  open_date: string;
  maturity_date: string | null;
  amount_minor: number;
  shared_limit_minor: number | null;
  repayment_method: string;
  repayment_frequency: string;
  instalments: number | null;
  guarantee_type: string;
  joint_loan: number;
  /** Date of first delinquency (migration 5); null when not reported. */
  first_delinquency_date: string | null;
}

export interface AccountsTable extends AccountTermsColumns {
  person_id: number;
  account_id: number;
  furnisher_id: number;
  account_no: string;
  /** open, deleted. (Closing is a monthly status, not a state of the account row.) */
  state: string;
  version: number;
  reported_on: string;
  batch_pk: number;
  updated_at: string;
}

export interface AccountVersionsTable extends AccountTermsColumns {
  person_id: number;
  account_id: number;
  version: number;
  state: string;
  reported_on: string;
  batch_pk: number;
  /** update, correction, deletion. */
  change: string;
  reason: string | null;
  superseded_at: string;
  superseded_by_batch_pk: number;
}

/** (furnisher, account number) -> person and account; distributed by account_no under Citus. */
export interface AccountIndexTable {
  furnisher_id: number;
  account_no: string;
  person_id: number;
  account_id: number;
  account_type: string;
  open_date: string;
  state: string;
}

export interface MonthStateColumns {
  balance_minor: number;
  used_limit_minor: number | null;
  scheduled_payment_minor: number;
  actual_payment_minor: number;
  overdue_periods: number;
  overdue_amount_minor: number;
  status: string;
  five_class: number;
}

export interface AccountMonthsTable extends MonthStateColumns {
  person_id: number;
  account_id: number;
  month: string;
  /** 1 when the furnisher deleted the month: kept, so versions keep counting; readers skip it. */
  deleted: number;
  version: number;
  reported_on: string;
  batch_pk: number;
}

export interface AccountMonthVersionsTable extends MonthStateColumns {
  person_id: number;
  account_id: number;
  month: string;
  deleted: number;
  version: number;
  reported_on: string;
  batch_pk: number;
  /** What superseded this version: replacement, correction, deletion. */
  change: string;
  reason: string | null;
  superseded_at: string;
  superseded_by_batch_pk: number;
}

/**
 * Payment history profiles as furnished with a monthly state (migration 5): the statuses of the
 * months up to `end_month`, newest first, '-' for no history. One row per account and end month;
 * the latest furnished replaces an earlier one of the same end month.
 */
export interface AccountHistoryProfilesTable {
  person_id: number;
  account_id: number;
  /** The month of the first character: the month before the monthly state it came with. */
  end_month: string;
  statuses: string;
  reported_on: string;
  batch_pk: number;
}

export interface BatchesTable {
  furnisher_id: number;
  batch_pk: number;
  batch_id: string;
  /** jsonl, metro2. */
  format: string;
  content_sha256: string;
  bytes: number;
  received_at: string;
  records: number;
  accepted: number;
  rejected: number;
}

export interface RejectsTable {
  furnisher_id: number;
  batch_pk: number;
  line: number;
  /** Record kind when known, else ''. */
  kind: string;
  /** The rejected line, encrypted (it may hold an ID number). */
  raw_enc: string;
  /** JSON array of findings {line, field, rule, message}. */
  errors: string;
  /** open, fixed. */
  status: string;
  fixed_by_batch_pk: number | null;
  fixed_by_line: number | null;
}

export interface ConsentsTable {
  consent_id: string;
  lender_id: number;
  id_hash: string;
  name_hash: string;
  purpose: string;
  granted_at: string;
  expires_at: string;
  evidence_ref: string;
  created_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

/** Every report served, on the person's file (shown in later reports). */
export interface InquiriesTable {
  person_id: number;
  inquiry_id: number;
  at: string;
  institution_id: number;
  reason: string;
  consent_id: string;
  report_number: string;
}

/** Every report request of a lender, served or refused (the audit of queries). */
export interface ReportRequestsTable {
  lender_id: number;
  request_id: number;
  at: string;
  id_hash: string;
  purpose: string;
  consent_id: string | null;
  outcome: string;
  report_number: string | null;
}

export interface ReportsTable {
  lender_id: number;
  report_number: string;
  created_at: string;
  body_enc: string;
}

export interface SequencesTable {
  name: string;
  next_value: number;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface LenderPoliciesTable {
  lender_id: number;
  policy_json: string;
  updated_at: string;
  updated_by_key: string;
}

/** The bureau score's models, one per build (migration 7). */
export interface ScoreModelsTable {
  version: number;
  created_at: string;
  training_month: string;
  holdout_month: string;
  model_json: string;
}

/** Records linked to a person by probabilistic matching, and why (migration 8). */
export interface IdentityLinkDecisionsTable {
  person_id: number;
  decision_id: number;
  at: string;
  furnisher_id: number;
  batch_pk: number;
  line: number;
  record_kind: string;
  reason: string;
  decided_by: string;
  review_id: number | null;
  weight_centibits: number;
  evidence: string;
}

/** The review queue of doubtful matches (migration 8). */
export interface IdentityReviewsTable {
  review_id: number;
  status: string;
  created_at: string;
  furnisher_id: number;
  batch_pk: number;
  line: number;
  record_kind: string;
  reason: string;
  candidate_person_id: number;
  id_person_id: number | null;
  weight_centibits: number;
  evidence: string;
  masked_enc: string;
  decided_at: string | null;
  decided_by: number | null;
  note_enc: string | null;
}

/** Merges, splits and review decisions (migration 8). */
export interface IdentityAuditTable {
  person_id: number;
  audit_id: number;
  at: string;
  action: string;
  actor_id: number;
  other_person_id: number | null;
  review_id: number | null;
  note_enc: string | null;
  details: string;
}

/** National IDs a person holds besides its own, from merges (migration 8). */
export interface PersonNationalIdsTable {
  person_id: number;
  id_hash: string;
  id_type: string;
  id_enc: string;
  since: string;
}

export interface Database {
  institutions: InstitutionsTable;
  api_keys: ApiKeysTable;
  persons: PersonsTable;
  national_id_index: NationalIdIndexTable;
  identity_attributes: IdentityAttributesTable;
  identity_value_index: IdentityValueIndexTable;
  accounts: AccountsTable;
  account_versions: AccountVersionsTable;
  account_index: AccountIndexTable;
  account_months: AccountMonthsTable;
  account_month_versions: AccountMonthVersionsTable;
  account_history_profiles: AccountHistoryProfilesTable;
  batches: BatchesTable;
  rejects: RejectsTable;
  consents: ConsentsTable;
  inquiries: InquiriesTable;
  report_requests: ReportRequestsTable;
  reports: ReportsTable;
  lender_policies: LenderPoliciesTable;
  score_models: ScoreModelsTable;
  identity_link_decisions: IdentityLinkDecisionsTable;
  identity_reviews: IdentityReviewsTable;
  identity_audit: IdentityAuditTable;
  person_national_ids: PersonNationalIdsTable;
  sequences: SequencesTable;
  schema_migrations: SchemaMigrationsTable;
}
