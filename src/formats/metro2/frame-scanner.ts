/**
 * Cuts a Metro 2 character file into records, chunk by chunk, holding at most one chunk and one
 * record in memory. It decides the framing once, from the start of the file:
 * - `HEADER` at byte 9 (else a block descriptor word equal to the record descriptor word + 4):
 *   blocked; `HEADER` at byte 5 or a record descriptor word first: not blocked;
 * - a line break right after the first record, or where the first record's descriptor word is not
 *   a plausible length (CFPB files carry `0006`): one record per line, the line gives the length
 *   and the descriptor words are checked against it;
 * - otherwise the descriptor words give the lengths (fixed-length and blocked files; line breaks
 *   between records are skipped, a line break inside a record makes it unparseable).
 * Bytes inside a record are never removed. Packed files are recognised and refused.
 *
 * @example
 *   const scanner = new FrameScanner({ record(r) {...}, unparseable() {...}, finding() {...} });
 *   for await (const chunk of stream) scanner.push(chunk);
 *   scanner.end();
 */
import { BLANK, CR, INVALID, isBlank, LF, readDigits } from './bytes.js';
import type { FramingInfo, RecordKind, ScanSink } from './framing-types.js';
import { BASE_LAYOUT } from './layout-base.js';
import { HEADER_LAYOUT } from './layout-header.js';
import { TRAILER_LAYOUT } from './layout-trailer.js';
import {
  DESCRIPTOR_BYTES,
  DETECT_WINDOW_BYTES,
  FIXED_RECORD_BYTES,
  MAX_BLOCK_BYTES,
  MAX_LINE_BYTES,
  MAX_RECORD_BYTES,
} from './limits.js';

const EMPTY = Buffer.alloc(0);
/** The shortest record descriptor word that can frame a record: up to the record identifier. */
const MIN_FRAMING_RDW = 11;
const MINIMUM_BYTES: Readonly<Record<RecordKind, number>> = {
  header: HEADER_LAYOUT.minimumBytes,
  base: BASE_LAYOUT.minimumBytes,
  trailer: TRAILER_LAYOUT.minimumBytes,
};
/** Bytes of a new chunk copied to finish a record that straddles two chunks: more than any record. */
const STRADDLE_BYTES = DETECT_WINDOW_BYTES + 2 * DESCRIPTOR_BYTES;
const HEADER_ID = Buffer.from('HEADER', 'latin1');
const TRAILER_ID = Buffer.from('TRAILER', 'latin1');

function matches(buf: Buffer, at: number, word: Buffer): boolean {
  if (at + word.length > buf.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[at + i] !== word[i]) return false;
  return true;
}

/** Header, trailer or base, from the record identifier at position 5. */
export function kindAt(buf: Buffer, recordStart: number): RecordKind {
  if (matches(buf, recordStart + 4, HEADER_ID)) return 'header';
  if (matches(buf, recordStart + 4, TRAILER_ID)) return 'trailer';
  return 'base';
}

function lineBreakIn(buf: Buffer, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b === LF || b === CR) return i;
  }
  return -1;
}

const quote = (buf: Buffer, start: number, length: number) =>
  JSON.stringify(buf.toString('latin1', start, Math.min(buf.length, start + length)));

export class FrameScanner {
  readonly info: FramingInfo = {
    mode: 'unknown',
    blocked: false,
    lineSeparator: '',
    finalLineSeparator: false,
  };
  /** Why reading stopped before the end: the file is not Metro 2 character data ('format'), or its
   *  framing was lost midway ('framing'). */
  stopped: 'format' | 'framing' | null = null;
  /** Bytes held between pushes (a partial record, or the detection window). */
  get bufferedBytes(): number {
    return this.data.length;
  }
  /** Records and lines seen so far (the number of the last one). */
  recordNumber = 0;

  private data: Buffer = EMPTY;
  /** Offset in the input of data[0]. */
  private dataOffset = 0;
  private ended = false;
  private skippingLine = false;
  private blockRemaining = 0;
  private blockDescriptor: number | null = null;
  private fixedLength = -1;
  private separatorSeen = false;
  private readonly padded = Buffer.alloc(FIXED_RECORD_BYTES);

