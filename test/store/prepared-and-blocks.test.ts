/**
 * The store's building blocks of the report path, on the engine of the run: queries compiled once
 * and run with new arguments, ids handed out from blocks, and (SQLite) the report thread's group
 * transactions, where one failing request rolls back alone.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createPiiCipher } from '../../src/identity/pii-cipher.js';
import { KEPT_REPORT_PREFIX, openKeptReport } from '../../src/report/kept-report.js';
import { allocateIds } from '../../src/store/allocate-ids.js';
import { idBlocks } from '../../src/store/id-blocks.js';
import { preparedQuery } from '../../src/store/prepared-query.js';
import { sqliteReportChannel } from '../../src/store/sqlite-report-channel.js';
import { openTestStore, TEST_ENGINE, type TestStore } from '../support/test-store.js';

let store: TestStore;
before(async () => {
  store = await openTestStore();
  await store.db
    .insertInto('institutions')
    .values([
      { institution_id: 1, code: 'a', name: 'A', kind: 'bank', roles: 'lender', created_at: '2026-01-01' },
      { institution_id: 2, code: 'b', name: 'B', kind: 'bank', roles: 'lender', created_at: '2026-01-01' },
    ])
    .execute();
});
after(async () => {
  await store.dispose();
});

const byKindAndCode = preparedQuery((db, kind: string, code: string) =>
  db
    .selectFrom('institutions')
    .select(['institution_id', 'code'])
    .where('kind', '=', kind)
    .where('roles', '=', 'lender') // a constant of the query, not an argument
    .where('code', '=', code),
);

test('a prepared query runs with each call’s arguments and keeps its constants', async () => {
  assert.deepEqual(
    (await byKindAndCode.rows(store.db, 'bank', 'b')).map((r) => r.code),
    ['b'],
  );
  assert.deepEqual(
    (await byKindAndCode.rows(store.db, 'bank', 'a')).map((r) => r.code),
    ['a'],
  );
  assert.deepEqual(await byKindAndCode.rows(store.db, 'card_issuer', 'a'), []);
  // Inside a transaction too (the same compiled text, the transaction's connection).
  const inTx = await store.db.transaction().execute((trx) => byKindAndCode.rows(trx, 'bank', 'b'));
  assert.equal(inTx.length, 1);
});

test('tuples: the same rows as arrays, values in the order of the select list, on every call', async () => {
  const byCode = preparedQuery((db, kind: string) =>
    db
      .selectFrom('institutions')
      .select(['code', 'institution_id', 'name'])
      .where('kind', '=', kind)
      .orderBy('code'),
  );
  for (let call = 0; call < 3; call++) {
    const tuples = await byCode.tuples(store.db, 'bank');
    assert.deepEqual(
      tuples.map((t) => [t[0], Number(t[1]), t[2]]),
      [
        ['a', 1, 'A'],
        ['b', 2, 'B'],
      ],
    );
    // The same statement's rows as objects are still objects (the array form is its own statement).
    const rows = await byCode.rows(store.db, 'bank');
    assert.equal(rows[0]?.code, 'a');
  }
  assert.deepEqual(await byCode.tuples(store.db, 'card_issuer'), []);
});

test('a prepared query that does not use every argument it declares fails fast', async () => {
  const unused = preparedQuery((db, code: string, _ignored: string) =>
    db.selectFrom('institutions').select('code').where('code', '=', code),
  );
  await assert.rejects(unused.rows(store.db, 'a', 'b'), /2 arguments declared, 1 used/);
});

test('id blocks: every id once across concurrent callers, never one the sequence hands out later', async () => {
  const ids = idBlocks(7);
  const allocated: number[] = [];
  const allocate = async (count: number) => {
    const first = await store.allocateIds('inquiry', count);
    allocated.push(count);
    return first;
  };
  const taken = await Promise.all(Array.from({ length: 50 }, () => ids.next('inquiry', allocate)));
  assert.equal(new Set(taken).size, 50, 'no id twice');
  assert.ok(allocated.every((n) => n === 7));
  const next = await allocateIds(store.db, 'inquiry', 1);
  assert.ok(taken.every((id) => id < next));
  assert.throws(() => idBlocks(3).take('inquiry'), /no id left/);
});

test('property: ensure(n) always leaves n distinct ids to take', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 20 }),
      fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 8 }),
      async (size, needs) => {
        const ids = idBlocks(size);
        let next = 1;
        const seen = new Set<number>();
        for (const n of needs) {
          await ids.ensure('report_request', n, async (count) => {
            const first = next;
            next += count;
            return first;
          });
          for (let i = 0; i < n; i++) {
            const id = ids.take('report_request');
            assert.ok(!seen.has(id));
            seen.add(id);
          }
        }
      },
    ),
    { numRuns: 100 },
  );
});

test('the SQLite report thread: a group of requests commits together, and one that fails rolls back alone', async (t) => {
  if (TEST_ENGINE !== 'sqlite' || !store.sqlitePath) {
    t.skip('the report thread serves SQLite files only');
    return;
  }
  const cipher = createPiiCipher(Buffer.alloc(32, 9));
  const channel = sqliteReportChannel(store.sqlitePath, cipher.openingKey);
  try {
    const report = (n: string) => ({
      lenderId: 1,
      reportNumber: n,
      at: '2026-11-26T00:00:00.000Z',
      json: `{"report":"${n}"}`,
    });
    await channel.saveReport(report('R00000000000000AAAAAAAA'));
    // Sent together: one group. The duplicate fails; the others are kept.
    const at = '2026-11-26T00:00:00.000Z';
    const outcomes = await Promise.allSettled([
      channel.saveReport(report('R00000000000000BBBBBBBB')),
      channel.saveReport(report('R00000000000000AAAAAAAA')),
      channel.saveReport(report('R00000000000000CCCCCCCC')),
      channel.readFileAndRecord({
        idHash: 'no-such-person',
        inquiry: { at, institutionId: 1, reason: '02', consentId: 'c1', reportNumber: 'R1' },
        log: {
          lenderId: 1,
          at,
          idHash: 'no-such-person',
          purpose: '02',
          consentId: 'c1',
          outcome: 'served',
          reportNumber: 'R1',
        },
      }),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
    );
    assert.equal((outcomes[3] as PromiseFulfilledResult<unknown>).value, null, 'an unknown person: no file');
    const kept = await store.db
      .selectFrom('reports')
      .select('report_number')
      .orderBy('report_number')
      .execute();
    assert.deepEqual(
      kept.map((r) => r.report_number),
      ['R00000000000000AAAAAAAA', 'R00000000000000BBBBBBBB', 'R00000000000000CCCCCCCC'],
    );
    // Kept compressed and sealed by the thread, with the key of the bureau's cipher.
    const sealed = await store.db.selectFrom('reports').select('body_enc').orderBy('report_number').execute();
    assert.deepEqual(
      sealed.map((r) => openKeptReport(cipher.openingKey, r.body_enc)),
      ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC'].map((x) => `{"report":"R00000000000000${x}"}`),
    );
    assert.ok(
      sealed.every((r) => r.body_enc.startsWith(KEPT_REPORT_PREFIX) && !r.body_enc.includes('report')),
    );
    const logged = await store.db.selectFrom('report_requests').select('outcome').execute();
    assert.deepEqual(logged, [{ outcome: 'served' }]);
  } finally {
    await channel.close();
  }
});
