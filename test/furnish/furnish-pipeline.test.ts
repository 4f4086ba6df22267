/**
 * The furnishing pipeline end to end on the test store (SQLite, or PostgreSQL with DATABASE_URL):
 * what an accepted batch stores, person linking, idempotency, replacements, corrections and
 * deletions, findings and rejects, fixing rejects, limits, and malformed input.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { MAX_BATCH_BYTES, MAX_BATCH_RECORDS, MAX_LINE_BYTES } from '../../src/formats/canonical/limits.js';
import { RECORD_FIELDS, RECORD_KINDS, type RecordKind } from '../../src/formats/canonical/record-fields.js';
import type { Finding } from '../../src/formats/canonical/record-types.js';
import { ALL_RULE_IDS } from '../../src/formats/canonical/rules.js';
import { FINDING_RULE_IDS } from '../../src/furnish/finding-rule-ids.js';
import { furnishBatch, MAX_FINDINGS_IN_RESPONSE } from '../../src/furnish/furnish-batch.js';
import { FurnishError, type FurnishErrorCode } from '../../src/furnish/furnish-errors.js';
import {
  account,
  correction,
  deletion,
  type FurnishFixture,
  furnish,
  ID_A,
  ID_B,
  ID_C,
  identity,
  type Json,
  month,
  openFurnishStore,
  type Row,
  snapshot,
  tableRows,
  withFurnishStore,
} from '../support/furnish-fixtures.js';
import type { TestStore } from '../support/test-store.js';

const num = (v: unknown) => Number(v);

function isFurnishError(code: FurnishErrorCode, status: number) {
  return (error: unknown) => {
    assert.ok(error instanceof FurnishError, `expected a FurnishError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.status, status);
    return true;
  };
}

async function rejectsOf(store: TestStore, furnisherId: number): Promise<Row[]> {
  const rows = await store.db
    .selectFrom('rejects')
    .selectAll()
    .where('furnisher_id', '=', furnisherId)
    .orderBy('batch_pk')
    .orderBy('line')
    .execute();
  return rows as Row[];
}

/** The live monthly state of an account and month: absent when deleted (a removed row, or one marked deleted). */
async function monthRow(store: TestStore, accountId: number, m: string): Promise<Row | undefined> {
  const row = (await store.db
    .selectFrom('account_months')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('month', '=', m)
    .executeTakeFirst()) as Row | undefined;
  return row && num(row.deleted ?? 0) === 1 ? undefined : row;
}

async function accountRow(store: TestStore, furnisherId: number, accountNo: string): Promise<Row> {
  return (await store.db
    .selectFrom('accounts')
    .selectAll()
    .where('furnisher_id', '=', furnisherId)
    .where('account_no', '=', accountNo)
    .executeTakeFirstOrThrow()) as Row;
}

let nextFurnisherId = 100;
/** One store for a describe block (a store per test is slow on PostgreSQL); each test gets furnisher
 *  ids of its own (F and F + 1), so tests do not see each other's accounts. */
function sharedStore() {
  let fixture: FurnishFixture | undefined;
  before(async () => {
    fixture = await openFurnishStore();
  });
  after(async () => {
    await fixture?.store.dispose();
  });
  return (work: (f: FurnishFixture, furnisherId: number) => Promise<void>) => () => {
    nextFurnisherId += 10;
    return work(fixture!, nextFurnisherId);
  };
}

/** The version rows of one account. */
async function versionsOf(
  store: TestStore,
  table: 'account_versions' | 'account_month_versions',
  account: Row,
): Promise<Row[]> {
  return (await tableRows(store, table)).filter((v) => num(v.account_id) === num(account.account_id));
}

function assertAllAccepted(result: { batch: { rejected: number }; findings: Finding[] }) {
  assert.deepEqual(result.findings, [], 'no findings');
  assert.equal(result.batch.rejected, 0);
}

const MONTHS = ['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12'];

