/**
 * What is compared between two records: one comparison per personal attribute (given name,
 * surname, date of birth, sex, phone, email, national ID), and one for the address as a whole.
 *
 * The address parts (street number, the two address lines, locality, postcode, state) are not
 * independent: a person who moves changes all of them at once, and two neighbours agree on all
 * of locality, postcode and state. Compared separately, Fellegi-Sunter would count one move five
 * times against a match and one shared suburb three times for it. So they are compared together,
 * with levels from the whole address down to the state alone; EM learns one m and one u per
 * level.
 *
 * @example
 *   const comparisons = comparisonsFor(store);
 *   comparisons.map((c) => c.name); // ['given_name', 'surname', 'date_of_birth', 'address', ...]
 *   comparisons[0]!.compare(0, 1); // level index into comparisons[0]!.levels
 */
import { type AttributeName, LEVELS } from './attributes.js';
import { comparatorFor, type LevelComparator, textAgreement } from './compare-levels.js';
import type { AttributeColumn, PersonStore } from './person-store.js';

/**
 * A comparison's name: an attribute, or the whole address.
 *
 * @example
 *   const name: ComparisonName = 'address';
 */
export type ComparisonName = AttributeName | 'address';

/**
 * One comparison.
 *
 * @example
 *   comparison.levels[comparison.compare(i, j)]; // 'exact'
 */
export interface Comparison {
  readonly name: ComparisonName;
  /** Level labels: 0 'missing', 1 the closest agreement, last 'different'. */
  readonly levels: readonly string[];
  /** The column whose value frequency adjusts the weight of exact agreement (level 1). */
  readonly termFrequency: AttributeColumn | null;
  readonly compare: LevelComparator;
  /** The record's value as shown in an explanation ('' when missing). */
  display(record: number): string;
}

/** Levels of the address comparison. */
export const ADDRESS_LEVELS: readonly string[] = [
  'missing',
  'whole address (street, number, second line, locality and postcode)',
  'same street address (street, number, locality or postcode)',
  'same street, and locality, postcode or number',
  'same locality and postcode, or one of them and number or second line',
  'same locality or postcode',
  'same state only',
  'different',
];

function addressComparison(store: PersonStore): Comparison | null {
  const column = (name: AttributeName): AttributeColumn | null => store.column(name) ?? null;
  const numberColumn = column('street_number');
  const street = column('address_1');
  const line2 = column('address_2');
  const suburb = column('suburb');
  const postcode = column('postcode');
  const state = column('state');
  const located = [street, suburb, postcode].filter((c) => c !== null);
  if (located.length === 0) return null;
  const hasPlace = (i: number): boolean => located.some((c) => c.ids[i] !== 0);
  const parts = [numberColumn, street, line2, suburb, postcode, state].filter((c) => c !== null);
  const never = (): boolean => false;
  const streetAgrees = street ? textAgreement(street, line2 ?? undefined) : never;
  const line2Agrees = line2 ? textAgreement(line2, street ?? undefined) : never;
  const suburbAgrees = suburb ? textAgreement(suburb, undefined) : never;
  const postcodeLevel = postcode ? comparatorFor(store, postcode) : () => 0;
  const same = (c: AttributeColumn | null, i: number, j: number): boolean =>
    c !== null && c.ids[i] !== 0 && c.ids[i] === c.ids[j];
  return {
    name: 'address',
    levels: ADDRESS_LEVELS,
    termFrequency: null,
    compare: (i, j) => {
      if (!hasPlace(i) || !hasPlace(j)) return 0;
      // Address lines: exact, close, or swapped with the other line.
      const s = streetAgrees(i, j);
      const s2 = line2Agrees(i, j);
      const line2Missing = line2 === null || line2.ids[i] === 0 || line2.ids[j] === 0;
      const n = same(numberColumn, i, j);
      const codeLevel = postcodeLevel(i, j);
      const p = codeLevel === 1;
      const p1 = codeLevel === 2;
      const l = suburbAgrees(i, j);
      if (s && n && (p || p1 || l)) return (s2 || line2Missing) && (p || p1) && l ? 1 : 2;
      if (s && (p || p1 || l || n)) return 3;
      if ((p && l) || ((p || l) && (n || s2))) return 4;
      if (p || l || p1) return 5;
      if (same(state, i, j)) return 6;
      return 7;
    },
    display: (i) =>
      parts
        .map((c) => c.valueOf(i))
        .filter((v) => v !== '')
        .join(', '),
  };
}

/**
 * The comparisons of a store, in a fixed order: given name, surname, date of birth, sex,
 * address, phone, email, national ID (those the store has).
 *
 * @example
 *   comparisonsFor(new PersonStore(['surname', 'postcode'])).map((c) => c.name); // ['surname', 'address']
 */
export function comparisonsFor(store: PersonStore): Comparison[] {
  const out: Comparison[] = [];
  const single = (name: AttributeName): void => {
    const column = store.column(name);
    if (!column) return;
    out.push({
      name,
      levels: LEVELS[column.spec.kind],
      termFrequency: column.spec.termFrequency ? column : null,
      compare: comparatorFor(store, column),
      display: (i) => column.valueOf(i),
    });
  };
  single('given_name');
  single('surname');
  single('date_of_birth');
  single('sex');
  const address = addressComparison(store);
  if (address) out.push(address);
  single('phone');
  single('email');
  single('national_id');
  return out;
}
