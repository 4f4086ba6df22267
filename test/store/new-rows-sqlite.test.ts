/**
 * The SQLite fast path for a batch's new persons, attributes and accounts writes what the
 * multi-row path writes: a person already on file keeps its id (the batch's id is sent to it),
 * an attribute reported again keeps one row spanning both reports, an account and its index entry.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AccountTerms } from '../../src/formats/canonical/record-types.js';
import {
  writeAttributesSqlite,
  writeNewAccountsSqlite,
  writeNewPersonsSqlite,
} from '../../src/store/new-rows-sqlite.js';
import { openTestStore, TEST_ENGINE, type TestStore } from '../support/test-store.js';

let store: TestStore;
before(async () => {
  store = await openTestStore();
});
after(async () => {
  await store?.dispose();
});

const AT = '2026-11-26T00:00:00.000Z';
const TERMS: AccountTerms = {
  account_type: 'D1',
  business_type: 'consumer',
  currency: 'CNY',
  open_date: '2025-01-15',
  amount_minor: 1_000_000,
  repayment_method: 'equal_instalment',
  repayment_frequency: 'monthly',
  instalments: 12,
  guarantee_type: 'unsecured',
  joint_loan: false,
};

test('new persons, attributes and accounts on SQLite, row by row', (t) => {
  if (TEST_ENGINE !== 'sqlite' || !store.sqlite) {
    t.skip('the SQLite fast path (PostgreSQL keeps the multi-row statements)');
    return;
  }
  const sqlite = store.sqlite;
  assert.throws(
    () => writeNewPersonsSqlite(sqlite, [{ personId: 1, idType: '10', idHash: 'h1', idEnc: 'v1.a' }], AT),
    /inside the batch transaction/,
  );
  sqlite.exec('begin immediate');
  try {
    const first = writeNewPersonsSqlite(
      sqlite,
      [{ personId: 1, idType: '10', idHash: 'h1', idEnc: 'v1.a' }],
      AT,
    );
    assert.equal(first.size, 0);
    // A second batch that planned person 7 for the same ID: person 1 keeps it.
    const again = writeNewPersonsSqlite(
      sqlite,
      [
        { personId: 7, idType: '10', idHash: 'h1', idEnc: 'v1.b' },
        { personId: 8, idType: '10', idHash: 'h2', idEnc: 'v1.c' },
      ],
      AT,
    );
    assert.deepEqual([...again], [[7, 1]]);
    const person = (id: number) => again.get(id) ?? id;
    const row = (first: string, last: string, attrId: number) => ({
      personId: 7,
      attrId,
      attribute: 'mobile',
      valueHash: 'mh',
      valueEnc: 'v1.m',
      firstReportedOn: first,
      lastReportedOn: last,
    });
    writeAttributesSqlite(sqlite, [row('2025-03-01', '2025-04-01', 1)], person, {
      furnisherId: 2,
      batchPk: 1,
    });
    writeAttributesSqlite(sqlite, [row('2025-01-01', '2025-02-01', 2)], person, {
      furnisherId: 2,
      batchPk: 2,
    });
    writeNewAccountsSqlite(
      sqlite,
      [{ personId: 8, accountId: 5, accountNo: 'L-1', terms: TERMS, reportedOn: '2025-01-31' }],
      person,
      {
        furnisherId: 2,
        batchPk: 2,
        at: AT,
      },
    );
    assert.deepEqual(sqlite.prepare('select person_id, id_enc from persons order by person_id').all(), [
      { person_id: 1, id_enc: 'v1.a' },
      { person_id: 8, id_enc: 'v1.c' },
    ]);
    assert.deepEqual(
      sqlite.prepare('select person_id, first_reported_on, last_reported_on from identity_attributes').all(),
      [{ person_id: 1, first_reported_on: '2025-01-01', last_reported_on: '2025-04-01' }],
    );
    assert.deepEqual(
      sqlite
        .prepare(
          'select person_id, account_id, account_type, business_type, instalments, joint_loan, maturity_date, state, version from accounts',
        )
        .all(),
      [
        {
          person_id: 8,
          account_id: 5,
          account_type: 'D1',
          business_type: 'consumer',
          instalments: 12,
          joint_loan: 0,
          maturity_date: null,
          state: 'open',
          version: 1,
        },
      ],
    );
    assert.deepEqual(
      sqlite.prepare('select person_id, account_id, account_type, open_date, state from account_index').all(),
      [{ person_id: 8, account_id: 5, account_type: 'D1', open_date: '2025-01-15', state: 'open' }],
    );
  } finally {
    sqlite.exec('rollback');
  }
});
