/**
 * NYSIIS phonetic code of a Latin-script name (New York State Identification and Intelligence
 * System, Taft 1970): names that sound alike get the same code, so "Mitchell" and "Michel"
 * or "Catherine" and "Katherine" agree on it. Letters only; accents are removed first, anything
 * else is ignored. Written from the published description of the algorithm.
 *
 * @example
 *   nysiis('Knight'); // 'NAGT'
 *   nysiis('Macintosh', 0); // 'MCANT' (0: no truncation)
 */
import { NYSIIS_CODE_CHARS } from './limits.js';

const VOWELS = new Set(['A', 'E', 'I', 'O', 'U']);

function isVowel(c: string | undefined): boolean {
  return c !== undefined && VOWELS.has(c);
}

/** Replaces a leading `from` with `to`. */
function swapPrefix(s: string, from: string, to: string): string | null {
  return s.startsWith(from) ? to + s.slice(from.length) : null;
}

/**
 * The NYSIIS code of `name`, cut to `maxChars` characters (0: the whole code).
 *
 * @example
 *   nysiis('Phillipson', 0); // 'FALAPSAN'
 *   nysiis('Phillipson'); // 'FALAPS'
 */
export function nysiis(name: string, maxChars: number = NYSIIS_CODE_CHARS): string {
  let s = name
    .normalize('NFD')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  if (s.length === 0) return '';
  s =
    swapPrefix(s, 'MAC', 'MCC') ??
    swapPrefix(s, 'KN', 'NN') ??
    swapPrefix(s, 'K', 'C') ??
    swapPrefix(s, 'PH', 'FF') ??
    swapPrefix(s, 'PF', 'FF') ??
    swapPrefix(s, 'SCH', 'SSS') ??
    s;
  if (s.endsWith('EE') || s.endsWith('IE')) s = `${s.slice(0, -2)}Y`;
  else if (/(?:DT|RT|RD|NT|ND)$/.test(s)) s = `${s.slice(0, -2)}D`;
  const chars = s.split('');
  let key = chars[0]!;
  for (let i = 1; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    if (c === 'E' && next === 'V') {
      chars[i] = 'A';
      chars[i + 1] = 'F';
    } else if (isVowel(c)) chars[i] = 'A';
    else if (c === 'Q') chars[i] = 'G';
    else if (c === 'Z') chars[i] = 'S';
    else if (c === 'M') chars[i] = 'N';
    else if (c === 'K') chars[i] = next === 'N' ? 'N' : 'C';
    else if (c === 'S' && next === 'C' && chars[i + 2] === 'H') {
      chars[i] = 'S';
      chars[i + 1] = 'S';
      chars[i + 2] = 'S';
    } else if (c === 'P' && next === 'H') {
      chars[i] = 'F';
      chars[i + 1] = 'F';
    } else if (c === 'H' && (!isVowel(chars[i - 1]) || !isVowel(next))) chars[i] = chars[i - 1]!;
    else if (c === 'W' && isVowel(chars[i - 1])) chars[i] = chars[i - 1]!;
    if (chars[i] !== key[key.length - 1]) key += chars[i];
  }
  if (key.length > 1 && key.endsWith('S')) key = key.slice(0, -1);
  if (key.length > 1 && key.endsWith('AY')) key = `${key.slice(0, -2)}Y`;
  if (key.length > 1 && key.endsWith('A')) key = key.slice(0, -1);
  return maxChars > 0 ? key.slice(0, maxChars) : key;
}