describe('a valid batch', () => {
  test('is accepted and stores persons, index, attributes, accounts, account index and months', () =>
    withFurnishStore(async ({ store, cipher, deps }) => {
      const lines: Json[] = [
        identity({ address: ' 北京市朝阳区  建国路 1号 ', employer: 'ACME 有限公司' }),
        account(),
        ...MONTHS.map((m, i) =>
          month({ month: m, balance_minor: 1_200_000 - 100_000 * (i + 1), used_limit_minor: undefined }),
        ),
        identity({ reported_on: '2025-03-01', address: '上海市黄浦区 2号' }),
      ];
      const body = Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n'));
      const result = await furnishBatch(deps, { furnisherId: 1, batchId: '2025-01-a', body });

      assertAllAccepted(result);
      assert.equal(result.replayed, false);
      assert.equal(result.batch.records, lines.length);
      assert.equal(result.batch.accepted, lines.length);
      assert.equal(result.batch.batchId, '2025-01-a');
      assert.equal(result.batch.furnisherId, 1);
      assert.equal(result.batch.bytes, body.length);
      assert.equal(result.batch.contentSha256, createHash('sha256').update(body).digest('hex'));
      const batchPk = result.batch.batchPk;

      const batches = await tableRows(store, 'batches');
      assert.equal(batches.length, 1);
      assert.equal(batches[0]!.batch_id, '2025-01-a');
      assert.equal(num(batches[0]!.batch_pk), batchPk);
      assert.equal(num(batches[0]!.records), lines.length);
      assert.equal(num(batches[0]!.accepted), lines.length);
      assert.equal(num(batches[0]!.rejected), 0);
      assert.equal(batches[0]!.content_sha256, result.batch.contentSha256);
      assert.equal(batches[0]!.format, 'jsonl');

      const persons = await tableRows(store, 'persons');
      assert.equal(persons.length, 1);
      const person = persons[0]!;
      const personId = num(person.person_id);
      assert.equal(person.id_type, 'resident_id');
      assert.equal(person.id_hash, cipher.hash('national_id', ID_A));
      assert.equal(cipher.decrypt(person.id_enc), ID_A);

      const index = await tableRows(store, 'national_id_index');
      assert.deepEqual(
        index.map((r) => [r.id_hash, num(r.person_id)]),
        [[cipher.hash('national_id', ID_A), personId]],
      );

      const attributes = await tableRows(store, 'identity_attributes');
      const seen = attributes
        .map((a) => {
          const value = cipher.decrypt(a.value_enc);
          assert.equal(a.value_hash, cipher.hash(a.attribute, value), `hash of ${a.attribute}`);
          assert.equal(num(a.person_id), personId);
          assert.equal(num(a.furnisher_id), 1);
          assert.equal(num(a.batch_pk), batchPk);
          return `${a.attribute}=${value} ${a.first_reported_on}..${a.last_reported_on}`;
        })
        .sort();
      assert.deepEqual(
        seen,
        [
          'address=上海市黄浦区 2号 2025-03-01..2025-03-01',
          'address=北京市朝阳区 建国路 1号 2025-01-15..2025-01-15',
          'birth_date=1949-12-31 2025-01-15..2025-03-01',
          'employer=ACME 有限公司 2025-01-15..2025-01-15',
          'mobile=13800138000 2025-01-15..2025-03-01',
          'name=王芳 2025-01-15..2025-03-01',
          'sex=F 2025-01-15..2025-03-01',
        ].sort(),
      );
      assert.equal(
        new Set(attributes.map((a) => num(a.attr_id))).size,
        attributes.length,
        'distinct attr ids',
      );

      const accounts = await tableRows(store, 'accounts');
      assert.equal(accounts.length, 1);
      const acc = accounts[0]!;
      const accountId = num(acc.account_id);
      assert.deepEqual(
        {
          person_id: num(acc.person_id),
          furnisher_id: num(acc.furnisher_id),
          account_no: acc.account_no,
          account_type: acc.account_type,
          business_type: acc.business_type,
          currency: acc.currency,
          open_date: acc.open_date,
          maturity_date: acc.maturity_date,
          amount_minor: num(acc.amount_minor),
          shared_limit_minor: acc.shared_limit_minor,
          repayment_method: acc.repayment_method,
          repayment_frequency: acc.repayment_frequency,
          instalments: num(acc.instalments),
          guarantee_type: acc.guarantee_type,
          joint_loan: num(acc.joint_loan),
          state: acc.state,
          version: num(acc.version),
          reported_on: acc.reported_on,
          batch_pk: num(acc.batch_pk),
        },
        {
          person_id: personId,
          furnisher_id: 1,
          account_no: 'L-1',
          account_type: 'D1',
          business_type: 'consumer',
          currency: 'CNY',
          open_date: '2024-06-01',
          maturity_date: '2025-06-01',
          amount_minor: 1_200_000,
          shared_limit_minor: null,
          repayment_method: 'equal_instalment',
          repayment_frequency: 'monthly',
          instalments: 12,
          guarantee_type: 'unsecured',
          joint_loan: 0,
          state: 'open',
          version: 1,
          reported_on: '2025-01-15',
          batch_pk: batchPk,
        },
      );

      const accountIndex = await tableRows(store, 'account_index');
      assert.deepEqual(
        accountIndex.map((r) => ({
          ...r,
          furnisher_id: num(r.furnisher_id),
          person_id: num(r.person_id),
          account_id: num(r.account_id),
        })),
        [
          {
            furnisher_id: 1,
            account_no: 'L-1',
            person_id: personId,
            account_id: accountId,
            account_type: 'D1',
            open_date: '2024-06-01',
            state: 'open',
          },
        ],
      );

      const months = await store.db.selectFrom('account_months').selectAll().orderBy('month').execute();
      assert.deepEqual(
        months.map((m) => ({
          person_id: num(m.person_id),
          account_id: num(m.account_id),
          month: m.month,
          balance_minor: num(m.balance_minor),
          used_limit_minor: m.used_limit_minor,
          scheduled_payment_minor: num(m.scheduled_payment_minor),
          actual_payment_minor: num(m.actual_payment_minor),
          overdue_periods: num(m.overdue_periods),
          overdue_amount_minor: num(m.overdue_amount_minor),
          status: m.status,
          five_class: num(m.five_class),
          version: num(m.version),
          reported_on: m.reported_on,
          batch_pk: num(m.batch_pk),
        })),
        MONTHS.map((m, i) => ({
          person_id: personId,
          account_id: accountId,
          month: m,
          balance_minor: 1_200_000 - 100_000 * (i + 1),
          used_limit_minor: null,
          scheduled_payment_minor: 105_000,
          actual_payment_minor: 105_000,
          overdue_periods: 0,
          overdue_amount_minor: 0,
          status: 'N',
          five_class: 1,
          version: 1,
          reported_on: '2025-01-05',
          batch_pk: batchPk,
        })),
      );
      assert.deepEqual(await tableRows(store, 'account_month_versions'), []);
      assert.deepEqual(await tableRows(store, 'account_versions'), []);
      assert.deepEqual(await tableRows(store, 'rejects'), []);
    }));

  test('the national ID (and other PII) is never stored in clear, in any table', () =>
    withFurnishStore(async ({ store, cipher, deps }) => {
      const accepted = await furnish(deps, 1, 'b1', [
        identity({ address: '北京市朝阳区建国路1号', employer: '北京某某科技有限公司' }),
        account(),
        month(),
      ]);
      assertAllAccepted(accepted);
      // Rejected lines hold PII too: a rule finding, a malformed line, an unknown kind.
      const rejected = await furnish(deps, 1, 'b2', [
        identity({ mobile: '12345' }),
        `{"kind": "identity", "id_number": "${ID_A}", `,
        { kind: 'person', id_number: ID_A, name: '王芳' },
        account({ account_no: 'L-2', id_number: ID_B, name: '李明' }),
        account({ account_no: 'L-1', action: 'update', id_number: ID_B, name: '李明' }),
      ]);
      assert.equal(rejected.batch.rejected, 4);

      const secrets = [
        ID_A,
        ID_A.slice(0, 17),
        ID_A.slice(6, 14), // the embedded birth date
        ID_B,
        ID_B.slice(0, 17),
        '13800138000',
        '王芳',
        '李明',
        '北京市朝阳区',
        '北京某某科技',
      ];
      const snap = await snapshot(store);
      for (const [table, rows] of Object.entries(snap)) {
        for (const row of rows) {
          for (const [column, value] of Object.entries(row)) {
            if (typeof value !== 'string') continue;
            for (const secret of secrets)
              assert.ok(!value.includes(secret), `${table}.${column} holds a personal value in clear`);
          }
        }
      }
      const person = snap.persons!.find((p) => p.id_hash === cipher.hash('national_id', ID_A))!;
      assert.equal(cipher.decrypt(person.id_enc), ID_A);
      const ids = snap.persons!.map((p) => cipher.decrypt(p.id_enc)).sort();
      assert.deepEqual(ids, [ID_A, ID_B].sort(), 'the account for ID_B created its person');
    }));
});

