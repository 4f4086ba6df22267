/**
 * Persons in memory, column by column: for each attribute an Int32Array of value ids (0 =
 * missing) and a dictionary of the distinct normalised values with their counts (the term
 * frequencies) and what comparison needs of them (phonetic code, pinyin, packed date), worked
 * out once per distinct value. 1,000,000 records take about 4 bytes per attribute each plus the
 * dictionaries.
 *
 * @example
 *   const store = new PersonStore(['given_name', 'surname', 'date_of_birth']);
 *   store.add('rec-1', { name: 'Mitchell Green', date_of_birth: '19560409' }); // 0
 *   store.column('surname')!.valueOf(0); // 'green'
 */
import { type AttributeName, type AttributeSpec, attributeSpec } from './attributes.js';
import { hasHan, tonelessPinyin } from './han-names.js';
import { characterMask } from './jaro-winkler.js';
import { MAX_RECORDS } from './limits.js';
import {
  normaliseCode,
  normaliseDate,
  normaliseEmail,
  normaliseName,
  normalisePhone,
  normaliseSex,
  normaliseText,
  packDate,
  splitFullName,
} from './normalise.js';
import { nysiis } from './nysiis.js';
import type { PersonInput, Role } from './roles.js';

const INITIAL_CAPACITY_RECORDS = 1024;

/**
 * The normalised value of one attribute from a raw value.
 *
 * @example
 *   normaliseAttribute('postcode', ' 2119 '); // '2119'
 */
export function normaliseAttribute(name: AttributeName, raw: string): string {
  switch (name) {
    case 'given_name':
    case 'surname':
      return normaliseName(raw);
    case 'date_of_birth':
      return normaliseDate(raw);
    case 'sex':
      return normaliseSex(raw);
    case 'address_1':
    case 'address_2':
    case 'suburb':
    case 'state':
      return normaliseText(raw);
    case 'phone':
      return normalisePhone(raw);
    case 'email':
      return normaliseEmail(raw);
    case 'street_number':
    case 'postcode':
    case 'national_id':
      return normaliseCode(raw);
  }
}

/**
 * The attributes a set of roles gives (a full name gives given name and surname).
 *
 * @example
 *   attributesOfRoles(['name', 'dob' as never]); // ['given_name', 'surname']
 */
export function attributesOfRoles(roles: Iterable<Role>): AttributeName[] {
  const set = new Set<AttributeName>();
  for (const role of roles) {
    if (role === 'name') {
      set.add('given_name');
      set.add('surname');
    } else set.add(role);
  }
  return [...set];
}

/**
 * Raw value of each attribute of a person: a full name fills given name and surname where
 * those are absent.
 *
 * @example
 *   attributeInputs({ name: 'Green, Mitchell' }); // { given_name: 'Mitchell', surname: 'Green' }
 */
export function attributeInputs(person: PersonInput): Partial<Record<AttributeName, string>> {
  const { name, ...rest } = person;
  const out: Partial<Record<AttributeName, string>> = { ...rest };
  if (name !== undefined && name.trim() !== '') {
    const split = splitFullName(name);
    if (!out.given_name?.trim() && split.given) out.given_name = split.given;
    if (!out.surname?.trim() && split.surname) out.surname = split.surname;
  }
  return out;
}

/**
 * One attribute's column: value id per record and the dictionary of values.
 *
 * @example
 *   column.valueOf(record); // '' when missing
 */
export class AttributeColumn {
  readonly spec: AttributeSpec;
  /** Value id of each record (0: missing). Replaced when the store grows: read it afresh. */
  ids: Int32Array;
  /** Normalised values by id (id 0: ''). */
  readonly values: string[] = [''];
  /** Records holding each value. */
  readonly counts: number[] = [0];
  /** What is compared: names in Latin letters (pinyin for Han when known, else ''), free text
   *  without spaces, the user part of an email; otherwise the value. */
  readonly comparable: string[] = [''];
  /** characterMask of each comparable value (quick Jaro-Winkler bound). */
  readonly masks: number[] = [0];
  /** NYSIIS code of a Latin name ('' otherwise). */
  readonly phonetic: string[] = [''];
  /** Whether a name is written in Han characters. */
  readonly han: boolean[] = [false];
  /** Packed date (YYYYMMDD as a number) of a date value. */
  readonly dates: number[] = [0];
  /** Records with a value. */
  nonMissing = 0;
  private readonly lookup = new Map<string, number>();
  private permanent = 1;

  constructor(spec: AttributeSpec, capacity: number) {
    this.spec = spec;
    this.ids = new Int32Array(capacity);
  }

  /** The normalised value of a record ('' when missing). */
  valueOf(record: number): string {
    return this.values[this.ids[record]!]!;
  }

