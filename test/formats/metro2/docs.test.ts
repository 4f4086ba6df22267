/**
 * The generated documents (docs/metro2-format.schema.json, docs/metro2-rules.md) are current; the
 * schema describes what the writer writes (checked with a small validator of the keywords it
 * uses) and refuses what does not fit; the layout tables and the model types agree.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { EXAMPLE_BASE, EXAMPLE_HEADER, EXAMPLE_SEGMENTS } from '../../../src/formats/metro2/example-file.js';
import { metro2JsonSchema } from '../../../src/formats/metro2/json-schema.js';
import { BASE_LAYOUT } from '../../../src/formats/metro2/layout-base.js';
import { HEADER_LAYOUT } from '../../../src/formats/metro2/layout-header.js';
import { SEGMENT_LAYOUTS } from '../../../src/formats/metro2/layout-segments.js';
import { TRAILER_LAYOUT } from '../../../src/formats/metro2/layout-trailer.js';
import { SEGMENT_KEYS } from '../../../src/formats/metro2/model-types.js';
import { METRO2_RULES } from '../../../src/formats/metro2/rules.js';
import {
  metro2GeneratedDocs,
  metro2RulesMarkdown,
  REGENERATE_METRO2_DOCS,
} from '../../../src/formats/metro2/rules-markdown.js';
import { computeTrailer } from '../../../src/formats/metro2/write-metro2.js';
import { fileArbitrary } from './arbitraries.js';
import { exampleFile, REPO_ROOT } from './support.js';

type Schema = Record<string, unknown>;
const KEYWORDS = new Set([
  '$schema',
  '$id',
  '$defs',
  '$ref',
  'title',
  'description',
  'format',
  'type',
  'enum',
  'minimum',
  'maximum',
  'maxLength',
  'pattern',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'oneOf',
]);
const SCHEMA = metro2JsonSchema();

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Errors of `value` against `schema` (the keywords the generator emits; any other is an error). */
function validate(schema: Schema, value: unknown, path = '$'): string[] {
  for (const key of Object.keys(schema))
    if (!KEYWORDS.has(key)) throw new Error(`unsupported keyword ${key} at ${path}`);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/$defs/', '');
    return validate(SCHEMA.$defs[name] as Schema, value, path);
  }
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.includes(typeOf(value))) return [`${path}: ${typeOf(value)}, expected ${types.join(' or ')}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value))
    errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === 'string') {
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength)
      errors.push(`${path}: too long`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      errors.push(`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
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
      if (properties[name]) errors.push(...validate(properties[name], child, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unknown property ${name}`);
    }
  }
  if (Array.isArray(value) && schema.items)
    for (const [i, item] of value.entries())
      errors.push(...validate(schema.items as Schema, item, `${path}[${i}]`));
  if (schema.oneOf) {
    const passing = (schema.oneOf as Schema[]).filter((s) => validate(s, value, path).length === 0).length;
    if (passing !== 1) errors.push(`${path}: matches ${passing} of oneOf`);
  }
  return errors;
}

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

test('the committed Metro 2 docs equal what the generators produce now', () => {
  for (const doc of metro2GeneratedDocs()) {
    let committed = '';
    try {
      committed = readFileSync(join(REPO_ROOT, doc.path), 'utf8');
    } catch {
      assert.fail(`${doc.path} is missing: run \`${REGENERATE_METRO2_DOCS}\``);
    }
    assert.ok(committed === doc.content, `${doc.path} is out of date: run \`${REGENERATE_METRO2_DOCS}\``);
  }
});

test('the rules document lists every rule, in order, with its description and example', () => {
  const markdown = metro2RulesMarkdown();
  let at = -1;
  for (const rule of METRO2_RULES) {
    const next = markdown.indexOf(`\n### ${rule.id}\n`);
    assert.ok(next > at, `${rule.id} missing or out of order`);
    at = next;
    const end = markdown.indexOf('\n### ', next + 1);
    const section = markdown.slice(next, end === -1 ? undefined : end);
    assert.ok(section.includes(rule.description), rule.id);
    assert.ok(section.includes(`Severity: ${rule.severity}.`), rule.id);
    assert.ok(section.includes(rule.example.description), rule.id);
    if (rule.example.change) assert.ok(section.includes(JSON.stringify(rule.example.change)), rule.id);
  }
  assert.ok(markdown.includes(`${METRO2_RULES.length} rules.`));
});

