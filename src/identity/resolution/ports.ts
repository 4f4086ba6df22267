/**
 * What identity resolution reads, as an interface: src/store implements it (inside the furnishing
 * transaction); the resolution itself speaks no SQL. Every read is bounded by the caller's limits
 * and goes through an index keyed by what is looked up (the value index by value hash, persons by
 * person id).
 *
 * @example
 *   const holders = await reads.holders([{ attribute: 'mobile', valueHash }], MAX_PERSONS_PER_BLOCK_KEY);
 */

/**
 * A block key: an indexed value's keyed hash.
 *
 * @example
 *   const key: BlockKey = { attribute: 'name_birth_date', valueHash: reads.pairHash(nameHash, birthHash) };
 */
export interface BlockKey {
  attribute: 'name_birth_date' | 'mobile' | 'address';
  valueHash: string;
}

/**
 * A candidate's identity values as stored (sealed), newest first, and its national ID (sealed).
 *
 * @example
 *   const facts: SealedCandidate = { personId: 7, idEnc: 'v1.…', values: [{ attribute: 'name', valueHash: '…', valueEnc: 'v1.…' }] };
 */
export interface SealedCandidate {
  personId: number;
  idEnc: string | null;
  values: { attribute: string; valueHash: string; valueEnc: string }[];
}

/**
 * The reads.
 *
 * @example
 *   const reads: ResolutionReads = store.resolutionReads(tx);
 */
export interface ResolutionReads {
  /** The keyed hash of a name with a birth date, as the value index stores it. */
  pairHash(nameHash: string, birthDateHash: string): string;
  /** Persons holding each key (by `${attribute}|${valueHash}`), at most `maxPersons + 1` each. */
  holders(keys: readonly BlockKey[], maxPersons: number): Promise<Map<string, number[]>>;
  /** The values (name, birth date, sex, mobile, address) and ID of persons on file, most recently
   *  reported first, at most `maxPerAttribute` distinct values per attribute. Persons not on file
   *  are left out. */
  candidates(personIds: readonly number[], maxPerAttribute: number): Promise<SealedCandidate[]>;
  /** Keyed hashes of the names and birth dates on file for each person (the conflict check). */
  namesAndBirthDates(
    personIds: readonly number[],
  ): Promise<Map<number, { names: string[]; birthDates: string[] }>>;
}

/**
 * The key of a block key in a holders map.
 *
 * @example
 *   holders.get(blockKeyId(key));
 */
export function blockKeyId(key: BlockKey): string {
  return `${key.attribute}|${key.valueHash}`;
}
