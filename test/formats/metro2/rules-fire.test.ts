/**
 * The rule list: every rule is documented and has an example; the valid example file raises no
 * finding at all; each rule's example raises a finding of that rule (so every rule fires).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EXAMPLE_SEGMENTS } from '../../../src/formats/metro2/example-file.js';
import { METRO2_RULES, RECORD_RULES } from '../../../src/formats/metro2/rules.js';
import { validateMetro2 } from '../../../src/formats/metro2/validate-metro2.js';
import { computeTrailer } from '../../../src/formats/metro2/write-metro2.js';
import { bytesOf, chunked, exampleFile, exampleInput, TODAY, validateInput } from './support.js';

test('the example file, with every segment, raises no finding', async () => {
  const plain = await validateMetro2(chunked(bytesOf(exampleFile())), TODAY);
  assert.deepEqual(plain.findings, []);
  const file = exampleFile();
  const record = file.data[0]!;
  record.j1.push({ ...EXAMPLE_SEGMENTS.j1 });
  record.j2.push({ ...EXAMPLE_SEGMENTS.j2 }, { ...EXAMPLE_SEGMENTS.j2, firstName: 'ROSE' });
  Object.assign(record, {
    k1: { ...EXAMPLE_SEGMENTS.k1 },
    k2: { ...EXAMPLE_SEGMENTS.k2 },
    k3: { ...EXAMPLE_SEGMENTS.k3 },
    k4: { ...EXAMPLE_SEGMENTS.k4 },
    l1: { ...EXAMPLE_SEGMENTS.l1 },
    n1: { ...EXAMPLE_SEGMENTS.n1 },
  });
  file.trailer = computeTrailer(file);
  const full = await validateMetro2(chunked(bytesOf(file)), TODAY);
  assert.deepEqual(full.findings, []);
  assert.equal(full.summary.records, 1);
  assert.deepEqual(full.summary.segments, { J1: 1, J2: 2, K1: 1, K2: 1, K3: 1, K4: 1, L1: 1, N1: 1 });
});

test('every rule has a unique id, a description and an example', () => {
  const ids = METRO2_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const rule of METRO2_RULES) {
    assert.match(rule.id, /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, rule.id);
    assert.ok(rule.description.length > 20, rule.id);
    assert.ok(rule.example.description.length > 5, rule.id);
    assert.ok(rule.severity === 'error' || rule.severity === 'warning', rule.id);
  }
  assert.ok(RECORD_RULES.length >= 30, `only ${RECORD_RULES.length} record rules`);
  for (const rule of RECORD_RULES) assert.ok(rule.fields.length > 0 && rule.segments.length > 0, rule.id);
});

describe('every rule fires on its example', () => {
  for (const rule of METRO2_RULES) {
    test(rule.id, async () => {
      const report = await validateInput(exampleInput(rule.example));
      const mine = report.findings.filter((f) => f.rule === rule.id);
      assert.ok(
        mine.length > 0,
        `${rule.id} did not fire; findings: ${report.findings.map((f) => `${f.rule}: ${f.message}`).join(' | ')}`,
      );
      for (const f of mine) {
        assert.equal(f.severity, rule.severity);
        assert.ok(f.message.length > 0);
      }
      if (rule.kind === 'record')
        for (const f of mine) {
          assert.ok(rule.segments.includes(f.segment as never), `${rule.id} in ${f.segment}`);
          assert.ok(
            f.field && (rule.fields as readonly string[]).includes(f.field),
            `${rule.id}: field ${f.field}`,
          );
          assert.ok(f.recordNumber > 0 && f.filePosition !== null && f.recordPosition !== null, rule.id);
        }
    });
  }
});
