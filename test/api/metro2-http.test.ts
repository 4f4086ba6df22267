/**
 * POST /v1/furnish/metro2: a Metro 2 file furnished over HTTP answers the counts and the findings
 * at their Metro 2 positions (200), replays when sent again, is refused on a reused id with other
 * content (409), beyond MAX_METRO2_BODY_BYTES (413, saying to use the CLI), without a batch id or
 * when it is not Metro 2 (400), with another content type (415), without a key (401) or the
 * furnisher role (403). Arbitrary bytes never get a 5xx, and the server still answers afterwards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { MAX_METRO2_BODY_BYTES } from '../../src/api/routes/metro2-routes.js';
import { m2Bytes, m2Record } from '../furnish/metro2-fixtures.js';
import { type ApiHarness, bearer, openApiHarness } from '../support/api-harness.js';

const OCTETS = 'application/octet-stream';

describe('POST /v1/furnish/metro2', () => {
  let h: ApiHarness;
  let key: string;
  before(async () => {
    h = await openApiHarness();
    key = h.keys.furnisherA;
  });
  after(async () => {
    await h.close();
  });

  const post = (body: Buffer | string, headers: Record<string, string>, apiKey: string | null = key) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/furnish/metro2',
      headers: { ...(apiKey ? bearer(apiKey) : {}), ...headers },
      payload: body,
    });
  const postFile = (batchId: string, body: Buffer, type = OCTETS) =>
    post(body, { 'content-type': type, 'x-batch-id': batchId });

  test('a file: 200 with the counts, the parts as batches of format metro2, findings at their positions', async () => {
    const bytes = m2Bytes([
      m2Record({ n1: true }),
      m2Record({ base: { consumerAccountNumber: 'HTTP-NOSSN', socialSecurityNumber: null } }),
    ]);
    const res = await postFile('m2-http-1', bytes);
    assert.equal(res.statusCode, 200, res.body);
    const out = res.json();
    assert.deepEqual(
      [out.records, out.unparseable, out.records_rejected, out.lines, out.accepted, out.rejected],
      [2, 0, 1, 6, 3, 3],
    );
    assert.deepEqual(
      out.parts.map((p: { batch: { batch_id: string; format: string }; replayed: boolean }) => [
        p.batch.batch_id,
        p.batch.format,
        p.replayed,
      ]),
      [['m2-http-1.p1', 'metro2', false]],
    );
    const link = out.findings.find((f: { rule: string }) => f.rule === 'M2-SSN-LINK');
    assert.deepEqual(
      [
        link.record_number,
        link.account_number,
        link.segment,
        link.field,
        link.record_position,
        link.batch_id,
        link.lines,
      ],
      [3, 'HTTP-NOSSN', 'base', 'socialSecurityNumber', 298, 'm2-http-1.p1', [4, 5, 6]],
    );
    assert.equal(out.findings_truncated, false);
    assert.equal(out.findings_by_rule['M2-SSN-LINK'], 1);

    const batch = await h.call('GET', '/v1/furnish/batches/m2-http-1.p1', key);
    assert.equal(batch.json().format, 'metro2');
    const rejects = await h.call('GET', '/v1/furnish/batches/m2-http-1.p1/rejects', key);
    assert.deepEqual(
      rejects
        .json()
        .rejects.map((r: { line: number; findings: { rule: string }[] }) => [r.line, r.findings[0]!.rule]),
      [
        [4, 'M2-SSN-LINK'],
        [5, 'M2-SSN-LINK'],
        [6, 'M2-SSN-LINK'],
      ],
    );
  });

  test('text/plain is a Metro 2 body too; the same file again replays; other content: 409', async () => {
    const bytes = m2Bytes([m2Record({ base: { consumerAccountNumber: 'HTTP-REPLAY' } })]);
    assert.equal((await postFile('m2-http-2', bytes, 'text/plain')).statusCode, 200);
    const before = await h.rowCounts();
    const again = await postFile('m2-http-2', bytes);
    assert.equal(again.statusCode, 200);
    assert.deepEqual(
      again.json().parts.map((p: { replayed: boolean }) => p.replayed),
      [true],
    );
    const other = await postFile(
      'm2-http-2',
      m2Bytes([m2Record({ base: { consumerAccountNumber: 'HTTP-OTHER' } })]),
    );
    assert.equal(other.statusCode, 409);
    assert.equal(other.json().error, 'batch_id_conflict');
    assert.deepEqual(await h.rowCounts(), before);
  });

  test('refused: 400 without x-batch-id, with one too long, not Metro 2, empty; nothing stored', async () => {
    const before = await h.rowCounts();
    const bytes = m2Bytes([m2Record()]);
    const noId = await post(bytes, { 'content-type': OCTETS });
    assert.equal(noId.statusCode, 400);
    const long = await postFile('x'.repeat(60), bytes);
    assert.equal(long.statusCode, 400);
    const notM2 = await postFile('m2-http-bad', Buffer.from('{"kind":"identity"}\n'));
    assert.deepEqual([notM2.statusCode, notM2.json().error], [400, 'metro2_unreadable']);
    const empty = await postFile('m2-http-empty', Buffer.alloc(0));
    assert.deepEqual([empty.statusCode, empty.json().error], [400, 'empty_file']);
    assert.deepEqual(await h.rowCounts(), before);
  });

  test('401 without a key, 403 without the furnisher role, 415 for another content type', async () => {
    const bytes = m2Bytes([m2Record()]);
    assert.equal((await post(bytes, { 'content-type': OCTETS, 'x-batch-id': 'a' }, null)).statusCode, 401);
    assert.equal(
      (await post(bytes, { 'content-type': OCTETS, 'x-batch-id': 'a' }, h.keys.lender)).statusCode,
      403,
    );
    const json = await post('{}', { 'content-type': 'application/json', 'x-batch-id': 'a' });
    assert.equal(json.statusCode, 415);
  });

  test(`413 beyond ${MAX_METRO2_BODY_BYTES} bytes, saying to use the CLI`, async () => {
    const res = await postFile('m2-http-big', Buffer.alloc(MAX_METRO2_BODY_BYTES + 1, 0x20));
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error, 'file_too_large');
    assert.match(res.json().message, /openbureau furnish FILE --format metro2/);
  });

  test('the route is in the OpenAPI document with its answers', async () => {
    const doc = (await h.call('GET', '/openapi.json')).json();
    const route = doc.paths['/v1/furnish/metro2'].post;
    assert.ok(route.summary);
    assert.deepEqual(Object.keys(route.responses).sort(), ['200', '400', '401', '403', '409', '413', '415']);
  });

  test('property: arbitrary bytes (and Metro 2 with bytes changed) never get a 5xx; the server still answers', async () => {
    const valid = m2Bytes([m2Record(), m2Record({ base: { consumerAccountNumber: 'FUZZ-2' }, j1: [{}] })]);
    const mutated = fc
      .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 30 })
      .map((edits) => {
        const copy = Buffer.from(valid);
        for (const [at, byte] of edits) copy[at] = byte;
        return copy;
      });
    const truncated = fc.nat(valid.length).map((n) => valid.subarray(0, n));
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
      mutated,
      truncated,
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(body, async (bytes) => {
        const res = await postFile(`fuzz-${++n}`, bytes);
        assert.ok(res.statusCode < 500, `${res.statusCode}: ${res.body}`);
        assert.ok([200, 400, 413].includes(res.statusCode), `${res.statusCode}: ${res.body}`);
      }),
      { numRuns: 120 },
    );
    assert.equal((await h.call('GET', '/healthz')).statusCode, 200);
  });
});
