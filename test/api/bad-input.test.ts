/**
 * Bad input never crashes the server and stores nothing but what is designed: lines that break
 * the line rules are kept as rejects of a stored batch; a request refused as a whole (empty,
 * too large, no or bad batch id, wrong content type) stores nothing at all. A property test
 * posts arbitrary bodies: never a 5xx, and the server still answers afterwards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { MAX_BATCH_BYTES, MAX_BATCH_RECORDS, MAX_LINE_BYTES } from '../../src/formats/canonical/limits.js';
import { type ApiHarness, expectNewBatch, NDJSON, openApiHarness } from '../support/api-harness.js';
import { account, correction, deletion, identity, month } from '../support/furnish-fixtures.js';

interface FindingView {
  line: number;
  field: string;
  rule: string;
  message: string;
}
interface RejectView {
  line: number;
  kind: string;
  findings: FindingView[];
  record: string;
}

describe('bad input over HTTP', () => {
  let h: ApiHarness;
  let key: string;
  let batchNo = 0;
  const nextId = (prefix: string) => `${prefix}-${++batchNo}`;
  before(async () => {
    h = await openApiHarness();
    key = h.keys.furnisherA;
  });
  after(async () => {
    await h.close();
  });

  /** Row counts after `work`, minus row counts before: only the tables that changed. */
  async function changes(work: () => Promise<void>): Promise<Record<string, number>> {
    const before = await h.rowCounts();
    await work();
    const after = await h.rowCounts();
    const out: Record<string, number> = {};
    for (const [table, n] of Object.entries(after))
      if (n !== before[table]) out[table] = n - (before[table] ?? 0);
    return out;
  }

  const rejectsOf = async (batchId: string): Promise<RejectView[]> => {
    const res = await h.call('GET', `/v1/furnish/batches/${batchId}/rejects?limit=1000`, key);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().rejects;
  };

  test('malformed JSON lines: a stored batch whose every line is a LINE-JSON reject, nothing else stored', async () => {
    const lines = [
      '{',
      'nope',
      '[1,2]',
      'null',
      '"a string"',
      '42',
      '{"kind": "identity", "id_number": ',
      '{"a":1}}',
    ];
    const id = nextId('garbage');
    const changed = await changes(async () => {
      const out = expectNewBatch(await h.postBatch(key, id, lines));
      assert.deepEqual([out.batch.records, out.batch.accepted, out.batch.rejected], [8, 0, 8]);
      assert.deepEqual(
        (out.findings as FindingView[]).map((f) => [f.line, f.rule, f.field]),
        lines.map((_, i) => [i + 1, 'LINE-JSON', '']),
      );
    });
    assert.deepEqual(changed, { batches: 1, rejects: 8 });
    const rejects = await rejectsOf(id);
    assert.deepEqual(
      rejects.map((r) => r.record),
      lines,
    );
    assert.ok(rejects.every((r) => r.kind === ''));
  });

  test('a LINE-JSON message does not quote the line (it may hold an ID)', async () => {
    const secret = '11010519491231002X';
    const out = expectNewBatch(await h.postBatch(key, nextId('quote'), [`{"id_number": "${secret}" oops}`]));
    assert.equal(out.findings[0].rule, 'LINE-JSON');
    assert.ok(!out.findings[0].message.includes(secret), out.findings[0].message);
  });

  test('wrong types: REC-KIND and REC-TYPE rejects, nothing but the batch and its rejects stored', async () => {
    const lines = [
      { ...identity(), kind: 42 },
      { ...identity(), kind: 'person' },
      identity({ id_number: 110105194912310000, name: ['王芳'], birth_date: 19491231, sex: true }),
      account({ amount_minor: '1200000', joint_loan: 'no', instalments: 12.5 }),
      month({ balance_minor: -1, five_class: 7, status: null }),
      correction({ set: 'amount_minor=1', reason: 7 }),
      deletion({ account_no: { no: 'L-1' }, month: 202412 }),
    ];
    const id = nextId('types');
    const changed = await changes(async () => {
      const out = expectNewBatch(await h.postBatch(key, id, lines));
      assert.deepEqual([out.batch.records, out.batch.accepted, out.batch.rejected], [7, 0, 7]);
      const byLine = new Map<number, string[]>();
      for (const f of out.findings as FindingView[])
        byLine.set(f.line, [...(byLine.get(f.line) ?? []), f.rule]);
      assert.deepEqual(byLine.get(1), ['REC-KIND']);
      assert.deepEqual(byLine.get(2), ['REC-KIND']);
      for (const line of [3, 4, 5, 6, 7]) {
        const rules = byLine.get(line) ?? [];
        assert.ok(
          rules.includes('REC-TYPE') || rules.includes('REC-REQUIRED'),
          `line ${line}: ${rules.join(', ')}`,
        );
      }
    });
    assert.deepEqual(changed, { batches: 1, rejects: 7 });
  });

  test('a record with __proto__ and constructor keys is a plain reject', async () => {
    const line = '{"kind":"identity","__proto__":{"polluted":1},"constructor":{"prototype":1}}';
    const out = expectNewBatch(await h.postBatch(key, nextId('proto'), [line]));
    assert.equal(out.batch.rejected, 1);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const fields = (out.findings as FindingView[])
      .filter((f) => f.rule === 'REC-UNKNOWN-FIELD')
      .map((f) => f.field);
    assert.ok(fields.includes('constructor'), fields.join(', '));
  });

  test('a line over MAX_LINE_BYTES: a LINE-SIZE reject; the other lines are still read', async () => {
    const huge = JSON.stringify(identity({ address: 'x'.repeat(MAX_LINE_BYTES) }));
    const id = nextId('huge');
    const out = expectNewBatch(await h.postBatch(key, id, [huge, identity()]));
    assert.deepEqual([out.batch.records, out.batch.accepted, out.batch.rejected], [2, 1, 1]);
    assert.deepEqual(
      (out.findings as FindingView[]).map((f) => [f.line, f.rule]),
      [[1, 'LINE-SIZE']],
    );
    const [reject] = await rejectsOf(id);
    assert.equal(reject?.findings[0]?.rule, 'LINE-SIZE');
    // The stored record is the start of the line (at most MAX_LINE_BYTES characters are kept).
    assert.ok(reject && huge.startsWith(reject.record) && reject.record.length > 0);
  });

  test('LINE-SIZE counts UTF-8 bytes, not characters', async () => {
    // 6,000 CJK characters: under MAX_LINE_BYTES characters, over MAX_LINE_BYTES bytes.
    const line = JSON.stringify(identity({ address: '地'.repeat(6_000) }));
    assert.ok(line.length < MAX_LINE_BYTES && Buffer.byteLength(line) > MAX_LINE_BYTES);
    const out = expectNewBatch(await h.postBatch(key, nextId('cjk'), [line]));
    assert.deepEqual(
      (out.findings as FindingView[]).map((f) => f.rule),
      ['LINE-SIZE'],
    );
  });

  test('a line of exactly MAX_LINE_BYTES bytes is not LINE-SIZE', async () => {
    const base = JSON.stringify(identity({ address: '' }));
    const line = JSON.stringify(identity({ address: 'y'.repeat(MAX_LINE_BYTES - Buffer.byteLength(base)) }));
    assert.equal(Buffer.byteLength(line), MAX_LINE_BYTES);
    const out = expectNewBatch(await h.postBatch(key, nextId('edge'), [line]));
    const rules = (out.findings as FindingView[]).map((f) => f.rule);
    assert.ok(!rules.includes('LINE-SIZE'), rules.join(', '));
    assert.ok(rules.includes('REC-TYPE'), 'the address is too long for its field');
  });

  test('an empty body: 400 empty_batch, nothing stored', async () => {
    for (const body of ['', '\n', '\n \r\n\t\n']) {
      const id = nextId('empty');
      const changed = await changes(async () => {
        const res = await h.postRaw(key, body, { 'content-type': NDJSON, 'x-batch-id': id });
        assert.equal(res.statusCode, 400, JSON.stringify(body));
        assert.equal(res.json().error, 'empty_batch');
      });
      assert.deepEqual(changed, {});
      assert.equal((await h.call('GET', `/v1/furnish/batches/${id}`, key)).statusCode, 404);
    }
  });

  test('a body over MAX_BATCH_BYTES: 413, nothing stored', async () => {
    const line = `${JSON.stringify(identity())}\n`;
    const body = Buffer.from(line.repeat(Math.ceil((MAX_BATCH_BYTES + 1) / Buffer.byteLength(line))));
    assert.ok(body.length > MAX_BATCH_BYTES);
    const id = nextId('too-big');
    const changed = await changes(async () => {
      const res = await h.postRaw(key, body, { 'content-type': NDJSON, 'x-batch-id': id });
      assert.equal(res.statusCode, 413);
      assert.equal(typeof res.json().error, 'string');
    });
    assert.deepEqual(changed, {});
    assert.equal((await h.call('GET', `/v1/furnish/batches/${id}`, key)).statusCode, 404);
  });

  test('more than MAX_BATCH_RECORDS lines: 413 too_many_records, nothing stored', async () => {
    const body = Array.from({ length: MAX_BATCH_RECORDS + 1 }, () => '{}').join('\n');
    const changed = await changes(async () => {
      const res = await h.postRaw(key, body, { 'content-type': NDJSON, 'x-batch-id': nextId('many') });
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().error, 'too_many_records');
    });
    assert.deepEqual(changed, {});
  });

  test('no x-batch-id: 400, nothing stored', async () => {
    const changed = await changes(async () => {
      const res = await h.postRaw(key, JSON.stringify(identity()), { 'content-type': NDJSON });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error, 'invalid_request');
      assert.match(res.json().message, /x-batch-id/);
    });
    assert.deepEqual(changed, {});
  });

  test('an invalid batch id: 400, nothing stored', async () => {
    const ids = [
      '-starts-with-dash',
      'has space',
      'has#hash',
      'has/slash',
      'é',
      '.dot',
      'a'.repeat(65),
      '_x',
    ];
    const changed = await changes(async () => {
      for (const id of ids) {
        const res = await h.postRaw(key, JSON.stringify(identity()), {
          'content-type': NDJSON,
          'x-batch-id': id,
        });
        assert.equal(res.statusCode, 400, id);
        assert.ok(['invalid_batch_id', 'invalid_request'].includes(res.json().error), `${id}: ${res.body}`);
      }
    });
    assert.deepEqual(changed, {});
  });

  test('content-type application/json or another type: 4xx with a clear error, nothing stored', async () => {
    const record = JSON.stringify(identity());
    const cases: { headers: Record<string, string>; body: string; status: number[] }[] = [
      { headers: { 'content-type': 'application/json' }, body: record, status: [415, 400] },
      { headers: { 'content-type': 'application/json' }, body: '[1,2,3]', status: [415, 400] },
      { headers: { 'content-type': 'application/json' }, body: '{not json', status: [415, 400] },
      { headers: { 'content-type': 'application/xml' }, body: '<a/>', status: [415] },
      { headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--', status: [415] },
      { headers: {}, body: record, status: [415, 400] },
    ];
    const changed = await changes(async () => {
      for (const c of cases) {
        const res = await h.postRaw(key, c.body, { ...c.headers, 'x-batch-id': nextId('ct') });
        const label = `${c.headers['content-type'] ?? 'no content-type'}: ${res.statusCode} ${res.body}`;
        assert.ok(c.status.includes(res.statusCode), label);
        const out = res.json();
        assert.equal(typeof out.error, 'string', label);
        assert.equal(typeof out.message, 'string', label);
      }
    });
    assert.deepEqual(changed, {});
  });

  test('wrong method or unknown route: 404 not_found', async () => {
    const cases = [
      ['DELETE', '/v1/furnish/batches/x'],
      ['PUT', '/v1/furnish/batches'],
      ['PATCH', '/v1/me'],
      ['POST', '/healthz'],
      ['GET', '/v1/nothing-here'],
      ['GET', '/v2/furnish/batches'],
    ] as const;
    for (const [method, url] of cases) {
      const res = await h.call(method, url, key);
      assert.equal(res.statusCode, 404, `${method} ${url}`);
      assert.equal(res.json().error, 'not_found');
    }
  });

  test('bad query parameters and path parameters: 400 invalid_request', async () => {
    const urls = [
      '/v1/furnish/batches?limit=0',
      '/v1/furnish/batches?limit=abc',
      '/v1/furnish/batches?offset=-1',
      '/v1/furnish/batches?limit=100000',
      '/v1/furnish/batches/x/rejects?status=closed',
      '/v1/furnish/batches/x/rejects?format=csv',
      `/v1/furnish/batches/${'a'.repeat(65)}`,
    ];
    for (const url of urls) {
      const res = await h.call('GET', url, key);
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json().error, 'invalid_request', url);
    }
  });

  test('a badly percent-encoded URL: 400 with the API error envelope (stable error code)', async () => {
    const res = await h.call('GET', '/v1/furnish/batches/%FF%FE', key);
    assert.equal(res.statusCode, 400);
    const out = res.json();
    assert.equal(typeof out.message, 'string', res.body);
    assert.match(out.error, /^[a-z_]+$/, `error is a stable code like the other answers: ${res.body}`);
  });

  test('free text with U+0000 (a correction reason) never answers 5xx', async () => {
    // Text fields are checked for type and length only; the reason is stored in clear.
    const id = nextId('nul');
    const lines = [
      account({ account_no: 'NUL-1' }),
      correction({ account_no: 'NUL-1', set: { amount_minor: 1_300_000 }, reason: 'typo\u0000fixed' }),
    ];
    const before = await h.rowCounts();
    const res = await h.postBatch(key, id, lines);
    if (res.statusCode >= 500)
      assert.deepEqual(await h.rowCounts(), before, 'a failed batch leaves no partial rows');
    assert.ok(res.statusCode < 500, `${res.statusCode} ${res.body}`);
    expectNewBatch(res);
  });

  test('property: arbitrary bodies never answer 5xx; a stored batch adds up; the server still answers', async () => {
    const record = fc
      .record({
        base: fc.constantFrom(
          identity(),
          account(),
          month(),
          correction({ set: { amount_minor: 1 } }),
          deletion(),
        ),
        field: fc.oneof(
          fc.constantFrom(
            'kind',
            'id_number',
            'account_no',
            'month',
            'reported_on',
            'amount_minor',
            'fixes',
            'set',
          ),
          fc.string({ maxLength: 8 }),
        ),
        value: fc.jsonValue({ maxDepth: 2 }),
      })
      .map(({ base, field, value }) => JSON.stringify({ ...base, [field]: value }));
    const body = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
      fc
        .array(
          fc.oneof(
            fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
            fc.string(),
          ),
          { maxLength: 12 },
        )
        .map((ls) => ls.join('\n')),
      fc
        .array(fc.oneof(record, fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 8 })
        .map((ls) => ls.join('\n')),
    );
    const contentType = fc.constantFrom(
      NDJSON,
      NDJSON,
      'text/plain',
      'application/json',
      'application/octet-stream',
    );
    await fc.assert(
      fc.asyncProperty(body, contentType, async (payload, type) => {
        const id = nextId('prop');
        const before = await h.rowCounts();
        const res = await h.postRaw(key, payload, { 'content-type': type, 'x-batch-id': id });
        assert.ok(res.statusCode < 500, `${res.statusCode} ${res.body}`);
        const out = res.json();
        const after = await h.rowCounts();
        if (res.statusCode === 201 || res.statusCode === 422) {
          assert.equal(out.batch.accepted + out.batch.rejected, out.batch.records);
          assert.equal(after.batches, before.batches! + 1);
          assert.equal(after.rejects, before.rejects! + out.batch.rejected);
        } else {
          assert.ok([400, 413, 415].includes(res.statusCode), `${res.statusCode} ${res.body}`);
          assert.deepEqual(after, before, 'a refused batch stores nothing');
        }
      }),
      { numRuns: 30 },
    );
    const health = await h.call('GET', '/healthz');
    assert.equal(health.statusCode, 200);
    assert.equal(health.json().status, 'ok');
  });
});
