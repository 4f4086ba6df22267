/**
 * Small deterministic person sets for the linkage tests: `persons` originals, each with 0 to 3
 * corrupted copies (a typo in a name, a missing value, day and month swapped). Record ids are
 * p<person>-<copy>; entityOf parses the person back.
 *
 * @example
 *   const { store, truth } = syntheticStore(200, 7);
 */
import { PersonStore } from '../../../src/identity/linkage/person-store.js';
import { seededRandom } from '../../../src/identity/linkage/random.js';
import type { PersonInput } from '../../../src/identity/linkage/roles.js';

const GIVEN = 'james mary john patricia robert jennifer michael linda william elizabeth david susan'.split(
  ' ',
);
const SURNAMES = 'smith johnson williams brown jones garcia miller davis hathaway okafor lindqvist'.split(
  ' ',
);
const STREETS = 'wallaby place,pridham street,hoseason street,gundulu place,kent street,farrer place'.split(
  ',',
);
const SUBURBS = 'cleveland,marsden,granville,utakarra,towradgi,frankston'.split(',');

export function entityOf(recordId: string): number {
  return Number(recordId.slice(1, recordId.indexOf('-')));
}

export function syntheticPeople(persons: number, seed: number): { id: string; person: PersonInput }[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: { id: string; person: PersonInput }[] = [];
  for (let p = 0; p < persons; p++) {
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const year = 1940 + Math.floor(random() * 60);
    const original: PersonInput = {
      given_name: pick(GIVEN),
      surname: random() < 0.5 ? pick(SURNAMES) : `${pick(SURNAMES)}${pick(['son', 'ley', 'ford', 'ton'])}`,
      date_of_birth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      street_number: String(1 + Math.floor(random() * 99)),
      address_1: pick(STREETS),
      suburb: pick(SUBURBS),
      postcode: String(2000 + Math.floor(random() * 50)),
      phone: `04${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    };
    const copies = 1 + Math.floor(random() * random() * 4);
    for (let c = 0; c < copies; c++) {
      const person = { ...original };
      if (c > 0) {
        const corruption = Math.floor(random() * 4);
        if (corruption === 0) person.surname = `${person.surname!.slice(0, 2)}${person.surname!.slice(3)}`;
        if (corruption === 1) delete person.phone;
        if (corruption === 2)
          person.date_of_birth = `${year}-${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}`;
        if (corruption === 3) person.given_name = `${person.given_name}e`;
      }
      out.push({ id: `p${p}-${c}`, person });
    }
  }
  return out;
}

export function syntheticStore(persons: number, seed: number): { store: PersonStore; truth: Int32Array } {
  const people = syntheticPeople(persons, seed);
  const store = new PersonStore([
    'given_name',
    'surname',
    'date_of_birth',
    'street_number',
    'address_1',
    'suburb',
    'postcode',
    'phone',
  ]);
  for (const { id, person } of people) store.add(id, person);
  return { store, truth: Int32Array.from(store.recordIds, entityOf) };
}
