/**
 * Typed shapes of the canonical furnishing records, after structural validation. Amounts are
 * integers in minor units (fen, cents); dates are `YYYY-MM-DD`, months `YYYY-MM`.
 *
 * @example
 *   const month: MonthRecord = { kind: 'month', account_no: 'L1', month: '2025-01', ... };
 */
import type {
  AccountType,
  BusinessType,
  Currency,
  FiveLevelClass,
  GuaranteeType,
  RepaymentFrequency,
  RepaymentMethod,
  RepaymentStatus,
  Sex,
} from '../../domain/codes.js';

interface RecordBase {
  /** BATCH_ID#LINE of an earlier reject that this record fixes. */
  fixes?: string;
  reported_on: string;
}

export interface IdentityRecord extends RecordBase {
  kind: 'identity';
  id_number: string;
  name: string;
  birth_date?: string;
  sex?: Sex;
  mobile?: string;
  address?: string;
  employer?: string;
}

export interface AccountTerms {
  account_type: AccountType;
  business_type: BusinessType;
  currency: Currency;
  open_date: string;
  maturity_date?: string;
  amount_minor: number;
  shared_limit_minor?: number;
  repayment_method: RepaymentMethod;
  repayment_frequency: RepaymentFrequency;
  instalments?: number;
  guarantee_type: GuaranteeType;
  joint_loan: boolean;
  /** Date of first delinquency, YYYY-MM-DD (the US retention clock). */
  first_delinquency_date?: string;
}

export interface AccountRecord extends RecordBase, AccountTerms {
  kind: 'account';
  action: 'open' | 'update';
  account_no: string;
  id_number: string;
  name: string;
}

export interface MonthState {
  balance_minor: number;
  used_limit_minor?: number;
  scheduled_payment_minor: number;
  actual_payment_minor: number;
  overdue_periods: number;
  overdue_amount_minor: number;
  status: RepaymentStatus;
  five_class: FiveLevelClass;
}

export interface MonthRecord extends RecordBase, MonthState {
  kind: 'month';
  account_no: string;
  month: string;
  /** Statuses of the months before `month`, newest first ('-': no history that month). */
  payment_history_profile?: string;
}

export interface CorrectionRecord extends RecordBase {
  kind: 'correction';
  account_no: string;
  month?: string;
  set: Record<string, unknown>;
  reason: string;
}

export interface DeletionRecord extends RecordBase {
  kind: 'deletion';
  account_no: string;
  month?: string;
  reason: string;
}

export type FurnishedRecord =
  | IdentityRecord
  | AccountRecord
  | MonthRecord
  | CorrectionRecord
  | DeletionRecord;

/** One problem with one field of one record: the rule it breaks and a message for a data engineer. */
export interface Finding {
  /** 1-based line number in the batch. */
  line: number;
  /** The field at fault, or '' for the record as a whole. */
  field: string;
  /** The rule id (see docs/furnish-rules.md). */
  rule: string;
  message: string;
}
