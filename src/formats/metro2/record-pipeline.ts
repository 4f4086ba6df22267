/**
 * The reading pipeline: framing (frame-scanner.ts), appended segments (segment-scan.ts), the
 * order of header, data records and trailer, validation (record-validator.ts, optional), the
 * trailer recount and the summary. It is push-based and synchronous: each record is handed to
 * `onItem` while its bytes are valid, so a caller decodes it there or not at all (the validator
 * alone builds no JSON model). readMetro2 and validateMetro2 are built on it.
 *
 * @example
 *   const pipeline = new RecordPipeline({ validate: true, today: 20250630 }, (item) => {...});
 *   for await (const chunk of stream) pipeline.push(chunk);
 *   pipeline.end();
 */
import { INVALID, readDigits, readText } from './bytes.js';
import { APPENDED_SEGMENTS, type AppendedSegmentName, type SegmentName } from './field-types.js';
import type { Metro2Finding } from './finding-types.js';
import { FrameScanner } from './frame-scanner.js';
import type { FramingPlace, ScannedRecord } from './framing-types.js';
import { BASE_LAYOUT } from './layout-base.js';
import { FIXED_RECORD_BYTES } from './limits.js';
import { type RecordReport, RecordValidator } from './record-validator.js';
import { RULE_BY_ID } from './rules.js';
import { SegmentList, scanSegments } from './segment-scan.js';
import type { Metro2Summary } from './summary-types.js';
import { TrailerTotals } from './trailer-totals.js';

/** One record handed on by the pipeline; `raw` and `segments` are valid only during the call. */
export interface PipelineItem {
  kind: 'header' | 'data' | 'trailer' | 'unparseable' | 'findings';
  recordNumber: number;
  /** 0-based offset in the input of the record (or line), -1 for findings without a record. */
  fileOffset: number;
  length: number;
  raw: ScannedRecord | null;
  segments: SegmentList | null;
  findings: readonly Metro2Finding[];
}

export interface PipelineOptions {
  /** Run the field checks and record rules (framing and file findings are always reported). */
  validate: boolean;
  /** Today as YYYYMMDD. */
  today: number;
}

const NO_FINDINGS = Object.freeze([]) as readonly Metro2Finding[];
const ACCOUNT = BASE_LAYOUT.byName.consumerAccountNumber;
const STATUS = BASE_LAYOUT.byName.accountStatus;
const BALANCE = BASE_LAYOUT.byName.currentBalance;

export class RecordPipeline {
  readonly summary: Metro2Summary;
  private readonly scanner: FrameScanner;
  private readonly validator: RecordValidator;
  private readonly segments = new SegmentList();
  private readonly totals = new TrailerTotals();
  private pending: Metro2Finding[] = [];
  private pendingRecord = -1;
  private records = 0;
  private headerLength = -1;
  private firstDataSeen = false;
  private trailerSeen = false;
  /** The record being checked (for the account number and byte positions of its findings). */
  private current: ScannedRecord | null = null;
  private currentAccount: string | null | undefined;
  private readonly report: RecordReport;

  constructor(
    private readonly options: PipelineOptions,
    private readonly onItem: (item: PipelineItem) => void,
  ) {
    this.summary = {
      framing: { mode: 'unknown', blocked: false, lineSeparator: '', finalLineSeparator: false },
      readable: true,
      header: false,
      trailer: false,
      records: 0,
      unparseable: 0,
      segments: Object.fromEntries(APPENDED_SEGMENTS.map((s) => [s, 0])) as Record<
        AppendedSegmentName,
        number
      >,
      accountStatus: {},
      currentBalanceTotal: 0,
      errors: 0,
      warnings: 0,
      findingsByRule: {},
    };
    this.validator = new RecordValidator({ today: options.today });
    this.report = (rule, segment, segmentNumber, field, recordPosition, message) => {
      const raw = this.current!;
      this.add(
        this.finding(
          rule,
          raw.recordNumber,
          segment,
          segmentNumber,
          field,
          recordPosition,
          message,
          raw.fileOffset,
        ),
      );
    };
    this.scanner = new FrameScanner({
      record: (raw) => this.record(raw),
      unparseable: (recordNumber, fileOffset, length) => {
        this.summary.unparseable++;
        this.emit('unparseable', recordNumber, fileOffset, length, null, null);
      },
      finding: (rule, place, message) => this.framingFinding(rule, place, message),
    });
    this.summary.framing = this.scanner.info;
  }

