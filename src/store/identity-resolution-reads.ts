/**
 * Identity resolution's reads (ResolutionReads) on both engines, inside the furnishing
 * transaction. Candidates are found through the value index (by value hash: one shard per key
 * under Citus) and read by person id (their shards); nothing scans identity_attributes.
 *
 * @example
 *   const reads = createResolutionReads(tx.db, tx.engine);
 *   await reads.holders([{ attribute: 'mobile', valueHash }], 20);
 */
import { type Kysely, sql } from 'kysely';
import type { ResolutionReads, SealedCandidate } from '../identity/resolution/ports.js';
import { blockKeyId } from '../identity/resolution/ports.js';
import { chunks, ROWS_PER_STATEMENT } from './chunks.js';
import { nameBirthDateHash } from './identity-value-index.js';
import type { Engine } from './open-database.js';
import { preparedQuery } from './prepared-query.js';
import type { Database } from './schema-types.js';

/** The attributes a candidate is compared on (employers are not compared). */
const COMPARED = ['name', 'birth_date', 'sex', 'mobile', 'address'] as const;
/** Identity rows read per candidate at most (a person's file has a few dozen). */
const MAX_ATTRIBUTE_ROWS_PER_PERSON = 400;

/** `person_id in (ids)` as one parameter (PostgreSQL `= any`, SQLite `json_each`). */
function personIn(engine: Engine, ids: readonly number[]) {
  const raw =
    engine === 'postgres'
      ? sql`person_id = any(${[...ids]}::bigint[])`
      : sql`person_id in (select value from json_each(${JSON.stringify(ids)}))`;
  return raw.$castTo<boolean>();
}

/** The holders of one value (the hot read: built and compiled once). */
const holdersOf = preparedQuery((db, valueHash: string, attribute: string, limit: number) =>
  db
    .selectFrom('identity_value_index')
    .select('person_id')
    .distinct()
    .where('value_hash', '=', valueHash)
    .where('attribute', '=', attribute)
    .limit(limit),
);

/** One candidate's ID. */
const personIdEnc = preparedQuery((db, personId: number) =>
  db.selectFrom('persons').select(['person_id', 'id_enc']).where('person_id', '=', personId),
);

/** One candidate's compared values, most recently reported first. */
const personValues = preparedQuery((db, personId: number, limit: number) =>
  db
    .selectFrom('identity_attributes')
    .select(['attribute', 'value_hash', 'value_enc'])
    .where('person_id', '=', personId)
    .where('attribute', 'in', [...COMPARED])
    .orderBy('last_reported_on', 'desc')
    .limit(limit),
);

export function createResolutionReads(db: Kysely<Database>, engine: Engine): ResolutionReads {
  return {
    pairHash: nameBirthDateHash,

    async holders(keys, maxPersons) {
      const found = new Map<string, number[]>();
      for (const key of keys) {
        const rows = await holdersOf.rows(db, key.valueHash, key.attribute, maxPersons + 1);
        found.set(
          blockKeyId(key),
          rows.map((r) => Number(r.person_id)),
        );
      }
      return found;
    },

    async candidates(personIds, maxPerAttribute) {
      const out: SealedCandidate[] = [];
      for (const personId of personIds) {
        const [person] = await personIdEnc.rows(db, personId);
        if (!person) continue;
        const candidate: SealedCandidate = { personId, idEnc: person.id_enc, values: [] };
        const kept = new Map<string, number>();
        const seen = new Set<string>();
        for (const r of await personValues.rows(db, personId, MAX_ATTRIBUTE_ROWS_PER_PERSON)) {
          const distinct = `${r.attribute}|${r.value_hash}`;
          if (seen.has(distinct)) continue;
          seen.add(distinct);
          const n = kept.get(r.attribute) ?? 0;
          if (n >= maxPerAttribute) continue;
          kept.set(r.attribute, n + 1);
          candidate.values.push({ attribute: r.attribute, valueHash: r.value_hash, valueEnc: r.value_enc });
        }
        out.push(candidate);
      }
      return out;
    },

    async namesAndBirthDates(personIds) {
      const found = new Map<number, { names: string[]; birthDates: string[] }>();
      for (const part of chunks([...new Set(personIds)], ROWS_PER_STATEMENT * 40)) {
        const rows = await db
          .selectFrom('identity_attributes')
          .select(['person_id', 'attribute', 'value_hash'])
          .where(personIn(engine, part))
          .where('attribute', 'in', ['name', 'birth_date'])
          .execute();
        for (const r of rows) {
          const id = Number(r.person_id);
          let entry = found.get(id);
          if (!entry) {
            entry = { names: [], birthDates: [] };
            found.set(id, entry);
          }
          (r.attribute === 'name' ? entry.names : entry.birthDates).push(r.value_hash);
        }
      }
      return found;
    },
  };
}
