/**
 * What serving a report needs from storage: the consent; one transaction in which the person's
 * file is read and the inquiry and the request log are written; then the report kept. src/store
 * implements it for both engines.
 *
 * @example
 *   const result = await pullReport({ store: createReportStore(db, cipher), cipher, profile }, request);
 */
import type { Consent } from '../consent/consent.js';
import type { InquiryReason } from '../consent/inquiry-reasons.js';
import type { FraudEvidenceRequest } from '../identity/fraud/ports.js';
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

/** What one served report writes with the read of the person's file, in the same transaction. */
export interface ServeRequest {
  idHash: string;
  /** Recorded on the person's file when the person is on file. */
  inquiry: {
    at: string;
    institutionId: number;
    reason: InquiryReason;
    consentId: string;
    reportNumber: string;
  };
  /** The request log row (outcome 'served'). */
  log: ReportRequestLog;
  /**
   * 'credit': the file's credit part only (accounts, their months, inquiries), for a query that
   * needs nothing of the person's identity (a pre-lending check): identity values are neither
   * read nor opened (the file's `attributes` is empty, its `idNumber` the empty string).
   */
  parts?: 'credit';
  /** Asks for the evidence of the fraud signals with the file (a report's anti-fraud warning). */
  fraud?: Pick<FraudEvidenceRequest, 'asOf' | 'idFacts' | 'ring' | 'ringLinks'>;
}

/** A report to keep for the lender who pulled it: its JSON, which the store seals. */
export interface SavedReport {
  lenderId: number;
  reportNumber: string;
  at: string;
  /** The report as served (JSON); kept sealed (PiiCipher), never in the clear. */
  json: string;
}

export interface ReportStore {
  findConsent(consentId: string): Promise<Consent | undefined>;
  /** Logs a refused request (outside any report transaction). */
  logRequest(entry: ReportRequestLog): Promise<void>;
  /**
   * In one transaction: reads the person's file (null: not on file), records the inquiry on it
   * and logs the request as served. Identity values come back opened (on SQLite by the report
   * thread, which holds the key that opens them).
   */
  readFileAndRecord(request: ServeRequest): Promise<PersonFile | null>;
  /** Keeps the report served, sealed (committed before the report is answered). */
  saveReport(report: SavedReport): Promise<void>;
  /** A report this lender pulled, encrypted as stored. */
  findReport(lenderId: number, reportNumber: string): Promise<string | undefined>;
  /** Stops what the store started (the SQLite report thread). */
  close(): Promise<void>;
}
