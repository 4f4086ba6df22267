/**
 * Helpers of the Metro 2 tests: where the shared fixtures are (tests skip, saying so, when
 * ../shared is absent), how a rule's example becomes a file, and reading or validating bytes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  EXAMPLE_SEGMENTS,
  EXAMPLE_TODAY,
  exampleFileWithoutTrailer,
} from '../../../src/formats/metro2/example-file.js';
import { validateMetro2Json } from '../../../src/formats/metro2/json-input.js';
import { BASE_LAYOUT } from '../../../src/formats/metro2/layout-base.js';
import { HEADER_LAYOUT } from '../../../src/formats/metro2/layout-header.js';
import { TRAILER_LAYOUT } from '../../../src/formats/metro2/layout-trailer.js';
import type { Metro2File } from '../../../src/formats/metro2/model-types.js';
import { type Metro2Item, type ReadOptions, readMetro2 } from '../../../src/formats/metro2/read-metro2.js';
import type { Metro2RuleExample } from '../../../src/formats/metro2/rule-types.js';
import { type Metro2ValidationReport, validateMetro2 } from '../../../src/formats/metro2/validate-metro2.js';
import { computeTrailer, encodeFile } from '../../../src/formats/metro2/write-metro2.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SHARED = join(REPO_ROOT, '..', 'shared');
export const MOOV = join(SHARED, 'data', 'metro2-moov');
export const CFPB = join(SHARED, 'data', 'metro2-cfpb');
/** A skip reason when the shared fixtures are absent, else false. */
export const skipWithoutShared = (dir: string): string | false =>
  existsSync(dir) ? false : `shared fixtures not found at ${dir}: skipped`;

export const TODAY = { today: EXAMPLE_TODAY };

/** Bytes of a model file. */
export const bytesOf = (file: Metro2File): Buffer => Buffer.concat([...encodeFile(file)]);

/** The valid example file with its trailer. */
export function exampleFile(): Metro2File {
  const file = exampleFileWithoutTrailer();
  file.trailer = computeTrailer(file);
  return file;
}

/** A source of bytes in chunks of `size` (to test chunk boundaries). */
export function chunked(bytes: Buffer, size = bytes.length): Readable {
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += Math.max(1, size)) parts.push(bytes.subarray(at, at + size));
  return Readable.from(parts);
}

export type ExampleInput =
  | { kind: 'metro2'; bytes: Buffer; unwrap: boolean }
  | { kind: 'json'; text: string };

const LAYOUTS = { header: HEADER_LAYOUT, base: BASE_LAYOUT, trailer: TRAILER_LAYOUT } as const;

/** The input a rule's example describes, built from the example file. */
export function exampleInput(example: Metro2RuleExample): ExampleInput {
  if (example.json) return { kind: 'json', text: example.json };
  const file = exampleFileWithoutTrailer();
  file.blocked = example.blocked ?? false;
  const change = example.change ?? {};
  if ('header' in change) file.header = change.header === null ? null : { ...file.header!, ...change.header };
  Object.assign(file.data[0]!.base, change.base ?? {});
  const record = file.data[0]! as unknown as Record<string, unknown>;
  for (const key of ['j1', 'j2', 'k1', 'k2', 'k3', 'k4', 'l1', 'n1'] as const) {
    const partial = change[key];
    if (!partial) continue;
    const segment = { ...EXAMPLE_SEGMENTS[key], ...partial };
    if (key === 'j1' || key === 'j2') (record[key] as unknown[]).push(segment);
    else record[key] = segment;
  }
  file.trailer = computeTrailer(file);
  if ('trailer' in change)
    file.trailer = change.trailer === null ? null : { ...file.trailer, ...change.trailer };
  if (example.jsonChange) {
    const json = JSON.parse(JSON.stringify(file));
    for (const [part, values] of Object.entries(example.jsonChange))
      Object.assign(part === 'base' ? json.data[0].base : json[part], values);
    return { kind: 'json', text: JSON.stringify(json) };
  }
  let text = bytesOf(file).toString('latin1');
  if (example.raw) {
    const { segment, field, bytes } = example.raw;
    const layout = LAYOUTS[segment as keyof typeof LAYOUTS];
    const spec = layout.byName[field as keyof typeof layout.byName];
    const lineIndex = segment === 'header' ? 0 : segment === 'base' ? 1 : 2;
    const lines = text.split('\n');
    const line = lines[lineIndex]!;
    const at = (file.blocked && segment !== 'trailer' ? 4 : 0) + spec.start - 1;
    lines[lineIndex] = line.slice(0, at) + bytes.padEnd(spec.length) + line.slice(at + spec.length);
    text = lines.join('\n');
  }
  if (example.file) text = example.file(text);
  return { kind: 'metro2', bytes: Buffer.from(text, 'latin1'), unwrap: example.unwrap ?? false };
}

/** Validates an example input. */
export function validateInput(
  input: ExampleInput,
  options: ReadOptions = TODAY,
): Promise<Metro2ValidationReport> {
  return input.kind === 'json'
    ? validateMetro2Json({ text: input.text }, options)
    : validateMetro2(chunked(input.bytes), { ...options, unwrap: input.unwrap });
}

/** Every item of a read. */
export async function readAll(
  source: Parameters<typeof readMetro2>[0],
  options: ReadOptions = TODAY,
): Promise<Metro2Item[]> {
  const items: Metro2Item[] = [];
  for await (const item of readMetro2(source, options)) items.push(item);
  return items;
}

/** The model of a file read back, with every finding. */
export async function readFile(source: Parameters<typeof readMetro2>[0], options: ReadOptions = TODAY) {
  const items = await readAll(source, options);
  const file: Metro2File = {
    blocked: false,
    lineSeparator: '',
    finalLineSeparator: false,
    header: null,
    data: [],
    trailer: null,
  };
  const findings = items.flatMap((i) => ('findings' in i ? i.findings : []));
  for (const item of items) {
    if (item.kind === 'header') file.header = item.header;
    else if (item.kind === 'data') file.data.push(item.record);
    else if (item.kind === 'trailer') file.trailer = item.trailer;
    else if (item.kind === 'end') {
      file.blocked = item.summary.framing.blocked;
      file.lineSeparator = item.summary.framing.lineSeparator;
      file.finalLineSeparator = item.summary.framing.finalLineSeparator;
    }
  }
  const end = items.at(-1);
  if (end?.kind !== 'end') throw new Error('no end item');
  return { file, findings, summary: end.summary, items };
}
