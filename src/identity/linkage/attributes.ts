/**
 * The attributes compared between two records, each with its comparison levels. Level 0 is
 * always "missing" (either side empty: weight 0, no evidence either way); level 1 is always
 * "exact"; the last level is always "different". Levels in between are the near misses, from
 * the closest down. Which near miss a pair is in is decided by the attribute's kind
 * (compare-levels.ts).
 *
 * @example
 *   ATTRIBUTES.find((a) => a.name === 'date_of_birth')!.levels;
 *   // ['missing', 'exact', 'day and month swapped', 'one part differs', 'different']
 */
import type { Role } from './roles.js';

/**
 * How an attribute is compared.
 *
 * @example
 *   const kind: AttributeKind = 'name';
 */
export type AttributeKind = 'name' | 'date' | 'address' | 'place' | 'code' | 'category' | 'email';

/**
 * An attribute's name: a role other than the full name (which is split into given name and
 * surname).
 *
 * @example
 *   const attribute: AttributeName = 'surname';
 */
export type AttributeName = Exclude<Role, 'name'>;

/**
 * One compared attribute.
 *
 * @example
 *   const spec: AttributeSpec = ATTRIBUTES[0]!;
 */
export interface AttributeSpec {
  readonly name: AttributeName;
  readonly kind: AttributeKind;
  /** Level labels; index 0 'missing', 1 'exact', last 'different'. */
  readonly levels: readonly string[];
  /** The attribute a value may have been swapped with (given name and surname, the two
   *  address lines). */
  readonly partner: AttributeName | null;
  /** Whether exact agreement is weighted by how common the value is. */
  readonly termFrequency: boolean;
}

/** Levels by kind. The comparison functions return these indexes. */
export const LEVELS: Readonly<Record<AttributeKind, readonly string[]>> = {
  name: [
    'missing',
    'exact',
    'Jaro-Winkler >= 0.94, same pinyin, or one Han character differs',
    'swapped with the other name',
    'same NYSIIS code',
    'Jaro-Winkler >= 0.85',
    'different',
  ],
  date: ['missing', 'exact', 'day and month swapped', 'one part differs', 'different'],
  address: [
    'missing',
    'exact',
    'Jaro-Winkler >= 0.92',
    'swapped with the other line',
    'Jaro-Winkler >= 0.8',
    'different',
  ],
  place: ['missing', 'exact', 'Jaro-Winkler >= 0.92', 'Jaro-Winkler >= 0.8', 'different'],
  code: ['missing', 'exact', 'one character or two neighbours differ', 'different'],
  category: ['missing', 'exact', 'different'],
  email: ['missing', 'exact', 'same user part, or one character differs', 'different'],
};

function spec(
  name: AttributeName,
  kind: AttributeKind,
  termFrequency: boolean,
  partner: AttributeName | null = null,
): AttributeSpec {
  return Object.freeze({ name, kind, levels: LEVELS[kind], partner, termFrequency });
}

/** Every attribute, in the order of comparison vectors and explanations. */
export const ATTRIBUTES: readonly AttributeSpec[] = Object.freeze([
  spec('given_name', 'name', true, 'surname'),
  spec('surname', 'name', true, 'given_name'),
  spec('date_of_birth', 'date', false),
  spec('sex', 'category', false),
  spec('street_number', 'code', false),
  spec('address_1', 'address', false, 'address_2'),
  spec('address_2', 'address', false, 'address_1'),
  spec('suburb', 'place', false),
  spec('postcode', 'code', false),
  spec('state', 'category', false),
  spec('phone', 'code', false),
  spec('email', 'email', false),
  spec('national_id', 'code', false),
]);

/**
 * The spec of an attribute by name.
 *
 * @example
 *   attributeSpec('postcode').kind; // 'code'
 */
export function attributeSpec(name: AttributeName): AttributeSpec {
  const found = ATTRIBUTES.find((a) => a.name === name);
  if (!found) throw new Error(`invariant: unknown attribute ${name}`);
  return found;
}
