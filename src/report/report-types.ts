/**
 * The credit report, in the order of the CRC second-generation personal report (DOMAIN.md
 * section 3) as far as the bureau's data goes, and what it is built from: one person's file.
 * Money is integer minor units with its currency; dates `YYYY-MM-DD`, months `YYYY-MM`,
 * instants ISO-8601 UTC.
 *
 * @example
 *   const report: CreditReport = buildCreditReport(file, request, CHINA_PROFILE);
 *   report.summary.distinctOpenFurnishers // lenders with an open account
 */

import type { InquiryReason } from '../consent/inquiry-reasons.js';
import type { AccountType, InstitutionKind, RepaymentStatus } from '../domain/codes.js';
import type { AccountTerms, MonthState } from '../formats/canonical/record-types.js';
import type { FraudEvidence } from '../identity/fraud/fraud-evidence.js';
import type { ReportScore } from '../score/bureau/report-score-types.js';

/** An institution as a report shows it. */
export interface InstitutionRef {
  code: string;
  name: string;
  kind: InstitutionKind;
}

// ------------------------------------------------------------------------- the input

/** One value of an identity attribute as reported, with who reported it and when. */
export interface ReportedValue {
  value: string;
  furnisher: InstitutionRef;
  firstReportedOn: string;
  lastReportedOn: string;
}

export interface FileMonth {
  month: string;
  state: MonthState;
  reportedOn: string;
}

/** A month known only from a payment history profile: a status, no amounts. */
export interface FileHistoryMonth {
  month: string;
  status: RepaymentStatus;
}

export interface FileAccount {
  accountId: number;
  furnisher: InstitutionRef;
  accountNo: string;
  terms: AccountTerms;
  /** Months on file (deleted months excluded), any order. */
  months: FileMonth[];
  /** Months of its payment history profiles that have no monthly state on file (not even a deleted
   *  one), oldest first; absent when there are none. They fill the grid and count in no figure. */
  historyMonths?: FileHistoryMonth[];
}

export interface FileInquiry {
  /** ISO-8601 UTC instant. */
  at: string;
  institution: InstitutionRef;
  reason: InquiryReason;
}

/** Everything the bureau holds on one person, decrypted: the input of the report. Deleted
 *  accounts are not in it. An unknown person is `null` (the report says so). */
export interface PersonFile {
  personId: number;
  idType: string;
  /** The ID number on file; empty in a file read for its credit part only (ServeRequest.parts). */
  idNumber: string;
  /** attribute name -> values: name, birth_date, sex, mobile, address, employer (none in a file
   *  read for its credit part only). */
  attributes: Record<string, ReportedValue[]>;
  accounts: FileAccount[];
  /** Earlier inquiries (this one not included). */
  inquiries: FileInquiry[];
  /** Items the person disputes (objection labels); 0 until disputes exist. */
  objections: number;
  /** The evidence of the fraud signals, read with the file when the report asked for it. */
  fraud?: FraudEvidence;
}

/** Who asks, why, and when: the report's request. */
export interface ReportRequest {
  reportNumber: string;
  /** ISO-8601 UTC instant of the report. */
  at: string;
  /** The name the lender gave (with the ID number). */
  name: string;
  idNumber: string;
  queriedBy: InstitutionRef;
  reason: InquiryReason;
}

// ------------------------------------------------------------------------- the report

export interface ReportHeader {
  reportNumber: string;
  generatedAt: string;
  subject: { name: string; idType: string; idNumberMasked: string };
  queriedBy: InstitutionRef;
  reason: { code: InquiryReason; label: string };
  /** False when the bureau has no file on the person: the report then has no accounts. */
  personKnown: boolean;
  objections: number;
  /** The anti-fraud warning: one line per fraud signal that fired (docs/fraud-signals.md); empty when none. */
  fraudWarning: string[];
}

export interface ReportedValueView {
  value: string;
  furnisher: string;
  firstReportedOn: string;
  lastReportedOn: string;
}

