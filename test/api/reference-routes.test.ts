/**
 * The format reference over HTTP: the JSON Schema of a record and the list of rules, for every
 * role with a key, refused without one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FURNISH_SCHEMA_ID, furnishFormatJsonSchema } from '../../src/formats/canonical/json-schema.js';
import { RECORD_KINDS } from '../../src/formats/canonical/record-fields.js';
import { ALL_RULE_IDS, LINE_RULES, RECORD_RULES } from '../../src/formats/canonical/rules.js';
import { type ApiHarness, openApiHarness, type Role } from '../support/api-harness.js';

const ROLES: readonly Role[] = ['furnisherA', 'furnisherB', 'lender', 'regulator'];

describe('format reference routes', () => {
  let h: ApiHarness;
  before(async () => {
    h = await openApiHarness();
  });
  after(async () => {
    await h.close();
  });

  test('GET /v1/furnish/schema: the JSON Schema of a record, for every role', async () => {
    for (const role of ROLES) {
      const res = await h.call('GET', '/v1/furnish/schema', h.keys[role]);
      assert.equal(res.statusCode, 200, role);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      const schema = res.json();
      assert.equal(schema.$id, FURNISH_SCHEMA_ID);
      assert.deepEqual(
        schema,
        JSON.parse(JSON.stringify(furnishFormatJsonSchema())),
        'the schema is served whole',
      );
      const text = res.body;
      for (const kind of RECORD_KINDS)
        assert.ok(text.includes(`"${kind}"`), `the schema names the kind ${kind}`);
    }
  });

  test('GET /v1/furnish/rules: every rule with id, kinds and description, for every role', async () => {
    for (const role of ROLES) {
      const res = await h.call('GET', '/v1/furnish/rules', h.keys[role]);
      assert.equal(res.statusCode, 200, role);
      const rules = res.json().rules as { id: string; kinds: string[]; description: string }[];
      assert.deepEqual(
        rules.map((r) => r.id),
        [...ALL_RULE_IDS],
      );
      for (const rule of rules) {
        assert.ok(rule.kinds.length > 0, rule.id);
        assert.ok(rule.description.length >= 10, rule.id);
      }
      for (const line of LINE_RULES) assert.deepEqual(rules.find((r) => r.id === line.id)?.kinds, ['line']);
      for (const record of RECORD_RULES)
        assert.deepEqual(rules.find((r) => r.id === record.id)?.kinds, [...record.kinds], record.id);
    }
  });

  test('the reference routes need a key', async () => {
    for (const url of ['/v1/furnish/schema', '/v1/furnish/rules']) {
      const res = await h.call('GET', url);
      assert.equal(res.statusCode, 401, url);
      assert.equal(res.json().error, 'unauthenticated');
    }
  });
});