describe('person linking by national ID', () => {
  test('one ID furnished by two furnishers is one person; another ID is another person', () =>
    withFurnishStore(async ({ store, cipher, deps }) => {
      assertAllAccepted(await furnish(deps, 1, 'f1-b1', [identity(), account()]));
      // Furnisher 2 writes the same ID with a lowercase x and stray spaces: the same person.
      const sameIdOtherSpelling = ` ${ID_A.slice(0, 17)}x `;
      assertAllAccepted(
        await furnish(deps, 2, 'f2-b1', [
          identity({ id_number: sameIdOtherSpelling, mobile: '13900139000', reported_on: '2025-02-01' }),
          account({
            id_number: sameIdOtherSpelling,
            account_no: 'C-9',
            account_type: 'R2',
            reported_on: '2025-02-01',
            repayment_method: 'minimum_payment',
            instalments: undefined,
            maturity_date: undefined,
          }),
          identity({
            id_number: ID_B,
            name: '李明',
            sex: 'M',
            birth_date: '1980-01-01',
            reported_on: '2025-02-01',
          }),
        ]),
      );

      const persons = await tableRows(store, 'persons');
      assert.equal(persons.length, 2);
      assert.deepEqual(persons.map((p) => cipher.decrypt(p.id_enc)).sort(), [ID_A, ID_B].sort());
      assert.equal((await tableRows(store, 'national_id_index')).length, 2);
      const personA = num(persons.find((p) => cipher.decrypt(p.id_enc) === ID_A)!.person_id);
      const personB = num(persons.find((p) => cipher.decrypt(p.id_enc) === ID_B)!.person_id);
      assert.notEqual(personA, personB);

      const accounts = await tableRows(store, 'accounts');
      assert.deepEqual(accounts.map((a) => [num(a.furnisher_id), a.account_no, num(a.person_id)]).sort(), [
        [1, 'L-1', personA],
        [2, 'C-9', personA],
      ]);
      const attributes = await tableRows(store, 'identity_attributes');
      const mobilesOfA = attributes
        .filter((a) => num(a.person_id) === personA && a.attribute === 'mobile')
        .map((a) => [num(a.furnisher_id), cipher.decrypt(a.value_enc)])
        .sort();
      assert.deepEqual(mobilesOfA, [
        [1, '13800138000'],
        [2, '13900139000'],
      ]);
      const namesOfA = attributes.filter((a) => num(a.person_id) === personA && a.attribute === 'name');
      assert.equal(namesOfA.length, 2, 'one name row per furnisher');
      assert.ok(attributes.some((a) => num(a.person_id) === personB && a.attribute === 'name'));
    }));

  test('a value the same furnisher reports again keeps its sealed text: only new values are sealed', () =>
    withFurnishStore(async ({ store, cipher, deps }) => {
      let sealed = 0;
      const counting = {
        ...deps,
        cipher: {
          ...cipher,
          encrypt: (value: string) => {
            sealed += 1;
            return cipher.encrypt(value);
          },
        },
      };
      const sealsOf = async (furnisherId: number, batchId: string, line: Json) => {
        sealed = 0;
        assertAllAccepted(await furnish(counting, furnisherId, batchId, [line]));
        return sealed;
      };
      // A new person: the ID and the four values (name, birth date, sex, mobile).
      assert.equal(await sealsOf(1, 'm1', identity()), 5);
      const before = await tableRows(store, 'identity_attributes');
      // The next month: the same values and a new mobile: only the mobile is sealed.
      assert.equal(await sealsOf(1, 'm2', identity({ mobile: '13900139000', reported_on: '2025-02-15' })), 1);
      // Another furnisher's rows are its own: each value is sealed for it.
      assert.equal(await sealsOf(2, 'm1', identity({ reported_on: '2025-02-20' })), 4);

      const after = await tableRows(store, 'identity_attributes');
      assert.equal(after.length, before.length + 1 + 4);
      const nameOf1 = after.find((a) => num(a.furnisher_id) === 1 && a.attribute === 'name')!;
      assert.equal(nameOf1.value_enc, before.find((a) => a.attribute === 'name')!.value_enc);
      assert.equal(cipher.decrypt(nameOf1.value_enc), '王芳');
      assert.equal(nameOf1.last_reported_on, '2025-02-15');
      const mobilesOf1 = after.filter((a) => num(a.furnisher_id) === 1 && a.attribute === 'mobile');
      assert.deepEqual(mobilesOf1.map((a) => cipher.decrypt(a.value_enc)).sort(), [
        '13800138000',
        '13900139000',
      ]);
    }));

  test('one new ID twice in one batch (identity and account) creates one person', () =>
    withFurnishStore(async ({ store, cipher, deps }) => {
      assertAllAccepted(
        await furnish(deps, 1, 'b1', [
          identity({ id_number: ID_C, name: '张伟', birth_date: '1990-05-17', sex: 'F' }),
          account({ id_number: ID_C, name: '张伟', account_no: 'Z-1' }),
          account({ id_number: ID_C, name: '张伟', account_no: 'Z-2' }),
        ]),
      );
      const persons = await tableRows(store, 'persons');
      assert.equal(persons.length, 1);
      assert.equal(cipher.decrypt(persons[0]!.id_enc), ID_C);
      const accounts = await tableRows(store, 'accounts');
      assert.deepEqual(
        accounts.map((a) => num(a.person_id)),
        [num(persons[0]!.person_id), num(persons[0]!.person_id)],
      );
    }));

  test('attribute dates widen across batches: first and last reported on', () =>
    withFurnishStore(async ({ store, cipher, deps }) => {
      assertAllAccepted(await furnish(deps, 1, 'b1', [identity({ reported_on: '2025-01-15' })]));
      assertAllAccepted(await furnish(deps, 1, 'b2', [identity({ reported_on: '2025-03-01' })]));
      assertAllAccepted(await furnish(deps, 1, 'b3', [identity({ reported_on: '2024-12-01' })]));
      assertAllAccepted(await furnish(deps, 1, 'b4', [identity({ reported_on: '2025-02-01' })]));
      const mobiles = (await tableRows(store, 'identity_attributes')).filter((a) => a.attribute === 'mobile');
      assert.equal(mobiles.length, 1);
      assert.equal(cipher.decrypt(mobiles[0]!.value_enc), '13800138000');
      assert.equal(mobiles[0]!.first_reported_on, '2024-12-01');
      assert.equal(mobiles[0]!.last_reported_on, '2025-03-01');
    }));
});

describe('idempotency per (furnisher, batch id)', () => {
  const inShared = sharedStore();
  test(
    'the same batch again is a replay and changes nothing',
    inShared(async ({ store, deps }, F) => {
      const lines = [
        identity(),
        account(),
        month(),
        month({ month: '2024-11' }),
        identity({ mobile: 'bad' }),
      ];
      const first = await furnish(deps, F, 'b1', lines);
      assert.equal(first.replayed, false);
      assert.equal(first.batch.rejected, 1);
      const before = await snapshot(store);

      const again = await furnish(deps, F, 'b1', lines);
      assert.equal(again.replayed, true);
      assert.deepEqual(again.batch, first.batch);
      assert.deepEqual(again.findings, []);
      assert.deepEqual(await snapshot(store), before);
    }),
  );

  test(
    'the same batch id with other content is a 409 batch_id_conflict and changes nothing',
    inShared(async ({ store, deps }, F) => {
      await furnish(deps, F, 'b1', [identity(), account()]);
      const before = await snapshot(store);
      await assert.rejects(
        furnish(deps, F, 'b1', [identity(), account(), month()]),
        isFurnishError('batch_id_conflict', 409),
      );
      // One byte of difference (a trailing newline) is other content too.
      await assert.rejects(
        furnish(deps, F, 'b1', [identity(), account(), '']),
        isFurnishError('batch_id_conflict', 409),
      );
      assert.deepEqual(await snapshot(store), before);
    }),
  );

  test(
    'the same batch id for another furnisher is a batch of its own',
    inShared(async ({ store, deps }, F) => {
      const lines = [identity(), account()];
      const one = await furnish(deps, F, 'shared-id', lines);
      const two = await furnish(deps, F + 1, 'shared-id', lines);
      assert.equal(two.replayed, false);
      assert.notEqual(two.batch.batchPk, one.batch.batchPk);
      assertAllAccepted(two);
      const batches = (await tableRows(store, 'batches')).filter((b) => b.batch_id === 'shared-id');
      assert.deepEqual(batches.map((b) => [num(b.furnisher_id), b.batch_id]).sort(), [
        [F, 'shared-id'],
        [F + 1, 'shared-id'],
      ]);
      const accounts = (await tableRows(store, 'accounts')).filter((a) =>
        [F, F + 1].includes(num(a.furnisher_id)),
      );
      assert.equal(accounts.length, 2);
    }),
  );
});

