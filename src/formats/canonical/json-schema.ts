/**
 * Documents of the canonical furnishing format generated from the data that drives validation:
 * a JSON Schema (draft 2020-12) of one JSON Lines line, built from RECORD_FIELDS, and a Markdown
 * list of every rule, built from LINE_RULES and RECORD_RULES. scripts/write-docs.ts writes them
 * to docs/, and a test checks that the committed files are up to date.
 *
 * @example
 *   const schema = furnishFormatJsonSchema(); // { $id: 'https://openbureau.dev/schemas/...', oneOf: [...] }
 *   const markdown = furnishRulesMarkdown();  // '# Canonical furnishing rules\n...'
 */
import { MAX_BATCH_BYTES, MAX_BATCH_RECORDS, MAX_LINE_BYTES } from './limits.js';
import {
  type FieldSpec,
  type FieldType,
  RECORD_FIELDS,
  RECORD_KINDS,
  type RecordKind,
} from './record-fields.js';
import type { RuleExample } from './rule-types.js';
import { LINE_RULES, RECORD_RULES } from './rules.js';

export const FURNISH_SCHEMA_ID = 'https://openbureau.dev/schemas/furnish-record.v1.json';
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
/** Shape of a date field (the calendar check is the validator's: REC-TYPE). */
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** Shape of a month field. */
export const MONTH_PATTERN = '^\\d{4}-\\d{2}$';
/** Free text without a pattern of its own must hold a non-blank character. */
export const NON_BLANK_PATTERN = '\\S';
/** Example lines longer than this are abbreviated in the rules document. */
export const MAX_EXAMPLE_CHARS_IN_DOCS = 1_000;

/** Where the generated documents live, relative to the repository root. */
export const SCHEMA_DOC_PATH = 'docs/furnish-format.schema.json';
export const RULES_DOC_PATH = 'docs/furnish-rules.md';
const REGENERATE = 'node --import tsx scripts/write-docs.ts';

const KIND_DESCRIPTIONS: Readonly<Record<RecordKind, string>> = {
  identity: 'Identity facts of a person, keyed by national ID.',
  account: 'Opens an account or reports new terms for it; also names the account holder.',
  month: 'The state of an account at the end of one month; replaces an earlier state of that month.',
  correction: 'Corrects the terms of an account (without month) or one monthly state (with month).',
  deletion: 'Deletes a whole account (without month) or one monthly state (with month).',
};

type JsonSchema = Record<string, unknown>;

function typeSchema(type: FieldType): JsonSchema {
  switch (type.kind) {
    case 'text':
      return {
        type: 'string',
        minLength: 1,
        maxLength: type.maxChars,
        pattern: type.pattern?.source ?? NON_BLANK_PATTERN,
      };
    case 'enum':
      return { enum: [...type.values] };
    case 'integer':
      return { type: 'integer', minimum: type.min, maximum: type.max };
    case 'date':
      return { type: 'string', format: 'date', pattern: DATE_PATTERN };
    case 'month':
      return { type: 'string', pattern: MONTH_PATTERN };
    case 'boolean':
      return { type: 'boolean' };
    case 'object':
      return { type: 'object' };
  }
}

function fieldSchema(kind: RecordKind, spec: FieldSpec): JsonSchema {
  if (spec.name === 'kind') return { const: kind, description: spec.description };
  const description =
    spec.type.kind === 'text' && spec.type.patternDescription
      ? `${spec.description} Format: ${spec.type.patternDescription}.`
      : spec.description;
  // An optional field without a value is left out. null is refused: REC-TYPE skips a null, but
  // some rules (FIX-UNKNOWN, MON-USED-LIMIT, ACC-SHARED-LIMIT) read it as a value.
  return { ...typeSchema(spec.type), description: spec.required ? description : `${description} Optional.` };
}

function recordSchema(kind: RecordKind): JsonSchema {
  const fields = RECORD_FIELDS[kind];
  return {
    title: `${kind} record`,
    description: KIND_DESCRIPTIONS[kind],
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, fieldSchema(kind, f)])),
    required: fields.filter((f) => f.required).map((f) => f.name),
    additionalProperties: false,
  };
}

