/**
 * Code lists of the credit bureau, as data. Each list is a readonly tuple so that the type of a
 * code is the union of its values, and the list can be shown in docs and schemas.
 *
 * @example
 *   isOneOf(ACCOUNT_TYPES, 'D1') // true
 */

/** CRC account types: D1 non-revolving loan, R1 revolving loan, R2 credit card, R3 quasi-credit card,
 *  R4 sub-account under a revolving line, C1 collection account. */
export const ACCOUNT_TYPES = ['D1', 'R1', 'R2', 'R3', 'R4', 'C1'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** Account types whose monthly state carries a used limit (revolving lines and cards). */
export const REVOLVING_ACCOUNT_TYPES: readonly AccountType[] = ['R1', 'R2', 'R3', 'R4'];

/** Monthly repayment status codes of the 24/60-month grid ("/" is derived, never furnished). */
export const REPAYMENT_STATUSES = [
  'N',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  'C',
  'G',
  'D',
  'Z',
  '*',
  '#',
  'B',
  'M',
] as const;
export type RepaymentStatus = (typeof REPAYMENT_STATUSES)[number];

/** Statuses that mean the account is overdue this month (1..7 = 1-30 ... over 180 days). */
export const OVERDUE_STATUSES: readonly RepaymentStatus[] = ['1', '2', '3', '4', '5', '6', '7'];

/** Statuses that end an account (settled, terminated, guarantor repaid, repaid with assets). */
export const CLOSING_STATUSES: readonly RepaymentStatus[] = ['C', 'G', 'D', 'Z'];

/** Five-level loan classification: 1 normal .. 5 loss, 9 unclassified. */
export const FIVE_LEVEL_CLASSES = [1, 2, 3, 4, 5, 9] as const;
export type FiveLevelClass = (typeof FIVE_LEVEL_CLASSES)[number];

/** Business types of an account (what the credit is for). */
export const BUSINESS_TYPES = [
  'consumer',
  'business',
  'housing',
  'car',
  'student',
  'credit_card',
  'cash_loan',
  'instalment_purchase',
  'other',
] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

/** Repayment methods. */
export const REPAYMENT_METHODS = [
  'equal_instalment',
  'equal_principal',
  'interest_then_principal',
  'bullet',
  'minimum_payment',
  'other',
] as const;
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];

/** Repayment frequencies. */
export const REPAYMENT_FREQUENCIES = [
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'semiannual',
  'annual',
  'once',
  'irregular',
] as const;
export type RepaymentFrequency = (typeof REPAYMENT_FREQUENCIES)[number];

/** Guarantee types (collateral or security of the credit). */
export const GUARANTEE_TYPES = ['unsecured', 'pledge', 'mortgage', 'guarantee', 'combined', 'other'] as const;
export type GuaranteeType = (typeof GUARANTEE_TYPES)[number];

/** What an institution may do with the bureau. `bureau`: the bureau's own operators (identity reviews,
 *  merges and splits; docs/identity-resolution.md). */
export const INSTITUTION_ROLES = ['furnisher', 'lender', 'regulator', 'bureau'] as const;
export type InstitutionRole = (typeof INSTITUTION_ROLES)[number];

/** Kinds of institution. Banks are one kind; every other kind is non-bank. */
export const INSTITUTION_KINDS = [
  'bank',
  'online_microloan',
  'consumer_finance',
  'credit_card_issuer',
  'microloan_company',
  'car_finance',
  'trust',
  'insurance',
  'regulator',
  'other',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** Sex as reported or as embedded in an identity number. */
export const SEXES = ['M', 'F'] as const;
export type Sex = (typeof SEXES)[number];

/** ISO 4217 currency codes accepted in furnishing. */
export const CURRENCIES = ['CNY', 'USD', 'HKD', 'EUR', 'GBP', 'JPY'] as const;
export type Currency = (typeof CURRENCIES)[number];

/**
 * True when `value` is one of `list`, narrowing its type.
 *
 * @example
 *   if (isOneOf(REPAYMENT_STATUSES, s)) { s satisfies RepaymentStatus }
 */
export function isOneOf<T extends string | number>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}
