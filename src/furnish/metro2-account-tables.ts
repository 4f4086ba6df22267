/**
 * How the terms of a Metro 2 account become canonical account terms, as data: portfolio and
 * account type to the CRC account type, the business type and the guarantee; terms frequency to
 * the repayment frequency. docs/metro2-mapping.md shows these tables; the tests check each row.
 *
 * @example
 *   crcAccountType('R', '18') // 'R2'
 *   BUSINESS_TYPE_BY_ACCOUNT_TYPE.get('26') // 'housing'
 */
import type { AccountType, BusinessType, GuaranteeType, RepaymentFrequency } from '../domain/codes.js';

/** Collection agency or attorney (48), debt buyer (0C), returned check (77): collection accounts (C1). */
export const COLLECTION_TYPES: readonly string[] = ['48', '0C', '77'];
/** Credit card (18), flexible spending card (0G), secured card (2A), business card (8A). */
export const CARD_TYPES: readonly string[] = ['18', '0G', '2A', '8A'];
/** Real estate (08), FHA (19), VA (25), conventional (26) and FmHA (2C) mortgages, junior liens (5A),
 *  second mortgages (5B), home equity loans (6D) and lines (89). */
export const MORTGAGE_TYPES: readonly string[] = ['08', '19', '25', '26', '2C', '5A', '5B', '6D', '89'];
/** Auto loan (00) and auto lease (3A). */
export const AUTO_TYPES: readonly string[] = ['00', '3A'];
/** Secured (02), secured credit card (2A), secured credit line (47), government secured loans (66, 75). */
export const SECURED_TYPES: readonly string[] = ['02', '2A', '47', '66', '75'];
/** Business loan (10), commercial instalment loan (6A), commercial mortgage (6B), commercial line (7A),
 *  business line personally guaranteed (9B). */
export const BUSINESS_TYPES_M2: readonly string[] = ['10', '6A', '6B', '7A', '9B'];
/** Education loan. */
export const EDUCATION_TYPE = '12';

/** Portfolio types of revolving credit: the credit limit is the account's amount. */
export const LIMIT_PORTFOLIOS: readonly string[] = ['R', 'C', 'O'];
/** Portfolio types of loans repaid by instalments. */
export const INSTALMENT_PORTFOLIOS: readonly string[] = ['I', 'M', 'L'];

/**
 * The CRC account type: collection types C1 whatever the portfolio; revolving cards R2; other
 * revolving, line of credit and open accounts R1; instalment, mortgage and lease D1.
 *
 * @example
 *   crcAccountType('C', '15') // 'R1'
 */
export function crcAccountType(portfolio: string, accountType: string): AccountType {
  if (COLLECTION_TYPES.includes(accountType)) return 'C1';
  if (portfolio === 'R' && CARD_TYPES.includes(accountType)) return 'R2';
  if (LIMIT_PORTFOLIOS.includes(portfolio)) return 'R1';
  return 'D1';
}

/** Business type by Metro 2 account type; every type not listed is 'consumer'. */
export const BUSINESS_TYPE_BY_ACCOUNT_TYPE: ReadonlyMap<string, BusinessType> = new Map<string, BusinessType>(
  [
    ...AUTO_TYPES.map((t) => [t, 'car'] as const),
    ...CARD_TYPES.map((t) => [t, 'credit_card'] as const),
    ...MORTGAGE_TYPES.map((t) => [t, 'housing'] as const),
    [EDUCATION_TYPE, 'student'],
    ...COLLECTION_TYPES.map((t) => [t, 'other'] as const),
    ...BUSINESS_TYPES_M2.map((t) => [t, 'business'] as const),
  ],
);

/**
 * The business type of a Metro 2 account type.
 *
 * @example
 *   businessType('3A') // 'car'
 */
export function businessType(accountType: string): BusinessType {
  return BUSINESS_TYPE_BY_ACCOUNT_TYPE.get(accountType) ?? 'consumer';
}

/**
 * The guarantee: mortgage types are secured by a mortgage, auto and secured types by a pledge,
 * everything else unsecured.
 *
 * @example
 *   guaranteeType('02') // 'pledge'
 */
export function guaranteeType(accountType: string): GuaranteeType {
  if (MORTGAGE_TYPES.includes(accountType) || accountType === '6B') return 'mortgage';
  if (AUTO_TYPES.includes(accountType) || SECURED_TYPES.includes(accountType)) return 'pledge';
  return 'unsecured';
}

/** Repayment frequency by terms frequency (field 14); every other code (D deferred, B biweekly,
 *  E semimonthly, L bimonthly, T triannually, blank) is 'irregular'. */
export const FREQUENCY_BY_TERMS: ReadonlyMap<string, RepaymentFrequency> = new Map<
  string,
  RepaymentFrequency
>([
  ['M', 'monthly'],
  ['W', 'weekly'],
  ['Q', 'quarterly'],
  ['S', 'semiannual'],
  ['Y', 'annual'],
  ['P', 'once'],
]);

/**
 * The repayment frequency of a terms frequency code.
 *
 * @example
 *   repaymentFrequency('B') // 'irregular'
 */
export function repaymentFrequency(termsFrequency: string): RepaymentFrequency {
  return FREQUENCY_BY_TERMS.get(termsFrequency) ?? 'irregular';
}