describe('monthly states already on file', () => {
  const inShared = sharedStore();
  test(
    'a later batch replaces a month: new values at version 2, old values kept as a replacement',
    inShared(async ({ store, deps }, F) => {
      const b1 = await furnish(deps, F, 'b1', [identity(), account(), month()]);
      assertAllAccepted(b1);
      const b2 = await furnish(deps, F, 'b2', [
        month({ balance_minor: 500_000, actual_payment_minor: 0, reported_on: '2025-01-20' }),
      ]);
      assertAllAccepted(b2);
      const acc = await accountRow(store, F, 'L-1');
      const current = (await monthRow(store, num(acc.account_id), '2024-12'))!;
      assert.equal(num(current.balance_minor), 500_000);
      assert.equal(num(current.actual_payment_minor), 0);
      assert.equal(num(current.version), 2);
      assert.equal(current.reported_on, '2025-01-20');
      assert.equal(num(current.batch_pk), b2.batch.batchPk);

      const versions = await versionsOf(store, 'account_month_versions', acc);
      assert.equal(versions.length, 1);
      const v = versions[0]!;
      assert.equal(v.month, '2024-12');
      assert.equal(num(v.version), 1);
      assert.equal(num(v.balance_minor), 600_000);
      assert.equal(num(v.actual_payment_minor), 105_000);
      assert.equal(v.change, 'replacement');
      assert.equal(v.reason, null);
      assert.equal(v.reported_on, '2025-01-05');
      assert.equal(num(v.batch_pk), b1.batch.batchPk);
      assert.equal(num(v.superseded_by_batch_pk), b2.batch.batchPk);
      assert.equal(v.superseded_at, b2.batch.receivedAt);
    }),
  );

  test(
    'the same month twice in one batch keeps the first as a version',
    inShared(async ({ store, deps }, F) => {
      const b1 = await furnish(deps, F, 'b1', [
        identity(),
        account(),
        month({ balance_minor: 600_000 }),
        month({ balance_minor: 550_000 }),
      ]);
      assertAllAccepted(b1);
      const acc = await accountRow(store, F, 'L-1');
      const current = (await monthRow(store, num(acc.account_id), '2024-12'))!;
      assert.equal(num(current.balance_minor), 550_000);
      assert.equal(num(current.version), 2);
      const versions = await versionsOf(store, 'account_month_versions', acc);
      assert.deepEqual(
        versions.map((v) => [v.month, num(v.version), num(v.balance_minor), v.change]),
        [['2024-12', 1, 600_000, 'replacement']],
      );
    }),
  );

  test(
    'a month deleted, furnished again and then replaced keeps every version (no duplicate version key)',
    inShared(async ({ store, deps }, F) => {
      assertAllAccepted(
        await furnish(deps, F, 'b1', [identity(), account(), month({ balance_minor: 600_000 })]),
      );
      assertAllAccepted(
        await furnish(deps, F, 'b2', [deletion({ month: '2024-12', reason: 'wrong month' })]),
      );
      assertAllAccepted(await furnish(deps, F, 'b3', [month({ balance_minor: 500_000 })]));
      // A fourth batch replacing the re-furnished month must not collide with the deletion's version.
      const b4 = await furnish(deps, F, 'b4', [month({ balance_minor: 400_000, reported_on: '2025-01-25' })]);
      assertAllAccepted(b4);
      const acc = await accountRow(store, F, 'L-1');
      assert.equal(num((await monthRow(store, num(acc.account_id), '2024-12'))!.balance_minor), 400_000);
      const versions = (await versionsOf(store, 'account_month_versions', acc)).map((v) => [
        num(v.balance_minor),
        v.change,
        num(v.deleted ?? 0),
      ]);
      assert.ok(
        versions.some(([b, c, d]) => b === 600_000 && c === 'deletion' && d === 0),
        'the deleted state',
      );
      assert.ok(
        versions.some(([b, c, d]) => b === 500_000 && c === 'replacement' && d === 0),
        'the re-furnished state',
      );
    }),
  );

  test(
    'line order: a month furnished after its deletion in the same batch stays on file',
    inShared(async ({ store, deps }, F) => {
      assertAllAccepted(
        await furnish(deps, F, 'b1', [
          identity(),
          account(),
          month({ balance_minor: 600_000 }),
          deletion({ month: '2024-12', reason: 'wrong values' }),
          month({ balance_minor: 300_000 }),
        ]),
      );
      const acc = await accountRow(store, F, 'L-1');
      const current = await monthRow(store, num(acc.account_id), '2024-12');
      assert.ok(current, 'the month furnished on the last line is on file');
      assert.equal(num(current.balance_minor), 300_000);
    }),
  );

  test(
    'line order: a month furnished after its correction in the same batch keeps the furnished values',
    inShared(async ({ store, deps }, F) => {
      assertAllAccepted(
        await furnish(deps, F, 'b1', [identity(), account(), month({ balance_minor: 600_000 })]),
      );
      assertAllAccepted(
        await furnish(deps, F, 'b2', [
          correction({ month: '2024-12', set: { balance_minor: 590_000 } }),
          month({ balance_minor: 300_000, reported_on: '2025-01-21' }),
        ]),
      );
      const acc = await accountRow(store, F, 'L-1');
      assert.equal(num((await monthRow(store, num(acc.account_id), '2024-12'))!.balance_minor), 300_000);
    }),
  );
});

