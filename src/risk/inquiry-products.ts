/**
 * The product kind a hard inquiry is for, read from its reason code: the key of the shopping
 * rule (several applications for the same kind of product within the shopping window are one
 * shopping episode). Soft reasons have no product kind.
 *
 * @example
 *   inquiryProductKind('24') // 'loan'
 *   inquiryProductKind('01') // null (post-loan management is soft)
 */
import type { InquiryReason } from '../consent/inquiry-reasons.js';

/** Product kinds of hard inquiries. */
export const INQUIRY_PRODUCT_KINDS = ['loan', 'card', 'credit_line', 'guarantee'] as const;
export type InquiryProductKind = (typeof INQUIRY_PRODUCT_KINDS)[number];

/** The product kind of each hard reason: 02 loan approval and 24 financing approval are loans,
 *  03 credit card approval a card, 26 credit-limit approval a credit line, 08 guarantor review a
 *  guarantee. Every hard reason is here (a test checks it). */
export const PRODUCT_KIND_OF_REASON: Readonly<Partial<Record<InquiryReason, InquiryProductKind>>> = {
  '02': 'loan',
  '24': 'loan',
  '03': 'card',
  '26': 'credit_line',
  '08': 'guarantee',
};

/**
 * The product kind of an inquiry reason, or null for a soft reason.
 *
 * @example
 *   inquiryProductKind('03') // 'card'
 */
export function inquiryProductKind(reason: InquiryReason): InquiryProductKind | null {
  return PRODUCT_KIND_OF_REASON[reason] ?? null;
}