  push(chunk: Buffer): void {
    this.scanner.push(chunk);
  }

  /** Ends the input: reports what is missing at the end and settles the summary. */
  end(): void {
    this.scanner.end();
    if (this.scanner.stopped === 'format' && this.scanner.recordNumber === 0) this.summary.readable = false;
    if (!this.trailerSeen && this.scanner.stopped === null && this.scanner.recordNumber > 0)
      this.add(
        this.finding('FILE-TRAILER', 0, 'file', null, null, null, 'the file has no trailer record', null),
      );
    this.flush();
  }

  /** Counts a finding made outside the pipeline (JSON input) in the summary. */
  count(finding: Metro2Finding): void {
    if (finding.severity === 'error') this.summary.errors++;
    else this.summary.warnings++;
    this.summary.findingsByRule[finding.rule] = (this.summary.findingsByRule[finding.rule] ?? 0) + 1;
  }

  /** A finding of the file as a whole, e.g. FILE-UNWRAPPED. */
  fileFinding(rule: string, message: string): void {
    this.add(this.finding(rule, 0, 'file', null, null, null, message, null));
    this.flush();
  }

  private finding(
    rule: string,
    recordNumber: number,
    segment: SegmentName | 'file',
    segmentNumber: number | null,
    field: string | null,
    recordPosition: number | null,
    message: string,
    recordOffset: number | null,
  ): Metro2Finding {
    const finding: Metro2Finding = {
      severity: RULE_BY_ID.get(rule)?.severity ?? 'error',
      rule,
      recordNumber,
      accountNumber: recordNumber > 0 ? this.accountNumber(recordNumber) : null,
      segment,
      segmentNumber,
      field,
      filePosition: recordOffset === null ? null : recordOffset + (recordPosition ?? 1),
      recordPosition,
      message,
    };
    this.count(finding);
    return finding;
  }

  private accountNumber(recordNumber: number): string | null {
    const raw = this.current;
    if (!raw || raw.recordNumber !== recordNumber || raw.kind !== 'base') return null;
    if (this.currentAccount === undefined) {
      const s = raw.start + ACCOUNT.start - 1;
      this.currentAccount = readText(raw.buf, s, s + ACCOUNT.length) || null;
    }
    return this.currentAccount;
  }

  private add(finding: Metro2Finding): void {
    if (finding.recordNumber !== this.pendingRecord) this.flush();
    this.pendingRecord = finding.recordNumber;
    this.pending.push(finding);
  }

  /** Hands on findings that no record took (blank lines, file findings). */
  private flush(): void {
    if (this.pending.length === 0) return;
    const findings = this.pending;
    this.pending = [];
    this.onItem({
      kind: 'findings',
      recordNumber: this.pendingRecord,
      fileOffset: -1,
      length: 0,
      raw: null,
      segments: null,
      findings,
    });
  }

  /** Hands on a finding about another record than the one being read, leaving its findings alone. */
  private standalone(finding: Metro2Finding): void {
    this.onItem({
      kind: 'findings',
      recordNumber: finding.recordNumber,
      fileOffset: -1,
      length: 0,
      raw: null,
      segments: null,
      findings: [finding],
    });
  }

  private framingFinding(rule: string, place: FramingPlace, message: string): void {
    this.add(
      this.finding(
        rule,
        place.recordNumber,
        place.segment ?? 'file',
        null,
        place.field ?? null,
        place.recordPosition,
        message,
        place.fileOffset,
      ),
    );
  }

