/**
 * What serving a report needs from storage: the consent, the person's file, and one
 * transaction in which the file is read and the inquiry, the report and the request log are
 * written. src/store implements it for both engines.
 *
 * @example
 *   const result = await pullReport({ store: createReportStore(db, cipher), cipher, profile }, request);
 */
import type { Consent } from '../consent/consent.js';
import type { InquiryReason } from '../consent/inquiry-reasons.js';
import type { PersonFile } from './report-types.js';

export interface ReportRequestLog {
  lenderId: number;
  at: string;
  idHash: string;
  purpose: string;
  consentId: string | null;
  /** 'served' or the refusal code. */
  outcome: string;
  reportNumber: string | null;
}

export interface ReportTransaction {
  readPersonFile(idHash: string): Promise<PersonFile | null>;
  recordInquiry(inquiry: {
    personId: number;
    at: string;
    institutionId: number;
    reason: InquiryReason;
    consentId: string;
    reportNumber: string;
  }): Promise<void>;
  saveReport(report: { lenderId: number; reportNumber: string; at: string; bodyEnc: string }): Promise<void>;
  logRequest(entry: ReportRequestLog): Promise<void>;
}

export interface ReportStore {
  findConsent(consentId: string): Promise<Consent | undefined>;
  /** Logs a refused request (outside any report transaction). */
  logRequest(entry: ReportRequestLog): Promise<void>;
  /** Runs the work in one transaction: the read of the file and the writes commit together. */
  serve<T>(work: (tx: ReportTransaction) => Promise<T>): Promise<T>;
  /** A report this lender pulled, encrypted as stored. */
  findReport(lenderId: number, reportNumber: string): Promise<string | undefined>;
}
