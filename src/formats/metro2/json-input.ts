/**
 * JSON files as input: tells JSON from Metro 2 by the first byte, reads a JSON file (gzip
 * allowed) up to MAX_JSON_INPUT_BYTES, and validates it: the JSON findings, then every check of
 * the Metro 2 bytes it converts to (positions refer to those bytes).
 *
 * @example
 *   if ((await inputKind(path)) === 'json') report = await validateMetro2Json(path);
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Metro2Finding } from './finding-types.js';
import { isGzipFile } from './input-stream.js';
import { fromJson, type JsonReadResult } from './json-read.js';
import { MAX_JSON_INPUT_BYTES, READ_CHUNK_BYTES } from './limits.js';
import { type ReadOptions, todayOption } from './read-metro2.js';
import { RecordPipeline } from './record-pipeline.js';
import { RULE_BY_ID } from './rules.js';
import { FindingCollector, type Metro2ValidationReport } from './validate-metro2.js';
import { encodeFile } from './write-metro2.js';

async function* inflated(path: string): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  const stream = (await isGzipFile(path)) ? file.pipe(createGunzip()) : file;
  for await (const chunk of stream) yield chunk as Buffer;
}

/** 'json' when the first byte that is not white space is { or [, else 'metro2'. */
export async function inputKind(path: string): Promise<'json' | 'metro2'> {
  for await (const chunk of inflated(path)) {
    for (const byte of chunk) {
      if (
        byte === 0x20 ||
        byte === 0x09 ||
        byte === 0x0a ||
        byte === 0x0d ||
        byte === 0xef ||
        byte === 0xbb ||
        byte === 0xbf
      )
        continue;
      return byte === 0x7b || byte === 0x5b ? 'json' : 'metro2';
    }
  }
  return 'metro2';
}

const fileFinding = (rule: string, message: string): Metro2Finding => ({
  severity: RULE_BY_ID.get(rule)?.severity ?? 'error',
  rule,
  recordNumber: 0,
  accountNumber: null,
  segment: 'file',
  segmentNumber: null,
  field: null,
  filePosition: null,
  recordPosition: null,
  message,
});

/** Reads and converts a JSON file; a JSON-SYNTAX finding (and no file) when it is not JSON. */
export async function readJsonFile(path: string): Promise<JsonReadResult> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of inflated(path)) {
    size += chunk.length;
    if (size > MAX_JSON_INPUT_BYTES)
      return {
        file: null,
        unreadable: 0,
        findings: [
          fileFinding(
            'JSON-SYNTAX',
            `JSON input larger than ${MAX_JSON_INPUT_BYTES} bytes: send Metro 2 instead`,
          ),
        ],
      };
    parts.push(chunk);
  }
  return readJsonText(Buffer.concat(parts).toString('utf8'));
}

/** Converts JSON text. */
export function readJsonText(text: string): JsonReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      file: null,
      unreadable: 0,
      findings: [fileFinding('JSON-SYNTAX', `not JSON: ${(error as Error).message}`)],
    };
  }
  return fromJson(json);
}

/** Validates JSON input: its own findings, then those of the Metro 2 bytes it converts to. */
export async function validateMetro2Json(
  input: string | { text: string },
  options: ReadOptions & { findingsLimit?: number } = {},
): Promise<Metro2ValidationReport> {
  const read = typeof input === 'string' ? await readJsonFile(input) : readJsonText(input.text);
  const collector = new FindingCollector(options.findingsLimit);
  const pipeline = new RecordPipeline(
    { validate: options.validate ?? true, today: todayOption(options.today) },
    (item) => {
      if (item.findings.length > 0) collector.add(item.findings);
    },
  );
  for (const finding of read.findings) pipeline.count(finding);
  collector.add(read.findings);
  if (read.file) for (const bytes of encodeFile(read.file, () => {})) pipeline.push(bytes);
  pipeline.end();
  const summary = pipeline.summary;
  summary.unparseable += read.unreadable;
  if (!read.file) summary.readable = false;
  return {
    summary,
    findings: collector.findings,
    findingsTruncated: collector.truncated,
    findingsLimit: collector.limit,
  };
}
