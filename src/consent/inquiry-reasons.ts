/**
 * Inquiry reason codes of the CRC report (DOMAIN.md section 3), and which of them lenders count
 * as "hard" (approval queries). Post-loan and self queries are "soft".
 *
 * @example
 *   INQUIRY_REASONS['02'].label // 'loan approval'
 *   isHardInquiry('02')         // true
 */
export const INQUIRY_REASONS = {
  '01': { label: 'post-loan management', hard: false },
  '02': { label: 'loan approval', hard: true },
  '03': { label: 'credit card approval', hard: true },
  '05': { label: 'objection check', hard: false },
  '08': { label: 'guarantor review', hard: true },
  '09': { label: 'judicial investigation', hard: false },
  '16': { label: 'provident fund review', hard: false },
  '20': { label: 'pre-insurance review', hard: false },
  '21': { label: 'post-insurance management', hard: false },
  '22': { label: 'legal representative review', hard: false },
  '23': { label: 'customer admission review', hard: false },
  '24': { label: 'financing approval', hard: true },
  '25': { label: 'credit standing review', hard: false },
  '26': { label: 'credit limit approval', hard: true },
} as const;

export type InquiryReason = keyof typeof INQUIRY_REASONS;
export const INQUIRY_REASON_CODES = Object.keys(INQUIRY_REASONS) as InquiryReason[];

export function isInquiryReason(value: unknown): value is InquiryReason {
  return typeof value === 'string' && Object.hasOwn(INQUIRY_REASONS, value);
}

/** Approval queries (02, 03, 08, 24, 26) are hard: lenders count them. */
export function isHardInquiry(reason: InquiryReason): boolean {
  return INQUIRY_REASONS[reason].hard;
}
