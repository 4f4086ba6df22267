/**
 * A lender's own policy for the pre-lending check: every field optional; a rule whose field is
 * not set is listed as not applicable. Counts are integers >= 0, amounts integer fen >= 0,
 * percentages integers >= 0 (so that every comparison is exact).
 *
 * @example
 *   const policy: LenderPolicy = { maxOpenLenders: 4, maxHardInquiries1m: 3, maxRepaymentToIncome_pct: 50 };
 *   checkLenderPolicy(policy); // throws a RangeError on a bad value
 */

/** What a lender asks beyond the law. */
export interface LenderPolicy {
  /** Most distinct lenders with an open account the person may have once the credit is granted. */
  maxOpenLenders?: number;
  /** Most shopping-adjusted hard inquiries in the last month (inq_hard_1m_all). */
  maxHardInquiries1m?: number;
  /** Most shopping-adjusted hard inquiries in the last 3 months (inq_hard_3m_all). */
  maxHardInquiries3m?: number;
  /** Most monthly repayments after the credit may take of the average monthly income, in percent. */
  maxRepaymentToIncome_pct?: number;
  /** True: decline a person with an open account delinquent now. */
  noCurrentDelinquency?: boolean;
  /** Card issuers: the most card limit the issuer lets this person hold in total, everywhere
   *  (rule CN-CARD-NET-LIMIT deducts the limits elsewhere from it). */
  cardTotalLimitCap_fen?: number;
}

const INTEGER_FIELDS = [
  'maxOpenLenders',
  'maxHardInquiries1m',
  'maxHardInquiries3m',
  'maxRepaymentToIncome_pct',
  'cardTotalLimitCap_fen',
] as const;

/**
 * Throws a RangeError naming the field when a set field of `policy` is out of range.
 *
 * @example
 *   checkLenderPolicy({ maxOpenLenders: -1 }) // RangeError: lenderPolicy.maxOpenLenders ...
 */
export function checkLenderPolicy(policy: LenderPolicy): void {
  for (const field of INTEGER_FIELDS) {
    const value = policy[field];
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0))
      throw new RangeError(`lenderPolicy.${field} must be an integer >= 0, got ${String(value)}`);
  }
  if (policy.noCurrentDelinquency !== undefined && typeof policy.noCurrentDelinquency !== 'boolean')
    throw new RangeError('lenderPolicy.noCurrentDelinquency must be true or false');
}
