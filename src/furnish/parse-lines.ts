/**
 * Splits a JSON Lines body into records, enforcing the line rules (LINE-UTF8, LINE-SIZE,
 * LINE-JSON, REC-KIND). Blank lines are skipped but counted, so line numbers match the furnisher's file.
 *
 * @example
 *   for (const parsed of parseJsonLines(Buffer.from('{"kind":"identity"}\n'))) console.log(parsed.line);
 */
import { MAX_LINE_BYTES } from '../formats/canonical/limits.js';
import { RECORD_KINDS, type RecordKind } from '../formats/canonical/record-fields.js';
import type { Finding } from '../formats/canonical/record-types.js';

export interface ParsedLine {
  /** 1-based line number. */
  line: number;
  raw: string;
  /** The record (kind known) when the line rules passed. */
  record?: Record<string, unknown> & { kind: RecordKind };
  /** The kind when it is a known one, else ''. */
  kind: string;
  findings: Finding[];
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Prefix of a kept line that was not UTF-8: the rest is its bytes in base64. */
export const NOT_UTF8_PREFIX = 'base64:';

/** Parses every non-blank line. A body that is not all UTF-8 is read line by line, so only the
 *  lines at fault are rejected (LINE-UTF8) and kept byte for byte. */
export function* parseJsonLines(body: Buffer | string): Generator<ParsedLine> {
  if (typeof body === 'string') {
    yield* parseText(body, 0);
    return;
  }
  const bytes = body.subarray(0, 3).equals(UTF8_BOM) ? body.subarray(3) : body;
  let text: string | undefined;
  try {
    text = UTF8.decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    yield* parseText(text, 0);
    return;
  }
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    line += 1;
    const lineBytes = bytes.subarray(start, end);
    start = end + 1;
    let decoded: string | undefined;
    try {
      decoded = UTF8.decode(lineBytes);
    } catch {
      decoded = undefined;
    }
    if (decoded === undefined) {
      yield {
        line,
        raw: NOT_UTF8_PREFIX + lineBytes.toString('base64'),
        kind: '',
        findings: [
          {
            line,
            field: '',
            rule: 'LINE-UTF8',
            message: 'the line is not valid UTF-8 (kept as base64): re-encode the file as UTF-8',
          },
        ],
      };
    } else {
      yield* parseText(decoded, line - 1);
    }
  }
}

function* parseText(text: string, lineOffset: number): Generator<ParsedLine> {
  let start = 0;
  let line = lineOffset;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line += 1;
    let raw = text.slice(start, end);
    start = end + 1;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (raw.trim().length === 0) {
      if (end === text.length) break;
      continue;
    }
    yield parseLine(raw, line);
    if (end === text.length) break;
  }
}

/** Parses one line into a record or the line findings. */
export function parseLine(raw: string, line: number): ParsedLine {
  if (raw.length > MAX_LINE_BYTES / 3 && Buffer.byteLength(raw, 'utf8') > MAX_LINE_BYTES) {
    return {
      line,
      raw,
      kind: '',
      findings: [
        { line, field: '', rule: 'LINE-SIZE', message: `line is longer than ${MAX_LINE_BYTES} bytes` },
      ],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return {
      line,
      raw,
      kind: '',
      findings: [{ line, field: '', rule: 'LINE-JSON', message: jsonErrorMessage(error) }],
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      line,
      raw,
      kind: '',
      findings: [{ line, field: '', rule: 'LINE-JSON', message: 'expected a JSON object' }],
    };
  }
  const record = value as Record<string, unknown>;
  if (!RECORD_KINDS.includes(record.kind as RecordKind)) {
    return {
      line,
      raw,
      kind: '',
      findings: [
        { line, field: 'kind', rule: 'REC-KIND', message: `expected one of ${RECORD_KINDS.join(', ')}` },
      ],
    };
  }
  return { line, raw, kind: record.kind as string, record: record as ParsedLine['record'], findings: [] };
}

/** Says what is wrong with a line that is not JSON, without quoting the line (it may hold an ID). */
function jsonErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /at position (\d+)/.exec(message)?.[1];
  const what =
    /^(Unexpected end of JSON input|Unterminated string|Bad control character|Bad escaped character|Expected '.'(?: or '.')*|Unexpected token|Unexpected non-whitespace character)/.exec(
      message,
    )?.[1];
  return `not valid JSON${what ? `: ${what}` : ''}${position ? ` at character ${Number(position) + 1}` : ''}`;
}