  constructor(private readonly sink: ScanSink) {}

  /**
   * Takes the next chunk. Records are cut from the chunk in place; only a record that straddles two
   * chunks is copied, with the head of the new chunk, into a small buffer. Once push returns, the
   * scanner holds no reference to an earlier chunk, so a reader may reuse its buffers.
   */
  push(chunk: Buffer): void {
    if (this.stopped || chunk.length === 0) return;
    if (this.data.length === 0 || this.info.mode === 'unknown') {
      this.data = this.data.length === 0 ? chunk : Buffer.concat([this.data, chunk]);
      this.process();
      return;
    }
    // Finish the straddling record from the head of the chunk, then go on in the chunk itself.
    const head = chunk.subarray(0, Math.min(chunk.length, STRADDLE_BYTES));
    this.data = Buffer.concat([this.data, head]);
    this.process();
    if (this.stopped || head.length === chunk.length) return;
    if (this.data.length > head.length) this.data = Buffer.concat([this.data, chunk.subarray(head.length)]);
    else this.data = chunk.subarray(head.length - this.data.length);
    this.process();
  }

  end(): void {
    this.ended = true;
    if (!this.stopped) this.process();
    this.data = EMPTY;
  }

  private process(): void {
    if (this.info.mode === 'unknown' && !this.detect()) return;
    if (this.info.mode === 'lines') this.processLines();
    else this.processLength();
  }

  private consume(pos: number): void {
    this.dataOffset += pos;
    this.data = pos >= this.data.length ? EMPTY : this.data.subarray(pos);
  }

  private fatal(rule: string, message: string): void {
    this.sink.finding(
      rule,
      { recordNumber: 0, fileOffset: 0, recordPosition: null, segment: 'file' },
      message,
    );
    this.stopped = 'format';
    this.data = EMPTY;
  }

  /** Decides the framing from the first bytes; false while more bytes are needed (or on a fatal finding). */
  private detect(): boolean {
    const d = this.data;
    if (d.length < DETECT_WINDOW_BYTES && !this.ended) return false;
    if (d.length === 0) {
      this.fatal('FILE-FORMAT', 'the file is empty');
      return false;
    }
    if (d.length >= 4 && d[2] === 0 && d[3] === 0) {
      const block = (d[0]! << 8) | d[1]!;
      const record = d.length >= 8 && d[6] === 0 && d[7] === 0 ? (d[4]! << 8) | d[5]! : null;
      const words = record === null ? `record ${block}` : `block ${block}, record ${record}`;
      this.fatal(
        'FILE-PACKED',
        `packed Metro 2 (binary descriptor words: ${words}) is not supported: send the character format`,
      );
      return false;
    }
    const first = readDigits(d, 0, Math.min(4, d.length));
    const second = d.length >= 8 ? readDigits(d, 4, 8) : INVALID;
    let blocked: boolean;
    if (matches(d, 8, HEADER_ID) || matches(d, 8, TRAILER_ID)) blocked = true;
    else if (matches(d, 4, HEADER_ID) || matches(d, 4, TRAILER_ID)) blocked = false;
    else if (d.length >= 4 && first !== INVALID)
      blocked = second !== INVALID && first === second + DESCRIPTOR_BYTES;
    else {
      this.fatal(
        'FILE-FORMAT',
        `not a Metro 2 character file: it starts with ${quote(d, 0, 12)}, not a record descriptor word (4 digits) with HEADER at byte 5 or 9`,
      );
      return false;
    }
    this.info.blocked = blocked;
    const lineBreak = lineBreakIn(d, 0, Math.min(d.length, DETECT_WINDOW_BYTES));
    const declared = first; // the block descriptor word when blocked, else the record descriptor word
    const recordStart = blocked ? DESCRIPTOR_BYTES : 0;
    const plausible = declared !== INVALID && declared >= FIXED_RECORD_BYTES + recordStart;
    if (lineBreak === -1 || (plausible && lineBreak > declared)) this.info.mode = 'length';
    else if (
      plausible &&
      lineBreak < declared &&
      lineBreak < recordStart + MINIMUM_BYTES[kindAt(d, recordStart)]
    ) {
      this.fatal(
        'FRAME-WRAPPED',
        `line break at byte ${lineBreak + 1}, inside the first record (${declared} bytes declared): the file looks wrapped at a fixed width; read it with unwrap (--unwrap) to remove the line breaks`,
      );
      return false;
    } else this.info.mode = 'lines';
    return true;
  }