describe('corrections and deletions', () => {
  const inShared = sharedStore();
  test(
    'an account term correction bumps the version and keeps the old terms with the reason',
    inShared(async ({ store, deps }, F) => {
      const b1 = await furnish(deps, F, 'b1', [identity(), account()]);
      const b2 = await furnish(deps, F, 'b2', [
        correction({ set: { amount_minor: 1_500_000, instalments: 24 }, reason: 'amount keyed wrongly' }),
      ]);
      assertAllAccepted(b2);
      const acc = await accountRow(store, F, 'L-1');
      assert.equal(num(acc.amount_minor), 1_500_000);
      assert.equal(num(acc.instalments), 24);
      assert.equal(acc.maturity_date, '2025-06-01', 'terms not in set are kept');
      assert.equal(acc.repayment_method, 'equal_instalment');
      assert.equal(num(acc.version), 2);
      assert.equal(acc.state, 'open');
      assert.equal(acc.reported_on, '2025-01-20');
      assert.equal(num(acc.batch_pk), b2.batch.batchPk);

      const versions = await versionsOf(store, 'account_versions', acc);
      assert.equal(versions.length, 1);
      const v = versions[0]!;
      assert.equal(num(v.version), 1);
      assert.equal(num(v.amount_minor), 1_200_000);
      assert.equal(num(v.instalments), 12);
      assert.equal(v.change, 'correction');
      assert.equal(v.reason, 'amount keyed wrongly');
      assert.equal(v.state, 'open');
      assert.equal(v.reported_on, '2025-01-15');
      assert.equal(num(v.batch_pk), b1.batch.batchPk);
      assert.equal(num(v.superseded_by_batch_pk), b2.batch.batchPk);
    }),
  );

  test(
    'a correction may remove an optional term with null',
    inShared(async ({ store, deps }, F) => {
      await furnish(deps, F, 'b1', [identity(), account()]);
      assertAllAccepted(await furnish(deps, F, 'b2', [correction({ set: { maturity_date: null } })]));
      const acc = await accountRow(store, F, 'L-1');
      assert.equal(acc.maturity_date, null);
      const removeRequired = await furnish(deps, F, 'b3', [correction({ set: { amount_minor: null } })]);
      assert.deepEqual(
        removeRequired.findings.map((f) => [f.rule, f.field]),
        [['COR-VALUE', 'set.amount_minor']],
      );
    }),
  );

  test(
    'a month correction bumps the version and keeps the old state with the reason',
    inShared(async ({ store, deps }, F) => {
      const b1 = await furnish(deps, F, 'b1', [identity(), account(), month()]);
      const b2 = await furnish(deps, F, 'b2', [
        correction({
          month: '2024-12',
          set: { status: '1', overdue_periods: 1, overdue_amount_minor: 105_000, actual_payment_minor: 0 },
          reason: 'payment bounced',
        }),
      ]);
      assertAllAccepted(b2);
      const acc = await accountRow(store, F, 'L-1');
      const current = (await monthRow(store, num(acc.account_id), '2024-12'))!;
      assert.equal(current.status, '1');
      assert.equal(num(current.overdue_periods), 1);
      assert.equal(num(current.overdue_amount_minor), 105_000);
      assert.equal(num(current.actual_payment_minor), 0);
      assert.equal(num(current.balance_minor), 600_000, 'fields not in set are kept');
      assert.equal(num(current.version), 2);
      assert.equal(current.reported_on, '2025-01-20');
      const versions = await versionsOf(store, 'account_month_versions', acc);
      assert.equal(versions.length, 1);
      const v = versions[0]!;
      assert.deepEqual(
        [v.month, num(v.version), v.status, num(v.actual_payment_minor), v.change, v.reason, num(v.batch_pk)],
        ['2024-12', 1, 'N', 105_000, 'correction', 'payment bounced', b1.batch.batchPk],
      );
      assert.equal(num(v.superseded_by_batch_pk), b2.batch.batchPk);
    }),
  );

  test(
    'a month correction is checked against the corrected state (COR-CONSISTENT)',
    inShared(async ({ store, deps }, F) => {
      await furnish(deps, F, 'b1', [identity(), account(), month()]);
      const before = await snapshot(store);
      const result = await furnish(deps, F, 'b2', [correction({ month: '2024-12', set: { status: 'C' } })]);
      assert.deepEqual(
        result.findings.map((f) => [f.line, f.rule, f.field]),
        [[1, 'COR-CONSISTENT', 'set.balance_minor']],
      );
      const after = await snapshot(store);
      assert.deepEqual(after.account_months, before.account_months);
      assert.deepEqual(after.account_month_versions, before.account_month_versions);
    }),
  );

  test(
    'a month deletion removes the month and keeps it as a deletion version',
    inShared(async ({ store, deps }, F) => {
      const b1 = await furnish(deps, F, 'b1', [identity(), account(), month(), month({ month: '2024-11' })]);
      const b2 = await furnish(deps, F, 'b2', [deletion({ month: '2024-12', reason: 'not yet due' })]);
      assertAllAccepted(b2);
      const acc = await accountRow(store, F, 'L-1');
      assert.equal(await monthRow(store, num(acc.account_id), '2024-12'), undefined);
      assert.ok(await monthRow(store, num(acc.account_id), '2024-11'), 'other months stay');
      const versions = await versionsOf(store, 'account_month_versions', acc);
      assert.deepEqual(
        versions.map((v) => [
          v.month,
          num(v.version),
          num(v.balance_minor),
          v.change,
          v.reason,
          num(v.batch_pk),
        ]),
        [['2024-12', 1, 600_000, 'deletion', 'not yet due', b1.batch.batchPk]],
      );
      // Deleting it again: nothing on file.
      const again = await furnish(deps, F, 'b3', [deletion({ month: '2024-12' })]);
      assert.deepEqual(
        again.findings.map((f) => [f.rule, f.field]),
        [['DEL-TARGET-UNKNOWN', 'month']],
      );
    }),
  );

  test(
    'an account deletion marks it deleted; later months, corrections and updates of it are rejected',
    inShared(async ({ store, deps }, F) => {
      const b1 = await furnish(deps, F, 'b1', [identity(), account(), month()]);
      const b2 = await furnish(deps, F, 'b2', [deletion({ reason: 'opened in error' })]);
      assertAllAccepted(b2);
      const acc = await accountRow(store, F, 'L-1');
      assert.equal(acc.state, 'deleted');
      assert.equal(num(acc.version), 2);
      const index = (await tableRows(store, 'account_index')).filter((r) => num(r.furnisher_id) === F);
      assert.equal(index[0]!.state, 'deleted');
      const versions = await versionsOf(store, 'account_versions', acc);
      assert.deepEqual(
        versions.map((v) => [
          num(v.version),
          v.state,
          v.change,
          v.reason,
          num(v.batch_pk),
          num(v.amount_minor),
        ]),
        [[1, 'open', 'deletion', 'opened in error', b1.batch.batchPk, 1_200_000]],
      );

      const later = await furnish(deps, F, 'b3', [
        month({ month: '2024-11' }),
        correction({ set: { amount_minor: 5 } }),
        account({ action: 'update', amount_minor: 1_300_000 }),
        deletion({}),
      ]);
      assert.equal(later.batch.accepted, 0);
      assert.deepEqual(
        later.findings.map((f) => [f.line, f.rule]),
        [
          [1, 'MON-ACCOUNT-UNKNOWN'],
          [2, 'COR-TARGET-UNKNOWN'],
          [3, 'ACC-UPDATE-UNKNOWN'],
          [4, 'DEL-TARGET-UNKNOWN'],
        ],
      );
      // Another person cannot take over the deleted account number.
      const takeover = await furnish(deps, F, 'b4', [account({ id_number: ID_B, name: '李明' })]);
      assert.deepEqual(
        takeover.findings.map((f) => f.rule),
        ['ACC-PERSON-MISMATCH'],
      );
    }),
  );

  test(
    'an account furnished again with the same terms changes nothing',
    inShared(async ({ store, deps }, F) => {
      await furnish(deps, F, 'b1', [identity(), account()]);
      // "open: a new account (or the same terms again)": the same record again is not a change.
      assertAllAccepted(await furnish(deps, F, 'b2', [account()]));
      const acc = await accountRow(store, F, 'L-1');
      assert.equal(num(acc.version), 1, 'same terms again: no new version');
      assert.deepEqual(await versionsOf(store, 'account_versions', acc), []);
    }),
  );
});

