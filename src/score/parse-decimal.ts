/**
 * Reads a decimal number the way a data file writes it: optional sign, digits with an optional
 * point, optional exponent ("12", "-0.5", ".5", "1e3"). Anything else (hex, "Infinity", "NaN",
 * "1,000", "") is not a number, unlike JavaScript's Number().
 *
 * @example
 *   parseDecimal(' 12.5 '); // 12.5
 *   parseDecimal('0x10'); // null
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The number written in `text` (surrounding spaces ignored), or null. Too large a number
 * (beyond 1.8e308) is null too.
 *
 * @example
 *   parseDecimal('1e400'); // null
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}
