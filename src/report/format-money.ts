/**
 * Money for people: integer minor units with their currency, written with thousands separators
 * and the currency's decimals, computed on the digits (no floating point).
 *
 * @example
 *   formatMinor(1234567, 'CNY') // 'CNY 12,345.67'
 *   formatMinor(-5, 'USD')      // 'USD -0.05'
 *   formatMinor(1500, 'JPY')    // 'JPY 1,500' (the yen has no minor unit)
 */

/** Decimals of the minor unit (ISO 4217) where they are not 2. Every other currency has 2. */
const MINOR_UNIT_DECIMALS: Readonly<Record<string, number>> = { JPY: 0 };

/** Decimals of a currency's minor unit: 2 unless listed otherwise (JPY 0). */
export function minorUnitDecimals(currency: string): number {
  return Object.hasOwn(MINOR_UNIT_DECIMALS, currency) ? (MINOR_UNIT_DECIMALS[currency] ?? 2) : 2;
}

/** Digits grouped by three from the right with commas: '1234567' -> '1,234,567'. */
function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/**
 * The amount `amountMinor` (an integer number of minor units) as `CUR 12,345.67`: the currency,
 * a space, a minus sign when negative, the major units with thousands separators, and the
 * minor units (2 digits, or as many as the currency has). Throws a RangeError when the amount is
 * not a safe integer (minor units never have fractions).
 */
export function formatMinor(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor))
    throw new RangeError(`formatMinor: expected an integer number of minor units, got ${amountMinor}`);
  const decimals = minorUnitDecimals(currency);
  const negative = amountMinor < 0;
  // Digits of the absolute value, padded so that there is at least one major digit.
  const digits = String(negative ? -amountMinor : amountMinor).padStart(decimals + 1, '0');
  const major = groupThousands(digits.slice(0, digits.length - decimals));
  const minor = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${currency} ${negative ? '-' : ''}${major}${minor}`;
}
