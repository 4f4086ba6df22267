/**
 * Checks one record: every field of the record and of each appended segment against its layout
 * (field-check.ts), then the record rules of each (rules.ts), then for the trailer every total
 * against the recount. It reads the bytes in place, so validating builds no JSON model.
 *
 * @example
 *   const validator = new RecordValidator({ today: 20250630 });
 *   validator.base(scanned, segmentList, report);
 */
import { INVALID, isBlank, readDate, readDigits } from './bytes.js';
import { checkFields } from './field-check.js';
import { FieldReader } from './field-reader.js';
import type { SegmentLayout, SegmentName } from './field-types.js';
import type { ScannedRecord } from './framing-types.js';
import { BASE_LAYOUT, type BaseFieldName } from './layout-base.js';
import { HEADER_LAYOUT } from './layout-header.js';
import { SEGMENT_LAYOUTS } from './layout-segments.js';
import { TRAILER_LAYOUT } from './layout-trailer.js';
import { FIXED_RECORD_BYTES } from './limits.js';
import type { RuleContext } from './rule-types.js';
import { RULES_BY_SEGMENT } from './rules.js';
import type { SegmentList } from './segment-scan.js';
import { TRAILER_TOTAL_NAMES, type TrailerTotalName } from './trailer-totals.js';

/** Receives each finding of a record: rule, segment, its number, field, 1-based position in the record, message. */
export type RecordReport = (
  rule: string,
  segment: SegmentName,
  segmentNumber: number | null,
  field: string | null,
  recordPosition: number | null,
  message: string,
) => void;

interface SegmentChecker {
  readonly layout: SegmentLayout;
  readonly reader: FieldReader;
  readonly flags: Uint8Array;
}

const checkerOf = (layout: SegmentLayout): SegmentChecker => ({
  layout,
  reader: new FieldReader(layout),
  flags: new Uint8Array(layout.fields.length),
});

export class RecordValidator {
  /** The header's activity date (YYYYMMDD), 0 before a header is read. */
  activityDate = 0;
  private readonly baseChecker = checkerOf(BASE_LAYOUT);
  private readonly checkers: Readonly<Record<string, SegmentChecker>> = {
    header: checkerOf(HEADER_LAYOUT),
    base: this.baseChecker,
    trailer: checkerOf(TRAILER_LAYOUT),
    ...Object.fromEntries(Object.entries(SEGMENT_LAYOUTS).map(([name, layout]) => [name, checkerOf(layout)])),
  };
  private readonly context: { today: number; activityDate: number; base: FieldReader<BaseFieldName> };

  constructor(options: { today: number }) {
    this.context = {
      today: options.today,
      activityDate: 0,
      base: this.baseChecker.reader as FieldReader<BaseFieldName>,
    };
  }

  /** Field checks and record rules of one segment at `start` (`offset`: its offset in the record). */
  private segment(
    segment: SegmentName,
    number: number | null,
    buf: Buffer,
    start: number,
    offset: number,
    report: RecordReport,
  ): void {
    const checker = this.checkers[segment]!;
    const { layout, flags, reader } = checker;
    const failed = checkFields(layout, buf, start, flags, (field, rule, message) =>
      report(rule, segment, number, field.name, offset + field.start, message),
    );
    reader.at(buf, start);
    const context: RuleContext = this.context;
    for (const rule of RULES_BY_SEGMENT[segment]) {
      if (failed > 0) {
        let skip = false;
        for (const name of rule.fields) {
          const index = layout.indexOf[name as keyof typeof layout.indexOf];
          if (index !== undefined && flags[index] === 1) {
            skip = true;
            break;
          }
        }
        if (skip) continue;
      }
      const violations = rule.check(reader, context);
      for (const v of violations) {
        const spec = layout.byName[v.field as keyof typeof layout.byName];
        report(rule.id, segment, number, v.field, spec ? offset + spec.start : null, v.message);
      }
    }
  }

  private noSegments(raw: ScannedRecord, report: RecordReport): void {
    if (
      raw.length > FIXED_RECORD_BYTES &&
      !isBlank(raw.buf, raw.start + FIXED_RECORD_BYTES, raw.start + raw.length)
    )
      report(
        'SEG-NOT-APPLICABLE',
        raw.kind,
        null,
        null,
        FIXED_RECORD_BYTES + 1,
        `the ${raw.kind} record has ${raw.length - FIXED_RECORD_BYTES} bytes after its 426 that are not blank`,
      );
  }

  header(raw: ScannedRecord, report: RecordReport, validate: boolean): void {
    const date = readDate(raw.buf, raw.start + HEADER_LAYOUT.byName.activityDate.start - 1);
    this.activityDate = date === INVALID ? 0 : date;
    this.context.activityDate = this.activityDate;
    if (!validate) return;
    this.noSegments(raw, report);
    this.segment('header', null, raw.buf, raw.start, 0, report);
  }

  base(raw: ScannedRecord, segments: SegmentList, report: RecordReport): void {
    this.segment('base', null, raw.buf, raw.start, 0, report);
    for (let i = 0; i < segments.count; i++) {
      const offset = segments.offsets[i]!;
      this.segment(segments.name(i), segments.numbers[i]!, raw.buf, raw.start + offset, offset, report);
    }
  }

  trailer(raw: ScannedRecord, totals: Record<TrailerTotalName, number>, report: RecordReport): void {
    this.noSegments(raw, report);
    this.segment('trailer', null, raw.buf, raw.start, 0, report);
    for (const name of TRAILER_TOTAL_NAMES) {
      const spec = TRAILER_LAYOUT.byName[name];
      const s = raw.start + spec.start - 1;
      const declared = readDigits(raw.buf, s, s + spec.length);
      if (declared === INVALID) continue;
      const expected = totals[name];
      if (declared !== expected)
        report(
          'T-TOTAL',
          'trailer',
          null,
          name,
          spec.start,
          `${name} is ${declared}; the file has ${expected}`,
        );
    }
  }
}
