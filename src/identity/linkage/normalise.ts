/**
 * Normalised values: what is compared. Names lose case, accents and punctuation (Han kept);
 * dates become YYYY-MM-DD (parts kept even when out of range, so a typo still agrees in two
 * parts); phones keep their last 10 digits (country prefixes differ between furnishers);
 * codes keep letters and digits. Empty means missing.
 *
 * @example
 *   normaliseName("  O'Brien-Smith "); // 'obriensmith'
 *   normaliseDate('09/04/1956'); // '1956-04-09'
 *   normalisePhone('+86 138 0013 8000'); // '3800138000'
 */
import { MAX_VALUE_CHARS } from './limits.js';

/** Digits of a phone number kept: the national number without country prefixes. */
const PHONE_DIGITS_KEPT = 10;

function cut(value: string): string {
  return value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS) : value;
}

/**
 * A name: NFKC, lower case, accents removed, only letters kept (Han and Latin alike).
 *
 * @example
 *   normaliseName('José María'); // 'josemaria'
 *   normaliseName('张 伟'); // '张伟'
 */
export function normaliseName(raw: string): string {
  return cut(
    raw
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}]/gu, ''),
  );
}

/**
 * Free text (street, locality): lower case, accents removed, letters and digits, single spaces.
 *
 * @example
 *   normaliseText('  Wallaby   Place, ') ; // 'wallaby place'
 */
export function normaliseText(raw: string): string {
  return cut(
    raw
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim(),
  );
}

/**
 * A code (postcode, ID number, street number): upper case letters and digits only.
 *
 * @example
 *   normaliseCode(' sw1a 1aa'); // 'SW1A1AA'
 */
export function normaliseCode(raw: string): string {
  return cut(raw.toUpperCase().replace(/[^\p{L}\p{N}]/gu, ''));
}

/**
 * A phone number: its last 10 digits.
 *
 * @example
 *   normalisePhone('(555) 123-4567'); // '5551234567'
 */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits.length > PHONE_DIGITS_KEPT ? digits.slice(-PHONE_DIGITS_KEPT) : digits;
}

/**
 * An email address: trimmed, lower case; empty when it has no '@'.
 *
 * @example
 *   normaliseEmail(' Ann@Example.org '); // 'ann@example.org'
 */
export function normaliseEmail(raw: string): string {
  const value = cut(raw.trim().toLowerCase());
  return value.includes('@') ? value : '';
}

/**
 * Sex: 'm' or 'f' from the usual spellings (male, F, 男, 女), else the first letter.
 *
 * @example
 *   normaliseSex('Female'); // 'f'
 *   normaliseSex('男'); // 'm'
 */
export function normaliseSex(raw: string): string {
  const value = raw.trim().toLowerCase();
  if (value === '男' || value === '1') return 'm';
  if (value === '女' || value === '2') return 'f';
  const first = value.replace(/[^a-z]/g, '').charAt(0);
  return first;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * A date of birth as YYYY-MM-DD, from YYYYMMDD, YYYY-MM-DD (any separator), DD-MM-YYYY,
 * DDMMYYYY or Han 1956年4月9日. Month and day are kept as written even when out of range (a
 * typo must still agree in the other parts); empty when the text is not a date.
 *
 * @example
 *   normaliseDate('19560409'); // '1956-04-09'
 *   normaliseDate('9.4.1956'); // '1956-04-09'
 *   normaliseDate('1956年4月9日'); // '1956-04-09'
 */
export function normaliseDate(raw: string): string {
  const text = raw.trim();
  let parts: [number, number, number] | null = null;
  if (/^\d{8}$/.test(text)) {
    const head = Number(text.slice(0, 2));
    parts =
      head === 18 || head === 19 || head === 20
        ? [Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8))]
        : [Number(text.slice(4, 8)), Number(text.slice(2, 4)), Number(text.slice(0, 2))];
  } else {
    const pieces = text.split(/[^0-9]+/).filter((p) => p !== '');
    if (pieces.length === 3) {
      const [a, b, c] = pieces as [string, string, string];
      if (a.length === 4 && b.length <= 2 && c.length <= 2) parts = [Number(a), Number(b), Number(c)];
      else if (c.length === 4 && a.length <= 2 && b.length <= 2) parts = [Number(c), Number(b), Number(a)];
    }
  }
  if (parts === null) return '';
  return `${pad(parts[0], 4)}-${pad(parts[1], 2)}-${pad(parts[2], 2)}`;
}

/**
 * The packed number of a normalised date: year * 10000 + month * 100 + day (0 when missing).
 *
 * @example
 *   packDate('1956-04-09'); // 19560409
 */
export function packDate(normalised: string): number {
  if (normalised === '') return 0;
  return (
    Number(normalised.slice(0, 4)) * 10_000 +
    Number(normalised.slice(5, 7)) * 100 +
    Number(normalised.slice(8, 10))
  );
}

/**
 * Splits a full name into given name and surname: "Surname, Given" with a comma; Han names
 * take the first character as the surname (two for the common compound surnames); otherwise
 * the last word is the surname and the first word the given name.
 *
 * @example
 *   splitFullName('Green, Mitchell'); // { given: 'Mitchell', surname: 'Green' }
 *   splitFullName('欧阳娜娜'); // { given: '娜娜', surname: '欧阳' }
 *   splitFullName('Mitchell J Green'); // { given: 'Mitchell', surname: 'Green' }
 */
export function splitFullName(raw: string): { given: string; surname: string } {
  const text = raw.trim();
  const comma = text.indexOf(',');
  if (comma >= 0) return { given: text.slice(comma + 1).trim(), surname: text.slice(0, comma).trim() };
  const compact = text.replace(/\s+/g, '');
  if (/^\p{Script=Han}+$/u.test(compact) && compact.length >= 2) {
    const two = COMPOUND_SURNAMES.has(compact.slice(0, 2)) && compact.length >= 3 ? 2 : 1;
    return { given: compact.slice(two), surname: compact.slice(0, two) };
  }
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return { given: '', surname: '' };
  if (words.length === 1) return { given: '', surname: words[0]! };
  return { given: words[0]!, surname: words[words.length - 1]! };
}

const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
]);