export interface PersonalInformation {
  /** Latest values (by last reported date). */
  sex: string | null;
  birthDate: string | null;
  /** Every value with its furnisher and dates, newest first. */
  names: ReportedValueView[];
  mobiles: ReportedValueView[];
  addresses: ReportedValueView[];
  employers: ReportedValueView[];
}

/** CRC account categories in report order. */
export type AccountCategory = AccountType;

export interface CategoryCount {
  category: AccountCategory;
  label: string;
  accounts: number;
  open: number;
  /** The month of the earliest open date, YYYY-MM. */
  firstBusinessMonth: string;
}

export interface OverdueSummary {
  category: AccountCategory;
  label: string;
  /** Accounts with at least one overdue month that is still shown (retention rule). */
  accounts: number;
  /** Overdue months (status 1-7) shown, over all those accounts. */
  monthsOverdue: number;
  /** Highest overdue status shown, '1'..'7'. */
  worstStatus: RepaymentStatus;
  largestOverdueAmountMinor: number;
  currency: string;
}

export interface CreditLineSummary {
  currency: string;
  /** Revolving accounts (R1-R4) open. */
  revolving: {
    accounts: number;
    totalLimitMinor: number;
    usedMinor: number;
    /** Average used limit over the last 6 reported months (integer, rounded down). */
    averageUsed6mMinor: number;
  };
  /** Non-revolving accounts (D1, C1) open. */
  loans: { accounts: number; totalAmountMinor: number; balanceMinor: number };
}

export interface InquiryWindow {
  months: 1 | 3 | 6 | 12;
  hard: number;
  soft: number;
  /** Distinct institutions with a hard inquiry in the window. */
  hardInstitutions: number;
}

export interface ReportSummary {
  accountsByCategory: CategoryCount[];
  overdueByCategory: OverdueSummary[];
  /** One entry per currency of open accounts. */
  creditAndDebt: CreditLineSummary[];
  distinctOpenFurnishers: number;
  inquiries: InquiryWindow[];
  /** Multi-lending indicators (docs/indicators.md), before this report's own inquiry. */
  multiLending: MultiLendingRow[];
  /** The bureau score (docs/score.md), when the report was built with the score's model source. */
  score?: ReportScore;
}

/** One window x institution group of the multi-lending indicators. */
export interface MultiLendingRow {
  window: '1m' | '3m' | '6m' | '12m';
  group: 'all' | 'bank' | 'non_bank';
  /** Hard inquiries, repeats for the same product within the shopping window counted once. */
  hardInquiries: number;
  /** Distinct institutions behind them. */
  inquiringInstitutions: number;
  newAccounts: number;
  newAccountInstitutions: number;
  /** Amount newly granted, in minor units of the report's currency (CNY). */
  newAmountMinor: number;
}

/** One cell of the 60-month grid: '/' before opening, a status code, or '' when not reported. */
export interface GridCell {
  month: string;
  code: RepaymentStatus | '/' | '';
}

export interface ReportAccount {
  category: AccountCategory;
  furnisher: InstitutionRef;
  accountNo: string;
  terms: AccountTerms;
  /** Open, or closed (settled or ended: status C, G, D, Z). */
  state: 'open' | 'closed';
  latest: {
    month: string;
    status: RepaymentStatus;
    fiveClass: number;
    balanceMinor: number;
    usedLimitMinor: number | null;
    overdueAmountMinor: number;
    actualPaymentMinor: number;
  } | null;
  /** 60 months ending with the report's last full month, oldest first. */
  grid: GridCell[];
}

export interface ReportInquiry {
  at: string;
  institutionKind: InstitutionKind;
  institutionName: string;
  reason: { code: InquiryReason; label: string };
}

export interface CreditReport {
  header: ReportHeader;
  personalInformation: PersonalInformation | null;
  summary: ReportSummary;
  /** Account details by category (D1, R1, R2, R3, R4, C1), then furnisher and account number. */
  accounts: ReportAccount[];
  /** Inquiry records, newest first, this one included. */
  inquiries: ReportInquiry[];
}
