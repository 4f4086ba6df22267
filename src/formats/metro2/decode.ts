/**
 * The reader's second half: a record's bytes to the JSON model. Values that failed their field
 * check become the field's empty value (0, '', null); the findings say which. Blank placeholder
 * segments were already dropped by the segment scan.
 *
 * @example
 *   const record = decodeDataRecord(scanned, segmentList); // { base: {...}, j1: [], ... }
 */
import {
  checkTimestamp,
  formatDate,
  INVALID,
  isZeroOrBlank,
  readDate,
  readDigits,
  readText,
  trimmedEnd,
} from './bytes.js';
import type { SegmentLayout } from './field-types.js';
import type { ScannedRecord } from './framing-types.js';
import { BASE_LAYOUT } from './layout-base.js';
import { HEADER_LAYOUT } from './layout-header.js';
import { SEGMENT_LAYOUTS } from './layout-segments.js';
import { TRAILER_LAYOUT } from './layout-trailer.js';
import { DESCRIPTOR_BYTES } from './limits.js';
import type { Metro2Base, Metro2DataRecord, Metro2Header, Metro2Trailer } from './model-types.js';
import { SEGMENT_KEYS } from './model-types.js';
import type { SegmentList } from './segment-scan.js';

type Values = Record<string, unknown>;
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Per layout, an object with every model key in order: each decoded object starts as a copy of
 *  it, so all objects of a kind share one shape and decoding only overwrites values. */
const templates = new WeakMap<SegmentLayout, Values>();
function templateOf(layout: SegmentLayout): Values {
  let template = templates.get(layout);
  if (!template) {
    template = {};
    for (const spec of layout.modelFields) {
      if (spec.type === 'descriptor') {
        template.blockDescriptorWord = null;
        template.recordDescriptorWord = 0;
      } else template[spec.name] = null;
    }
    // Rebuilt by JSON.parse, which makes an object with fast properties (one built key by key
    // turns into a slow dictionary past a dozen keys, and so would every copy of it).
    template = JSON.parse(JSON.stringify(template)) as Values;
    templates.set(layout, template);
  }
  return template;
}

/** The JSON model values of the segment at `start` (identifiers and reserved areas left out; the
 *  descriptor words, for records, are set by the caller). */
export function decodeSegment(layout: SegmentLayout, buf: Buffer, start: number): Values {
  const out: Values = { ...templateOf(layout) };
  // One string for the segment, sliced in JS: cheaper than a Buffer call per field.
  let text: string | null = null;
  for (const spec of layout.modelFields) {
    const s = start + spec.start - 1;
    const e = s + spec.length;
    switch (spec.type) {
      case 'descriptor':
        break;
      case 'numeric':
      case 'money': {
        const value = readDigits(buf, s, e);
        out[spec.name] = value === INVALID ? 0 : value;
        break;
      }
      case 'digits':
        if (isZeroOrBlank(buf, s, e) || readDigits(buf, s, e) === INVALID) out[spec.name] = null;
        else {
          text ??= buf.toString('latin1', start, start + layout.length);
          out[spec.name] = text.slice(s - start, e - start);
        }
        break;
      case 'alphanumeric': {
        const end = trimmedEnd(buf, s, e);
        if (end - s <= 3) out[spec.name] = readText(buf, s, end);
        else {
          text ??= buf.toString('latin1', start, start + layout.length);
          out[spec.name] = text.slice(s - start, end - start);
        }
        break;
      }
      case 'date': {
        const date = readDate(buf, s);
        out[spec.name] = date > 0 ? formatDate(date) : null;
        break;
      }
      case 'timestamp': {
        if (checkTimestamp(buf, s) === 1) {
          const time = readDigits(buf, s + 8, s + 14);
          out[spec.name] =
            `${formatDate(readDate(buf, s))}T${two(Math.floor(time / 10000))}:${two(Math.floor(time / 100) % 100)}:${two(time % 100)}`;
        } else out[spec.name] = null;
        break;
      }
    }
  }
  return out;
}

/** A record's model with its descriptor words as declared (computed when not digits). */
function decodeRecord(layout: SegmentLayout, raw: ScannedRecord): Values {
  const out = decodeSegment(layout, raw.buf, raw.start);
  out.blockDescriptorWord =
    raw.blockDescriptorWord === null
      ? null
      : raw.blockDescriptorWord === INVALID
        ? raw.length + DESCRIPTOR_BYTES
        : raw.blockDescriptorWord;
  out.recordDescriptorWord = raw.recordDescriptorWord === INVALID ? raw.length : raw.recordDescriptorWord;
  return out;
}

export function decodeHeader(raw: ScannedRecord): Metro2Header {
  return decodeRecord(HEADER_LAYOUT, raw) as unknown as Metro2Header;
}

export function decodeTrailer(raw: ScannedRecord): Metro2Trailer {
  return decodeRecord(TRAILER_LAYOUT, raw) as unknown as Metro2Trailer;
}

export function decodeDataRecord(raw: ScannedRecord, segments: SegmentList): Metro2DataRecord {
  const record: Metro2DataRecord = {
    base: decodeRecord(BASE_LAYOUT, raw) as unknown as Metro2Base,
    j1: [],
    j2: [],
    k1: null,
    k2: null,
    k3: null,
    k4: null,
    l1: null,
    n1: null,
  };
  for (let i = 0; i < segments.count; i++) {
    const name = segments.name(i);
    const value = decodeSegment(SEGMENT_LAYOUTS[name], raw.buf, raw.start + segments.offsets[i]!);
    if (name === 'J1') record.j1.push(value as unknown as Metro2DataRecord['j1'][number]);
    else if (name === 'J2') record.j2.push(value as unknown as Metro2DataRecord['j2'][number]);
    else (record as unknown as Values)[SEGMENT_KEYS[name]] = value;
  }
  return record;
}
