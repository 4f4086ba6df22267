/**
 * The two public routes: /healthz answers without a key, /openapi.json answers without a key and
 * documents every route with a summary.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ApiHarness, openApiHarness } from '../support/api-harness.js';
import { TEST_ENGINE } from '../support/test-store.js';

const DOCUMENTED_PATHS = [
  '/healthz',
  '/v1/me',
  '/v1/institutions',
  '/v1/furnish/batches',
  '/v1/furnish/batches/{batchId}',
  '/v1/furnish/batches/{batchId}/rejects',
  '/v1/furnish/schema',
  '/v1/furnish/rules',
];
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

describe('public routes', () => {
  let h: ApiHarness;
  before(async () => {
    h = await openApiHarness();
  });
  after(async () => {
    await h.close();
  });

  test('GET /healthz answers 200 without a key, with the engine', async () => {
    const res = await h.call('GET', '/healthz');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.deepEqual(res.json(), { status: 'ok', engine: TEST_ENGINE });
  });

  test('GET /healthz ignores a bad key (it is public)', async () => {
    const res = await h.call('GET', '/healthz', 'not-a-key');
    assert.equal(res.statusCode, 200);
  });

  test('GET /openapi.json answers 200 without a key: an OpenAPI 3 document', async () => {
    const res = await h.call('GET', '/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    assert.equal(doc.info.title, 'openbureau');
    assert.ok(doc.components.securitySchemes.apiKey, 'the API key scheme is documented');
  });

  test('the OpenAPI document lists every route', async () => {
    const doc = (await h.call('GET', '/openapi.json')).json();
    const paths = Object.keys(doc.paths);
    for (const path of DOCUMENTED_PATHS)
      assert.ok(paths.includes(path), `${path} is documented (have ${paths.join(', ')})`);
    assert.ok(doc.paths['/v1/furnish/batches'].post, 'POST /v1/furnish/batches is documented');
    assert.ok(doc.paths['/v1/furnish/batches'].get, 'GET /v1/furnish/batches is documented');
  });

  test('every documented operation has a summary', async () => {
    const doc = (await h.call('GET', '/openapi.json')).json();
    let operations = 0;
    for (const [path, item] of Object.entries(
      doc.paths as Record<string, Record<string, { summary?: string }>>,
    )) {
      for (const [method, operation] of Object.entries(item)) {
        if (!HTTP_METHODS.includes(method)) continue;
        operations += 1;
        assert.equal(typeof operation.summary, 'string', `${method.toUpperCase()} ${path} has a summary`);
        assert.ok(
          (operation.summary ?? '').trim().length > 0,
          `${method.toUpperCase()} ${path} has a non-empty summary`,
        );
      }
    }
    assert.ok(operations >= DOCUMENTED_PATHS.length, `${operations} operations documented`);
  });

  test('/healthz is documented as needing no key; the others need one', async () => {
    const doc = (await h.call('GET', '/openapi.json')).json();
    assert.deepEqual(doc.paths['/healthz'].get.security, []);
    assert.deepEqual(doc.security, [{ apiKey: [] }]);
    assert.equal(
      doc.paths['/v1/me'].get.security,
      undefined,
      '/v1/me inherits the global API key requirement',
    );
  });
});
