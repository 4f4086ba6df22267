/**
 * A fraud signal as answered: its id, what it means, its window and threshold, the value observed
 * and whether it fired, with evidence made of counts, dates and institution codes only.
 *
 * @example
 *   const s: FraudSignal = { id: 'FS-IDS-PER-MOBILE', window: '3m', threshold: 3, observed: 4, fired: true, ... };
 */
import type { FraudWindowId } from './fraud-windows.js';

/**
 * Every signal id, in the order signals are answered.
 *
 * @example
 *   FRAUD_SIGNAL_IDS.includes('FS-FRAUD-RING') // true
 */
export const FRAUD_SIGNAL_IDS = [
  'FS-MOBILES-PER-ID',
  'FS-IDS-PER-MOBILE',
  'FS-NAMES-PER-ID',
  'FS-IDS-PER-ADDRESS',
  'FS-ID-BIRTH-DATE-MISMATCH',
  'FS-ID-SEX-MISMATCH',
  'FS-SAME-NAME-BIRTH-DATE',
  'FS-MOBILE-CHANGES',
  'FS-INQUIRY-VELOCITY',
  'FS-FRAUD-RING',
  'FS-FRAUD-RING-DEFAULT',
] as const;
export type FraudSignalId = (typeof FRAUD_SIGNAL_IDS)[number];

/** Counts, dates and codes that back a signal; never a value or another person's identity. */
export interface FraudSignalEvidence {
  /** What `observed` counts, in words. */
  counted: string;
  /** Earliest and latest date (`YYYY-MM-DD`) of the reports or inquiries counted; null when none. */
  firstReportedOn: string | null;
  lastReportedOn: string | null;
  /** Codes of the institutions (furnishers, or inquirers for velocity) of the person's own reports or inquiries counted. */
  institutions: string[];
  /** Further figures by name: counts, shares, days, flags. */
  figures: Record<string, number | boolean | null>;
}

export interface FraudSignal {
  id: FraudSignalId;
  description: string;
  window: FraudWindowId;
  threshold: number;
  observed: number;
  fired: boolean;
  evidence: FraudSignalEvidence;
}

/**
 * Dates of reports, folded into the earliest first and latest last date.
 *
 * @example
 *   dateSpan([{ firstReportedOn: '2025-01-02', lastReportedOn: '2025-03-04' }]) // { first: '2025-01-02', last: '2025-03-04' }
 */
export function dateSpan(reports: readonly { firstReportedOn: string; lastReportedOn: string }[]): {
  first: string | null;
  last: string | null;
} {
  let first: string | null = null;
  let last: string | null = null;
  for (const r of reports) {
    if (first === null || r.firstReportedOn < first) first = r.firstReportedOn;
    if (last === null || r.lastReportedOn > last) last = r.lastReportedOn;
  }
  return { first, last };
}

/**
 * Distinct codes, sorted.
 *
 * @example
 *   codes(['b', 'a', 'b']) // ['a', 'b']
 */
export function codes(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/**
 * A signal with `fired` decided by its threshold (`observed >= threshold`), unless `fired` is given.
 *
 * @example
 *   makeSignal({ id: 'FS-NAMES-PER-ID', description, window: '1m', threshold: 3, observed: 1, evidence }).fired // false
 */
export function makeSignal(s: Omit<FraudSignal, 'fired'> & { fired?: boolean }): FraudSignal {
  if (!Number.isInteger(s.observed) || s.observed < 0)
    throw new Error(`invariant: ${s.id} observed ${s.observed} is not a count`);
  // Built field by field: a spread of the input costs more than the signal (dozens per report).
  return {
    id: s.id,
    description: s.description,
    window: s.window,
    threshold: s.threshold,
    observed: s.observed,
    fired: s.fired ?? s.observed >= s.threshold,
    evidence: s.evidence,
  };
}
