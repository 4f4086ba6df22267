/**
 * A reusable view of one record or segment in a Buffer that reads fields by name, byte-wise: the
 * business rules read numbers and dates through it without building the JSON model. Dates are
 * integers YYYYMMDD (0: not reported, INVALID: not a date); a blank numeric field reads as 0 (the
 * field check reports it).
 *
 * @example
 *   const r = new FieldReader(BASE_LAYOUT).at(buffer, recordStart);
 *   if (r.text('accountStatus') === '13' && r.int('currentBalance') > 0) report();
 */
import { INVALID, isBlank, isZeroOrBlank, readDate, readDigits, readText, trimmedEnd } from './bytes.js';
import type { FieldSpec, SegmentLayout } from './field-types.js';

export class FieldReader<N extends string = string> {
  buf: Buffer = Buffer.alloc(0);
  /** Offset in `buf` of the segment's first byte (position 1). */
  start = 0;

  constructor(readonly layout: SegmentLayout<N>) {}

  /** Points the reader at a segment starting at `start` in `buf`. */
  at(buf: Buffer, start: number): this {
    this.buf = buf;
    this.start = start;
    return this;
  }

  spec(name: N): FieldSpec {
    return this.layout.byName[name];
  }

  /** A numeric field: its value, 0 when blank, INVALID when not digits. */
  int(name: N): number {
    const f = this.layout.byName[name];
    const s = this.start + f.start - 1;
    const value = readDigits(this.buf, s, s + f.length);
    return value === INVALID && isBlank(this.buf, s, s + f.length) ? 0 : value;
  }

  /** A date field as YYYYMMDD: 0 when zero-filled or blank, INVALID when not a date. */
  date(name: N): number {
    const f = this.layout.byName[name];
    const s = this.start + f.start - 1;
    if (isBlank(this.buf, s, s + 8)) return 0;
    return readDate(this.buf, s);
  }

  /** An alphanumeric field without its trailing blanks. */
  text(name: N): string {
    const f = this.layout.byName[name];
    const s = this.start + f.start - 1;
    return readText(this.buf, s, s + f.length);
  }

  /** Offset in `buf` of the field's first byte (for byte-wise checks). */
  offset(name: N): number {
    return this.start + this.layout.byName[name].start - 1;
  }

  /** Whether the field, without trailing blanks, is not empty and holds only the byte `byte`. */
  isAll(name: N, byte: number): boolean {
    const f = this.layout.byName[name];
    const s = this.start + f.start - 1;
    const e = trimmedEnd(this.buf, s, s + f.length);
    if (e === s) return false;
    for (let i = s; i < e; i++) if (this.buf[i] !== byte) return false;
    return true;
  }

  /** Whether the field is empty: blank (alphanumeric), or zero or blank (numbers, dates). */
  isEmpty(name: N): boolean {
    const f = this.layout.byName[name];
    const s = this.start + f.start - 1;
    return f.type === 'alphanumeric' || f.type === 'reserved'
      ? isBlank(this.buf, s, s + f.length)
      : isZeroOrBlank(this.buf, s, s + f.length);
  }
}