  /** Distinct values held (scratch values excluded). */
  get distinct(): number {
    return this.permanent - 1;
  }

  /** The id of a normalised value, adding it; counts one more record holding it. */
  intern(value: string): number {
    if (value === '') return 0;
    let id = this.lookup.get(value);
    if (id === undefined || id >= this.permanent) {
      if (this.values.length !== this.permanent) throw new Error('invariant: intern while a probe is open');
      id = this.add(value);
      this.permanent = this.values.length;
    }
    this.counts[id]!++;
    this.nonMissing++;
    return id;
  }

  /** The id of a value for a probe: its own id when held, else a scratch id dropped by
   *  clearScratch (the dictionary does not grow with every probe). */
  probe(value: string): number {
    if (value === '') return 0;
    return this.lookup.get(value) ?? this.add(value);
  }

  /** Drops the scratch values added by probe. */
  clearScratch(): void {
    for (let id = this.values.length - 1; id >= this.permanent; id--) this.lookup.delete(this.values[id]!);
    for (const list of [
      this.values,
      this.counts,
      this.comparable,
      this.masks,
      this.phonetic,
      this.han,
      this.dates,
    ])
      list.length = this.permanent;
  }

  private add(value: string): number {
    const id = this.values.length;
    this.values.push(value);
    this.counts.push(0);
    this.lookup.set(value, id);
    const kind = this.spec.kind;
    let comparable = value;
    let phonetic = '';
    let han = false;
    if (kind === 'name') {
      han = hasHan(value);
      comparable = han ? (tonelessPinyin(value) ?? '') : value;
      phonetic = han ? '' : nysiis(value);
    } else if (kind === 'address' || kind === 'place') comparable = value.replace(/ /g, '');
    else if (kind === 'email') comparable = value.slice(0, value.indexOf('@'));
    this.comparable.push(comparable);
    this.masks.push(characterMask(comparable));
    this.phonetic.push(phonetic);
    this.han.push(han);
    this.dates.push(kind === 'date' ? packDate(value) : 0);
    return id;
  }
}

/**
 * Persons held for linking: record ids (carried through, never compared) and one column per
 * attribute present.
 *
 * @example
 *   const store = new PersonStore(['surname']);
 *   store.add('a', { surname: 'Smith' });
 *   store.size; // 1
 */
export class PersonStore {
  /** Records held. */
  size = 0;
  readonly recordIds: string[] = [];
  readonly columns: readonly AttributeColumn[];
  private capacity: number;
  private readonly byName = new Map<AttributeName, AttributeColumn>();

  constructor(attributes: readonly AttributeName[], capacity = INITIAL_CAPACITY_RECORDS) {
    this.capacity = Math.max(2, capacity);
    const unique = [...new Set(attributes)];
    this.columns = unique.map((name) => new AttributeColumn(attributeSpec(name), this.capacity));
    for (const column of this.columns) this.byName.set(column.spec.name, column);
  }

  /** The column of an attribute, if the store has it. */
  column(name: AttributeName): AttributeColumn | undefined {
    return this.byName.get(name);
  }

  /** Adds a person; returns its record index. */
  add(recordId: string, person: PersonInput): number {
    if (this.size >= MAX_RECORDS) throw new Error(`more than ${MAX_RECORDS} records`);
    this.ensureCapacity(this.size + 2);
    const inputs = attributeInputs(person);
    const index = this.size;
    for (const column of this.columns) {
      const raw = inputs[column.spec.name];
      column.ids[index] = raw === undefined ? 0 : column.intern(normaliseAttribute(column.spec.name, raw));
    }
    this.recordIds.push(recordId);
    this.size++;
    return index;
  }

  /**
   * Runs `fn` with a person written at the probe index (one past the last record) without
   * adding it: its new values get scratch ids, dropped afterwards.
   */
  withProbe<T>(person: PersonInput, fn: (probeIndex: number) => T): T {
    this.ensureCapacity(this.size + 2);
    const inputs = attributeInputs(person);
    const index = this.size;
    for (const column of this.columns) {
      const raw = inputs[column.spec.name];
      column.ids[index] = raw === undefined ? 0 : column.probe(normaliseAttribute(column.spec.name, raw));
    }
    try {
      return fn(index);
    } finally {
      for (const column of this.columns) {
        column.ids[index] = 0;
        column.clearScratch();
      }
    }
  }

  private ensureCapacity(records: number): void {
    if (records <= this.capacity) return;
    let next = this.capacity;
    while (next < records) next *= 2;
    for (const column of this.columns) {
      const ids = new Int32Array(next);
      ids.set(column.ids.subarray(0, this.size));
      column.ids = ids;
    }
    this.capacity = next;
  }
}
