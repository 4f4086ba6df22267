/**
 * What the framing scanner hands on: one record's bytes with its descriptor words and position,
 * and how the file was framed.
 *
 * @example
 *   sink.record({ recordNumber: 2, kind: 'base', buf, start: 430, length: 1264, fileOffset: 430, ... });
 */
import type { LineSeparator } from './model-types.js';

export type RecordKind = 'header' | 'base' | 'trailer';

/** A record cut out of the input. `buf` is only valid during the call that receives it. */
export interface ScannedRecord {
  /** 1-based number of the record (in a one-record-per-line file: the line number). */
  recordNumber: number;
  kind: RecordKind;
  buf: Buffer;
  /** Offset in `buf` of the record's first byte (its record descriptor word). */
  start: number;
  /** Length of the record in bytes (a short line is padded with blanks to 426). */
  length: number;
  /** 0-based offset in the input of the record's first byte. */
  fileOffset: number;
  /** Block descriptor word before the record: null when none, INVALID when not digits. */
  blockDescriptorWord: number | null;
  /** Record descriptor word as declared: INVALID when not digits. */
  recordDescriptorWord: number;
}

/** How the scanner frames the input. */
export interface FramingInfo {
  /** 'lines': one record per line, the line gives the length; 'length': the descriptor words do. */
  mode: 'lines' | 'length' | 'unknown';
  blocked: boolean;
  lineSeparator: LineSeparator;
  /** Whether the last record is followed by a line separator. */
  finalLineSeparator: boolean;
}

/** Where a framing finding points. */
export interface FramingPlace {
  recordNumber: number;
  /** 0-based offset in the input, or null. */
  fileOffset: number | null;
  /** 1-based position in the record, or null. */
  recordPosition: number | null;
  segment?: RecordKind | 'file';
  field?: string | null;
}

export interface ScanSink {
  record(record: ScannedRecord): void;
  /** A record or line that cannot be read: already reported by a finding. */
  unparseable(recordNumber: number, fileOffset: number, length: number): void;
  finding(rule: string, place: FramingPlace, message: string): void;
}
