/**
 * Migration 4: the identity value index (attribute value -> persons, distributed by value_hash
 * under Citus), back-filled from identity_attributes: mobiles, addresses and employers as they
 * are (one set-based statement), and each person's name x birth-date pairs per furnisher (read a
 * block of persons at a time, hashed here, inserted in chunks).
 *
 * @example
 *   await identityValueIndex.up(db);
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { chunks, ROWS_PER_STATEMENT } from '../chunks.js';
import { namePairs, type ReportedHash } from '../identity-value-index.js';
import type { Migration } from './migration.js';

/**
 * The table: value_hash first in the key, since every lookup is `value_hash = ? and attribute = ?`
 * and under Citus the key must hold the distribution column. On SQLite it is clustered by that key
 * (`WITHOUT ROWID`): a value's holders are one range of one b-tree.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
async function createIndexTable(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('identity_value_index')
    .addColumn('attribute', 'text', (c) => c.notNull())
    .addColumn('value_hash', 'text', (c) => c.notNull())
    .addColumn('person_id', 'bigint', (c) => c.notNull())
    .addColumn('furnisher_id', 'bigint', (c) => c.notNull())
    .addColumn('first_reported_on', 'text', (c) => c.notNull())
    .addColumn('last_reported_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('identity_value_index_pk', [
      'value_hash',
      'attribute',
      'person_id',
      'furnisher_id',
    ])
    .$call((table) => (sqlite ? table.modifyEnd(sql`without rowid`) : table))
    .execute();
}

/** The attributes indexed as they are, as this migration knew them (a migration never changes). */
const INDEXED_AS_THEY_ARE = ['mobile', 'address', 'employer'];
/** Persons whose names and birth dates are read at a time while back-filling the pairs. */
const BACKFILL_PERSONS_PER_READ = 1_000;

/**
 * Fills the index from identity_attributes (on an index that does not hold these rows yet).
 *
 * @example
 *   await backfillValueIndex(trx); // after `create table identity_value_index`
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function backfillValueIndex(db: Kysely<any>): Promise<void> {
  const columns = [
    'attribute',
    'value_hash',
    'person_id',
    'furnisher_id',
    'first_reported_on',
    'last_reported_on',
  ] as const;
  await db
    .insertInto('identity_value_index')
    .columns([...columns])
    .expression(
      db
        .selectFrom('identity_attributes')
        .select([...columns])
        .where('attribute', 'in', INDEXED_AS_THEY_ARE),
    )
    .execute();

  let after = -1;
  for (;;) {
    const persons: { person_id: number | string }[] = await db
      .selectFrom('identity_attributes')
      .select('person_id')
      .distinct()
      .where('attribute', '=', 'birth_date')
      .where('person_id', '>', after)
      .orderBy('person_id')
      .limit(BACKFILL_PERSONS_PER_READ)
      .execute();
    if (persons.length === 0) return;
    const ids = persons.map((p) => Number(p.person_id));
    after = ids[ids.length - 1]!;
    const rows: {
      person_id: number | string;
      furnisher_id: number | string;
      attribute: string;
      value_hash: string;
      first_reported_on: string;
      last_reported_on: string;
    }[] = await db
      .selectFrom('identity_attributes')
      .select([...columns])
      .where('person_id', 'in', ids)
      .where('attribute', 'in', ['name', 'birth_date'])
      .execute();
    const byPersonFurnisher = new Map<
      string,
      { personId: number; furnisherId: number; list: ReportedHash[] }
    >();
    for (const r of rows) {
      const key = `${r.person_id}|${r.furnisher_id}`;
      const group = byPersonFurnisher.get(key) ?? {
        personId: Number(r.person_id),
        furnisherId: Number(r.furnisher_id),
        list: [],
      };
      group.list.push({
        attribute: r.attribute,
        valueHash: r.value_hash,
        firstReportedOn: r.first_reported_on,
        lastReportedOn: r.last_reported_on,
      });
      byPersonFurnisher.set(key, group);
    }
    const pairs = [...byPersonFurnisher.values()].flatMap((g) =>
      namePairs(g.list).map((p) => ({
        attribute: p.attribute,
        value_hash: p.valueHash,
        person_id: g.personId,
        furnisher_id: g.furnisherId,
        first_reported_on: p.firstReportedOn,
        last_reported_on: p.lastReportedOn,
      })),
    );
    for (const part of chunks(pairs, ROWS_PER_STATEMENT))
      await db
        .insertInto('identity_value_index')
        .values(part)
        .onConflict((oc) => oc.columns(['value_hash', 'attribute', 'person_id', 'furnisher_id']).doNothing())
        .execute();
  }
}

/**
 * The migration.
 *
 * @example
 *   MIGRATIONS[3] === identityValueIndex // true
 */
export const identityValueIndex: Migration = {
  version: 4,
  name: 'identity-value-index',
  async up(db) {
    await createIndexTable(db);
    await backfillValueIndex(db);
  },
};
