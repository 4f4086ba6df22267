/**
 * What reading a whole file adds up to: records read and not read, segments, statuses, the sum of
 * current balances, findings per severity and per rule, and how the file was framed.
 *
 * @example
 *   summary.records // 3 data records read
 *   summary.accountStatus // { '11': 2, '13': 1 }
 */
import type { AppendedSegmentName } from './field-types.js';
import type { FramingInfo } from './framing-types.js';

export interface Metro2Summary {
  /** How the file was framed (mode 'unknown' when it was not read at all). */
  framing: FramingInfo;
  /** False when nothing could be read: not Metro 2 character data, packed, or wrapped. */
  readable: boolean;
  header: boolean;
  trailer: boolean;
  /** Data records read. */
  records: number;
  /** Records or lines that could not be read. */
  unparseable: number;
  /** Non-blank appended segments read. */
  segments: Record<AppendedSegmentName, number>;
  /** Data records per account status code (as found, valid or not). */
  accountStatus: Record<string, number>;
  /** Sum of the current balances of the data records, whole dollars. */
  currentBalanceTotal: number;
  errors: number;
  warnings: number;
  /** Findings per rule id. */
  findingsByRule: Record<string, number>;
}
