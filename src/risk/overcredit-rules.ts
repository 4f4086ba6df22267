/**
 * The over-credit limits of a jurisdiction, as data (DOMAIN.md section 5). China's are the
 * over-credit rules of the China jurisdiction profile (src/domain/jurisdiction.ts).
 *
 * Sources: online microloans, CBIRC/PBOC draft rules of Nov 2020 (balance per person at one
 * lender at most RMB 300,000 and at most one third of the average annual income over 3 years;
 * the co-lending platform funds at least 30% of each loan; an Aug 2024 draft lowers the cap to
 * RMB 200,000: change `onlineMicroloanMaxBalance_fen` when it takes effect); bank internet
 * consumer loans, CBIRC 2020 (credit line at most RMB 200,000 per household, read per person here
 * since the bureau links no households; bullet loans at most 1 year); credit cards, CBIRC/PBOC
 * 2022 (a customer's total card limit deducts the limits granted elsewhere).
 *
 * @example
 *   CHINA_OVERCREDIT_RULES.onlineMicroloanMaxBalance_fen // 30_000_000 (RMB 300,000)
 */
import type { AccountType, BusinessType, Currency } from '../domain/codes.js';

/** Over-credit limits of a jurisdiction. */
export interface OverCreditRules {
  /** Currency of every `_fen` amount (and of the indicators the check reads). */
  readonly currency: Currency;
  /** Online microloans: most a person may owe one lender, in fen. */
  readonly onlineMicroloanMaxBalance_fen: number;
  /** Online microloans: the balance at one lender is also at most the average annual income divided by this (3: one third). */
  readonly onlineMicroloanIncomeDivisor: number;
  /** Years of declared annual income the average is taken over (at most this many may be given). */
  readonly incomeYears: number;
  /** Bank internet consumer credit: most credit (granted amounts and limits) per person at one bank, in fen. */
  readonly bankInternetConsumerMaxLine_fen: number;
  /** Business types that count as consumer credit at the bank for that cap. */
  readonly bankInternetConsumerBusinessTypes: readonly BusinessType[];
  /** Bank internet consumer credit repaid in one bullet: longest term, in months. */
  readonly bankInternetBulletMaxTerm_months: number;
  /** Account types that are cards for the card-limit rule. */
  readonly cardAccountTypes: readonly AccountType[];
  /** Co-lending: least share of each loan the platform funds, in percent. */
  readonly coLendingMinPlatformShare_pct: number;
}

/** China's over-credit limits (see the module comment for sources). */
export const CHINA_OVERCREDIT_RULES: OverCreditRules = Object.freeze({
  currency: 'CNY',
  onlineMicroloanMaxBalance_fen: 30_000_000,
  onlineMicroloanIncomeDivisor: 3,
  incomeYears: 3,
  bankInternetConsumerMaxLine_fen: 20_000_000,
  bankInternetConsumerBusinessTypes: Object.freeze(['consumer', 'cash_loan', 'instalment_purchase'] as const),
  bankInternetBulletMaxTerm_months: 12,
  cardAccountTypes: Object.freeze(['R2', 'R3'] as const),
  coLendingMinPlatformShare_pct: 30,
});
