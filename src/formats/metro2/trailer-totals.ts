/**
 * Recomputes the trailer totals from the data records as they stream by: records, status counts,
 * segments, ECOA Z, SSNs, dates of birth and telephone numbers (base, J1 and J2), and blocks.
 * An SSN counts when it is neither zero- nor 9-filled, a date of birth or telephone number when it
 * is not zero. K3 segments all count (moov-io/metro2 counts only those of agency 00).
 *
 * @example
 *   const totals = new TrailerTotals();
 *   totals.addBase(buf, start); totals.addSegment('J1', buf, segmentStart);
 *   totals.values().totalBaseRecords // 1
 */
import { INVALID, readDigits, readText } from './bytes.js';
import type { AppendedSegmentName } from './field-types.js';
import { BASE_LAYOUT } from './layout-base.js';
import { J1_LAYOUT } from './layout-segments.js';
import { TRAILER_TOTAL_FIELDS } from './layout-trailer.js';
import type { Metro2Trailer } from './model-types.js';

/** Names of the trailer totals, in layout order. */
export type TrailerTotalName = Exclude<keyof Metro2Trailer, 'blockDescriptorWord' | 'recordDescriptorWord'>;
export const TRAILER_TOTAL_NAMES = TRAILER_TOTAL_FIELDS.map((f) => f.name) as readonly TrailerTotalName[];

const INDEX = new Map(TRAILER_TOTAL_NAMES.map((name, i) => [name, i]));
const at = (name: TrailerTotalName) => INDEX.get(name)!;
const STATUS_INDEX = new Map(
  TRAILER_TOTAL_NAMES.filter((n) => n.startsWith('totalStatusCode')).map((n) => [n.slice(15), at(n)]),
);
const SEGMENT_INDEX: Readonly<Record<AppendedSegmentName, number>> = {
  J1: at('totalConsumerSegmentsJ1'),
  J2: at('totalConsumerSegmentsJ2'),
  K1: at('totalOriginalCreditorSegments'),
  K2: at('totalPurchasedToSegments'),
  K3: at('totalMortgageInformationSegments'),
  K4: at('totalPaymentInformationSegments'),
  L1: at('totalChangeSegments'),
  N1: at('totalEmploymentSegments'),
};
const I = {
  base: at('totalBaseRecords'),
  blocks: at('blockCount'),
  ecoaZ: at('totalECOACodeZ'),
  ssnAll: at('totalSocialNumbersAllSegments'),
  ssnBase: at('totalSocialNumbersBaseSegments'),
  ssnJ1: at('totalSocialNumbersJ1Segments'),
  ssnJ2: at('totalSocialNumbersJ2Segments'),
  dobAll: at('totalDatesBirthAllSegments'),
  dobBase: at('totalDatesBirthBaseSegments'),
  dobJ1: at('totalDatesBirthJ1Segments'),
  dobJ2: at('totalDatesBirthJ2Segments'),
  phoneAll: at('totalTelephoneNumbersAllSegments'),
};
const UNKNOWN_SSN = 999_999_999;

/** Offsets (0-based, from the segment start) of the consumer fields in base, J1 and J2 segments. */
interface ConsumerOffsets {
  ssn: number;
  dob: number;
  phone: number;
  ecoa: number;
}
const offsetsOf = (layout: typeof BASE_LAYOUT | typeof J1_LAYOUT): ConsumerOffsets => ({
  ssn: layout.byName.socialSecurityNumber.start - 1,
  dob: layout.byName.dateBirth.start - 1,
  phone: layout.byName.telephoneNumber.start - 1,
  ecoa: layout.byName.ecoaCode.start - 1,
});
const BASE_OFFSETS = offsetsOf(BASE_LAYOUT);
const J_OFFSETS = offsetsOf(J1_LAYOUT); // J2 has the same positions for these fields
const STATUS_OFFSET = BASE_LAYOUT.byName.accountStatus.start - 1;

export class TrailerTotals {
  private readonly counts = new Float64Array(TRAILER_TOTAL_NAMES.length);
  /** Blocks seen; when the file has no blocks, each record is one. */
  blocks = 0;

  private consumer(buf: Buffer, start: number, o: ConsumerOffsets, ssn: number, dob: number): void {
    const c = this.counts;
    const number = readDigits(buf, start + o.ssn, start + o.ssn + 9);
    if (number > 0 && number !== UNKNOWN_SSN) {
      c[ssn]!++;
      c[I.ssnAll]!++;
    }
    if (readDigits(buf, start + o.dob, start + o.dob + 8) > 0) {
      c[dob]!++;
      c[I.dobAll]!++;
    }
    if (readDigits(buf, start + o.phone, start + o.phone + 10) > 0) c[I.phoneAll]!++;
    if (buf[start + o.ecoa] === 0x5a) c[I.ecoaZ]!++;
  }

  /** Counts a base segment (a data record). */
  addBase(buf: Buffer, start: number): void {
    this.counts[I.base]!++;
    const status = STATUS_INDEX.get(readText(buf, start + STATUS_OFFSET, start + STATUS_OFFSET + 2));
    if (status !== undefined) this.counts[status]!++;
    this.consumer(buf, start, BASE_OFFSETS, I.ssnBase, I.dobBase);
  }

  /** Counts a non-blank appended segment. */
  addSegment(name: AppendedSegmentName, buf: Buffer, start: number): void {
    this.counts[SEGMENT_INDEX[name]]!++;
    if (name === 'J1') this.consumer(buf, start, J_OFFSETS, I.ssnJ1, I.dobJ1);
    else if (name === 'J2') this.consumer(buf, start, J_OFFSETS, I.ssnJ2, I.dobJ2);
  }

  /** The totals; the block count is `blocks` when given, else data records + 2 (one record per block,
   *  header and trailer included). */
  values(blocks?: number): Record<TrailerTotalName, number> {
    const out = {} as Record<TrailerTotalName, number>;
    TRAILER_TOTAL_NAMES.forEach((name, i) => {
      out[name] = this.counts[i]!;
    });
    out.blockCount = blocks ?? out.totalBaseRecords + 2;
    return out;
  }
}

/** Whether readDigits found digits (for callers that compare totals). */
export const isNumber = (value: number) => value !== INVALID;
