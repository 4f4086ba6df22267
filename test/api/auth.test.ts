/**
 * Authentication and roles: every route but /healthz and /openapi.json needs an API key, and
 * each route admits only its roles. A refused call stores nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_KEY_PREFIX, generateApiKey, hashApiKey } from '../../src/access/api-keys.js';
import { type ApiHarness, INSTITUTIONS, NDJSON, openApiHarness, type Role } from '../support/api-harness.js';
import { identity } from '../support/furnish-fixtures.js';

type Method = 'GET' | 'POST';
const PROTECTED: readonly { method: Method; url: string }[] = [
  { method: 'GET', url: '/v1/me' },
  { method: 'GET', url: '/v1/institutions' },
  { method: 'POST', url: '/v1/furnish/batches' },
  { method: 'GET', url: '/v1/furnish/batches' },
  { method: 'GET', url: '/v1/furnish/batches/some-batch' },
  { method: 'GET', url: '/v1/furnish/batches/some-batch/rejects' },
  { method: 'GET', url: '/v1/furnish/schema' },
  { method: 'GET', url: '/v1/furnish/rules' },
];

describe('authentication and roles', () => {
  let h: ApiHarness;
  before(async () => {
    h = await openApiHarness();
  });
  after(async () => {
    await h.close();
  });

  const inject = (method: Method, url: string, authorization?: string) =>
    h.app.inject({
      method,
      url,
      headers: {
        ...(authorization !== undefined ? { authorization } : {}),
        ...(method === 'POST' ? { 'content-type': NDJSON, 'x-batch-id': 'auth-probe' } : {}),
      },
      ...(method === 'POST' ? { payload: JSON.stringify(identity()) } : {}),
    });

  test('no key: 401 on every protected route, with the error envelope', async () => {
    for (const { method, url } of PROTECTED) {
      const res = await inject(method, url);
      assert.equal(res.statusCode, 401, `${method} ${url}`);
      assert.equal(res.json().error, 'unauthenticated', `${method} ${url}`);
      assert.equal(typeof res.json().message, 'string');
    }
  });

  test('malformed or unknown keys: 401', async () => {
    const unknownKey = generateApiKey();
    const known = h.keys.furnisherA;
    const headers = [
      '',
      'Bearer',
      'Bearer ',
      'Bearer not-a-key',
      `Bearer ${API_KEY_PREFIX}`,
      `Bearer ${known}x`,
      `Bearer ${known.slice(0, -1)}`,
      `Bearer ${known.slice(0, -1)}!`,
      `Bearer ${unknownKey}`,
      `Basic ${Buffer.from(`x:${known}`).toString('base64')}`,
      known,
      `Token ${known}`,
      `Bearer ${hashApiKey(known)}`,
    ];
    for (const header of headers) {
      for (const { method, url } of [PROTECTED[0]!, PROTECTED[2]!]) {
        const res = await inject(method, url, header);
        assert.equal(res.statusCode, 401, `${method} ${url} with authorization '${header.slice(0, 20)}…'`);
        assert.equal(res.json().error, 'unauthenticated');
      }
    }
  });

  test('a revoked key: 401', async () => {
    const key = generateApiKey();
    await h.bureau.institutions.addKey(
      h.institutions.furnisherB.institutionId,
      hashApiKey(key),
      key.slice(0, 10),
    );
    assert.equal((await h.call('GET', '/v1/me', key)).statusCode, 200);
    await h.store.db
      .updateTable('api_keys')
      .set({ revoked_at: new Date().toISOString() })
      .where('key_hash', '=', hashApiKey(key))
      .execute();
    const res = await h.call('GET', '/v1/me', key);
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error, 'unauthenticated');
  });

  test('lender-only key: 403 on POST /v1/furnish/batches, nothing stored', async () => {
    const before = await h.rowCounts();
    const res = await inject('POST', '/v1/furnish/batches', `Bearer ${h.keys.lender}`);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error, 'forbidden');
    assert.match(res.json().message, /furnisher/);
    assert.deepEqual(await h.rowCounts(), before);
  });

  test('regulator key: 403 on every furnishing route but the schema and rules', async () => {
    const before = await h.rowCounts();
    for (const { method, url } of PROTECTED.filter((r) => r.url.startsWith('/v1/furnish/batches'))) {
      const res = await inject(method, url, `Bearer ${h.keys.regulator}`);
      assert.equal(res.statusCode, 403, `${method} ${url}`);
      assert.equal(res.json().error, 'forbidden');
    }
    assert.deepEqual(await h.rowCounts(), before);
  });

  test('lender-only key: 403 on reading batches', async () => {
    for (const url of ['/v1/furnish/batches', '/v1/furnish/batches/x', '/v1/furnish/batches/x/rejects']) {
      assert.equal((await h.call('GET', url, h.keys.lender)).statusCode, 403, url);
    }
  });

  test('a refused caller is refused before the body is read (403, not 400/413)', async () => {
    const res = await h.postRaw(h.keys.lender, '', { 'content-type': 'application/xml' });
    assert.equal(res.statusCode, 403);
  });

  test('furnisher and lender keys: 403 on GET /v1/institutions', async () => {
    for (const role of ['furnisherA', 'furnisherB', 'lender'] as const) {
      const res = await h.call('GET', '/v1/institutions', h.keys[role]);
      assert.equal(res.statusCode, 403, role);
      assert.equal(res.json().error, 'forbidden');
    }
  });

  test('regulator key: 200 on GET /v1/institutions, every institution listed', async () => {
    const res = await h.call('GET', '/v1/institutions', h.keys.regulator);
    assert.equal(res.statusCode, 200);
    const listed = res.json().institutions as { code: string; name: string; kind: string; roles: string[] }[];
    const expected = Object.values(INSTITUTIONS).map((i) => ({
      code: i.code,
      name: i.name,
      kind: i.kind,
      roles: i.roles,
    }));
    assert.deepEqual(
      [...listed].sort((a, b) => a.code.localeCompare(b.code)),
      [...expected].sort((a, b) => a.code.localeCompare(b.code)),
    );
  });

  test('GET /v1/me names the calling institution for each role', async () => {
    for (const role of Object.keys(INSTITUTIONS) as Role[]) {
      const res = await h.call('GET', '/v1/me', h.keys[role]);
      assert.equal(res.statusCode, 200, role);
      const i = INSTITUTIONS[role];
      assert.deepEqual(res.json(), { code: i.code, name: i.name, kind: i.kind, roles: i.roles }, role);
    }
  });

  test('GET /v1/me never shows the internal id or key material', async () => {
    const res = await h.call('GET', '/v1/me', h.keys.furnisherA);
    assert.ok(!res.body.includes('institution_id') && !res.body.includes('institutionId'));
    assert.ok(!res.body.includes(h.keys.furnisherA) && !res.body.includes(hashApiKey(h.keys.furnisherA)));
  });

  test('furnisher A (furnisher and lender roles) may furnish', async () => {
    const res = await h.postBatch(h.keys.furnisherA, 'auth-a-1', [identity()]);
    assert.equal(res.statusCode, 201);
  });
});
