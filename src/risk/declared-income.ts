/**
 * The person's declared annual income (the lender collects it with the person's explicit
 * consent; the bureau does not hold it): up to `incomeYears` annual amounts in fen, for the last
 * years. The average is over the years declared (1, 2 or 3); rules compare against it exactly,
 * by cross-multiplication, never through a rounded average.
 *
 * @example
 *   declaredIncome([12_000_000, 15_000_000, 18_000_000], 3)
 *   // { years: 3, total_fen: 45_000_000, averageAnnual_fen: 15_000_000 }
 *   declaredIncome(undefined, 3) // null: not declared
 */

/** Declared income, summed. */
export interface DeclaredIncome {
  /** Years declared (1..incomeYears). */
  years: number;
  total_fen: number;
  /** total / years, rounded down (for display; rules use total and years). */
  averageAnnual_fen: number;
}

/**
 * The declared income, or null when none is declared (absent or an empty list). Throws a
 * RangeError when there are more than `incomeYears` amounts or an amount is not an integer >= 0.
 *
 * @example
 *   declaredIncome([], 3) // null
 */
export function declaredIncome(
  declared: readonly number[] | undefined,
  incomeYears: number,
): DeclaredIncome | null {
  if (declared === undefined || declared.length === 0) return null;
  if (declared.length > incomeYears)
    throw new RangeError(`declaredIncome_fen: at most ${incomeYears} annual amounts, got ${declared.length}`);
  let total_fen = 0;
  for (const amount of declared) {
    if (!(Number.isSafeInteger(amount) && amount >= 0))
      throw new RangeError(`declaredIncome_fen: expected integer fen >= 0, got ${amount}`);
    total_fen += amount;
  }
  if (!Number.isSafeInteger(total_fen)) throw new RangeError('declaredIncome_fen: total too large');
  return { years: declared.length, total_fen, averageAnnual_fen: Math.floor(total_fen / declared.length) };
}
