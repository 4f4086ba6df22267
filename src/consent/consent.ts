/**
 * Consents: a person's authorisation for one lender to query them for one purpose, for a time.
 * The gate below decides from the consent and the request alone, never from what the bureau
 * knows of the person, so a refusal reveals nothing about whether the person is on file.
 *
 * @example
 *   const refusal = consentRefusal(consent, { lenderId: 3, idHash, nameHash, purpose: '02', at });
 *   if (refusal) reply403(refusal);
 */
import { isCalendarDate } from '../domain/calendar.js';
import { type InquiryReason, isInquiryReason } from './inquiry-reasons.js';

export interface Consent {
  consentId: string;
  lenderId: number;
  /** Keyed hash of the normalised national ID (the same hash the persons index uses). */
  idHash: string;
  /** Keyed hash of the normalised name. */
  nameHash: string;
  purpose: InquiryReason;
  /** ISO-8601 instants. */
  grantedAt: string;
  expiresAt: string;
  evidenceRef: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Why a report was refused; the API answers 403 with this code. */
export const CONSENT_REFUSALS = {
  consent_missing: 'no consent with this id',
  consent_other_lender: 'the consent was given to another institution',
  consent_other_person: 'the consent names another person (ID number or name differ)',
  consent_purpose_mismatch: 'the consent is for another purpose',
  consent_not_yet_valid: 'the consent is not valid yet',
  consent_expired: 'the consent has expired',
  consent_revoked: 'the consent was revoked',
} as const;
export type ConsentRefusal = keyof typeof CONSENT_REFUSALS;

export interface ConsentCheck {
  lenderId: number;
  idHash: string;
  nameHash: string;
  purpose: InquiryReason;
  /** ISO-8601 instant of the request. */
  at: string;
}

/** The first reason the consent does not cover the request, or null when it does. */
export function consentRefusal(consent: Consent | undefined, request: ConsentCheck): ConsentRefusal | null {
  if (!consent) return 'consent_missing';
  if (consent.lenderId !== request.lenderId) return 'consent_other_lender';
  if (consent.idHash !== request.idHash || consent.nameHash !== request.nameHash)
    return 'consent_other_person';
  if (consent.purpose !== request.purpose) return 'consent_purpose_mismatch';
  if (consent.revokedAt !== null && consent.revokedAt <= request.at) return 'consent_revoked';
  if (request.at < consent.grantedAt) return 'consent_not_yet_valid';
  if (request.at >= consent.expiresAt) return 'consent_expired';
  return null;
}

/** Longest validity of one consent. */
export const MAX_CONSENT_VALIDITY_DAYS = 366;
/** Longest evidence reference (signed form number, e-signature id), in characters. */
export const MAX_EVIDENCE_REF_CHARS = 200;
const DAY_MS = 86_400_000;

export interface NewConsentInput {
  purpose: string;
  grantedAt: string;
  expiresAt: string;
  evidenceRef: string;
}

/** Normalises a consent's instant: a date YYYY-MM-DD means its start (UTC); else ISO-8601 with zone. */
export function consentInstant(value: string): string | null {
  if (isCalendarDate(value)) return `${value}T00:00:00.000Z`;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Problems with a new consent (field: what was expected); empty when it is valid. */
export function newConsentProblems(input: NewConsentInput, now: Date): string[] {
  const problems: string[] = [];
  if (!isInquiryReason(input.purpose))
    problems.push('purpose: expected an inquiry reason code such as 02 (loan approval)');
  const granted = consentInstant(input.grantedAt);
  const expires = consentInstant(input.expiresAt);
  if (!granted) problems.push('granted_at: expected a date YYYY-MM-DD or an ISO-8601 time with its zone');
  if (!expires) problems.push('expires_at: expected a date YYYY-MM-DD or an ISO-8601 time with its zone');
  if (granted && granted > now.toISOString()) problems.push('granted_at: expected a time not in the future');
  if (granted && expires) {
    if (expires <= granted) problems.push('expires_at: expected a time after granted_at');
    else if (Date.parse(expires) - Date.parse(granted) > MAX_CONSENT_VALIDITY_DAYS * DAY_MS)
      problems.push(`expires_at: a consent is valid for at most ${MAX_CONSENT_VALIDITY_DAYS} days`);
  }
  if (
    input.evidenceRef.trim().length === 0 ||
    input.evidenceRef.length > MAX_EVIDENCE_REF_CHARS ||
    /\p{Cc}/u.test(input.evidenceRef)
  )
    problems.push(`evidence_ref: expected 1-${MAX_EVIDENCE_REF_CHARS} characters without control characters`);
  return problems;
}

/** Normalises a name before hashing: trimmed, inner white space folded. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}
