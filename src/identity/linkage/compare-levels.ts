/**
 * The comparison level of one attribute for a pair of records (indexes into LEVELS of the
 * attribute's kind). Exact agreement is decided on value ids, so most of the work is done
 * once per distinct value (person-store.ts); Jaro-Winkler runs only when the values differ.
 *
 * @example
 *   const level = comparatorFor(store, store.column('surname')!);
 *   level(0, 1); // 1: exact
 */
import { hanNearMiss } from './han-names.js';
import { jaroWinklerAtLeast } from './jaro-winkler.js';
import type { AttributeColumn, PersonStore } from './person-store.js';

/** Jaro-Winkler at or above which two names are a close match. */
export const NAME_CLOSE_JW = 0.94;
/** Jaro-Winkler at or above which two names are similar. */
export const NAME_SIMILAR_JW = 0.85;
/** Jaro-Winkler at or above which two addresses or places are a close match. */
export const TEXT_CLOSE_JW = 0.92;
/** Jaro-Winkler at or above which two addresses or places are similar. */
export const TEXT_SIMILAR_JW = 0.8;

/**
 * A function giving the level of one attribute for records i and j (of the same store).
 *
 * @example
 *   const compare: LevelComparator = comparatorFor(store, column);
 */
export type LevelComparator = (i: number, j: number) => number;

/**
 * Whether two strings of equal length differ in one character or in the order of two
 * neighbouring characters.
 *
 * @example
 *   oneEditApart('2119', '2191'); // true
 *   oneEditApart('2119', '2118'); // true
 *   oneEditApart('2119', '3118'); // false
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let first = -1;
  let second = -1;
  for (let k = 0; k < a.length; k++) {
    if (a.charCodeAt(k) !== b.charCodeAt(k)) {
      if (first < 0) first = k;
      else if (second < 0) second = k;
      else return false;
    }
  }
  if (first < 0) return false;
  if (second < 0) return true;
  return (
    second === first + 1 &&
    a.charCodeAt(first) === b.charCodeAt(second) &&
    a.charCodeAt(second) === b.charCodeAt(first)
  );
}

/**
 * The level of two packed dates (YYYYMMDD numbers): exact, day and month swapped, one of the
 * three parts differs, different.
 *
 * @example
 *   dateLevel(19560409, 19560904); // 2
 *   dateLevel(19560409, 19570409); // 3
 */
export function dateLevel(a: number, b: number): number {
  if (a === b) return 1;
  const ya = Math.floor(a / 10_000);
  const yb = Math.floor(b / 10_000);
  const ma = Math.floor(a / 100) % 100;
  const mb = Math.floor(b / 100) % 100;
  const da = a % 100;
  const db = b % 100;
  if (ya === yb && ma === db && da === mb) return 2;
  const same = (ya === yb ? 1 : 0) + (ma === mb ? 1 : 0) + (da === db ? 1 : 0);
  return same === 2 ? 3 : 4;
}

function nameComparator(column: AttributeColumn, partner: AttributeColumn | undefined): LevelComparator {
  const { values, comparable, masks, phonetic, han } = column;
  const crossClose = (value: number, other: number): boolean => {
    if (other === 0) return false;
    if (partner!.values[other] === values[value]) return true;
    const x = comparable[value]!;
    const y = partner!.comparable[other]!;
    return (
      x !== '' &&
      y !== '' &&
      jaroWinklerAtLeast(x, y, masks[value]!, partner!.masks[other]!, NAME_CLOSE_JW) >= NAME_CLOSE_JW
    );
  };
  return (i, j) => {
    const a = column.ids[i]!;
    const b = column.ids[j]!;
    if (a === 0 || b === 0) return 0;
    if (a === b) return 1;
    const la = comparable[a]!;
    const lb = comparable[b]!;
    let similarity = 0;
    if (han[a] && han[b]) {
      if (hanNearMiss(values[a]!, values[b]!) || (la !== '' && la === lb)) return 2;
    } else if (la !== '' && lb !== '') {
      similarity = la === lb ? 1 : jaroWinklerAtLeast(la, lb, masks[a]!, masks[b]!, NAME_SIMILAR_JW);
      if (similarity >= NAME_CLOSE_JW) return 2;
    }
    if (partner !== undefined) {
      if (crossClose(a, partner.ids[j]!) || crossClose(b, partner.ids[i]!)) return 3;
    }
    if (phonetic[a] !== '' && phonetic[a] === phonetic[b]) return 4;
    return similarity >= NAME_SIMILAR_JW ? 5 : 6;
  };
}