/** The JSON Schema of one line of the canonical JSON Lines format. */
export function furnishFormatJsonSchema(): object {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: FURNISH_SCHEMA_ID,
    title: 'openbureau canonical furnishing record (one JSON Lines line)',
    description: [
      'One line of a batch in the openbureau canonical furnishing format: a JSON object, UTF-8, one record per line.',
      `A batch holds at most ${MAX_BATCH_RECORDS} records (MAX_BATCH_RECORDS) and ${MAX_BATCH_BYTES} bytes (MAX_BATCH_BYTES);`,
      `a line is at most ${MAX_LINE_BYTES} bytes (MAX_LINE_BYTES).`,
      'Amounts (fields ending in _minor) are integers in minor units (fen, cents), never decimals.',
      'Dates are YYYY-MM-DD and months YYYY-MM.',
      'This schema covers the structure of a record; the rules that span fields or need what is on file',
      'are listed in docs/furnish-rules.md. Generated from src/formats/canonical/record-fields.ts.',
    ].join(' '),
    type: 'object',
    required: ['kind'],
    properties: { kind: { enum: [...RECORD_KINDS] } },
    oneOf: RECORD_KINDS.map(recordSchema),
  };
}

/** Shortens a long example line by folding runs of one repeated character; says so under the block. */
function abbreviate(line: string): { text: string; note?: string } {
  if (line.length <= MAX_EXAMPLE_CHARS_IN_DOCS) return { text: line };
  const text = line.replace(
    /(.)\1{19,}/gu,
    (run, char: string) => `${char.repeat(10)}…(${[...run].length} times "${char}")`,
  );
  return { text, note: `(Abbreviated: the line is ${Buffer.byteLength(line, 'utf8')} bytes.)` };
}

function codeBlock(lines: readonly string[]): string {
  const shown = lines.map(abbreviate);
  const notes = shown.flatMap((s) => (s.note ? [s.note] : []));
  return ['```jsonl', ...shown.map((s) => s.text), '```', ...(notes.length > 0 ? ['', ...notes] : [])].join(
    '\n',
  );
}

function exampleMarkdown(example: RuleExample): string {
  const parts: string[] = [];
  if (example.setup && example.setup.length > 0)
    parts.push('Earlier lines of the batch:', '', codeBlock(example.setup), '');
  parts.push('A line that breaks the rule:', '', codeBlock([example.line]));
  return parts.join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|');
const anchor = (id: string) => id.toLowerCase();

/** A Markdown document listing every rule (line rules, then record rules) with its example. */
export function furnishRulesMarkdown(): string {
  const out: string[] = [
    '# Canonical furnishing rules',
    '',
    `<!-- Generated from src/formats/canonical/rules.ts by \`${REGENERATE}\`: do not edit. -->`,
    '',
    'Every record of a batch is checked against every rule of its kind, and every finding is reported',
    '(not only the first). A record with a finding is stored as a reject citing the rule id; the other',
    'records of the batch are applied. The structure of each record kind is also published as a JSON',
    'Schema: [furnish-format.schema.json](furnish-format.schema.json).',
    '',
    `Limits: a batch holds at most ${MAX_BATCH_RECORDS} records and ${MAX_BATCH_BYTES} bytes; a line is at`,
    `most ${MAX_LINE_BYTES} bytes. Amounts are integers in minor units (fen, cents).`,
    '',
    '| rule | kinds | description |',
    '|---|---|---|',
  ];
  for (const rule of LINE_RULES)
    out.push(`| [${rule.id}](#${anchor(rule.id)}) | any line | ${cell(rule.description)} |`);
  for (const rule of RECORD_RULES)
    out.push(`| [${rule.id}](#${anchor(rule.id)}) | ${rule.kinds.join(', ')} | ${cell(rule.description)} |`);

  out.push('', '## Line rules', '', 'Checked on the raw line, before it is a record.', '');
  for (const rule of LINE_RULES) {
    out.push(
      `### ${rule.id}`,
      '',
      rule.description,
      '',
      'Kinds: any line.',
      '',
      exampleMarkdown(rule.example),
      '',
    );
  }

  out.push('## Record rules', '', 'Checked on each record, in this order.', '');
  for (const rule of RECORD_RULES) {
    const fields = rule.fields.length > 0 ? rule.fields.map((f) => `\`${f}\``).join(', ') : 'every field';
    const needs =
      rule.needs === 'record'
        ? 'the record alone'
        : 'the record and what is on file or accepted earlier in the batch';
    out.push(
      `### ${rule.id}`,
      '',
      rule.description,
      '',
      `Kinds: ${rule.kinds.join(', ')}. Fields: ${fields}. Checked on ${needs}.`,
      '',
      exampleMarkdown(rule.example),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The generated documents and their paths relative to the repository root. */
export function generatedDocs(): readonly { path: string; content: string }[] {
  return [
    { path: SCHEMA_DOC_PATH, content: `${JSON.stringify(furnishFormatJsonSchema(), null, 2)}\n` },
    { path: RULES_DOC_PATH, content: furnishRulesMarkdown() },
  ];
}
