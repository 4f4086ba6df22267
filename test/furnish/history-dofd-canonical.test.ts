/**
 * The optional canonical fields `first_delinquency_date` (account terms) and
 * `payment_history_profile` (month records), on the test engine: records without them store and
 * read exactly as before; the date's rules (ACC-DOFD-FUTURE, ACC-DOFD-BEFORE-OPEN, and on
 * corrections COR-CONSISTENT) with the collection exception; versions when the date changes; the
 * profile's shape (REC-TYPE), that no correction sets it (COR-FIELD), that the later of two
 * profiles of one month in a batch wins, and that a deleted month does not come back through it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readPersonFile } from '../../src/store/person-file-repository.js';
import {
  account,
  correction,
  deletion,
  type FurnishFixture,
  furnish,
  ID_A,
  month,
  openFurnishStore,
} from '../support/furnish-fixtures.js';

describe('first_delinquency_date and payment_history_profile (canonical)', () => {
  let f: FurnishFixture;
  let furnisher = 0;
  before(async () => {
    f = await openFurnishStore();
  });
  after(async () => {
    await f.store.dispose();
  });
  /** A furnisher of its own per test (an institution row: the report joins it). */
  const next = async () => {
    furnisher += 1;
    await f.store.db
      .insertInto('institutions')
      .values({
        institution_id: furnisher,
        code: `f${furnisher}`,
        name: `Furnisher ${furnisher}`,
        kind: 'bank',
        roles: 'furnisher',
        created_at: '2025-01-01',
      })
      .execute();
    return furnisher;
  };
  const fileOf = () =>
    readPersonFile(f.store.db, f.cipher.hash('national_id', ID_A), (s) => f.cipher.decrypt(s));
  const accountRow = (furnisherId: number, no = 'L-1') =>
    f.store.db
      .selectFrom('accounts')
      .selectAll()
      .where('furnisher_id', '=', furnisherId)
      .where('account_no', '=', no)
      .executeTakeFirstOrThrow();
  const rules = (r: Awaited<ReturnType<typeof furnish>>) =>
    r.findings.map((x) => `${x.line} ${x.rule} ${x.field}`);

  test('records without the new fields: stored and read as before', async () => {
    const id = await next();
    const result = await furnish(f.deps, id, 'plain', [account(), month()]);
    assert.equal(result.batch.accepted, 2);
    const row = await accountRow(id);
    assert.equal(row.first_delinquency_date, null);
    assert.equal((await f.store.db.selectFrom('account_history_profiles').selectAll().execute()).length, 0);
    const read = (await fileOf())!.accounts.find((a) => a.furnisher.code === `f${id}`)!;
    assert.equal('historyMonths' in read, false);
    assert.equal('first_delinquency_date' in read.terms, false);
    // The same account line again: same terms, no version.
    await furnish(f.deps, id, 'plain-again', [account()]);
    assert.equal(Number((await accountRow(id)).version), 1);
  });

  test('the date is checked: not after reported_on, not before the open date unless a collection', async () => {
    const id = await next();
    const result = await furnish(f.deps, id, 'dofd', [
      account({ account_no: 'D-FUTURE', first_delinquency_date: '2025-01-16' }),
      account({ account_no: 'D-EARLY', first_delinquency_date: '2024-05-31' }),
      account({ account_no: 'D-NOT-A-DATE', first_delinquency_date: '2024-13-01' }),
      account({
        account_no: 'C-EARLY',
        account_type: 'C1',
        business_type: 'other',
        maturity_date: undefined,
        repayment_method: 'other',
        instalments: undefined,
        first_delinquency_date: '2023-02-01',
      }),
      account({ account_no: 'D-OK', first_delinquency_date: '2024-11-05' }),
    ]);
    assert.deepEqual(rules(result), [
      '1 ACC-DOFD-FUTURE first_delinquency_date',
      '2 ACC-DOFD-BEFORE-OPEN first_delinquency_date',
      '3 REC-TYPE first_delinquency_date',
    ]);
    assert.equal((await accountRow(id, 'C-EARLY')).first_delinquency_date, '2023-02-01');
    assert.equal((await accountRow(id, 'D-OK')).first_delinquency_date, '2024-11-05');
  });

  test('a new date is a new version of the terms; a correction is checked like the record', async () => {
    const id = await next();
    await furnish(f.deps, id, 'v1', [account()]);
    await furnish(f.deps, id, 'v2', [account({ first_delinquency_date: '2024-12-01' })]);
    let row = await accountRow(id);
    assert.deepEqual([row.first_delinquency_date, Number(row.version)], ['2024-12-01', 2]);
    const versions = await f.store.db
      .selectFrom('account_versions')
      .select(['version', 'first_delinquency_date'])
      .where('person_id', '=', row.person_id)
      .where('account_id', '=', row.account_id)
      .execute();
    assert.deepEqual(
      versions.map((v) => [Number(v.version), v.first_delinquency_date]),
      [[1, null]],
    );

    const corrected = await furnish(f.deps, id, 'cor', [
      correction({ set: { first_delinquency_date: '2025-02-01' } }),
      correction({ set: { first_delinquency_date: '2024-05-01' } }),
      correction({ set: { first_delinquency_date: '2024-12-20' } }),
      correction({ set: { first_delinquency_date: null } }),
    ]);
    assert.deepEqual(rules(corrected), [
      '1 COR-CONSISTENT set.first_delinquency_date',
      '2 COR-CONSISTENT set.first_delinquency_date',
    ]);
    row = await accountRow(id);
    assert.deepEqual([row.first_delinquency_date, Number(row.version)], [null, 4]);
    // An account line without the date (the account became current): the date goes, kept as a version.
    await furnish(f.deps, id, 'v5', [account({ first_delinquency_date: '2024-12-01' })]);
    await furnish(f.deps, id, 'v6', [account()]);
    assert.equal((await accountRow(id)).first_delinquency_date, null);
  });

  test('a canonical profile: its shape, no correction of it, the later one wins, a deleted month stays empty', async () => {
    const id = await next();
    const shape = await furnish(f.deps, id, 'shape', [
      account(),
      month({ payment_history_profile: 'NX' }),
      month({ payment_history_profile: 'N'.repeat(25) }),
      month({ payment_history_profile: '' }),
      month(),
      correction({ month: '2024-12', set: { payment_history_profile: 'N' } }),
    ]);
    assert.deepEqual(rules(shape), [
      '2 REC-TYPE payment_history_profile',
      '3 REC-TYPE payment_history_profile',
      '4 REC-TYPE payment_history_profile',
      '6 COR-FIELD set.payment_history_profile',
    ]);

    // Two lines of one month in one batch, each with a profile: the later wins (one row).
    const both = await furnish(f.deps, id, 'both', [
      month({ month: '2024-08', reported_on: '2024-09-05', payment_history_profile: '12' }),
      month({ month: '2024-11', reported_on: '2024-12-05', payment_history_profile: '777' }),
      month({ month: '2024-11', reported_on: '2024-12-05', payment_history_profile: 'NN-N' }),
    ]);
    assert.deepEqual(rules(both), []);
    const rows = await f.store.db
      .selectFrom('account_history_profiles')
      .select(['end_month', 'statuses'])
      .orderBy('end_month')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.end_month, r.statuses]),
      [
        ['2024-07', '12'],
        ['2024-10', 'NN-N'],
      ],
    );
    // Months on file: 2024-08, 2024-11, 2024-12. The newer profile (end 2024-10) gives 2024-10 N,
    // 2024-09 N, 2024-07 N (2024-08 is on file); the older one (end 2024-07) adds 2024-06 2 (the
    // account opened 2024-06-01), its 2024-07 giving way to the newer profile.
    let read = (await fileOf())!.accounts.find((a) => a.furnisher.code === `f${id}`)!;
    assert.deepEqual(
      read.historyMonths?.map((m) => `${m.month} ${m.status}`),
      ['2024-06 2', '2024-07 N', '2024-09 N', '2024-10 N'],
    );

    // A monthly state of 2024-09 and the deletion of 2024-10: 2024-09 is the state's, 2024-10 is
    // not refilled by the profile.
    const changes = await furnish(f.deps, id, 'del', [
      month({
        month: '2024-09',
        reported_on: '2024-10-05',
        status: '1',
        overdue_periods: 1,
        overdue_amount_minor: 5,
      }),
      month({ month: '2024-10', reported_on: '2024-11-05' }),
      deletion({ month: '2024-10' }),
    ]);
    assert.deepEqual(rules(changes), []);
    read = (await fileOf())!.accounts.find((a) => a.furnisher.code === `f${id}`)!;
    assert.deepEqual(
      read.historyMonths?.map((m) => `${m.month} ${m.status}`),
      ['2024-06 2', '2024-07 N'],
    );
    assert.deepEqual(read.months.map((m) => `${m.month} ${m.state.status}`).sort(), [
      '2024-08 N',
      '2024-09 1',
      '2024-11 N',
      '2024-12 N',
    ]);
  });
});
