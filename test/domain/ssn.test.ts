/** SSN shape and plausibility, and the US profile that uses it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { jurisdictionProfile, US_PROFILE } from '../../src/domain/jurisdiction.js';
import { checkSsn } from '../../src/domain/ssn.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const issuable = fc
  .record({
    area: fc.integer({ min: 1, max: 899 }).filter((a) => a !== 666),
    group: fc.integer({ min: 1, max: 99 }),
    serial: fc.integer({ min: 1, max: 9999 }),
  })
  .map(({ area, group, serial }) => `${pad(area, 3)}${pad(group, 2)}${pad(serial, 4)}`)
  .filter((id) => !/^(\d)\1{8}$/.test(id) && id !== '123456789' && id !== '078051120' && id !== '219099999');

test('property: every issuable SSN passes, with or without dashes, normalised to 9 digits', () => {
  fc.assert(
    fc.property(issuable, (id) => {
      assert.deepEqual(checkSsn(id), { ok: true, id });
      assert.deepEqual(checkSsn(`${id.slice(0, 3)}-${id.slice(3, 5)}-${id.slice(5)}`), { ok: true, id });
    }),
  );
});

test('property: never-issued parts are refused with the part named', () => {
  fc.assert(
    fc.property(issuable, fc.constantFrom('000', '666', '900', '987', '999'), (id, area) => {
      const r = checkSsn(area + id.slice(3));
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.problem, 'area');
    }),
  );
  assert.deepEqual(checkSsn('123001234'), {
    ok: false,
    problem: 'group',
    message: 'group number 00 is never issued',
  });
  assert.equal((checkSsn('123450000') as { problem: string }).problem, 'serial');
  for (const bad of ['111111111', '123456789', '078-05-1120'])
    assert.equal((checkSsn(bad) as { problem: string }).problem, 'known_invalid', bad);
  for (const bad of ['12345678', '1234567890', '12345678X', '', 'abc-de-fghi'])
    assert.equal((checkSsn(bad) as { problem: string }).problem, 'format', bad);
});

test('the US profile: SSN as national ID, 7-year retention from first delinquency (+180 days), 30-day disputes', () => {
  assert.equal(jurisdictionProfile('US'), US_PROFILE);
  assert.equal(US_PROFILE.nationalId.type, 'ssn');
  assert.deepEqual(US_PROFILE.nationalId.check('123-45-6780', '2026-01-01'), { ok: true, id: '123456780' });
  assert.equal(US_PROFILE.nationalId.check('000-45-6780', '2026-01-01').ok, false);
  assert.equal(US_PROFILE.negativeDataRetention_years, 7);
  assert.equal(US_PROFILE.negativeDataClock, 'first_delinquency');
  assert.equal(US_PROFILE.negativeDataClockOffset_days, 180);
  assert.equal(US_PROFILE.disputeReply_days, 30);
  assert.ok(US_PROFILE.mobilePattern.test('4155550123'));
  assert.ok(!US_PROFILE.mobilePattern.test('13800138000'));
});