/**
 * Whether two address lines or places agree: exact, Jaro-Winkler at least TEXT_CLOSE_JW, or
 * (with a partner column) close to the other record's partner value, the lines swapped.
 *
 * @example
 *   const agrees = textAgreement(store.column('address_1')!, store.column('address_2'));
 *   agrees(0, 1); // true or false; missing on either side is false
 */
export function textAgreement(
  column: AttributeColumn,
  partner: AttributeColumn | undefined,
): (i: number, j: number) => boolean {
  const { comparable, masks } = column;
  return (i, j) => {
    const a = column.ids[i]!;
    const b = column.ids[j]!;
    if (a === 0 || b === 0) return false;
    const ca = comparable[a]!;
    const cb = comparable[b]!;
    if (a === b || ca === cb) return true;
    if (jaroWinklerAtLeast(ca, cb, masks[a]!, masks[b]!, TEXT_CLOSE_JW) >= TEXT_CLOSE_JW) return true;
    if (partner === undefined) return false;
    const pa = partner.ids[i]!;
    const pb = partner.ids[j]!;
    return (
      (pb !== 0 &&
        jaroWinklerAtLeast(ca, partner.comparable[pb]!, masks[a]!, partner.masks[pb]!, TEXT_CLOSE_JW) >=
          TEXT_CLOSE_JW) ||
      (pa !== 0 &&
        jaroWinklerAtLeast(cb, partner.comparable[pa]!, masks[b]!, partner.masks[pa]!, TEXT_CLOSE_JW) >=
          TEXT_CLOSE_JW)
    );
  };
}

function textComparator(column: AttributeColumn, partner: AttributeColumn | undefined): LevelComparator {
  const { comparable, masks } = column;
  const withSwap = column.spec.kind === 'address';
  return (i, j) => {
    const a = column.ids[i]!;
    const b = column.ids[j]!;
    if (a === 0 || b === 0) return 0;
    const ca = comparable[a]!;
    const cb = comparable[b]!;
    if (a === b || ca === cb) return 1;
    const similarity = jaroWinklerAtLeast(ca, cb, masks[a]!, masks[b]!, TEXT_SIMILAR_JW);
    if (similarity >= TEXT_CLOSE_JW) return 2;
    if (withSwap) {
      if (partner !== undefined) {
        const pa = partner.ids[i]!;
        const pb = partner.ids[j]!;
        if (
          (pb !== 0 &&
            jaroWinklerAtLeast(ca, partner.comparable[pb]!, masks[a]!, partner.masks[pb]!, TEXT_CLOSE_JW) >=
              TEXT_CLOSE_JW) ||
          (pa !== 0 &&
            jaroWinklerAtLeast(cb, partner.comparable[pa]!, masks[b]!, partner.masks[pa]!, TEXT_CLOSE_JW) >=
              TEXT_CLOSE_JW)
        )
          return 3;
      }
      return similarity >= TEXT_SIMILAR_JW ? 4 : 5;
    }
    return similarity >= TEXT_SIMILAR_JW ? 3 : 4;
  };
}

/**
 * The comparator of one column of `store`.
 *
 * @example
 *   const compare = comparatorFor(store, store.column('date_of_birth')!);
 *   compare(0, 1); // 0 missing, 1 exact, 2 swapped, 3 one part differs, 4 different
 */
export function comparatorFor(store: PersonStore, column: AttributeColumn): LevelComparator {
  const partner = column.spec.partner === null ? undefined : store.column(column.spec.partner);
  switch (column.spec.kind) {
    case 'name':
      return nameComparator(column, partner);
    case 'address':
    case 'place':
      return textComparator(column, partner);
    case 'date': {
      const dates = column.dates;
      return (i, j) => {
        const a = column.ids[i]!;
        const b = column.ids[j]!;
        if (a === 0 || b === 0) return 0;
        return a === b ? 1 : dateLevel(dates[a]!, dates[b]!);
      };
    }
    case 'code': {
      const values = column.values;
      return (i, j) => {
        const a = column.ids[i]!;
        const b = column.ids[j]!;
        if (a === 0 || b === 0) return 0;
        if (a === b) return 1;
        return oneEditApart(values[a]!, values[b]!) ? 2 : 3;
      };
    }
    case 'category':
      return (i, j) => {
        const a = column.ids[i]!;
        const b = column.ids[j]!;
        if (a === 0 || b === 0) return 0;
        return a === b ? 1 : 2;
      };
    case 'email': {
      const { comparable, values } = column;
      return (i, j) => {
        const a = column.ids[i]!;
        const b = column.ids[j]!;
        if (a === 0 || b === 0) return 0;
        if (a === b) return 1;
        return comparable[a] === comparable[b] || oneEditApart(values[a]!, values[b]!) ? 2 : 3;
      };
    }
  }
}
