/**
 * The writer: JSON model to Metro 2 character bytes, one record at a time. Record descriptor
 * words are computed (a record is padded with blanks up to a larger declared length, as in
 * fixed-length files), and block descriptor words too (record + 4) in a blocked file; the trailer
 * carries a block descriptor word only when its model has one (moov-io/metro2 writes none).
 * A value that does not fit its field is a problem: reported to `onProblem`, or thrown.
 *
 * @example
 *   const bytes = encodeDataRecord(record, { blocked: false });
 *   bytes.readUInt8(0); // '0' of the record descriptor word '0426'
 */
import { BLANK, isCalendarDate, ZERO } from './bytes.js';
import type { AppendedSegmentName, FieldSpec, SegmentLayout, SegmentName } from './field-types.js';
import { APPENDED_SEGMENTS } from './field-types.js';
import { BASE_LAYOUT } from './layout-base.js';
import { HEADER_LAYOUT } from './layout-header.js';
import { SEGMENT_LAYOUTS } from './layout-segments.js';
import { TRAILER_LAYOUT } from './layout-trailer.js';
import { DESCRIPTOR_BYTES, FIXED_RECORD_BYTES, MAX_RECORD_BYTES } from './limits.js';
import type { Metro2DataRecord, Metro2Header, Metro2Trailer } from './model-types.js';
import { SEGMENT_KEYS } from './model-types.js';

export type EncodeProblem = (
  segment: SegmentName,
  segmentNumber: number | null,
  field: string,
  message: string,
) => void;

export interface EncodeOptions {
  /** Precede records with block descriptor words. */
  blocked: boolean;
  /** Receives values that do not fit; without it they throw a RangeError. */
  onProblem?: EncodeProblem;
}

const thrower: EncodeProblem = (segment, _n, field, message) => {
  throw new RangeError(`${segment}.${field}: ${message}`);
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

function writeDigits(out: Buffer, at: number, length: number, value: number): void {
  let v = value;
  for (let i = at + length - 1; i >= at; i--) {
    out[i] = ZERO + (v % 10);
    v = Math.floor(v / 10);
  }
}

function writeText(out: Buffer, at: number, length: number, text: string): void {
  out.fill(BLANK, at, at + length);
  out.write(text, at, Math.min(length, text.length), 'latin1');
}

function encodeField(
  spec: FieldSpec,
  value: unknown,
  out: Buffer,
  at: number,
  problem: (field: string, message: string) => void,
): void {
  const { length } = spec;
  switch (spec.type) {
    case 'identifier':
      writeText(out, at, length, spec.constant ?? '');
      return;
    case 'reserved':
      out.fill(BLANK, at, at + length);
      return;
    case 'descriptor':
    case 'numeric':
    case 'money': {
      const max = 10 ** length - 1;
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max)
        writeDigits(out, at, length, value);
      else {
        problem(spec.name, `${JSON.stringify(value)} is not a whole number from 0 to ${max}`);
        writeDigits(out, at, length, 0);
      }
      return;
    }
    case 'digits': {
      if (value === null || value === undefined) writeDigits(out, at, length, 0);
      else if (typeof value === 'string' && /^\d+$/.test(value) && value.length <= length)
        out.write(value.padStart(length, '0'), at, length, 'latin1');
      else {
        problem(spec.name, `${JSON.stringify(value)} is not a string of up to ${length} digits`);
        writeDigits(out, at, length, 0);
      }
      return;
    }
    case 'alphanumeric': {
      const text = typeof value === 'string' ? value : '';
      if (typeof value !== 'string') problem(spec.name, `${JSON.stringify(value)} is not a string`);
      let safe = text;
      if (/[^\u0000-\u00ff]/u.test(text)) {
        problem(spec.name, `${JSON.stringify(text)} has characters outside latin1`);
        safe = text.replace(/[^\u0000-\u00ff]/gu, '?');
      }
      if (safe.length > length)
        problem(spec.name, `${JSON.stringify(text)} is longer than ${length} characters`);
      writeText(out, at, length, safe);
      return;
    }
    case 'date': {
      if (value === null || value === undefined) {
        writeDigits(out, at, 8, 0);
        return;
      }
      const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
      if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
        problem(spec.name, `${JSON.stringify(value)} is not a date YYYY-MM-DD (or null)`);
        writeDigits(out, at, 8, 0);
        return;
      }
      out.write(`${m[2]}${m[3]}${m[1]}`, at, 8, 'latin1');
      return;
    }
    case 'timestamp': {
      if (value === null || value === undefined) {
        writeDigits(out, at, 14, 0);
        return;
      }
      const m = typeof value === 'string' ? ISO_TIMESTAMP.exec(value) : null;
      const valid =
        m &&
        isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
        Number(m[4]) < 24 &&
        Number(m[5]) < 60 &&
        Number(m[6]) < 60;
      if (!m || !valid) {
        problem(spec.name, `${JSON.stringify(value)} is not a timestamp YYYY-MM-DDTHH:MM:SS (or null)`);
        writeDigits(out, at, 14, 0);
        return;
      }
      out.write(`${m[2]}${m[3]}${m[1]}${m[4]}${m[5]}${m[6]}`, at, 14, 'latin1');
      return;
    }
  }
}