test('the schema accepts what the writer writes: the example file and generated files', () => {
  assert.deepEqual(validate(SCHEMA, asJson(exampleFile())), []);
  const full = exampleFile();
  Object.assign(full.data[0]!, {
    j1: [EXAMPLE_SEGMENTS.j1],
    j2: [EXAMPLE_SEGMENTS.j2],
    k1: EXAMPLE_SEGMENTS.k1,
    k2: EXAMPLE_SEGMENTS.k2,
    k3: EXAMPLE_SEGMENTS.k3,
    k4: EXAMPLE_SEGMENTS.k4,
    l1: EXAMPLE_SEGMENTS.l1,
    n1: EXAMPLE_SEGMENTS.n1,
  });
  full.trailer = computeTrailer(full);
  assert.deepEqual(validate(SCHEMA, asJson(full)), []);
  fc.assert(
    fc.property(fileArbitrary, (file) => {
      assert.deepEqual(validate(SCHEMA, asJson(file)), []);
    }),
    { numRuns: 100 },
  );
});

test('the schema refuses values that do not fit their field', () => {
  const refused: [string, (f: ReturnType<typeof exampleFile>) => void][] = [
    ['status', (f) => Object.assign(f.data[0]!.base, { accountStatus: 'FF' })],
    ['SSN as a number', (f) => Object.assign(f.data[0]!.base, { socialSecurityNumber: 401234567 })],
    ['short SSN', (f) => Object.assign(f.data[0]!.base, { socialSecurityNumber: '4012' })],
    ['RFC 3339 date', (f) => Object.assign(f.data[0]!.base, { dateOpened: '2023-03-15T00:00:00Z' })],
    ['negative balance', (f) => Object.assign(f.data[0]!.base, { currentBalance: -19 })],
    ['fraction', (f) => Object.assign(f.data[0]!.base, { currentBalance: 1.5 })],
    ['long surname', (f) => Object.assign(f.data[0]!.base, { surname: 'X'.repeat(26) })],
    ['payment history', (f) => Object.assign(f.data[0]!.base, { paymentHistoryProfile: 'Z' })],
    ['unknown key', (f) => Object.assign(f.data[0]!.base, { address: 'x' })],
    ['missing key', (f) => delete (f.data[0]!.base as Partial<(typeof f.data)[0]['base']>).city],
    [
      'K1 class',
      (f) => Object.assign(f.data[0]!, { k1: { ...EXAMPLE_SEGMENTS.k1, creditorClassification: 22 } }),
    ],
    ['separator', (f) => Object.assign(f, { lineSeparator: '\r' })],
  ];
  for (const [what, change] of refused) {
    const file = exampleFile();
    change(file);
    assert.notDeepEqual(validate(SCHEMA, asJson(file)), [], what);
  }
});

test('the layout tables and the model types agree: the model keys are the layout fields', () => {
  const keys = (layout: { modelFields: readonly { name: string }[] }) =>
    layout.modelFields.map((f) => f.name);
  const words = ['blockDescriptorWord', 'recordDescriptorWord'];
  const withoutWords = (o: object) => Object.keys(o).filter((k) => !words.includes(k));
  assert.deepEqual(
    withoutWords(EXAMPLE_BASE),
    keys(BASE_LAYOUT).filter((k) => !words.includes(k)),
  );
  assert.deepEqual(
    withoutWords(EXAMPLE_HEADER),
    keys(HEADER_LAYOUT).filter((k) => !words.includes(k)),
  );
  const trailer = computeTrailer({ data: [], blocked: false });
  assert.deepEqual(
    withoutWords(trailer),
    keys(TRAILER_LAYOUT).filter((k) => !words.includes(k)),
  );
  for (const [name, layout] of Object.entries(SEGMENT_LAYOUTS)) {
    const example = EXAMPLE_SEGMENTS[SEGMENT_KEYS[name as keyof typeof SEGMENT_KEYS]];
    assert.deepEqual(Object.keys(example), keys(layout), name);
  }
  // Positions tile each record; every field of the schema says where it is.
  for (const layout of [HEADER_LAYOUT, BASE_LAYOUT, TRAILER_LAYOUT, ...Object.values(SEGMENT_LAYOUTS)]) {
    assert.equal(
      layout.fields.reduce((n, f) => n + f.length, 0),
      layout.length,
      layout.segment,
    );
    for (const field of layout.modelFields) {
      if (field.type === 'descriptor') continue;
      const def = SCHEMA.$defs[
        layout.segment.length === 2 ? layout.segment.toLowerCase() : layout.segment
      ] as Schema;
      const property = (def.properties as Record<string, Schema>)[field.name]!;
      assert.ok(String(property.description).includes(`${field.start}`), `${layout.segment}.${field.name}`);
    }
  }
  // The base segment matches the reference's positions of a few well-known fields.
  const at = (name: keyof typeof BASE_LAYOUT.byName) => [
    BASE_LAYOUT.byName[name].start,
    BASE_LAYOUT.byName[name].length,
  ];
  assert.deepEqual(at('accountStatus'), [124, 2]);
  assert.deepEqual(at('paymentHistoryProfile'), [127, 24]);
  assert.deepEqual(at('socialSecurityNumber'), [298, 9]);
  assert.deepEqual(at('zipCode'), [416, 9]);
});
