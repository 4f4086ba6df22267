/**
 * Records whose valid ID names a person on file with other names: a variant of a name on file
 * (pinyin, one character) stays with the ID's person; a record that is clearly another person's
 * (name, birth date and mobile of someone on file) goes to that person, its decision recorded; a
 * doubtful one is held, and kept apart it is applied by its ID as before. Both engines. Plus the
 * masks and the trigger rules as units.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CHINA_PROFILE } from '../../../src/domain/jurisdiction.js';
import { makeResidentId } from '../../../src/domain/resident-id.js';
import { maskValue } from '../../../src/identity/resolution/mask.js';
import { probeOfRecord } from '../../../src/identity/resolution/probe.js';
import { resolutionReason } from '../../../src/identity/resolution/trigger.js';
import {
  type ApiHarness,
  addBureauOperator,
  bearer,
  expectNewBatch,
  openApiHarness,
} from '../../support/api-harness.js';

const today = new Date().toISOString().slice(0, 10);
const X = { id: makeResidentId('110105', '1990-03-15', 11), name: '张伟', birth: '1990-03-15', sex: 'M' };
const Q = { id: makeResidentId('320102', '1990-03-15', 33), name: '王强', birth: '1990-03-15', sex: 'M' };
const identity = (p: typeof X, extra: object = {}) => ({
  kind: 'identity',
  id_number: p.id,
  name: p.name,
  birth_date: p.birth,
  sex: p.sex,
  reported_on: today,
  ...extra,
});

let h: ApiHarness;
let bureauKey: string;
const personOf = async (id: string) =>
  Number(
    (
      await h.store.db
        .selectFrom('persons')
        .select('person_id')
        .where('id_hash', '=', h.bureau.cipher.hash('national_id', id))
        .executeTakeFirstOrThrow()
    ).person_id,
  );
const namesOf = async (personId: number) =>
  (
    await h.store.db
      .selectFrom('identity_attributes')
      .select('value_enc')
      .where('person_id', '=', personId)
      .where('attribute', '=', 'name')
      .execute()
  ).map((r) => h.bureau.cipher.decrypt(r.value_enc));

before(async () => {
  h = await openApiHarness();
  bureauKey = await addBureauOperator(h, 'ops', 'Ops');
  expectNewBatch(
    await h.postBatch(h.keys.furnisherA, 'a-1', [
      identity(X, { mobile: '13911110000' }),
      identity(Q, { mobile: '13922220000' }),
    ]),
  );
});
after(async () => {
  await h.close();
});

describe('a valid ID whose person is on file under other names', () => {
  test('a variant of a name on file stays with the ID person, nothing recorded', async () => {
    const out = expectNewBatch(
      await h.postBatch(h.keys.furnisherB, 'b-variant', [identity({ ...X, name: 'Zhang Wei' })]),
    );
    assert.equal(out.batch.accepted, 1);
    assert.ok((await namesOf(await personOf(X.id))).includes('Zhang Wei'));
    assert.equal((await h.store.db.selectFrom('identity_link_decisions').selectAll().execute()).length, 0);
  });

  test("another person's name, birth date and mobile: linked to that person, not to the ID's", async () => {
    const out = expectNewBatch(
      await h.postBatch(h.keys.furnisherB, 'b-other', [
        identity({ ...Q, id: X.id }, { mobile: '13922220000' }),
      ]),
    );
    assert.equal(out.batch.accepted, 1, JSON.stringify(out.findings));
    const [decision] = await h.store.db.selectFrom('identity_link_decisions').selectAll().execute();
    assert.equal(decision?.reason, 'id_conflicts_person');
    assert.equal(Number(decision?.person_id), await personOf(Q.id));
    assert.ok(!(await namesOf(await personOf(X.id))).includes(Q.name));
  });

  test('doubtful: held for review; kept apart, the record is applied by its ID as before', async () => {
    const out = expectNewBatch(
      await h.postBatch(h.keys.furnisherB, 'b-doubt', [identity({ ...Q, id: X.id })]),
    );
    assert.deepEqual(
      out.findings.map((f: { rule: string }) => f.rule),
      ['IDR-REVIEW'],
    );
    const list = await h.app.inject({
      method: 'GET',
      url: '/v1/identity/reviews',
      headers: bearer(bureauKey),
    });
    const [review] = list.json().reviews;
    assert.equal(review.reason, 'id_conflicts_person');
    assert.equal(review.id_person_id, await personOf(X.id));
    assert.equal(review.candidate_person_id, await personOf(Q.id));
    const kept = await h.app.inject({
      method: 'POST',
      url: `/v1/identity/reviews/${review.review_id}/resolve`,
      headers: bearer(bureauKey),
      payload: { decision: 'keep_apart' },
    });
    assert.equal(kept.statusCode, 200, kept.body);
    assert.equal(kept.json().person_id, await personOf(X.id));
    assert.equal(kept.json().review.record_status, 'fixed');
    assert.ok((await namesOf(await personOf(X.id))).includes(Q.name), 'applied to the ID person');
  });
});

describe('units', () => {
  test('masks never show a whole value', () => {
    assert.equal(maskValue('phone', '13912345678'), '*******5678');
    assert.equal(maskValue('surname', '欧阳'), '欧*');
    assert.equal(maskValue('given_name', '娜娜'), '**');
    assert.equal(maskValue('date_of_birth', '1990-03-15'), '1990-**-**');
    assert.equal(maskValue('national_id', '11010519491231002X'), '11**************2X');
    assert.equal(maskValue('address_1', '北京市朝阳区建国路88号'), '北京市…');
    assert.equal(maskValue('phone', ''), '');
  });

  test('which rejected records resolution may rescue', () => {
    const f = (rule: string, field = 'id_number') => ({ line: 1, field, rule, message: '' });
    assert.equal(resolutionReason('identity', [f('ID-CHECK-CHAR')]), 'id_invalid');
    assert.equal(resolutionReason('account', [f('REC-REQUIRED')]), 'id_missing');
    assert.equal(
      resolutionReason('identity', [f('ID-BIRTH-MISMATCH', 'birth_date')]),
      'id_contradicts_record',
    );
    assert.equal(resolutionReason('account', [f('ID-CHECK-CHAR'), f('ACC-PERSON-MISMATCH')]), 'id_invalid');
    assert.equal(
      resolutionReason('account', [f('ACC-PERSON-MISMATCH')]),
      null,
      'a valid ID on another account',
    );
    assert.equal(resolutionReason('identity', [f('ID-CHECK-CHAR'), f('IDN-MOBILE', 'mobile')]), null);
    assert.equal(resolutionReason('month', [f('REC-REQUIRED')]), null);
    assert.equal(resolutionReason('identity', []), null);
  });

  test('the probe reads the birth date from a mistyped resident ID when none is reported', () => {
    const probe = probeOfRecord(
      { kind: 'account', id_number: '110105194912310021', name: ' 王  芳 ' },
      CHINA_PROFILE,
    );
    assert.deepEqual(probe, {
      name: '王 芳',
      idNumber: '110105194912310021',
      birthDate: '1949-12-31',
      birthDateFromId: true,
    });
  });
});