describe('findings and rejects', () => {
  const inShared = sharedStore();
  test(
    'every problem of a record is reported: three problems, three findings',
    inShared(async ({ store, deps }, F) => {
      const bad = identity({ name: '王芳2', mobile: '12345', nickname: 'Fang' });
      const result = await furnish(deps, F, 'b1', [
        identity({ id_number: ID_B, name: '李明', sex: 'M', birth_date: '1980-01-01' }),
        bad,
      ]);
      assert.equal(result.batch.accepted, 1);
      assert.equal(result.batch.rejected, 1);
      const got = result.findings
        .map((f) => ({ line: f.line, field: f.field, rule: f.rule }))
        .sort((a, b) => (a.rule < b.rule ? -1 : 1));
      assert.deepEqual(got, [
        { line: 2, field: 'mobile', rule: 'IDN-MOBILE' },
        { line: 2, field: 'name', rule: 'IDN-NAME' },
        { line: 2, field: 'nickname', rule: 'REC-UNKNOWN-FIELD' },
      ]);
      for (const f of result.findings) {
        assert.ok(f.message.length > 0);
        assert.ok(
          !f.message.includes('12345') && !f.message.includes('王芳2') && !f.message.includes('Fang'),
        );
      }
      const rejects = await rejectsOf(store, F);
      assert.equal(rejects.length, 1);
      assert.deepEqual(JSON.parse(rejects[0]!.errors), result.findings);
      assert.equal(rejects[0]!.kind, 'identity');
    }),
  );

  test(
    'a structural problem suppresses the rules reading that field: one bad field, one finding',
    inShared(async ({ deps }, F) => {
      const result = await furnish(deps, F, 'b1', [
        identity(),
        account(),
        month({ status: 'Q', balance_minor: -1 }),
      ]);
      assert.deepEqual(result.findings.map((f) => [f.line, f.rule, f.field]).sort(), [
        [3, 'REC-TYPE', 'balance_minor'],
        [3, 'REC-TYPE', 'status'],
      ]);
    }),
  );

  test(
    'a mixed batch applies the valid lines and stores the others as rejects, nothing lost',
    inShared(async ({ store, cipher, deps }, F) => {
      const lines = [
        JSON.stringify(identity()),
        `{"kind": "identity", "id_number": "${ID_A}", "name": "王`,
        '',
        JSON.stringify(account()),
        JSON.stringify(month({ status: '2' })),
        '[1, 2, "三"]',
        JSON.stringify(month({ month: '2024-11' })),
        '{"kind":"person","name":"测试 \\u0000 ✓"}',
        '   ',
        // Another person (name and mobile on file for no one): identity resolution finds no match.
        JSON.stringify(identity({ id_number: '990105194912310021', name: '钱多多', mobile: '13700000001' })),
        '"just a string"',
      ];
      const result = await furnish(deps, F, 'mixed', lines);
      assert.equal(result.batch.records, 9, 'blank lines are not records');
      assert.equal(result.batch.accepted, 3);
      assert.equal(result.batch.rejected, 6);
      assert.equal(result.batch.accepted + result.batch.rejected, result.batch.records);

      const rejects = await rejectsOf(store, F);
      const expected: [number, string, string][] = [
        [2, '', 'LINE-JSON'],
        [5, 'month', 'MON-OVERDUE-STATUS'],
        [6, '', 'LINE-JSON'],
        [8, '', 'REC-KIND'],
        [10, 'identity', 'ID-REGION'],
        [11, '', 'LINE-JSON'],
      ];
      assert.deepEqual(
        rejects.map((r) => [num(r.line), r.kind, (JSON.parse(r.errors) as Finding[])[0]!.rule]),
        expected,
      );
      for (const r of rejects) {
        assert.equal(r.status, 'open');
        assert.equal(num(r.batch_pk), result.batch.batchPk);
        assert.equal(cipher.decrypt(r.raw_enc), lines[num(r.line) - 1], `line ${r.line} kept exactly`);
        for (const f of JSON.parse(r.errors) as Finding[]) assert.equal(f.line, num(r.line));
      }
      const acc = await accountRow(store, F, 'L-1');
      const months = (await tableRows(store, 'account_months')).filter(
        (m) => num(m.account_id) === num(acc.account_id),
      );
      assert.deepEqual(
        months.map((m) => m.month),
        ['2024-11'],
      );
    }),
  );

  test(
    'findings returned inline stop at MAX_FINDINGS_IN_RESPONSE, the stored rejects keep all',
    inShared(async ({ store, deps }, F) => {
      const lines = Array.from({ length: 150 }, () => '{"kind":"month"}'); // 10 missing fields each
      const result = await furnish(deps, F, 'many-findings', lines);
      assert.equal(result.batch.rejected, 150);
      assert.equal(result.findings.length, MAX_FINDINGS_IN_RESPONSE);
      assert.equal(result.findingsTruncated, true);
      const rejects = await rejectsOf(store, F);
      const stored = rejects.reduce((n, r) => n + (JSON.parse(r.errors) as Finding[]).length, 0);
      assert.equal(stored, 1500);
    }),
  );

  test(
    'a line that is not valid UTF-8 (a GBK-encoded name) is rejected, not stored garbled',
    inShared(async ({ store, cipher, deps }, F) => {
      const [head, tail] = JSON.stringify(identity({ name: 'NAME' })).split('NAME');
      const gbkName = Buffer.from([0xcd, 0xf5, 0xb7, 0xbc]); // 王芳 in GBK
      const body = Buffer.concat([Buffer.from(head!), gbkName, Buffer.from(tail!)]);
      const result = await furnishBatch(deps, { furnisherId: F, batchId: 'gbk', body });
      const names = (await tableRows(store, 'identity_attributes'))
        .filter((a) => a.attribute === 'name' && num(a.furnisher_id) === F)
        .map((a) => cipher.decrypt(a.value_enc));
      assert.deepEqual(names, [], `stored names: ${JSON.stringify(names)}`);
      assert.equal(result.batch.rejected, 1, 'the line is rejected');
    }),
  );

  test(
    'a malformed line does not leak its content into the stored findings',
    inShared(async ({ store, deps }, F) => {
      // The furnisher forgot the quotes around the ID; the JSON error must not echo digits of it.
      const line = `{"kind":"identity","name":"王芳","reported_on":"2025-01-15","id_number": +${ID_A}}`;
      const result = await furnish(deps, F, 'b1', [line]);
      assert.equal(result.findings[0]!.rule, 'LINE-JSON');
      const rejects = await rejectsOf(store, F);
      assert.ok(
        !rejects[0]!.errors.includes(ID_A.slice(0, 6)),
        `stored errors echo the ID: ${rejects[0]!.errors}`,
      );
      assert.ok(!result.findings[0]!.message.includes(ID_A.slice(0, 6)));
    }),
  );
});