  // ------------------------------------------------------------------ one record per line

  private processLines(): void {
    const d = this.data;
    let pos = 0;
    while (pos < d.length) {
      const nl = d.indexOf(LF, pos);
      if (this.skippingLine) {
        if (nl === -1) {
          pos = d.length;
          break;
        }
        this.skippingLine = false;
        pos = nl + 1;
        continue;
      }
      if (nl === -1) {
        if (!this.ended) {
          if (d.length - pos > MAX_LINE_BYTES) {
            this.overlongLine(pos);
            pos = d.length;
          }
          break;
        }
        this.line(d, pos, d.length);
        this.info.finalLineSeparator = false;
        pos = d.length;
        break;
      }
      let end = nl;
      if (end > pos && d[end - 1] === CR) end--;
      if (this.info.lineSeparator === '') this.info.lineSeparator = end < nl ? '\r\n' : '\n';
      if (end - pos > MAX_LINE_BYTES) {
        this.overlongLine(pos);
        this.skippingLine = false;
      } else this.line(d, pos, end);
      this.info.finalLineSeparator = true;
      pos = nl + 1;
    }
    this.consume(pos);
  }

  private overlongLine(pos: number): void {
    this.recordNumber++;
    const fileOffset = this.dataOffset + pos;
    this.sink.finding(
      'FRAME-LENGTH',
      { recordNumber: this.recordNumber, fileOffset, recordPosition: 1 },
      `line longer than ${MAX_LINE_BYTES} bytes (the longest record a 4-digit descriptor word can declare): skipped`,
    );
    this.sink.unparseable(this.recordNumber, fileOffset, MAX_LINE_BYTES);
    this.skippingLine = true;
  }

