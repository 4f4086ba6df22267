/**
 * docs/metro2-rules.md, generated from the rule list: a table of every rule, then each rule with
 * its severity, what it reads, and the example that breaks it.
 *
 * @example
 *   const markdown = metro2RulesMarkdown(); // '# Metro 2 rules\n...'
 */
import { metro2JsonSchema } from './json-schema.js';
import { MAX_FINDINGS_KEPT, MAX_RECORD_BYTES } from './limits.js';
import type { Metro2Rule } from './rule-types.js';
import { METRO2_RULES } from './rules.js';

export const METRO2_SCHEMA_DOC_PATH = 'docs/metro2-format.schema.json';
export const METRO2_RULES_DOC_PATH = 'docs/metro2-rules.md';
export const REGENERATE_METRO2_DOCS = 'node --import tsx scripts/write-metro2-docs.ts';

const KIND_TITLES: Readonly<Record<string, string>> = {
  file: 'the file',
  frame: 'framing',
  segment: 'segments',
  field: 'every field',
  trailer: 'the trailer totals',
  json: 'JSON input',
};
const cell = (text: string) => text.replace(/\|/g, '\\|');
const anchor = (id: string) => id.toLowerCase();

function appliesTo(rule: Metro2Rule): string {
  return rule.kind === 'record' ? rule.segments.join(', ') : (KIND_TITLES[rule.kind] ?? rule.kind);
}

function exampleMarkdown(rule: Metro2Rule): string[] {
  const e = rule.example;
  const lines = [`Example: ${e.description}`];
  if (e.change)
    lines.push('', 'Changes to the example file:', '', '```json', JSON.stringify(e.change), '```');
  if (e.jsonChange)
    lines.push(
      '',
      'Changes to the JSON of the example file:',
      '',
      '```json',
      JSON.stringify(e.jsonChange),
      '```',
    );
  if (e.raw)
    lines.push(
      '',
      `Bytes written over \`${e.raw.segment}.${e.raw.field}\`: \`${JSON.stringify(e.raw.bytes)}\``,
    );
  if (e.json) lines.push('', 'JSON input:', '', '```json', e.json, '```');
  return lines;
}

export function metro2RulesMarkdown(): string {
  const out: string[] = [
    '# Metro 2 rules',
    '',
    `<!-- Generated from src/formats/metro2/rules*.ts by \`${REGENERATE_METRO2_DOCS}\`: do not edit. -->`,
    '',
    'Every Metro 2 file is checked against every rule below, and every finding is reported (not only',
    'the first), with its severity, rule id, record number, account number, segment, field and byte',
    'positions. Errors make a file invalid; warnings do not. Structural rules are enforced by the',
    'reader, the field checker and the JSON reader; record rules are checked on each record or',
    'segment, only when the fields they read passed their field checks. The JSON form of a file is',
    'described by [metro2-format.schema.json](metro2-format.schema.json).',
    '',
    `Limits: a record is at most ${MAX_RECORD_BYTES} bytes (a 4-digit descriptor word); a validation`,
    `report keeps the first ${MAX_FINDINGS_KEPT} findings and counts all of them per rule.`,
    '',
    `${METRO2_RULES.length} rules. Each example starts from a valid example file (a header, one data`,
    'record, a trailer; see src/formats/metro2/example-file.ts), and the tests check that each breaks its rule.',
    '',
    '| rule | severity | applies to | description |',
    '|---|---|---|---|',
  ];
  for (const rule of METRO2_RULES)
    out.push(
      `| [${rule.id}](#${anchor(rule.id)}) | ${rule.severity} | ${appliesTo(rule)} | ${cell(rule.description)} |`,
    );
  let section = '';
  for (const rule of METRO2_RULES) {
    const title = rule.kind === 'record' ? 'Record rules' : 'Structural rules';
    if (title !== section) {
      section = title;
      out.push('', `## ${title}`);
    }
    const reads = rule.kind === 'record' ? ` Fields: ${rule.fields.map((f) => `\`${f}\``).join(', ')}.` : '';
    out.push(
      '',
      `### ${rule.id}`,
      '',
      rule.description,
      '',
      `Severity: ${rule.severity}. Applies to: ${appliesTo(rule)}.${reads}`,
      '',
      ...exampleMarkdown(rule),
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The generated documents and their paths relative to the repository root. */
export function metro2GeneratedDocs(): readonly { path: string; content: string }[] {
  return [
    { path: METRO2_SCHEMA_DOC_PATH, content: `${JSON.stringify(metro2JsonSchema(), null, 2)}\n` },
    { path: METRO2_RULES_DOC_PATH, content: metro2RulesMarkdown() },
  ];
}
