/**
 * Signed links to a report page: the lender that pulled a report gets a URL that opens it in a
 * browser without an API key, for a limited time. The signature is a keyed hash of the lender,
 * the report number and the expiry.
 *
 * @example
 *   const url = reportLink(cipher, { lenderId: 3, reportNumber: 'R2026...', expiresAt: nowS + 86400 });
 *   verifyReportLink(cipher, { lenderId: 3, reportNumber, expiresAt, signature }, nowS) // true
 */
import { timingSafeEqual } from 'node:crypto';
import type { PiiCipher } from '../identity/pii-cipher.js';

/** How long a report link opens the page. */
export const REPORT_LINK_VALIDITY_S = 7 * 24 * 3600;

export interface ReportLinkParts {
  lenderId: number;
  reportNumber: string;
  /** Unix seconds. */
  expiresAt: number;
}

function signature(cipher: PiiCipher, parts: ReportLinkParts): string {
  return cipher.hash('report_link', `${parts.lenderId}|${parts.reportNumber}|${parts.expiresAt}`);
}

/** The path and query of the report page, signed. */
export function reportLink(cipher: PiiCipher, parts: ReportLinkParts): string {
  const query = new URLSearchParams({
    lender: String(parts.lenderId),
    expires: String(parts.expiresAt),
    sig: signature(cipher, parts),
  });
  return `/reports/${encodeURIComponent(parts.reportNumber)}?${query}`;
}

export function verifyReportLink(
  cipher: PiiCipher,
  parts: ReportLinkParts & { signature: string },
  nowS: number,
): boolean {
  if (!Number.isSafeInteger(parts.expiresAt) || parts.expiresAt < nowS) return false;
  const expected = Buffer.from(signature(cipher, parts));
  const given = Buffer.from(parts.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
