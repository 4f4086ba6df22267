/**
 * Every furnishing rule is live: its own example, furnished as a batch, is rejected citing the
 * rule at the right line, and the reject is stored. The rule list is well-formed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Finding } from '../../src/formats/canonical/record-types.js';
import { ALL_RULE_IDS, LINE_RULES, RECORD_RULES } from '../../src/formats/canonical/rules.js';
import { furnishBatch } from '../../src/furnish/furnish-batch.js';
import { NOT_UTF8_PREFIX } from '../../src/furnish/parse-lines.js';
import { type FurnishFixture, openFurnishStore } from '../support/furnish-fixtures.js';

const RULES = [...LINE_RULES, ...RECORD_RULES];

describe('rule list', () => {
  test('rule ids are unique and ALL_RULE_IDS lists line rules then record rules', () => {
    const ids = RULES.map((r) => r.id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    assert.deepEqual(duplicates, []);
    assert.deepEqual([...ALL_RULE_IDS], ids);
    for (const id of ids) assert.match(id, /^[A-Z]+(-[A-Z0-9]+)+$/, `rule id ${id} has the RULE-NAME shape`);
  });

  test('every rule has a description and an example line', () => {
    for (const rule of RULES) {
      assert.equal(typeof rule.description, 'string', rule.id);
      assert.ok(rule.description.trim().length >= 10, `${rule.id} has a real description`);
      assert.equal(typeof rule.example.line, 'string', rule.id);
      assert.ok(rule.example.line.length > 0, `${rule.id} has an example line`);
      assert.ok(!rule.example.line.includes('\n'), `${rule.id} example is one line`);
      for (const setup of rule.example.setup ?? []) assert.ok(!setup.includes('\n'), rule.id);
    }
  });

  test('every record rule names kinds and a need', () => {
    for (const rule of RECORD_RULES) {
      assert.ok(rule.kinds.length > 0, rule.id);
      assert.ok(rule.needs === 'record' || rule.needs === 'context', rule.id);
      assert.equal(typeof rule.check, 'function', rule.id);
    }
  });

  test('the generated rules document lists every rule', () => {
    const doc = readFileSync(new URL('../../docs/furnish-rules.md', import.meta.url), 'utf8');
    for (const rule of RULES) {
      assert.ok(doc.includes(`| [${rule.id}](`), `docs/furnish-rules.md lists ${rule.id}`);
      assert.ok(doc.includes(rule.description), `docs/furnish-rules.md has the description of ${rule.id}`);
    }
  });
});

describe('every rule example is rejected citing its rule', () => {
  let fixture: FurnishFixture;
  before(async () => {
    fixture = await openFurnishStore();
  });
  after(async () => {
    await fixture.store.dispose();
  });

  RULES.forEach((rule, index) => {
    test(rule.id, async () => {
      const { store, cipher, deps } = fixture;
      const furnisherId = 1000 + index;
      const batchId = `example-${rule.id}`;
      const setup = rule.example.setup ?? [];
      const lines = [...setup, rule.example.line];
      const offending = lines.length;

      const result = await furnishBatch(deps, {
        furnisherId,
        batchId,
        body: Buffer.from(lines.join('\n'), rule.example.encoding ?? 'utf8'),
      });

      assert.equal(result.replayed, false);
      assert.equal(result.batch.records, lines.length);
      const setupFindings = result.findings.filter((f) => f.line !== offending);
      assert.deepEqual(setupFindings, [], 'the setup lines are accepted');
      assert.equal(result.batch.accepted, setup.length);
      assert.equal(result.batch.rejected, 1);
      const cited = result.findings.filter((f) => f.rule === rule.id);
      assert.ok(
        cited.length > 0,
        `line ${offending} cites ${rule.id}; got ${result.findings.map((f) => f.rule).join(', ')}`,
      );
      // The examples are valid records changed only in what the rule is about.
      assert.deepEqual(
        [...new Set(result.findings.map((f) => f.rule))],
        [rule.id],
        'only this rule is cited',
      );
      for (const f of result.findings) {
        assert.equal(f.line, offending);
        assert.ok(ALL_RULE_IDS.includes(f.rule), `known rule ${f.rule}`);
        assert.equal(typeof f.field, 'string');
        assert.ok(f.message.length > 0);
      }

      const rejects = await store.db
        .selectFrom('rejects')
        .selectAll()
        .where('furnisher_id', '=', furnisherId)
        .execute();
      assert.equal(rejects.length, 1, 'one reject stored');
      const reject = rejects[0]!;
      assert.equal(Number(reject.batch_pk), result.batch.batchPk);
      assert.equal(Number(reject.line), offending);
      assert.equal(reject.status, 'open');
      assert.equal(reject.fixed_by_batch_pk, null);
      assert.equal(reject.fixed_by_line, null);
      const errors = JSON.parse(reject.errors) as Finding[];
      assert.ok(
        errors.some((f) => f.rule === rule.id && f.line === offending),
        `stored errors cite ${rule.id}`,
      );
      assert.deepEqual(errors, result.findings, 'stored errors are the findings returned');
      const kept = rule.example.encoding
        ? `${NOT_UTF8_PREFIX}${Buffer.from(rule.example.line, rule.example.encoding).toString('base64')}`
        : rule.example.line;
      assert.equal(cipher.decrypt(reject.raw_enc), kept, 'the reject keeps the exact line');

      const batch = await store.db
        .selectFrom('batches')
        .selectAll()
        .where('furnisher_id', '=', furnisherId)
        .executeTakeFirstOrThrow();
      assert.equal(batch.batch_id, batchId);
      assert.equal(Number(batch.rejected), 1);
      assert.equal(Number(batch.accepted), setup.length);
    });
  });
});
