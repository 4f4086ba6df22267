/**
 * The identity value index: which persons reported a mobile, an address, an employer, or a name
 * with a birth date. Cross-person lookups (IDs per mobile, persons per address, the same name and
 * birth date under other IDs, fraud rings) go through it, never through identity_attributes, so
 * under Citus each lookup reaches the one shard of the value's hash. Furnishing writes it in the
 * transaction that writes identity_attributes; migration 4 back-fills it.
 *
 * @example
 *   await writeValueIndex(tx, valueIndexRows(plan.attributes, (id) => id, furnisherId));
 */
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { AttributeRow } from '../furnish/ports.js';
import type { StoreTransaction } from './furnisher-transaction.js';
import type { IdentityValueIndexTable } from './schema-types.js';

/**
 * Attributes indexed as they are (the others are not looked up across persons: a sex or a birth
 * date alone is shared by millions; a name alone by hundreds of thousands).
 *
 * @example
 *   VALUE_INDEX_ATTRIBUTES.includes('mobile') // true
 */
export const VALUE_INDEX_ATTRIBUTES = ['mobile', 'address', 'employer'] as const;
export type ValueIndexAttribute = (typeof VALUE_INDEX_ATTRIBUTES)[number];

/**
 * The index attribute of a name reported with a birth date (one person's name x birth date).
 *
 * @example
 *   NAME_BIRTH_DATE // 'name_birth_date'
 */
export const NAME_BIRTH_DATE = 'name_birth_date';

/**
 * Most name x birth-date pairs indexed per person and furnisher in one write (a person has one or
 * two of each; more is noise that should not multiply rows).
 *
 * @example
 *   MAX_PAIRS_PER_PERSON_FURNISHER // 16
 */
export const MAX_PAIRS_PER_PERSON_FURNISHER = 16;

/**
 * The hash of a name and a birth date together, from their keyed hashes: as keyed as they are (it
 * cannot be computed without the master key), the same on every path that writes or reads it.
 * Never change it: stored rows depend on it.
 *
 * @example
 *   nameBirthDateHash(cipher.hash('name', '张三'), cipher.hash('birth_date', '1990-01-01')) // 43 characters
 */
export function nameBirthDateHash(nameHash: string, birthDateHash: string): string {
  return createHash('sha256').update(`${NAME_BIRTH_DATE}\0${nameHash}\0${birthDateHash}`).digest('base64url');
}

/** One reported value with its dates, as identity_attributes holds it. */
export interface ReportedHash {
  attribute: string;
  valueHash: string;
  firstReportedOn: string;
  lastReportedOn: string;
}

/**
 * The name x birth-date pairs of one person's names and birth dates (at most `max`): first
 * reported when the earlier of the two was, last when the later of the two was.
 *
 * @example
 *   namePairs([{ attribute: 'name', ... }, { attribute: 'birth_date', ... }]) // one pair
 */
export function namePairs(
  rows: readonly ReportedHash[],
  max: number = MAX_PAIRS_PER_PERSON_FURNISHER,
): ReportedHash[] {
  const names = rows.filter((r) => r.attribute === 'name');
  const births = rows.filter((r) => r.attribute === 'birth_date');
  const pairs: ReportedHash[] = [];
  for (const n of names)
    for (const b of births) {
      if (pairs.length >= max) return pairs;
      pairs.push({
        attribute: NAME_BIRTH_DATE,
        valueHash: nameBirthDateHash(n.valueHash, b.valueHash),
        firstReportedOn: [n.firstReportedOn, b.firstReportedOn].sort()[0]!,
        lastReportedOn: [n.lastReportedOn, b.lastReportedOn].sort()[1]!,
      });
    }
  return pairs;
}

const INDEXED: ReadonlySet<string> = new Set(VALUE_INDEX_ATTRIBUTES);

/**
 * The index rows of one batch's attribute rows (all of one furnisher): the indexed attributes as
 * they are, and the pairs of each person's names and birth dates reported in the batch.
 *
 * @example
 *   valueIndexRows(plan.attributes, person, furnisherId).length // mobiles, addresses, employers, pairs
 */
