/**
 * FS-INQUIRY-VELOCITY: hard inquiries (approval queries: loan, card, guarantor, financing, credit
 * line) in the last day, 7 days, month and 12 months; defaults 4, 5, 7 and 20 (LexisNexis,
 * DOMAIN.md section 6). An institution's inquiries on one UTC day count once: one application
 * often brings a report, a pre-lending check and a fraud check, and is one search for credit. The
 * raw count is in the evidence. The check being made is not on the file yet: it is not counted.
 *
 * @example
 *   inquiryVelocity(evidence, CHINA_FRAUD_THRESHOLDS).map((s) => s.window) // ['1d', '7d', '1m', '12m']
 */
import { isHardInquiry } from '../../consent/inquiry-reasons.js';
import type { FraudEvidence } from './fraud-evidence.js';
import { codes, type FraudSignal, makeSignal } from './fraud-signal.js';
import type { FraudThresholds } from './fraud-thresholds.js';
import { fraudWindowBounds, VELOCITY_WINDOW_IDS } from './fraud-windows.js';

/**
 * The four velocity signals.
 *
 * @example
 *   inquiryVelocity(evidence, CHINA_FRAUD_THRESHOLDS)[0]!.threshold // 4
 */
export function inquiryVelocity(evidence: FraudEvidence, thresholds: FraudThresholds): FraudSignal[] {
  const asOfMs = Date.parse(evidence.asOf);
  const hard: { at: string; institution: string; ms: number }[] = [];
  for (const q of evidence.inquiries) {
    if (!isHardInquiry(q.reason)) continue;
    const ms = Date.parse(q.at);
    if (!Number.isNaN(ms)) hard.push({ at: q.at, institution: q.institution, ms });
  }
  return VELOCITY_WINDOW_IDS.map((window) => {
    const { startMs, endMs } = fraudWindowBounds(asOfMs, window);
    const inWindow = hard.filter((q) => q.ms > startMs && q.ms <= endMs);
    const applications = new Set(inWindow.map((q) => `${q.institution}|${q.at.slice(0, 10)}`));
    // The first and last UTC dates (ISO instants of one format compare as text).
    let first: string | null = null;
    let last: string | null = null;
    for (const q of inWindow) {
      const date = q.at.slice(0, 10);
      if (first === null || date < first) first = date;
      if (last === null || date > last) last = date;
    }
    return makeSignal({
      id: 'FS-INQUIRY-VELOCITY',
      description: 'Many hard inquiries in a short time (applications for credit at many places).',
      window,
      threshold: thresholds.hardInquiries[window],
      observed: applications.size,
      evidence: {
        counted: 'hard inquiries in the window, one per institution and day',
        firstReportedOn: first,
        lastReportedOn: last,
        institutions: codes(inWindow.map((q) => q.institution)),
        figures: {
          hardInquiries: inWindow.length,
          institutionsAsking: new Set(inWindow.map((q) => q.institution)).size,
          truncated: evidence.truncated,
        },
      },
    });
  });
}
