/**
 * Kept reports: compressed and sealed, opened back to the same JSON; reports kept before in the
 * sealed-JSON form still open; a changed byte, another key or a cut body is refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createPiiCipher } from '../../src/identity/pii-cipher.js';
import {
  KEPT_REPORT_PREFIX,
  MAX_KEPT_REPORT_JSON_BYTES,
  openKeptReport,
  sealKeptReport,
} from '../../src/report/kept-report.js';

const cipher = createPiiCipher(Buffer.alloc(32, 3));
const other = createPiiCipher(Buffer.alloc(32, 4));
const key = cipher.openingKey;

test('any JSON text, Chinese names included, keeps and opens to the same text', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.string({ unit: 'grapheme' }), (value, name) => {
      const json = JSON.stringify({ name, value });
      const body = sealKeptReport(key, json);
      assert.ok(body.startsWith(KEPT_REPORT_PREFIX));
      assert.equal(openKeptReport(key, body), json);
    }),
  );
});

test('a report-like JSON keeps in a quarter of its size or less, without its text in the clear', () => {
  const grid = Array.from({ length: 60 }, (_, i) => ({
    month: `2022-${String((i % 12) + 1).padStart(2, '0')}`,
    code: 'N',
  }));
  const json = JSON.stringify({
    header: { reportNumber: 'R20261126100000ABCDEF01', subject: { name: '张三' } },
    accounts: Array.from({ length: 4 }, (_, i) => ({ accountNo: `ACC-${i}`, grid })),
  });
  const body = sealKeptReport(key, json);
  assert.ok(body.length * 4 <= json.length, `${body.length} kept for ${json.length}`);
  assert.ok(!body.includes('张三') && !body.includes('ACC-'));
});

test('a report kept in the earlier form (sealed JSON, v1.) still opens', () => {
  const json = '{"header":{"reportNumber":"R1"}}';
  assert.equal(openKeptReport(key, cipher.encrypt(json)), json);
});

test('a changed character, another key or a cut body is refused', () => {
  const body = sealKeptReport(key, JSON.stringify({ a: 'x'.repeat(500) }));
  const at = KEPT_REPORT_PREFIX.length + 20;
  const changed = body.slice(0, at) + (body[at] === 'A' ? 'B' : 'A') + body.slice(at + 1);
  assert.throws(() => openKeptReport(key, changed), /authentication|malformed|base64/);
  assert.throws(() => openKeptReport(other.openingKey, body), /authentication/);
  assert.throws(
    () => openKeptReport(key, body.slice(0, KEPT_REPORT_PREFIX.length + 10)),
    /truncated|malformed/,
  );
});

test('a report over the limit is refused before anything is kept', () => {
  assert.throws(() => sealKeptReport(key, 'x'.repeat(MAX_KEPT_REPORT_JSON_BYTES + 1)), RangeError);
});