export function valueIndexRows(
  attributes: readonly AttributeRow[],
  person: (personId: number) => number,
  furnisherId: number,
): IdentityValueIndexTable[] {
  const rows: IdentityValueIndexTable[] = [];
  const namesAndBirths = new Map<number, ReportedHash[]>();
  for (const a of attributes) {
    const personId = person(a.personId);
    if (INDEXED.has(a.attribute))
      rows.push({
        attribute: a.attribute,
        value_hash: a.valueHash,
        person_id: personId,
        furnisher_id: furnisherId,
        first_reported_on: a.firstReportedOn,
        last_reported_on: a.lastReportedOn,
      });
    else if (a.attribute === 'name' || a.attribute === 'birth_date') {
      const list = namesAndBirths.get(personId) ?? [];
      list.push(a);
      namesAndBirths.set(personId, list);
    }
  }
  for (const [personId, list] of namesAndBirths)
    for (const p of namePairs(list))
      rows.push({
        attribute: p.attribute,
        value_hash: p.valueHash,
        person_id: personId,
        furnisher_id: furnisherId,
        first_reported_on: p.firstReportedOn,
        last_reported_on: p.lastReportedOn,
      });
  return distinctRows(rows);
}

/** One row per key (a statement may not upsert one key twice), with the widest dates. */
function distinctRows(rows: IdentityValueIndexTable[]): IdentityValueIndexTable[] {
  const byKey = new Map<string, IdentityValueIndexTable>();
  for (const r of rows) {
    const key = `${r.value_hash}\0${r.attribute}\0${r.person_id}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, r);
    else {
      if (r.first_reported_on < seen.first_reported_on) seen.first_reported_on = r.first_reported_on;
      if (r.last_reported_on > seen.last_reported_on) seen.last_reported_on = r.last_reported_on;
    }
  }
  return byKey.size === rows.length ? rows : [...byKey.values()];
}

/** SQLite: one prepared upsert per row, run in the batch transaction (in process, no round trip). */
const SQLITE_UPSERT = `insert into identity_value_index
    (attribute, value_hash, person_id, furnisher_id, first_reported_on, last_reported_on)
  values (?, ?, ?, ?, ?, ?)
  on conflict (value_hash, attribute, person_id, furnisher_id) do update set
    first_reported_on = min(first_reported_on, excluded.first_reported_on),
    last_reported_on = max(last_reported_on, excluded.last_reported_on)`;

const sqliteUpserts = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();

/**
 * Upserts index rows in the batch transaction: a row on file keeps the earlier first and the
 * later last report date. SQLite runs one prepared statement per row; PostgreSQL one statement
 * for the whole batch (the rows as arrays, unnested). The rows must have distinct keys.
 *
 * @example
 *   await writeValueIndex(tx, valueIndexRows(plan.attributes, person, furnisherId));
 */
export async function writeValueIndex(
  tx: StoreTransaction,
  rows: readonly IdentityValueIndexTable[],
): Promise<void> {
  if (rows.length === 0) return;
  if (tx.engine === 'sqlite') {
    const sqlite = tx.sqlite!;
    if (!sqlite.inTransaction)
      throw new Error('invariant: the value index is written inside the batch transaction');
    let upsert = sqliteUpserts.get(sqlite);
    if (!upsert) {
      upsert = sqlite.prepare(SQLITE_UPSERT);
      sqliteUpserts.set(sqlite, upsert);
    }
    for (const r of rows)
      upsert.run(
        r.attribute,
        r.value_hash,
        r.person_id,
        r.furnisher_id,
        r.first_reported_on,
        r.last_reported_on,
      );
    return;
  }
  await sql`
    insert into identity_value_index
      (attribute, value_hash, person_id, furnisher_id, first_reported_on, last_reported_on)
    select * from unnest(
      ${rows.map((r) => r.attribute)}::text[], ${rows.map((r) => r.value_hash)}::text[],
      ${rows.map((r) => r.person_id)}::bigint[], ${rows.map((r) => r.furnisher_id)}::bigint[],
      ${rows.map((r) => r.first_reported_on)}::text[], ${rows.map((r) => r.last_reported_on)}::text[])
    on conflict (value_hash, attribute, person_id, furnisher_id) do update set
      first_reported_on = least(identity_value_index.first_reported_on, excluded.first_reported_on),
      last_reported_on = greatest(identity_value_index.last_reported_on, excluded.last_reported_on)`.execute(
    tx.db,
  );
}
