/**
 * Furnishing over HTTP: a batch is accepted (201), replayed (200), refused on a reused id with
 * other content (409); findings come back with the answer and stay listed with the rejects
 * (original lines, as JSON or as JSON Lines); a fixed line marks its reject fixed; a furnisher
 * sees only its own batches.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  type ApiHarness,
  batchBody,
  expectNewBatch,
  NDJSON,
  openApiHarness,
} from '../support/api-harness.js';
import { account, identity, month } from '../support/furnish-fixtures.js';

interface FindingView {
  line: number;
  field: string;
  rule: string;
  message: string;
}
interface RejectView {
  line: number;
  kind: string;
  status: 'open' | 'fixed';
  fixed_by: { batch_id: string; line: number } | null;
  findings: FindingView[];
  record: string;
}

const MIXED_ID = 'mixed-2025-01';
// Lines 1 and 5 are valid; 4 is blank (counted, not a record); 2, 3, 6 and 7 break rules.
const MIXED_LINES: readonly string[] = [
  JSON.stringify(identity()),
  // A mistyped ID of someone on file with no one's name or mobile: identity resolution finds no match.
  JSON.stringify(identity({ id_number: '110105194912310021', name: '钱多多', mobile: '13700000001' })),
  '{"kind": "identity", "id_number": ',
  '',
  JSON.stringify(account()),
  JSON.stringify(month({ balance_minor: 6000.5 })),
  JSON.stringify(month({ month: '2024-11', status: '1' })),
];
const MIXED_EXPECTED: readonly { line: number; rule: string; field: string }[] = [
  { line: 2, rule: 'ID-CHECK-CHAR', field: 'id_number' },
  { line: 3, rule: 'LINE-JSON', field: '' },
  { line: 6, rule: 'REC-TYPE', field: 'balance_minor' },
  { line: 7, rule: 'MON-OVERDUE-STATUS', field: 'overdue_amount_minor' },
  { line: 7, rule: 'MON-OVERDUE-STATUS', field: 'overdue_periods' },
];
const FIXED_LINE_7 = month({
  month: '2024-11',
  status: '1',
  overdue_amount_minor: 105_000,
  overdue_periods: 1,
  fixes: `${MIXED_ID}#7`,
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const sortFindings = (fs: readonly FindingView[]) =>
  [...fs].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field) || a.rule.localeCompare(b.rule));

describe('furnishing over HTTP', () => {
  let h: ApiHarness;
  let keyA: string;
  let keyB: string;
  before(async () => {
    h = await openApiHarness();
    keyA = h.keys.furnisherA;
    keyB = h.keys.furnisherB;
  });
  after(async () => {
    await h.close();
  });

  test('a valid batch: 201 with the batch counts', async () => {
    const lines = [identity(), account({ account_no: 'V-1' }), month({ account_no: 'V-1' })];
    const body = batchBody(lines);
    const res = await h.postBatch(keyA, 'valid-1', lines);
    assert.equal(res.statusCode, 201, res.body);
    const out = res.json();
    assert.equal(out.replayed, false);
    assert.deepEqual(out.findings, []);
    assert.equal(out.findings_truncated, false);
    assert.equal(out.batch.batch_id, 'valid-1');
    assert.equal(out.batch.format, 'jsonl');
    assert.equal(out.batch.records, 3);
    assert.equal(out.batch.accepted, 3);
    assert.equal(out.batch.rejected, 0);
    assert.equal(out.batch.bytes, Buffer.byteLength(body));
    assert.equal(out.batch.content_sha256, sha256(body));
    assert.ok(!Number.isNaN(Date.parse(out.batch.received_at)), 'received_at is a date-time');
  });

  test('the same batch again: 200 replayed, same counts, nothing stored', async () => {
    const lines = [identity(), account({ account_no: 'V-1' }), month({ account_no: 'V-1' })];
    const before = await h.rowCounts();
    const res = await h.postBatch(keyA, 'valid-1', lines);
    assert.equal(res.statusCode, 200, res.body);
    const out = res.json();
    assert.equal(out.replayed, true);
    assert.equal(out.batch.batch_id, 'valid-1');
    assert.equal(out.batch.records, 3);
    assert.equal(out.batch.accepted, 3);
    assert.equal(out.batch.content_sha256, sha256(batchBody(lines)));
    assert.deepEqual(await h.rowCounts(), before);
  });

  test('the same batch id with other content: 409 batch_id_conflict, nothing stored', async () => {
    const before = await h.rowCounts();
    const res = await h.postBatch(keyA, 'valid-1', [identity({ mobile: '13900139000' })]);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error, 'batch_id_conflict');
    assert.match(res.json().message, /valid-1/);
    assert.deepEqual(await h.rowCounts(), before);
  });

  test('a mixed batch: 201, each finding with line, field, rule and message', async () => {
    const before = await h.rowCounts();
    const res = await h.postBatch(keyA, MIXED_ID, MIXED_LINES);
    assert.equal(res.statusCode, 201, res.body);
    const out = res.json();
    assert.equal(out.batch.records, 6, 'the blank line is not a record');
    assert.equal(out.batch.accepted, 2);
    assert.equal(out.batch.rejected, 4);
    assert.equal(out.findings_truncated, false);
    const findings = out.findings as FindingView[];
    for (const f of findings) {
      assert.deepEqual(Object.keys(f).sort(), ['field', 'line', 'message', 'rule']);
      assert.ok(f.message.length > 0, 'a finding says what was wrong');
    }
    assert.deepEqual(
      sortFindings(findings).map(({ line, rule, field }) => ({ line, rule, field })),
      sortFindings(MIXED_EXPECTED.map((e) => ({ ...e, message: '' }))).map(({ line, rule, field }) => ({
        line,
        rule,
        field,
      })),
    );
    const after = await h.rowCounts();
    assert.equal(after.batches, before.batches! + 1);
    assert.equal(after.rejects, before.rejects! + 4);
  });

  test("GET /v1/furnish/batches lists the caller's batches, newest first", async () => {
    const res = await h.call('GET', '/v1/furnish/batches', keyA);
    assert.equal(res.statusCode, 200);
    const ids = (res.json().batches as { batch_id: string }[]).map((b) => b.batch_id);
    assert.ok(ids.includes(MIXED_ID) && ids.includes('valid-1'), ids.join(', '));
    assert.ok(ids.indexOf(MIXED_ID) < ids.indexOf('valid-1'), 'newest first');
    const page = await h.call('GET', '/v1/furnish/batches?limit=1&offset=1', keyA);
    assert.equal(page.statusCode, 200);
    assert.deepEqual(
      (page.json().batches as { batch_id: string }[]).map((b) => b.batch_id),
      ids.slice(1, 2),
    );
  });

  test('GET /v1/furnish/batches/{id} gives the counts', async () => {
    const res = await h.call('GET', `/v1/furnish/batches/${MIXED_ID}`, keyA);
    assert.equal(res.statusCode, 200);
    const b = res.json();
    assert.equal(b.batch_id, MIXED_ID);
    assert.equal(b.records, 6);
    assert.equal(b.accepted, 2);
    assert.equal(b.rejected, 4);
    assert.equal(b.content_sha256, sha256(MIXED_LINES.join('\n')));
  });

  test('GET /v1/furnish/batches/{id} of an unknown id: 404', async () => {
    const res = await h.call('GET', '/v1/furnish/batches/no-such-batch', keyA);
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error, 'not_found');
    assert.equal((await h.call('GET', '/v1/furnish/batches/no-such-batch/rejects', keyA)).statusCode, 404);
  });

  test('GET .../rejects: the original lines and every finding', async () => {
    const res = await h.call('GET', `/v1/furnish/batches/${MIXED_ID}/rejects`, keyA);
    assert.equal(res.statusCode, 200);
    const out = res.json() as { batch_id: string; rejects: RejectView[] };
    assert.equal(out.batch_id, MIXED_ID);
    assert.deepEqual(
      out.rejects.map((r) => r.line),
      [2, 3, 6, 7],
    );
    for (const r of out.rejects) {
      assert.equal(r.record, MIXED_LINES[r.line - 1], `line ${r.line}: the original line`);
      assert.equal(r.status, 'open');
      assert.equal(r.fixed_by, null);
      assert.deepEqual(
        sortFindings(r.findings).map(({ line, rule, field }) => ({ line, rule, field })),
        MIXED_EXPECTED.filter((e) => e.line === r.line).map(({ line, rule, field }) => ({
          line,
          rule,
          field,
        })),
        `line ${r.line}: all findings`,
      );
    }
    assert.deepEqual(
      out.rejects.map((r) => r.kind),
      ['identity', '', 'month', 'month'],
    );
    // The findings of the POST answer are the findings of the rejects.
    const all = out.rejects.flatMap((r) => r.findings);
    assert.equal(all.length, MIXED_EXPECTED.length);
  });

  test('GET .../rejects pages with offset and limit', async () => {
    const res = await h.call('GET', `/v1/furnish/batches/${MIXED_ID}/rejects?offset=1&limit=2`, keyA);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(
      (res.json().rejects as RejectView[]).map((r) => r.line),
      [3, 6],
    );
  });

  test('GET .../rejects?format=jsonl: the original lines as JSON Lines text', async () => {
    const res = await h.call('GET', `/v1/furnish/batches/${MIXED_ID}/rejects?format=jsonl`, keyA);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/x-ndjson/);
    assert.equal(res.body, [2, 3, 6, 7].map((n) => `${MIXED_LINES[n - 1]}\n`).join(''));
  });

  test('a fixed line with "fixes": "BATCH#LINE" is accepted and marks the reject fixed', async () => {
    const res = await h.postBatch(keyA, 'fix-1', [FIXED_LINE_7]);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().batch.accepted, 1);
    assert.deepEqual(res.json().findings, []);

    const fixed = await h.call('GET', `/v1/furnish/batches/${MIXED_ID}/rejects?status=fixed`, keyA);
    assert.equal(fixed.statusCode, 200);
    const rejects = fixed.json().rejects as RejectView[];
    assert.equal(rejects.length, 1);
    assert.equal(rejects[0]!.line, 7);
    assert.equal(rejects[0]!.status, 'fixed');
    assert.deepEqual(rejects[0]!.fixed_by, { batch_id: 'fix-1', line: 1 });
    assert.equal(rejects[0]!.record, MIXED_LINES[6], 'the reject keeps its original line');

    const open = await h.call('GET', `/v1/furnish/batches/${MIXED_ID}/rejects?status=open`, keyA);
    assert.deepEqual(
      (open.json().rejects as RejectView[]).map((r) => [r.line, r.status]),
      [
        [2, 'open'],
        [3, 'open'],
        [6, 'open'],
      ],
    );
  });

  test('a reject fixed once cannot be fixed again (FIX-UNKNOWN)', async () => {
    const out = expectNewBatch(
      await h.postBatch(keyA, 'fix-2', [{ ...FIXED_LINE_7, balance_minor: 500_000 }]),
    );
    assert.deepEqual(
      (out.findings as FindingView[]).map((f) => [f.rule, f.field]),
      [['FIX-UNKNOWN', 'fixes']],
    );
  });

  test("furnisher B cannot fix furnisher A's reject", async () => {
    const out = expectNewBatch(
      await h.postBatch(keyB, 'b-fix', [JSON.stringify(identity({ fixes: `${MIXED_ID}#2` }))]),
    );
    assert.deepEqual(
      (out.findings as FindingView[]).map((f) => f.rule),
      ['FIX-UNKNOWN'],
    );
    const open = await h.call('GET', `/v1/furnish/batches/${MIXED_ID}/rejects?status=open`, keyA);
    assert.ok(
      (open.json().rejects as RejectView[]).some((r) => r.line === 2),
      "A's reject is still open",
    );
  });

  test("a furnisher cannot see another furnisher's batch", async () => {
    const b = await h.postBatch(keyB, 'b-only', ['{garbage', JSON.stringify(identity({ name: '李四' }))]);
    assert.equal(b.statusCode, 201);
    for (const url of [
      '/v1/furnish/batches/b-only',
      '/v1/furnish/batches/b-only/rejects',
      '/v1/furnish/batches/b-only/rejects?format=jsonl',
    ]) {
      const res = await h.call('GET', url, keyA);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error, 'not_found');
      assert.ok(!res.body.includes('garbage'), "nothing of B's batch leaks");
    }
    const listA = (await h.call('GET', '/v1/furnish/batches?limit=200', keyA)).json().batches as {
      batch_id: string;
    }[];
    assert.ok(
      !listA.some((x) => x.batch_id === 'b-only' || x.batch_id === 'b-fix'),
      "A's list has none of B's",
    );
    assert.equal((await h.call('GET', '/v1/furnish/batches/b-only', keyB)).statusCode, 200, 'B sees its own');
  });

  test('the same batch id at two furnishers: each sees only its own', async () => {
    const linesB = ['{"kind":"nope"}', JSON.stringify(identity())];
    const linesA = [JSON.stringify(identity({ mobile: '13900139000' }))];
    const onlyB = await h.postBatch(keyB, 'shared-id', linesB);
    assert.equal(onlyB.statusCode, 201);
    assert.equal((await h.call('GET', '/v1/furnish/batches/shared-id', keyA)).statusCode, 404, "not A's yet");

    const onlyA = await h.postBatch(keyA, 'shared-id', linesA);
    assert.equal(onlyA.statusCode, 201, "a batch id is per furnisher: no conflict with B's");
    assert.equal(onlyA.json().replayed, false);

    const a = (await h.call('GET', '/v1/furnish/batches/shared-id', keyA)).json();
    assert.equal(a.content_sha256, sha256(linesA.join('\n')));
    assert.deepEqual([a.records, a.accepted, a.rejected], [1, 1, 0]);
    const aRejects = await h.call('GET', '/v1/furnish/batches/shared-id/rejects', keyA);
    assert.deepEqual(aRejects.json().rejects, [], "A's batch has no rejects; B's reject is not shown");

    const bView = (await h.call('GET', '/v1/furnish/batches/shared-id', keyB)).json();
    assert.equal(bView.content_sha256, sha256(linesB.join('\n')));
    assert.deepEqual([bView.records, bView.accepted, bView.rejected], [2, 1, 1]);
    const bRejects = (await h.call('GET', '/v1/furnish/batches/shared-id/rejects', keyB)).json()
      .rejects as RejectView[];
    assert.deepEqual(
      bRejects.map((r) => r.record),
      ['{"kind":"nope"}'],
    );
  });

  test('CRLF line ends and text/plain are accepted; the record has no \\r', async () => {
    const res = await h.postRaw(keyA, `${JSON.stringify(identity())}\r\n{bad\r\n`, {
      'content-type': 'text/plain; charset=utf-8',
      'x-batch-id': 'crlf-1',
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual([res.json().batch.records, res.json().batch.accepted], [2, 1]);
    const rejects = (await h.call('GET', '/v1/furnish/batches/crlf-1/rejects', keyA)).json()
      .rejects as RejectView[];
    assert.deepEqual(
      rejects.map((r) => [r.line, r.record]),
      [[2, '{bad']],
    );
  });

  test('the other JSON Lines content types are accepted', async () => {
    for (const [i, type] of ['application/jsonl', 'application/json-lines', NDJSON].entries()) {
      const res = await h.postRaw(keyA, JSON.stringify(identity()), {
        'content-type': type,
        'x-batch-id': `ct-${i}`,
      });
      assert.equal(res.statusCode, 201, type);
    }
  });
});