describe('fixing rejects', () => {
  const inShared = sharedStore();
  test(
    'a fixed line names its reject: accepted, reject marked fixed; fixing it twice is FIX-UNKNOWN',
    inShared(async ({ store, cipher, deps }, F) => {
      const b1 = await furnish(deps, F, 'load-1', [
        identity(),
        identity({ id_number: ID_B, name: '李明', mobile: '2345' }),
      ]);
      assert.equal(b1.batch.rejected, 1);
      const fixed = identity({
        id_number: ID_B,
        name: '李明',
        sex: 'M',
        birth_date: '1980-01-01',
        mobile: '13912345678',
        fixes: 'load-1#2',
      });
      const b2 = await furnish(deps, F, 'load-1-fixes', [account(), fixed]);
      assertAllAccepted(b2);
      const rejects = await rejectsOf(store, F);
      assert.equal(rejects.length, 1);
      assert.equal(rejects[0]!.status, 'fixed');
      assert.equal(num(rejects[0]!.fixed_by_batch_pk), b2.batch.batchPk);
      assert.equal(num(rejects[0]!.fixed_by_line), 2);
      assert.equal(num(rejects[0]!.batch_pk), b1.batch.batchPk);
      const mobiles = (await tableRows(store, 'identity_attributes'))
        .filter((a) => num(a.furnisher_id) === F && a.attribute === 'mobile')
        .map((a) => cipher.decrypt(a.value_enc));
      assert.ok(mobiles.includes('13912345678'), 'the fixed identity was applied');

      const b3 = await furnish(deps, F, 'load-1-fixes-again', [fixed]);
      assert.deepEqual(
        b3.findings.map((f) => [f.line, f.field, f.rule]),
        [[1, 'fixes', 'FIX-UNKNOWN']],
      );
      const after = await rejectsOf(store, F);
      assert.equal(after.find((r) => num(r.batch_pk) === b1.batch.batchPk)!.status, 'fixed');
      assert.equal(after.find((r) => num(r.batch_pk) === b3.batch.batchPk)!.status, 'open');
    }),
  );

  test(
    'two fixes of one reject in one batch: the first wins, the second is FIX-UNKNOWN',
    inShared(async ({ store, deps }, F) => {
      await furnish(deps, F, 'b1', [identity({ mobile: '1' })]);
      const b2 = await furnish(deps, F, 'b2', [identity({ fixes: 'b1#1' }), identity({ fixes: 'b1#1' })]);
      assert.deepEqual(
        b2.findings.map((f) => [f.line, f.rule]),
        [[2, 'FIX-UNKNOWN']],
      );
      const original = (await rejectsOf(store, F)).find((r) => num(r.line) === 1 && r.status === 'fixed');
      assert.ok(original);
      assert.equal(num(original.fixed_by_line), 1);
    }),
  );

  test(
    "a furnisher cannot fix another furnisher's reject, and a rejected fix leaves the reject open",
    inShared(async ({ store, deps }, F) => {
      await furnish(deps, F, 'b1', [identity({ mobile: '1' })]);
      const other = await furnish(deps, F + 1, 'b9', [identity({ fixes: 'b1#1' })]);
      assert.deepEqual(
        other.findings.map((f) => f.rule),
        ['FIX-UNKNOWN'],
      );
      const stillBad = await furnish(deps, F, 'b2', [identity({ mobile: '2', fixes: 'b1#1' })]);
      assert.deepEqual(
        stillBad.findings.map((f) => f.rule),
        ['IDN-MOBILE'],
      );
      const original = (await rejectsOf(store, F)).find((r) => r.status !== 'open' || num(r.line) === 1)!;
      assert.equal(original.status, 'open');
    }),
  );
});

