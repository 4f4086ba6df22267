/**
 * The credit a lender proposes to grant, and the monthly repayment the check adds for it:
 *  - equal_instalment: the amount over the term, rounded up to the fen (`ceil(amount / term)`).
 *    Principal only: the bureau assumes no interest rate; a lender's affordability model adds it.
 *  - bullet: 0 a month (principal and interest are due at maturity); the debt still counts in
 *    full in the balances.
 *  - revolving: the minimum payment on the line drawn in full, REVOLVING_MINIMUM_PAYMENT_pct
 *    (10%, the usual minimum payment of a Chinese credit card) of the limit, rounded up.
 * In the balances the proposed credit counts its full amount: a loan is disbursed in full, a
 * revolving line is taken as drawn in full (the most it can add).
 *
 * @example
 *   monthlyRepaymentOf({ ...proposal, amount_fen: 1_200_000, term_months: 12, repayment: 'equal_instalment' }) // 100_000
 *   monthlyRepaymentOf({ ...proposal, amount_fen: 1_000_001, repayment: 'revolving' }) // 100_001
 */
import { INSTITUTION_KINDS, type InstitutionKind } from '../domain/codes.js';

/** Product kinds the over-credit rules tell apart. */
export const PROPOSED_PRODUCT_KINDS = [
  'online_microloan',
  'bank_internet_consumer',
  'credit_card',
  'other',
] as const;
export type ProposedProductKind = (typeof PROPOSED_PRODUCT_KINDS)[number];

/** How the proposed credit is repaid. */
export const PROPOSED_REPAYMENTS = ['equal_instalment', 'bullet', 'revolving'] as const;
export type ProposedRepayment = (typeof PROPOSED_REPAYMENTS)[number];

/** Minimum monthly payment of a revolving line, in percent of the line drawn in full. */
export const REVOLVING_MINIMUM_PAYMENT_pct = 10;

/** The proposed credit. */
export interface ProposedCredit {
  productKind: ProposedProductKind;
  /** The kind of the lender that would grant it. */
  institutionKind: InstitutionKind;
  /** The lender's institution code (accounts it furnished carry it as `furnisher.code`). */
  lenderCode: string;
  /** Loan amount, or credit limit of a line or card, in fen. */
  amount_fen: number;
  /** Term in months (>= 1; a revolving line may give 0). */
  term_months: number;
  repayment: ProposedRepayment;
  /** Co-lending: the share of the loan the platform funds, in percent (0-100). */
  coLending?: { platformShare_pct: number };
}

/**
 * Throws a RangeError naming the field when the proposal is not well formed.
 *
 * @example
 *   checkProposedCredit({ ...proposal, amount_fen: 0 }) // RangeError: proposal.amount_fen ...
 */
export function checkProposedCredit(p: ProposedCredit): void {
  if (!PROPOSED_PRODUCT_KINDS.includes(p.productKind))
    throw new RangeError(`proposal.productKind must be one of ${PROPOSED_PRODUCT_KINDS.join(', ')}`);
  if (!PROPOSED_REPAYMENTS.includes(p.repayment))
    throw new RangeError(`proposal.repayment must be one of ${PROPOSED_REPAYMENTS.join(', ')}`);
  if (!INSTITUTION_KINDS.includes(p.institutionKind))
    throw new RangeError(`proposal.institutionKind must be one of ${INSTITUTION_KINDS.join(', ')}`);
  if (typeof p.lenderCode !== 'string' || p.lenderCode.length === 0)
    throw new RangeError('proposal.lenderCode must be an institution code');
  if (!(Number.isSafeInteger(p.amount_fen) && p.amount_fen > 0))
    throw new RangeError(`proposal.amount_fen must be an integer > 0, got ${p.amount_fen}`);
  const minTerm = p.repayment === 'revolving' ? 0 : 1;
  if (!(Number.isSafeInteger(p.term_months) && p.term_months >= minTerm))
    throw new RangeError(`proposal.term_months must be an integer >= ${minTerm}, got ${p.term_months}`);
  const share = p.coLending?.platformShare_pct;
  if (p.coLending !== undefined && !(typeof share === 'number' && share >= 0 && share <= 100))
    throw new RangeError(`proposal.coLending.platformShare_pct must be 0-100, got ${String(share)}`);
}

/** `ceil(a / b)` for integers a >= 0, b > 0, computed exactly. */
function ceilDiv(a: number, b: number): number {
  return Number((BigInt(a) + BigInt(b) - 1n) / BigInt(b));
}

/**
 * The monthly repayment the proposed credit adds, in fen (see the module comment).
 *
 * @example
 *   monthlyRepaymentOf({ ...proposal, repayment: 'bullet' }) // 0
 */
export function monthlyRepaymentOf(p: ProposedCredit): number {
  switch (p.repayment) {
    case 'equal_instalment':
      return ceilDiv(p.amount_fen, p.term_months);
    case 'bullet':
      return 0;
    case 'revolving':
      return ceilDiv(p.amount_fen * REVOLVING_MINIMUM_PAYMENT_pct, 100);
  }
}
