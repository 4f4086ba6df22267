import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  FURNISH_SCHEMA_ID,
  furnishFormatJsonSchema,
  furnishRulesMarkdown,
  generatedDocs,
  JSON_SCHEMA_DIALECT,
  RULES_DOC_PATH,
  SCHEMA_DOC_PATH,
} from '../../src/formats/canonical/json-schema.js';
import {
  MAX_AMOUNT_MINOR,
  MAX_BATCH_BYTES,
  MAX_BATCH_RECORDS,
  MAX_LINE_BYTES,
} from '../../src/formats/canonical/limits.js';
import { RECORD_FIELDS, RECORD_KINDS, type RecordKind } from '../../src/formats/canonical/record-fields.js';
import { LINE_RULES, RECORD_RULES } from '../../src/formats/canonical/rules.js';

const REGENERATE = 'run `node --import tsx scripts/write-docs.ts`';

// ---------------------------------------------------------------------------------------------
// A small validator for the subset of JSON Schema 2020-12 that the generator emits. Any keyword
// outside that subset is an error, so the schema cannot grow a keyword these tests ignore.

type Schema = Record<string, unknown>;
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'format']);
const ASSERTIONS = new Set([
  'type',
  'const',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'oneOf',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** Returns the errors of `value` against `schema` (empty when valid). */
function validate(schema: Schema, value: unknown, path = '$'): string[] {
  for (const key of Object.keys(schema))
    if (!ANNOTATIONS.has(key) && !ASSERTIONS.has(key))
      throw new Error(`unsupported keyword ${key} at ${path}`);
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => hasType(value, t))) return [`${path}: expected ${types.join(' or ')}`];
  }
  if ('const' in schema && value !== schema.const) errors.push(`${path}: expected ${String(schema.const)}`);
  if (schema.enum !== undefined && !(schema.enum as unknown[]).includes(value))
    errors.push(`${path}: not one of the enum values`);
  if (typeof value === 'string') {
    const chars = [...value].length;
    if (typeof schema.minLength === 'number' && chars < schema.minLength) errors.push(`${path}: too short`);
    if (typeof schema.maxLength === 'number' && chars > schema.maxLength) errors.push(`${path}: too long`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      errors.push(`${path}: does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: above maximum`);
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of (schema.required as string[] | undefined) ?? [])
      if (!(name in object)) errors.push(`${path}: missing ${name}`);
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [name, child] of Object.entries(object)) {
      const sub = properties[name];
      if (sub) errors.push(...validate(sub, child, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unknown property ${name}`);
    }
  }
  if (schema.oneOf !== undefined) {
    const results = (schema.oneOf as Schema[]).map((s) => validate(s, value, path));
    const passing = results.filter((r) => r.length === 0).length;
    if (passing !== 1) {
      // Report the errors of the branch that matches the record's kind, if any.
      const kind = typeOf(value) === 'object' ? (value as Record<string, unknown>).kind : undefined;
      const index = (schema.oneOf as Schema[]).findIndex(
        (s) => (s.properties as Record<string, Schema>)?.kind?.const === kind,
      );
      errors.push(
        passing === 0
          ? `${path}: matches no record kind${index >= 0 ? `: ${results[index]!.join('; ')}` : ''}`
          : `${path}: matches ${passing} record kinds`,
      );
    }
  }
  return errors;
}

const SCHEMA = furnishFormatJsonSchema() as Schema;
const errorsOf = (line: string) => validate(SCHEMA, JSON.parse(line));
const branch = (kind: RecordKind) =>
  (SCHEMA.oneOf as Schema[]).find((s) => (s.properties as Record<string, Schema>).kind?.const === kind)!;

// Rules whose examples break the structure of a record: the schema must refuse them. Every other
// rule's example breaks only a rule beyond the schema (cross-field, or what is on file).
const STRUCTURAL_RULES = new Set([
  'LINE-JSON',
  'LINE-SIZE',
  'REC-KIND',
  'REC-REQUIRED',
  'REC-TYPE',
  'REC-UNKNOWN-FIELD',
]);
/** Lines of rules.ts that are valid records: the scene-setting lines and the non-structural examples. */
const VALID_LINES = [
  ...new Set([
    ...RECORD_RULES.flatMap((r) => r.example.setup ?? []),
    ...RECORD_RULES.filter((r) => !STRUCTURAL_RULES.has(r.id)).map((r) => r.example.line),
  ]),
];
const validExample = (kind: RecordKind) =>
  JSON.parse(VALID_LINES.find((l) => JSON.parse(l).kind === kind)!) as Record<string, unknown>;

// ---------------------------------------------------------------------------------------------

test('the committed docs equal what the generators produce now', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  for (const doc of generatedDocs()) {
    let committed: string;
    try {
      committed = readFileSync(join(root, doc.path), 'utf8');
    } catch {
      assert.fail(`${doc.path} is missing: ${REGENERATE}`);
    }
    assert.ok(committed === doc.content, `${doc.path} is out of date: ${REGENERATE}`);
  }
  assert.deepEqual(
    generatedDocs().map((d) => d.path),
    [SCHEMA_DOC_PATH, RULES_DOC_PATH],
  );
  assert.equal(generatedDocs()[0]!.content, `${JSON.stringify(furnishFormatJsonSchema(), null, 2)}\n`);
  assert.equal(generatedDocs()[1]!.content, furnishRulesMarkdown());
});

test('the schema is draft 2020-12, has its id, and states the limits and minor units', () => {
  assert.equal(SCHEMA.$schema, JSON_SCHEMA_DIALECT);
  assert.equal(SCHEMA.$id, FURNISH_SCHEMA_ID);
  assert.equal(FURNISH_SCHEMA_ID, 'https://openbureau.dev/schemas/furnish-record.v1.json');
  assert.equal(typeof SCHEMA.title, 'string');
  const description = String(SCHEMA.description);
  for (const limit of [MAX_BATCH_RECORDS, MAX_BATCH_BYTES, MAX_LINE_BYTES])
    assert.ok(description.includes(String(limit)), `description lacks ${limit}`);
  assert.match(description, /minor units/);
});

test('every field of RECORD_FIELDS is in the schema with its type, requiredness and description', () => {
  const branches = SCHEMA.oneOf as Schema[];
  assert.equal(branches.length, RECORD_KINDS.length);
  for (const kind of RECORD_KINDS) {
    const schema = branch(kind);
    assert.ok(schema, `no branch for ${kind}`);
    assert.equal(schema.additionalProperties, false);
    const properties = schema.properties as Record<string, Schema>;
    assert.deepEqual(
      Object.keys(properties),
      RECORD_FIELDS[kind].map((f) => f.name),
      kind,
    );
    assert.deepEqual(
      schema.required,
      RECORD_FIELDS[kind].filter((f) => f.required).map((f) => f.name),
      kind,
    );
    for (const spec of RECORD_FIELDS[kind]) {
      const p = properties[spec.name]!;
      const where = `${kind}.${spec.name}`;
      assert.ok(String(p.description).startsWith(spec.description), where);
      const types = p.type === undefined ? [] : Array.isArray(p.type) ? p.type : [p.type];
      assert.ok(!types.includes('null') && !(p.enum as unknown[] | undefined)?.includes(null), where);
      if (spec.name === 'kind') {
        assert.equal(p.const, kind, where);
        continue;
      }
      const t = spec.type;
      switch (t.kind) {
        case 'text':
          assert.ok(types.includes('string'), where);
          assert.equal(p.maxLength, t.maxChars, where);
          if (t.pattern) assert.equal(p.pattern, t.pattern.source, where);
          break;
        case 'enum':
          assert.deepEqual(p.enum, [...t.values], where);
          break;
        case 'integer':
          assert.ok(types.includes('integer'), where);
          assert.equal(p.minimum, t.min, where);
          assert.equal(p.maximum, t.max, where);
          break;
        case 'date':
          assert.ok(types.includes('string'), where);
          assert.equal(p.format, 'date', where);
          assert.equal(p.pattern, '^\\d{4}-\\d{2}-\\d{2}$', where);
          break;
        case 'month':
          assert.ok(types.includes('string'), where);
          assert.equal(p.pattern, '^\\d{4}-\\d{2}$', where);
          break;
        case 'boolean':
          assert.ok(types.includes('boolean'), where);
          break;
        case 'object':
          assert.ok(types.includes('object'), where);
          break;
      }
    }
  }
});

test('the schema accepts every valid example record of rules.ts, of every kind', () => {
  assert.ok(VALID_LINES.length >= 20, 'expected many valid example lines');
  for (const kind of RECORD_KINDS)
    assert.ok(
      VALID_LINES.some((l) => JSON.parse(l).kind === kind),
      `no valid ${kind} example in rules.ts`,
    );
  for (const line of VALID_LINES) assert.deepEqual(errorsOf(line), [], line);
});

test('the schema refuses the examples of the structural rules', () => {
  for (const rule of [...LINE_RULES, ...RECORD_RULES].filter((r) => STRUCTURAL_RULES.has(r.id))) {
    let value: unknown;
    try {
      value = JSON.parse(rule.example.line);
    } catch {
      assert.equal(rule.id, 'LINE-JSON', `${rule.id}: example is not JSON`);
      continue;
    }
    assert.notDeepEqual(validate(SCHEMA, value), [], `${rule.id}: the schema accepts its example`);
  }
});

test('the schema refuses a line with an unknown field, in every kind', () => {
  const month = validExample('month');
  const misspelt = JSON.stringify({ ...month, balance: month.balance_minor });
  const errors = errorsOf(misspelt);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /unknown property balance/);
  for (const kind of RECORD_KINDS) {
    const record = { ...validExample(kind), extra_field: 'x' };
    assert.notDeepEqual(validate(SCHEMA, record), [], kind);
  }
});

test('the schema refuses wrong types, ranges and nulls', () => {
  const month = validExample('month');
  const account = validExample('account');
  const refused: Record<string, unknown>[] = [
    { ...month, balance_minor: 6000.5 },
    { ...month, balance_minor: -1 },
    { ...month, balance_minor: MAX_AMOUNT_MINOR + 1 },
    { ...month, balance_minor: '600000' },
    { ...month, balance_minor: null },
    { ...month, status: 'X' },
    { ...month, five_class: '1' },
    { ...month, month: '2024-1' },
    { ...month, reported_on: '2025/01/05' },
    { ...month, account_no: '-EX-1' },
    { ...month, account_no: 'E'.repeat(65) },
    { ...month, kind: 'months' },
    { ...account, joint_loan: 'no' },
    { ...account, name: '   ' },
    { ...account, amount_minor: 0 },
    { ...account, fixes: 'batch-1' },
    { ...account, set: {} },
    { ...account, maturity_date: null },
    { ...month, used_limit_minor: null },
    { ...validExample('identity'), sex: null },
  ];
  for (const record of refused) assert.notDeepEqual(validate(SCHEMA, record), [], JSON.stringify(record));
  const accepted: Record<string, unknown>[] = [
    { ...month, balance_minor: MAX_AMOUNT_MINOR, used_limit_minor: 0 },
    { ...account, fixes: 'batch-1#12' },
    { ...validExample('identity'), sex: 'F', employer: '北京示例科技有限公司' },
  ];
  for (const record of accepted) assert.deepEqual(validate(SCHEMA, record), [], JSON.stringify(record));
});

test('the rules document lists every rule with its kinds, description and example line', () => {
  const markdown = furnishRulesMarkdown();
  let at = -1;
  for (const rule of LINE_RULES) {
    const next = markdown.indexOf(`### ${rule.id}\n`);
    assert.ok(next > at, `${rule.id} missing or out of order`);
    at = next;
    assert.ok(markdown.includes(rule.description), rule.id);
    if (rule.example.line.length < 1_000) assert.ok(markdown.includes(`\n${rule.example.line}\n`), rule.id);
  }
  for (const rule of RECORD_RULES) {
    const next = markdown.indexOf(`### ${rule.id}\n`);
    assert.ok(next > at, `${rule.id} missing or out of order`);
    at = next;
    const end = markdown.indexOf('\n### ', next + 1);
    const section = markdown.slice(next, end === -1 ? undefined : end);
    assert.ok(section.includes(rule.description), rule.id);
    assert.ok(section.includes(`Kinds: ${rule.kinds.join(', ')}.`), rule.id);
    assert.ok(section.includes(`\n${rule.example.line}\n`), `${rule.id}: example line missing`);
    for (const setup of rule.example.setup ?? []) assert.ok(section.includes(`\n${setup}\n`), rule.id);
  }
});
