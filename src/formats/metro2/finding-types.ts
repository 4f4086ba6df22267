/**
 * A finding of the Metro 2 reader or validator: which rule, how severe, where (record, account,
 * segment, field, byte positions) and what. Every finding is reported, not only the first.
 *
 * @example
 *   { severity: 'error', rule: 'B-ZERO-BALANCE', recordNumber: 2, accountNumber: '553723456',
 *     segment: 'base', segmentNumber: null, field: 'currentBalance', filePosition: 581,
 *     recordPosition: 155, message: 'status 62 (paid or closed) with a current balance of 2233: expected 0' }
 */
import type { SegmentName } from './field-types.js';

export type Severity = 'error' | 'warning';

export interface Metro2Finding {
  severity: Severity;
  /** Id of the rule broken (docs/metro2-rules.md). */
  rule: string;
  /** 1-based number of the record in the file (the header is 1; in a one-record-per-line file,
   *  the line number); 0 for a finding about the whole file. */
  recordNumber: number;
  /** Consumer account number of the data record, when the record has one. */
  accountNumber: string | null;
  /** Record or segment; 'file' for the file as a whole. */
  segment: SegmentName | 'file';
  /** 1-based number of the segment among those of its kind in the record (the second J1: 2). */
  segmentNumber: number | null;
  /** Field name in the JSON model, when the finding is about one field. */
  field: string | null;
  /** 1-based byte position in the file of the field (or of the record), when known. For JSON input:
   *  the position in the Metro 2 bytes the JSON converts to. */
  filePosition: number | null;
  /** 1-based byte position within the record (the record descriptor word is at 1). */
  recordPosition: number | null;
  message: string;
}