  private takeFindings(recordNumber: number): readonly Metro2Finding[] {
    if (this.pending.length === 0) return NO_FINDINGS;
    if (this.pendingRecord !== recordNumber) {
      this.flush();
      return NO_FINDINGS;
    }
    const findings = this.pending;
    this.pending = [];
    return findings;
  }

  private emit(
    kind: PipelineItem['kind'],
    recordNumber: number,
    fileOffset: number,
    length: number,
    raw: ScannedRecord | null,
    segments: SegmentList | null,
  ): void {
    this.onItem({
      kind,
      recordNumber,
      fileOffset,
      length,
      raw,
      segments,
      findings: this.takeFindings(recordNumber),
    });
  }

  private record(raw: ScannedRecord): void {
    this.current = raw;
    this.currentAccount = undefined;
    const first = this.records++ === 0;
    const n = raw.recordNumber;
    if (this.trailerSeen)
      this.add(
        this.finding(
          'FILE-AFTER-TRAILER',
          n,
          raw.kind,
          null,
          null,
          null,
          `a ${raw.kind} record after the trailer`,
          raw.fileOffset,
        ),
      );
    if (raw.kind === 'header') {
      if (!first) {
        this.add(
          this.finding(
            'FILE-HEADER-REPEATED',
            n,
            'header',
            null,
            null,
            1,
            'a second header record: not read',
            raw.fileOffset,
          ),
        );
        this.summary.unparseable++;
        this.emit('unparseable', n, raw.fileOffset, raw.length, null, null);
        return;
      }
      this.summary.header = true;
      this.headerLength = raw.length;
      this.validator.header(raw, this.report, this.options.validate);
      this.emit('header', n, raw.fileOffset, raw.length, raw, null);
      return;
    }
    if (first)
      this.add(
        this.finding(
          'FILE-HEADER',
          n,
          'file',
          null,
          null,
          null,
          `the file starts with a ${raw.kind} record, not a header`,
          raw.fileOffset,
        ),
      );
    if (raw.kind === 'trailer') {
      this.trailerSeen = true;
      this.summary.trailer = true;
      if (this.options.validate) this.validator.trailer(raw, this.totals.values(), this.report);
      this.emit('trailer', n, raw.fileOffset, raw.length, raw, null);
      return;
    }
    const segments = this.segments;
    const parsed = scanSegments(
      raw.buf,
      raw.start,
      raw.length,
      segments,
      (rule, offset, segment, number, message) =>
        this.report(rule, segment, number, null, offset + 1, message),
    );
    if (!parsed) {
      this.summary.unparseable++;
      this.emit('unparseable', n, raw.fileOffset, raw.length, null, null);
      return;
    }
    if (!this.firstDataSeen) {
      this.firstDataSeen = true;
      const h = this.headerLength;
      if (h > 0 && h !== FIXED_RECORD_BYTES && h !== raw.length)
        this.standalone(
          this.finding(
            'FRAME-HEADER-LENGTH',
            1,
            'header',
            null,
            'recordDescriptorWord',
            1,
            `the header has ${h} bytes: expected 426, or the ${raw.length} bytes of the data records`,
            null,
          ),
        );
    }
    this.countRecord(raw, segments);
    if (this.options.validate) this.validator.base(raw, segments, this.report);
    this.emit('data', n, raw.fileOffset, raw.length, raw, segments);
  }

  private countRecord(raw: ScannedRecord, segments: SegmentList): void {
    const summary = this.summary;
    summary.records++;
    const b = raw.buf;
    const s = raw.start;
    this.totals.addBase(b, s);
    const status = readText(b, s + STATUS.start - 1, s + STATUS.start + 1);
    summary.accountStatus[status] = (summary.accountStatus[status] ?? 0) + 1;
    const balance = readDigits(b, s + BALANCE.start - 1, s + BALANCE.start - 1 + BALANCE.length);
    if (balance !== INVALID) summary.currentBalanceTotal += balance;
    for (let i = 0; i < segments.count; i++) {
      const name = segments.name(i);
      summary.segments[name]++;
      this.totals.addSegment(name, b, s + segments.offsets[i]!);
    }
  }
}