describe('limits', () => {
  let fixture: FurnishFixture;
  before(async () => {
    fixture = await openFurnishStore();
  });
  after(async () => {
    await fixture.store.dispose();
  });

  /** Asserts that `run` throws the FurnishError and that no table changed. */
  async function refusedWithoutTrace(run: () => Promise<unknown>, code: FurnishErrorCode, status: number) {
    const before = await snapshot(fixture.store);
    await assert.rejects(run(), isFurnishError(code, status));
    assert.deepEqual(await snapshot(fixture.store), before, `${code}: nothing stored`);
  }
  const body = (text: string | Buffer) => (typeof text === 'string' ? Buffer.from(text) : text);

  test('MAX_BATCH_RECORDS + 1 records is too_many_records (413); blank lines do not count', async () => {
    const lines = '{}\n'.repeat(MAX_BATCH_RECORDS + 1);
    await refusedWithoutTrace(
      () => furnishBatch(fixture.deps, { furnisherId: 1, batchId: 'too-many', body: body(lines) }),
      'too_many_records',
      413,
    );
  });

  test('exactly MAX_BATCH_RECORDS records (with blank lines between) is accepted as a batch', () =>
    // A store of its own: its MAX_BATCH_RECORDS rejects would slow down the snapshots of the other tests.
    withFurnishStore(async ({ store, deps }) => {
      const text = `${'{}\n\n'.repeat(MAX_BATCH_RECORDS - 1)}{"kind":"x"}\n`;
      const result = await furnishBatch(deps, { furnisherId: 2, batchId: 'max', body: body(text) });
      assert.equal(result.batch.records, MAX_BATCH_RECORDS);
      assert.equal(result.batch.rejected, MAX_BATCH_RECORDS);
      const last = await store.db
        .selectFrom('rejects')
        .select(['line'])
        .where('furnisher_id', '=', 2)
        .orderBy('line', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(num(last.line), 2 * MAX_BATCH_RECORDS - 1, 'line numbers count blank lines');
    }));

  test('a body of MAX_BATCH_BYTES + 1 bytes is batch_too_large (413); MAX_BATCH_BYTES passes the size check', async () => {
    await refusedWithoutTrace(
      () =>
        furnishBatch(fixture.deps, {
          furnisherId: 1,
          batchId: 'huge',
          body: Buffer.alloc(MAX_BATCH_BYTES + 1, 0x20),
        }),
      'batch_too_large',
      413,
    );
    // Exactly the limit is not too large (it is empty: spaces only).
    await refusedWithoutTrace(
      () =>
        furnishBatch(fixture.deps, {
          furnisherId: 1,
          batchId: 'at-limit',
          body: Buffer.alloc(MAX_BATCH_BYTES, 0x20),
        }),
      'empty_batch',
      400,
    );
  });

  test('an empty or blank body is empty_batch (400)', async () => {
    for (const text of ['', '\n', '\r\n\r\n', ' \t \n  \n\t', '\n\n\n   ']) {
      await refusedWithoutTrace(
        () => furnishBatch(fixture.deps, { furnisherId: 1, batchId: 'empty', body: body(text) }),
        'empty_batch',
        400,
      );
    }
  });

  test('an invalid batch id is invalid_batch_id (400)', async () => {
    for (const batchId of ['', ' ', '-start', '.start', 'a b', 'a#1', 'a/b', 'ü', 'x'.repeat(65), 'ok\n']) {
      await refusedWithoutTrace(
        () => furnishBatch(fixture.deps, { furnisherId: 1, batchId, body: body(JSON.stringify(identity())) }),
        'invalid_batch_id',
        400,
      );
    }
    const longest = await furnishBatch(fixture.deps, {
      furnisherId: 3,
      batchId: `A1._:-${'x'.repeat(58)}`,
      body: body(JSON.stringify(identity())),
    });
    assertAllAccepted(longest);
  });

  test('a line of MAX_LINE_BYTES bytes is parsed; one byte more is LINE-SIZE', async () => {
    const padded = (record: Json, bytes: number) => {
      const json = JSON.stringify(record);
      const line = `${json.slice(0, -1)}${' '.repeat(bytes - Buffer.byteLength(json))}}`;
      assert.equal(Buffer.byteLength(line), bytes);
      return line;
    };
    // Multi-byte characters: 16384 bytes are far fewer characters.
    const wide = (bytes: number) => {
      const json = JSON.stringify(identity({ note: '' }));
      const room = bytes - Buffer.byteLength(json);
      const note = '王'.repeat(Math.floor(room / 3)) + 'x'.repeat(room % 3);
      const line = JSON.stringify(identity({ note }));
      assert.equal(Buffer.byteLength(line), bytes);
      return line;
    };
    const lines = [
      padded(identity(), MAX_LINE_BYTES),
      padded(identity(), MAX_LINE_BYTES + 1),
      wide(MAX_LINE_BYTES),
      wide(MAX_LINE_BYTES + 1),
    ];
    const result = await furnishBatch(fixture.deps, {
      furnisherId: 4,
      batchId: 'line-size',
      body: body(lines.join('\r\n')),
    });
    assert.deepEqual(
      result.findings.map((f) => [f.line, f.rule]),
      [
        [2, 'LINE-SIZE'],
        [3, 'REC-UNKNOWN-FIELD'],
        [4, 'LINE-SIZE'],
      ],
    );
    assert.equal(result.batch.accepted, 1);
  });
});

describe('malformed input (property)', () => {
  let fixture: FurnishFixture;
  let counter = 0;
  before(async () => {
    fixture = await openFurnishStore();
    // Accounts on file, so that random records reach the context rules and the store.
    for (const furnisherId of [1, 2, 3]) {
      await furnish(fixture.deps, furnisherId, 'seed', [
        identity(),
        account({ account_no: 'P-1' }),
        account({ account_no: 'P-2', id_number: ID_B, name: '李明' }),
        month({ account_no: 'P-1' }),
      ]);
    }
  });
  after(async () => {
    await fixture.store.dispose();
  });

  const anyText = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary-ascii', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 10 }),
  );
  const anyValue: fc.Arbitrary<unknown> = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    anyText,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(
      '2024-12',
      '2024-02-29',
      '2023-02-29',
      'P-1',
      'P-2',
      'P\u00001',
      'b\u0000#1',
      ID_A,
      '',
      ' ',
      null,
      true,
      0,
      -1,
      1e15,
      1e16,
      0.5,
    ),
  );
  const templates: Json[] = [
    identity(),
    identity({ id_number: ID_C, name: '张伟', birth_date: '1990-05-17' }),
    account({ account_no: 'P-1' }),
    account({ account_no: 'P-3', action: 'open' }),
    account({ account_no: 'P-2', action: 'update', id_number: ID_B, name: '李明' }),
    month({ account_no: 'P-1' }),
    month({ account_no: 'P-2', month: '2024-11' }),
    correction({ account_no: 'P-1', set: { amount_minor: 1_300_000 } }),
    correction({ account_no: 'P-1', month: '2024-12', set: { balance_minor: 590_000 } }),
    deletion({ account_no: 'P-1', month: '2024-12' }),
    deletion({ account_no: 'P-2' }),
    identity({ fixes: 'seed#1' }),
  ];
  /** A valid record with a few fields changed, dropped or added. */
  const mutated = fc
    .record({
      template: fc.constantFrom(...templates),
      changes: fc.array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom(...new Set(Object.values(RECORD_FIELDS).flatMap((fs) => fs.map((f) => f.name)))),
            anyText,
          ),
          fc.option(anyValue, { nil: undefined }),
        ),
        { maxLength: 3 },
      ),
    })
    .map(({ template, changes }) => {
      const record: Json = { ...template };
      for (const [name, value] of changes) {
        if (value === undefined) delete record[name];
        else record[name] = value;
      }
      return JSON.stringify(record);
    });
  /** A record of a known kind with every field random. */
  const randomFields = fc
    .constantFrom(...RECORD_KINDS)
    .chain((kind: RecordKind) =>
      fc
        .record(Object.fromEntries(RECORD_FIELDS[kind].map((f) => [f.name, anyValue])), { requiredKeys: [] })
        .map((fields) => JSON.stringify({ ...fields, kind })),
    );
  const line = fc.oneof(
    { arbitrary: anyText.map((s) => s.replace(/\n/g, ' ')), weight: 2 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'), weight: 2 },
    { arbitrary: randomFields, weight: 3 },
    { arbitrary: mutated, weight: 5 },
  );

  test('furnishBatch resolves; records = accepted + rejected; every reject cites known rules', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 3 }),
        async (lines, separator, furnisherId) => {
          const { store, deps } = fixture;
          counter += 1;
          const batchId = `prop-${counter}`;
          const records = lines.filter((l) => l.trim().length > 0).length;
          let result: Awaited<ReturnType<typeof furnishBatch>>;
          try {
            result = await furnishBatch(deps, {
              furnisherId,
              batchId,
              body: Buffer.from(lines.join(separator)),
            });
          } catch (error) {
            if (error instanceof FurnishError && error.code === 'empty_batch' && records === 0) return;
            throw error;
          }
          assert.equal(result.replayed, false);
          assert.equal(result.batch.records, records);
          assert.equal(result.batch.accepted + result.batch.rejected, result.batch.records);
          const rejects = await store.db
            .selectFrom('rejects')
            .selectAll()
            .where('furnisher_id', '=', furnisherId)
            .where('batch_pk', '=', result.batch.batchPk)
            .execute();
          assert.equal(rejects.length, result.batch.rejected);
          const rejectedLines = new Set(rejects.map((r) => num(r.line)));
          for (const r of rejects) {
            const findings = JSON.parse(r.errors) as Finding[];
            assert.ok(findings.length > 0, `reject at line ${r.line} has findings`);
            for (const f of findings) {
              assert.ok(FINDING_RULE_IDS.includes(f.rule), `unknown rule ${f.rule}`);
              assert.equal(f.line, num(r.line));
              assert.equal(typeof f.message, 'string');
            }
          }
          for (const f of result.findings) {
            assert.ok(ALL_RULE_IDS.includes(f.rule));
            assert.ok(rejectedLines.has(f.line));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a NUL character in a text field is a reject or stored as given, never a database error', async () => {
    const lines = [
      { kind: 'month', account_no: 'P\u00001' },
      identity({ fixes: 'seed\u0000#1' }),
      identity({ name: '王\u0000芳' }),
      correction({ account_no: 'P-1', set: { amount_minor: 1_250_000 }, reason: 'typo\u0000' }),
      // Found by the property test below on PostgreSQL: a malformed month of a deletion was looked up.
      { kind: 'deletion', account_no: 'P-1', month: 'b\u0000#1', reason: 'r', reported_on: '2025-01-20' },
    ];
    const result = await furnish(fixture.deps, 1, 'nul-chars', lines);
    assert.equal(result.batch.records, 5);
    const rejectedLines = new Set(result.findings.map((f) => f.line));
    for (const line of [1, 2, 3, 5]) assert.ok(rejectedLines.has(line), `line ${line} is rejected`);
  });
});
