/**
 * Finds the segments appended to a base segment: after byte 426, segments recognised by their
 * 2-byte identifier (J1, J2, K1, K2, K3, K4, L1, N1), then blank padding up to the end of the
 * record. Blank placeholder segments (an identifier followed by blanks and zero-filled numbers and
 * dates) are skipped. Anything else makes the record unparseable.
 *
 * @example
 *   const list = new SegmentList();
 *   if (scanSegments(buf, start, length, list, report)) for (let i = 0; i < list.count; i++) ...
 */
import { isBlank, isZeroOrBlank } from './bytes.js';
import {
  APPENDED_SEGMENTS,
  type AppendedSegmentName,
  DIGIT_TYPES,
  type SegmentLayout,
} from './field-types.js';
import { SEGMENT_LAYOUTS } from './layout-segments.js';
import { FIXED_RECORD_BYTES, MAX_RECORD_BYTES } from './limits.js';

/** The most segments a record can hold (the shortest segment, K4, is 30 bytes). */
export const MAX_SEGMENTS_PER_RECORD = Math.ceil((MAX_RECORD_BYTES - FIXED_RECORD_BYTES) / 30);

/** Segments found in one record: kind (index into APPENDED_SEGMENTS), offset from the record start
 *  and number among the segments of its kind. Reused from record to record. */
export class SegmentList {
  count = 0;
  readonly kinds = new Uint8Array(MAX_SEGMENTS_PER_RECORD);
  readonly offsets = new Int32Array(MAX_SEGMENTS_PER_RECORD);
  readonly numbers = new Int32Array(MAX_SEGMENTS_PER_RECORD);
  /** Segments of each kind (non-blank, duplicates of K1-N1 excluded). */
  readonly perKind = new Int32Array(APPENDED_SEGMENTS.length);

  name(i: number): AppendedSegmentName {
    return APPENDED_SEGMENTS[this.kinds[i]!]!;
  }
}

/** Where a segment finding points: offset from the record start, segment, and its number. */
export type SegmentReport = (
  rule: string,
  recordOffset: number,
  segment: AppendedSegmentName | 'base',
  segmentNumber: number | null,
  message: string,
) => void;

const KIND_BY_ID = new Map<number, number>(
  APPENDED_SEGMENTS.map((name, index) => [name.charCodeAt(0) * 256 + name.charCodeAt(1), index]),
);
const LAYOUTS: readonly SegmentLayout[] = APPENDED_SEGMENTS.map((name) => SEGMENT_LAYOUTS[name]);
const REPEATABLE = 2; // J1 and J2 (indexes 0 and 1) may repeat

/** Whether the segment at `start` is a blank placeholder: every field blank, or zero for numbers and dates. */
export function isPlaceholder(layout: SegmentLayout, buf: Buffer, start: number): boolean {
  for (const field of layout.fields) {
    if (field.type === 'identifier') continue;
    const s = start + field.start - 1;
    const e = s + field.length;
    const empty =
      DIGIT_TYPES.has(field.type) || field.type === 'date' || field.type === 'timestamp'
        ? isZeroOrBlank(buf, s, e)
        : isBlank(buf, s, e);
    if (!empty) return false;
  }
  return true;
}

/** Scans the appended segments of the base record at `start`; false (after a report) when the
 *  bytes after the base are not segments and padding. */
export function scanSegments(
  buf: Buffer,
  start: number,
  length: number,
  list: SegmentList,
  report: SegmentReport,
): boolean {
  list.count = 0;
  list.perKind.fill(0);
  let offset = FIXED_RECORD_BYTES;
  let lastKind = -1;
  while (offset < length) {
    const at = start + offset;
    const kind = length - offset >= 2 ? KIND_BY_ID.get(buf[at]! * 256 + buf[at + 1]!) : undefined;
    if (kind === undefined) {
      if (isBlank(buf, at, start + length)) return true;
      report(
        'SEG-UNKNOWN',
        offset,
        'base',
        null,
        `bytes ${offset + 1}-${length} are neither a segment (J1, J2, K1-K4, L1, N1) nor blank padding: ${JSON.stringify(buf.toString('latin1', at, Math.min(at + 20, start + length)))}`,
      );
      return false;
    }
    const layout = LAYOUTS[kind]!;
    const name = APPENDED_SEGMENTS[kind]!;
    if (offset + layout.length > length) {
      report(
        'SEG-LENGTH',
        offset,
        name,
        null,
        `${name} segment at position ${offset + 1} needs ${layout.length} bytes; the record ends after ${length - offset}`,
      );
      return false;
    }
    if (!isPlaceholder(layout, buf, at)) {
      const number = list.perKind[kind]! + 1;
      if (kind < lastKind)
        report(
          'SEG-ORDER',
          offset,
          name,
          number,
          `${name} after ${APPENDED_SEGMENTS[lastKind]}: segments go in the order J1, J2, K1, K2, K3, K4, L1, N1`,
        );
      if (kind >= REPEATABLE && number > 1) {
        report(
          'SEG-DUPLICATE',
          offset,
          name,
          number,
          `a second ${name} segment: ignored (at most one per record)`,
        );
      } else {
        const i = list.count++;
        list.kinds[i] = kind;
        list.offsets[i] = offset;
        list.numbers[i] = number;
        list.perKind[kind] = number;
      }
      lastKind = Math.max(lastKind, kind);
    }
    offset += layout.length;
  }
  return true;
}
