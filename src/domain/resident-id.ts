/**
 * The Chinese 18-character Resident Identity Card number (GB 11643-1999):
 *
 *   RRRRRR YYYYMMDD SSS C
 *
 * a 6-digit region code, the birth date, a 3-digit sequence (odd = male, even = female) and a check
 * character (ISO 7064 MOD 11-2 over the first 17 digits, `0`-`9` or `X`).
 *
 * Messages produced here never contain the ID number or any part of it, so they are safe to log.
 *
 * @example
 *   checkResidentId('11010519491231002X', '2024-01-01')
 *   // { ok: true, id: '11010519491231002X',
 *   //   facts: { birthDate: '1949-12-31', sex: 'F', regionCode: '110105' } }
 */

import { isCalendarDate, todayUtc } from './calendar.js';

/**
 * Why a resident ID was rejected, in the order the checks run.
 *
 * @example
 *   const problem: ResidentIdProblem = 'check_character';
 */
export type ResidentIdProblem = 'shape' | 'region' | 'birth_date' | 'check_character';

/**
 * What a valid resident ID says about its holder.
 *
 * @example
 *   const facts: ResidentIdFacts = { birthDate: '1949-12-31', sex: 'F', regionCode: '110105' };
 */
export interface ResidentIdFacts {
  /** Birth date as `YYYY-MM-DD`. */
  birthDate: string;
  /** From the parity of the sequence: odd = `M`, even = `F`. */
  sex: 'M' | 'F';
  /** The 6-digit administrative region code of first registration. */
  regionCode: string;
}

/** ISO 7064 MOD 11-2 weights (2^(17-i) mod 11) for the first 17 digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for each value of the weighted sum mod 11. */
const CHECK_CHARACTERS = '10X98765432';

/** Province-level codes (first two digits of the region code). */
const PROVINCE_CODES: ReadonlySet<string> = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83 91'.split(
    ' ',
  ),
);

const SHAPE = /^\d{17}[\dX]$/;
const FIRST_17 = /^\d{17}$/;
const REGION = /^\d{6}$/;

/**
 * Normalises a raw resident ID as typed or furnished: trims surrounding whitespace and uppercases a
 * trailing `x`. Does not validate.
 *
 * @example
 *   normalizeResidentId(' 11010519491231002x ') // '11010519491231002X'
 */
export function normalizeResidentId(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.endsWith('x') ? trimmed.slice(0, -1) + 'X' : trimmed;
}

/**
 * The ISO 7064 MOD 11-2 check character (`0`-`9` or `X`) for the first 17 digits of a resident ID.
 * Throws if the input is not exactly 17 ASCII digits.
 *
 * @example
 *   residentIdCheckCharacter('11010519491231002') // 'X'
 */
export function residentIdCheckCharacter(first17: string): string {
  if (typeof first17 !== 'string' || !FIRST_17.test(first17)) {
    throw new TypeError('residentIdCheckCharacter expects exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** Null when the 6-digit region code is plausible, else why not (never echoes the code). */
function regionProblem(regionCode: string): string | null {
  if (!PROVINCE_CODES.has(regionCode.slice(0, 2))) {
    return 'the province code (digits 1-2) is not a known province-level code';
  }
  if (regionCode.slice(2, 6) === '0000') {
    return 'the region code (digits 1-6) names only a province; digits 3-6 must not be 0000';
  }
  return null;
}

/**
 * Checks a resident ID: shape, then region, then birth date (a real date from 1900 on, not after
 * `today`), then check character. On success returns the normalised ID and what it says about the
 * holder; on failure the first problem found and a message that never contains the ID.
 *
 * @param today the reference date `YYYY-MM-DD` for "not born in the future" (default: today, UTC).
 *
 * @example
 *   checkResidentId('11010519491231002x').ok        // true
 *   checkResidentId('110105194912310021').problem   // 'check_character'
 */
export function checkResidentId(
  raw: string,
  today: string = todayUtc(),
):
  | { ok: true; id: string; facts: ResidentIdFacts }
  | { ok: false; problem: ResidentIdProblem; message: string } {
  if (!isCalendarDate(today)) throw new TypeError('checkResidentId: today must be a YYYY-MM-DD date');
  if (typeof raw !== 'string') {
    return { ok: false, problem: 'shape', message: 'resident ID must be a string' };
  }
  const id = normalizeResidentId(raw);
  if (!SHAPE.test(id)) {
    return {
      ok: false,
      problem: 'shape',
      message: `resident ID must be 18 characters, 17 digits then a digit or X (got ${id.length} characters after trimming)`,
    };
  }

  const regionCode = id.slice(0, 6);
  const region = regionProblem(regionCode);
  if (region !== null) return { ok: false, problem: 'region', message: `resident ID region: ${region}` };

  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDate(birthDate)) {
    return {
      ok: false,
      problem: 'birth_date',
      message: 'resident ID birth date (digits 7-14) is not a real calendar date from year 1900 on',
    };
  }
  if (birthDate > today) {
    return {
      ok: false,
      problem: 'birth_date',
      message: `resident ID birth date (digits 7-14) is after the reference date ${today}`,
    };
  }

  if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) {
    return {
      ok: false,
      problem: 'check_character',
      message:
        'resident ID check character (position 18) does not match digits 1-17 (ISO 7064 MOD 11-2); likely a typo',
    };
  }

  const sex = (id.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F';
  return { ok: true, id, facts: { birthDate, sex, regionCode } };
}

/**
 * Builds a resident ID with the right check character, for demo data and tests. Throws on a region
 * code that would fail the region check, a birth date that is not a real `YYYY-MM-DD` date from
 * 1900 on, or a sequence outside 0..999. (It does not compare the birth date with today.)
 *
 * @example
 *   makeResidentId('110105', '1949-12-31', 2) // '11010519491231002X'
 */
export function makeResidentId(regionCode: string, birthDate: string, sequence: number): string {
  if (typeof regionCode !== 'string' || !REGION.test(regionCode)) {
    throw new TypeError('makeResidentId: region code must be exactly 6 digits');
  }
  const region = regionProblem(regionCode);
  if (region !== null) throw new RangeError(`makeResidentId: ${region}`);
  if (!isCalendarDate(birthDate)) {
    throw new RangeError('makeResidentId: birth date must be a real YYYY-MM-DD date from 1900 on');
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError('makeResidentId: sequence must be an integer from 0 to 999');
  }
  const first17 = regionCode + birthDate.replaceAll('-', '') + String(sequence).padStart(3, '0');
  return first17 + residentIdCheckCharacter(first17);
}
