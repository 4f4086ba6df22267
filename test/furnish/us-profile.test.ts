/**
 * Canonical furnishing under the US profile: persons are linked by SSN, and an SSN that could
 * never have been issued is rejected (ID-SHAPE, with the reason), never accepted and never a crash.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { US_PROFILE } from '../../src/domain/jurisdiction.js';
import { furnish, identity, withFurnishStore } from '../support/furnish-fixtures.js';

test('US profile: a valid SSN links a person; an impossible one is rejected with the reason', async () => {
  await withFurnishStore(async (f) => {
    const deps = { ...f.deps, profile: US_PROFILE };
    await f.store.db
      .insertInto('institutions')
      .values({
        institution_id: 1,
        code: 'us-bank',
        name: 'US Bank',
        kind: 'bank',
        roles: 'furnisher',
        created_at: '2026-01-01',
      })
      .execute();
    const result = await furnish(deps, 1, 'us-1', [
      identity({
        id_number: '123-45-6780',
        name: 'Jane Doe',
        mobile: '4155550123',
        birth_date: undefined,
        sex: undefined,
      }),
      identity({
        id_number: '666-12-3456',
        name: 'John Roe',
        mobile: '4155550124',
        birth_date: undefined,
        sex: undefined,
      }),
      identity({
        id_number: '000000000',
        name: 'Nobody',
        mobile: '4155550125',
        birth_date: undefined,
        sex: undefined,
      }),
    ]);
    assert.equal(result.batch.accepted, 1);
    assert.equal(result.batch.rejected, 2);
    assert.deepEqual(
      result.findings.map((x) => [x.line, x.rule, x.field]),
      [
        [2, 'ID-SHAPE', 'id_number'],
        [3, 'ID-SHAPE', 'id_number'],
      ],
    );
    assert.match(result.findings[0]!.message, /area number 666 is never issued/);
    const persons = await f.store.db.selectFrom('persons').select('id_type').execute();
    assert.deepEqual(persons, [{ id_type: 'ssn' }]);
  });
});