/** Writes the fields of one segment (descriptor word excluded) at `at`. */
export function encodeSegment(
  layout: SegmentLayout,
  values: object,
  out: Buffer,
  at: number,
  segmentNumber: number | null,
  onProblem: EncodeProblem,
): void {
  const record = values as Record<string, unknown>;
  const problem = (field: string, message: string) =>
    onProblem(layout.segment, segmentNumber, field, message);
  for (const spec of layout.fields) {
    if (spec.type === 'descriptor') continue;
    encodeField(spec, record[spec.name], out, at + spec.start - 1, problem);
  }
}

/** The record length to write: the declared one when it only adds padding, else the content's. */
function recordLength(declared: unknown, content: number): number {
  return typeof declared === 'number' &&
    Number.isSafeInteger(declared) &&
    declared > content &&
    declared <= MAX_RECORD_BYTES
    ? declared
    : content;
}

function frame(length: number, withBlock: boolean): { out: Buffer; at: number } {
  const prefix = withBlock ? DESCRIPTOR_BYTES : 0;
  const out = Buffer.allocUnsafe(prefix + length);
  out.fill(BLANK);
  if (withBlock) writeDigits(out, 0, DESCRIPTOR_BYTES, length + DESCRIPTOR_BYTES);
  writeDigits(out, prefix, DESCRIPTOR_BYTES, length);
  return { out, at: prefix };
}

/** The bytes of a header record. */
export function encodeHeader(header: Metro2Header, options: EncodeOptions): Buffer {
  const length = recordLength(header.recordDescriptorWord, FIXED_RECORD_BYTES);
  const { out, at } = frame(length, options.blocked);
  encodeSegment(HEADER_LAYOUT, header, out, at, null, options.onProblem ?? thrower);
  return out;
}

/** The bytes of a trailer record. */
export function encodeTrailer(trailer: Metro2Trailer, options: EncodeOptions): Buffer {
  const length = recordLength(trailer.recordDescriptorWord, FIXED_RECORD_BYTES);
  const { out, at } = frame(length, options.blocked && trailer.blockDescriptorWord !== null);
  encodeSegment(TRAILER_LAYOUT, trailer, out, at, null, options.onProblem ?? thrower);
  return out;
}

/** The appended segments of a record, in writing order, with their numbers. */
export function segmentsOf(
  record: Metro2DataRecord,
): { name: AppendedSegmentName; number: number; value: object }[] {
  const list: { name: AppendedSegmentName; number: number; value: object }[] = [];
  for (const name of APPENDED_SEGMENTS) {
    const value = record[SEGMENT_KEYS[name]] as object | object[] | null | undefined;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) list.push({ name, number: i + 1, value: value[i] as object });
    } else if (value) list.push({ name, number: 1, value });
  }
  return list;
}

/** The bytes of a data record: base segment, appended segments in order, padding. */
export function encodeDataRecord(record: Metro2DataRecord, options: EncodeOptions): Buffer {
  const onProblem = options.onProblem ?? thrower;
  let segments = segmentsOf(record);
  let content = FIXED_RECORD_BYTES;
  for (let i = 0; i < segments.length; i++) {
    const next = content + SEGMENT_LAYOUTS[segments[i]!.name].length;
    if (next > MAX_RECORD_BYTES) {
      onProblem(
        'base',
        null,
        'recordDescriptorWord',
        `the segments make the record longer than ${MAX_RECORD_BYTES} bytes: ${segments.length - i} left out`,
      );
      segments = segments.slice(0, i);
      break;
    }
    content = next;
  }
  const length = recordLength(record.base.recordDescriptorWord, content);
  const { out, at } = frame(length, options.blocked);
  encodeSegment(BASE_LAYOUT, record.base, out, at, null, onProblem);
  let offset = at + FIXED_RECORD_BYTES;
  for (const segment of segments) {
    const layout = SEGMENT_LAYOUTS[segment.name];
    encodeSegment(layout, segment.value, out, offset, segment.number, onProblem);
    offset += layout.length;
  }
  return out;
}