  private line(d: Buffer, s: number, e: number): void {
    const recordNumber = ++this.recordNumber;
    const fileOffset = this.dataOffset + s;
    const sink = this.sink;
    if (e === s || isBlank(d, s, e)) {
      sink.finding(
        'FRAME-BLANK-LINE',
        { recordNumber, fileOffset, recordPosition: null },
        'blank line: skipped',
      );
      return;
    }
    let rec = s;
    let bdw: number | null = null;
    if (this.info.blocked && !(matches(d, s + 4, HEADER_ID) || matches(d, s + 4, TRAILER_ID))) {
      bdw = e - s >= DESCRIPTOR_BYTES ? readDigits(d, s, s + DESCRIPTOR_BYTES) : INVALID;
      rec = s + DESCRIPTOR_BYTES;
    }
    const recordOffset = this.dataOffset + rec;
    const length = e - rec;
    const kind = kindAt(d, rec);
    const place = { recordNumber, fileOffset: recordOffset, recordPosition: 1, segment: kind };
    if (length < FIXED_RECORD_BYTES && length < MINIMUM_BYTES[kind]) {
      sink.finding(
        'FRAME-LENGTH',
        place,
        `the line holds a ${length}-byte record: too short for a ${kind} record (426 bytes; at least ${MINIMUM_BYTES[kind]} if trailing blanks were trimmed)`,
      );
      sink.unparseable(recordNumber, fileOffset, e - s);
      return;
    }
    let buf = d;
    let start = rec;
    let size = length;
    if (length < FIXED_RECORD_BYTES) {
      sink.finding(
        'FRAME-SHORT-LINE',
        place,
        `the line holds ${length} bytes of a 426-byte ${kind} record: the missing ${FIXED_RECORD_BYTES - length} bytes are read as blanks`,
      );
      d.copy(this.padded, 0, rec, e);
      this.padded.fill(BLANK, length);
      buf = this.padded;
      start = 0;
      size = FIXED_RECORD_BYTES;
    }
    const rdw = readDigits(d, rec, rec + DESCRIPTOR_BYTES);
    if (rdw === INVALID)
      sink.finding(
        'FRAME-RDW',
        { ...place, field: 'recordDescriptorWord' },
        `record descriptor word ${quote(d, rec, 4)} is not 4 digits (the line holds ${size} bytes)`,
      );
    else if (rdw !== size)
      sink.finding(
        'FRAME-RDW',
        { ...place, field: 'recordDescriptorWord' },
        `record descriptor word declares ${rdw} bytes; the line holds a ${size}-byte record`,
      );
    if (bdw !== null) {
      const blockPlace = {
        recordNumber,
        fileOffset,
        recordPosition: null,
        segment: kind,
        field: 'blockDescriptorWord',
      };
      if (bdw === INVALID)
        sink.finding('FRAME-BDW', blockPlace, `block descriptor word ${quote(d, s, 4)} is not 4 digits`);
      else if (bdw !== size + DESCRIPTOR_BYTES)
        sink.finding(
          'FRAME-BDW',
          blockPlace,
          `block descriptor word declares ${bdw} bytes; the block on this line holds ${size + DESCRIPTOR_BYTES} (record descriptor word ${rdw === INVALID ? 'invalid' : rdw} + 4)`,
        );
    }
    sink.record({
      recordNumber,
      kind,
      buf,
      start,
      length: size,
      fileOffset: recordOffset,
      blockDescriptorWord: bdw,
      recordDescriptorWord: rdw,
    });
  }

  // ------------------------------------------------------------------ framed by descriptor words

