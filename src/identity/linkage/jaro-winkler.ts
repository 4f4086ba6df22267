/**
 * Jaro-Winkler similarity of two strings, in [0, 1]: 1 for equal strings, 0 when nothing
 * matches. Compares UTF-16 code units (Han characters are one unit each). Symmetric by
 * construction: the pair is put in a fixed order before the greedy matching.
 *
 * @example
 *   jaroWinkler('martha', 'marhta'); // 0.961…
 *   jaroWinkler('dixon', 'dicksonx'); // 0.813…
 */

/** Winkler's prefix scale: how much each agreeing leading character (up to 4) raises the score. */
const PREFIX_SCALE = 0.1;
/** Leading characters Winkler's boost looks at. */
const MAX_PREFIX_CHARS = 4;

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/**
 * The Jaro similarity (no prefix boost).
 *
 * @example
 *   jaro('martha', 'marhta'); // 0.944…
 */
export function jaro(first: string, second: string): number {
  let a = first;
  let b = second;
  if (a.length > b.length || (a.length === b.length && a > b)) {
    a = second;
    b = first;
  }
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return 0;
  if (lb > flagsB.length) {
    flagsA = new Uint8Array(lb * 2);
    flagsB = new Uint8Array(lb * 2);
  }
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (lb >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    const from = i > window ? i - window : 0;
    const to = Math.min(lb - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let j = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) halfTranspositions++;
    j++;
  }
  const transpositions = halfTranspositions / 2;
  return (matches / la + matches / lb + (matches - transpositions) / matches) / 3;
}

/**
 * A 32-bit mask of the characters of a string (bit = code unit mod 32), for a quick upper bound
 * on Jaro-Winkler: a character of one string whose bit is absent from the other's mask cannot
 * match.
 *
 * @example
 *   characterMask('abc') === characterMask('cab'); // true
 */
export function characterMask(text: string): number {
  let mask = 0;
  for (let k = 0; k < text.length; k++) mask |= 1 << (text.charCodeAt(k) & 31);
  return mask;
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Jaro-Winkler of two strings when it can reach `floor`, else 0 without computing it. The
 * bound: characters of either string whose mask bit the other lacks are unmatched, so at most
 * m = min(la - those of a, lb - those of b) characters match, and Jaro-Winkler is at most that
 * of m matches, no transposition and a 4-character prefix. Pass the strings' characterMask.
 *
 * @example
 *   jaroWinklerAtLeast('james', 'john', characterMask('james'), characterMask('john'), 0.8); // 0
 *   jaroWinklerAtLeast('martha', 'marhta', characterMask('martha'), characterMask('marhta'), 0.8); // 0.961…
 */
export function jaroWinklerAtLeast(
  a: string,
  b: string,
  maskA: number,
  maskB: number,
  floor: number,
): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return a === b ? 1 : 0;
  const matches = Math.min(la - bitCount(maskA & ~maskB), lb - bitCount(maskB & ~maskA));
  if (matches <= 0) return 0;
  const jaroBound = (matches / la + matches / lb + 1) / 3;
  const bound = jaroBound + MAX_PREFIX_CHARS * PREFIX_SCALE * (1 - jaroBound);
  return bound < floor ? 0 : jaroWinkler(a, b);
}

/**
 * Jaro similarity raised for a common prefix (Winkler): j + prefix * 0.1 * (1 - j).
 *
 * @example
 *   jaroWinkler('dwayne', 'duane'); // 0.84
 */
export function jaroWinkler(first: string, second: string): number {
  const j = jaro(first, second);
  if (j === 1 || j === 0) return j;
  const limit = Math.min(MAX_PREFIX_CHARS, first.length, second.length);
  let prefix = 0;
  while (prefix < limit && first.charCodeAt(prefix) === second.charCodeAt(prefix)) prefix++;
  const score = j + prefix * PREFIX_SCALE * (1 - j);
  return Math.min(1, score);
}
