/**
 * Blocking rules: which records are compared at all. Each rule gives a record a key; records
 * with the same key form a block and every pair in a block is compared. Several rules (passes)
 * catch what one misses: a typo in the surname still meets its duplicate on date of birth, a
 * changed address still meets it on the names. Rules needing an attribute the file lacks are
 * left out. A key is '' when the record lacks what the rule needs.
 *
 * Name keys are order-free (the two names sorted), so swapped given name and surname still
 * share them; Han names use their characters.
 *
 * @example
 *   rulesForStore(store).map((r) => r.name);
 *   // ['names-phonetic', 'surname-prefix+birth-year', 'postcode+initials', ...]
 */
import type { AttributeName } from './attributes.js';
import type { PersonStore } from './person-store.js';

/**
 * One blocking pass.
 *
 * @example
 *   const rule: BlockingRule = BLOCKING_RULES[0]!;
 *   rule.key(store, 0); // 'FALAPS|GRAN'
 */
export interface BlockingRule {
  readonly name: string;
  readonly attributes: readonly AttributeName[];
  /** Records in one block of this rule, when lower than MAX_BLOCK_RECORDS. */
  readonly maxBlockRecords?: number;
  key(store: PersonStore, record: number): string;
}

function value(store: PersonStore, name: AttributeName, record: number): string {
  return store.column(name)!.valueOf(record);
}

/** A name's blocking form: the NYSIIS code for Latin names, the characters for Han names. */
function phoneticKey(store: PersonStore, name: AttributeName, record: number): string {
  const column = store.column(name)!;
  const id = column.ids[record]!;
  if (id === 0) return '';
  return column.han[id] ? column.values[id]! : column.phonetic[id]!;
}

function initial(store: PersonStore, name: AttributeName, record: number): string {
  const v = value(store, name, record);
  return v === '' ? '' : String.fromCodePoint(v.codePointAt(0)!);
}

function sortedPair(a: string, b: string): string {
  if (a === '' || b === '') return '';
  return a <= b ? `${a}|${b}` : `${b}|${a}`;
}

/** Characters of a free-text prefix (street, locality), spaces removed. */
const TEXT_PREFIX_CHARS = 4;

function prefix(store: PersonStore, name: AttributeName, record: number): string {
  const column = store.column(name)!;
  return column.comparable[column.ids[record]!]!.slice(0, TEXT_PREFIX_CHARS);
}

/** The parts joined, or '' when one is missing. */
function join(...parts: string[]): string {
  return parts.includes('') ? '' : parts.join('|');
}

function birthYear(store: PersonStore, record: number): string {
  const v = value(store, 'date_of_birth', record);
  return v === '' ? '' : v.slice(0, 4);
}

/** Block limit of the broad rules (names alone, street number in a locality): their large
 *  blocks (common names, small street numbers in large towns) are left to the narrower rules. */
export const NARROW_BLOCK_RECORDS = 25;

/** Every rule, in pass order. */
export const BLOCKING_RULES: readonly BlockingRule[] = Object.freeze([
  {
    name: 'names-phonetic',
    attributes: ['given_name', 'surname'],
    maxBlockRecords: NARROW_BLOCK_RECORDS,
    key: (s, r) => sortedPair(phoneticKey(s, 'given_name', r), phoneticKey(s, 'surname', r)),
  },
  {
    name: 'names-phonetic+birth-year',
    attributes: ['given_name', 'surname', 'date_of_birth'],
    key: (s, r) =>
      join(sortedPair(phoneticKey(s, 'given_name', r), phoneticKey(s, 'surname', r)), birthYear(s, r)),
  },
  {
    name: 'date-of-birth+given-initial',
    attributes: ['given_name', 'date_of_birth'],
    key: (s, r) => join(value(s, 'date_of_birth', r), initial(s, 'given_name', r)),
  },
  {
    name: 'date-of-birth+surname-phonetic',
    attributes: ['surname', 'date_of_birth'],
    key: (s, r) => join(value(s, 'date_of_birth', r), phoneticKey(s, 'surname', r)),
  },
  {
    name: 'postcode+initials',
    attributes: ['given_name', 'surname', 'postcode'],
    key: (s, r) => {
      const postcode = value(s, 'postcode', r);
      const initials = sortedPair(initial(s, 'given_name', r), initial(s, 'surname', r));
      return postcode === '' || initials === '' ? '' : `${postcode}|${initials}`;
    },
  },
  {
    name: 'date-of-birth+postcode',
    attributes: ['date_of_birth', 'postcode'],
    key: (s, r) => join(value(s, 'date_of_birth', r), value(s, 'postcode', r)),
  },
  {
    name: 'street-prefix+locality-prefix',
    attributes: ['address_1', 'suburb'],
    key: (s, r) => join(prefix(s, 'address_1', r), prefix(s, 'suburb', r)),
  },
  {
    name: 'street-number+locality-prefix',
    attributes: ['street_number', 'suburb'],
    maxBlockRecords: NARROW_BLOCK_RECORDS,
    key: (s, r) => join(value(s, 'street_number', r), prefix(s, 'suburb', r)),
  },
  {
    name: 'address-line-prefixes',
    attributes: ['address_1', 'address_2'],
    key: (s, r) => sortedPair(prefix(s, 'address_1', r), prefix(s, 'address_2', r)),
  },
  { name: 'phone', attributes: ['phone'], key: (s, r) => value(s, 'phone', r) },
  { name: 'email', attributes: ['email'], key: (s, r) => value(s, 'email', r) },
  { name: 'national-id', attributes: ['national_id'], key: (s, r) => value(s, 'national_id', r) },
]);

/**
 * The rules whose attributes the store has.
 *
 * @example
 *   rulesForStore(new PersonStore(['phone'])).map((r) => r.name); // ['phone']
 */
export function rulesForStore(
  store: PersonStore,
  rules: readonly BlockingRule[] = BLOCKING_RULES,
): BlockingRule[] {
  return rules.filter((rule) => rule.attributes.every((name) => store.column(name) !== undefined));
}