  private processLength(): void {
    const d = this.data;
    const sink = this.sink;
    let pos = 0;
    for (;;) {
      while (pos < d.length && (d[pos] === LF || d[pos] === CR)) {
        if (this.info.lineSeparator === '') this.info.lineSeparator = d[pos] === CR ? '\r\n' : '\n';
        this.separatorSeen = true;
        this.info.finalLineSeparator = true;
        pos++;
      }
      if (pos >= d.length) break;
      const available = d.length - pos;
      if (this.info.blocked && this.blockRemaining === 0 && !matches(d, pos + 4, TRAILER_ID)) {
        if (available < MIN_FRAMING_RDW + DESCRIPTOR_BYTES && !this.ended) break;
        const bdw = available >= DESCRIPTOR_BYTES ? readDigits(d, pos, pos + DESCRIPTOR_BYTES) : INVALID;
        if (bdw === INVALID || bdw < DESCRIPTOR_BYTES + MIN_FRAMING_RDW || bdw > MAX_BLOCK_BYTES) {
          this.lose(pos, `block descriptor word ${quote(d, pos, 4)}`);
          return;
        }
        this.blockDescriptor = bdw;
        this.blockRemaining = bdw - DESCRIPTOR_BYTES;
        pos += DESCRIPTOR_BYTES;
        continue;
      }
      if (available < DESCRIPTOR_BYTES) {
        if (this.ended) {
          this.truncated(pos, available, null);
          pos = d.length;
        }
        break;
      }
      const rdw = readDigits(d, pos, pos + DESCRIPTOR_BYTES);
      if (rdw === INVALID || rdw < MIN_FRAMING_RDW) {
        if (this.info.blocked && this.blockRemaining > 0) {
          // The block declares more bytes than its records hold.
          const rest = this.blockRemaining;
          sink.finding(
            'FRAME-BDW',
            {
              recordNumber: this.recordNumber,
              fileOffset: this.dataOffset + pos,
              recordPosition: null,
              field: 'blockDescriptorWord',
            },
            `block descriptor word declares ${rest} bytes more than its records hold`,
          );
          this.blockRemaining = 0;
          if (available >= rest && isBlank(d, pos, pos + rest)) pos += rest;
          continue;
        }
        this.lose(pos, `record descriptor word ${quote(d, pos, 4)}`);
        return;
      }
      if (available < rdw) {
        if (this.ended) {
          this.truncated(pos, available, rdw);
          pos = d.length;
        }
        break;
      }
      const recordNumber = ++this.recordNumber;
      const fileOffset = this.dataOffset + pos;
      this.info.finalLineSeparator = false;
      let bdw: number | null = null;
      if (this.info.blocked && this.blockRemaining > 0) {
        if (rdw > this.blockRemaining)
          sink.finding(
            'FRAME-BDW',
            { recordNumber, fileOffset, recordPosition: 1, field: 'blockDescriptorWord' },
            `the ${rdw}-byte record goes past the end of its block (${this.blockRemaining} bytes left of the block descriptor word's ${this.blockDescriptor ?? '?'})`,
          );
        bdw = this.blockDescriptor;
        this.blockDescriptor = null;
        this.blockRemaining = Math.max(0, this.blockRemaining - rdw);
      }
      const lineBreak = lineBreakIn(d, pos, pos + rdw);
      const kind = kindAt(d, pos);
      if (lineBreak !== -1) {
        sink.finding(
          'FRAME-LINE-BREAK',
          { recordNumber, fileOffset, recordPosition: lineBreak - pos + 1, segment: kind },
          `line break at position ${lineBreak - pos + 1} inside the ${rdw}-byte record (a wrapped file? read it with unwrap)`,
        );
        sink.unparseable(recordNumber, fileOffset, rdw);
        pos += rdw;
        continue;
      }
      if (rdw < FIXED_RECORD_BYTES) {
        sink.finding(
          'FRAME-LENGTH',
          { recordNumber, fileOffset, recordPosition: 1, segment: kind, field: 'recordDescriptorWord' },
          `record descriptor word declares ${rdw} bytes: a ${kind} record has 426`,
        );
        sink.unparseable(recordNumber, fileOffset, rdw);
        pos += rdw;
        continue;
      }
      if (!this.info.blocked && !this.separatorSeen) {
        if (this.fixedLength < 0) this.fixedLength = rdw;
        else if (rdw !== this.fixedLength)
          sink.finding(
            'FRAME-FIXED-LENGTH',
            { recordNumber, fileOffset, recordPosition: 1, segment: kind, field: 'recordDescriptorWord' },
            `a ${rdw}-byte record in a fixed-length file whose header has ${this.fixedLength} bytes`,
          );
      }
      sink.record({
        recordNumber,
        kind,
        buf: d,
        start: pos,
        length: rdw,
        fileOffset,
        blockDescriptorWord: bdw,
        recordDescriptorWord: rdw,
      });
      pos += rdw;
    }
    this.consume(pos);
  }

  private truncated(pos: number, available: number, declared: number | null): void {
    const recordNumber = ++this.recordNumber;
    const fileOffset = this.dataOffset + pos;
    this.sink.finding(
      'FRAME-LENGTH',
      { recordNumber, fileOffset, recordPosition: 1 },
      declared === null
        ? `the file ends with ${available} bytes that are not a record`
        : `the file ends inside a record: ${declared} bytes declared, ${available} present`,
    );
    this.sink.unparseable(recordNumber, fileOffset, available);
  }

  private lose(pos: number, what: string): void {
    const recordNumber = ++this.recordNumber;
    const fileOffset = this.dataOffset + pos;
    this.sink.finding(
      'FRAME-LOST',
      { recordNumber, fileOffset, recordPosition: null },
      `cannot frame the rest of the file from byte ${fileOffset + 1}: ${what} is not a length of 11 to ${MAX_RECORD_BYTES} bytes`,
    );
    this.sink.unparseable(recordNumber, fileOffset, this.data.length - pos);
    this.stopped = 'framing';
    this.data = EMPTY;
  }
}
