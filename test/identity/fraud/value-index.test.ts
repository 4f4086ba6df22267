/**
 * The identity value index on the engine of the run: furnishing writes it with identity_attributes
 * (mobiles, addresses, employers as they are, a name with its birth date as a pair; never a sex, a
 * birth date or a name alone), keeps the earliest first and latest last report date, and the
 * back-fill of migration 4 rebuilds exactly what furnishing wrote, also when migrate applies it to a
 * database from before it (on a small demo market: every indexed identity row has its index row).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoMarketChunks } from '../../../src/demo/demo-market.js';
import { furnishBatch } from '../../../src/furnish/furnish-batch.js';
import { splitIntoBatches } from '../../../src/furnish/split-batches.js';
import { NAME_BIRTH_DATE, nameBirthDateHash } from '../../../src/store/identity-value-index.js';
import { migrate } from '../../../src/store/migrate.js';
import { backfillValueIndex } from '../../../src/store/migrations/004-identity-value-index.js';
import {
  furnish,
  ID_B,
  ID_C,
  identity,
  type Row,
  tableRows,
  withFurnishStore,
} from '../../support/furnish-fixtures.js';

/** Index rows as comparable text, sorted. */
async function indexRows(store: Parameters<typeof tableRows>[0]): Promise<string[]> {
  return (await tableRows(store, 'identity_value_index')).map((r) => JSON.stringify(r)).sort();
}

describe('identity value index', () => {
  test('furnishing writes mobiles, addresses, employers and the name with birth date; no sex, no name alone', async () => {
    await withFurnishStore(async ({ store, deps, cipher }) => {
      const result = await furnish(deps, 1, 'b1', [
        identity({
          id_number: ID_B,
          name: '李强',
          birth_date: '1980-01-01',
          sex: 'M',
          mobile: '13900000001',
          address: '北京市朝阳区人民路1号',
          employer: '华拓科技有限公司',
          reported_on: '2025-02-01',
        }),
      ]);
      assert.equal(result.batch.accepted, 1);
      const rows = await tableRows(store, 'identity_value_index');
      const person = Number((await tableRows(store, 'persons'))[0]!.person_id);
      const byAttribute = new Map<string, Row>(rows.map((r) => [r.attribute as string, r]));
      assert.deepEqual([...byAttribute.keys()].sort(), ['address', 'employer', 'mobile', NAME_BIRTH_DATE]);
      assert.equal(byAttribute.get('mobile')!.value_hash, cipher.hash('mobile', '13900000001'));
      assert.equal(
        byAttribute.get(NAME_BIRTH_DATE)!.value_hash,
        nameBirthDateHash(cipher.hash('name', '李强'), cipher.hash('birth_date', '1980-01-01')),
      );
      for (const r of rows) {
        assert.equal(r.person_id, person);
        assert.equal(r.furnisher_id, 1);
        assert.deepEqual([r.first_reported_on, r.last_reported_on], ['2025-02-01', '2025-02-01']);
      }
    });
  });

  test('a later report moves the last date, an earlier one the first; another furnisher has a row of its own', async () => {
    await withFurnishStore(async ({ store, deps, cipher }) => {
      const mobile = {
        id_number: ID_C,
        name: '陈静',
        birth_date: '1990-05-17',
        sex: 'F',
        mobile: '13900000002',
      };
      await furnish(deps, 1, 'b1', [identity({ ...mobile, reported_on: '2025-03-01' })]);
      await furnish(deps, 1, 'b2', [identity({ ...mobile, reported_on: '2025-05-01' })]);
      await furnish(deps, 1, 'b3', [identity({ ...mobile, reported_on: '2025-01-01' })]);
      await furnish(deps, 2, 'b4', [identity({ ...mobile, reported_on: '2025-04-01' })]);
      const hash = cipher.hash('mobile', '13900000002');
      const rows = (await tableRows(store, 'identity_value_index')).filter((r) => r.value_hash === hash);
      assert.deepEqual(rows.map((r) => [r.furnisher_id, r.first_reported_on, r.last_reported_on]).sort(), [
        [1, '2025-01-01', '2025-05-01'],
        [2, '2025-04-01', '2025-04-01'],
      ]);
    });
  });

  test('the back-fill rebuilds what furnishing wrote (a small demo market)', async () => {
    await withFurnishStore(async ({ store, deps }) => {
      const chunks = demoMarketChunks({ seed: 11, persons: 40, asOfMonth: '2025-11', today: '2025-12-03' });
      let n = 0;
      for (let c = chunks.next(); !c.done; c = chunks.next())
        for (const [, lines] of c.value) {
          n += 1;
          if (lines.length === 0) continue;
          for (const part of splitIntoBatches(Buffer.from(lines.join('\n'))))
            await furnishBatch(deps, { furnisherId: n, batchId: `demo-${n}-${part.index}`, body: part.body });
        }
      const written = await indexRows(store);
      const attributes = await tableRows(store, 'identity_attributes');
      const indexed = attributes.filter((a) => ['mobile', 'address', 'employer'].includes(a.attribute));
      assert.ok(indexed.length >= 80, `mobiles and addresses of 40 persons (${indexed.length})`);
      for (const a of indexed) {
        const row = JSON.stringify({
          attribute: a.attribute,
          value_hash: a.value_hash,
          person_id: a.person_id,
          furnisher_id: a.furnisher_id,
          first_reported_on: a.first_reported_on,
          last_reported_on: a.last_reported_on,
        });
        assert.ok(written.includes(row), 'every indexed identity row has its index row');
      }
      assert.ok(written.some((r) => r.includes(NAME_BIRTH_DATE)));
      await store.db.deleteFrom('identity_value_index').execute();
      await backfillValueIndex(store.db);
      assert.deepEqual(await indexRows(store), written);

      // A database from before migration 4: migrate creates the index and fills it.
      await store.db.schema.dropTable('identity_value_index').execute();
      await store.db.deleteFrom('schema_migrations').where('version', '=', 4).execute();
      assert.deepEqual(await migrate(store), [4]);
      assert.deepEqual(await indexRows(store), written);
    });
  });
});
