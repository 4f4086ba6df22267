/**
 * One part of a Metro 2 file on its way into the pipeline: the canonical lines of whole records,
 * within the batch limits (never one record's lines split across parts), the findings that reject
 * lines before the canonical rules run, and where each line came from.
 *
 * @example
 *   const part = new Metro2Part();
 *   if (!part.fits(lines)) await flush(part.take());
 *   part.add(place, lines, preFindingsOf);
 */
import type { Finding } from '../formats/canonical/record-types.js';
import type { RecordPlace } from './metro2-findings.js';
import type { LinePerson } from './metro2-mapping.js';

/** Where a canonical line came from. */
export interface LineOrigin {
  place: RecordPlace;
  person: LinePerson;
  kind: string;
}

/** A line ready for the pipeline: its JSON text and UTF-8 size. */
export interface PartLine {
  text: string;
  bytes: number;
  person: LinePerson;
  kind: string;
}

/** What a full part hands to the pipeline. */
export interface TakenPart {
  body: Buffer;
  preFindings: Map<number, Finding[]>;
  origins: LineOrigin[];
  firstRecord: number;
  lastRecord: number;
}

export class Metro2Part {
  private texts: string[] = [];
  private bytes = 0;
  private preFindings = new Map<number, Finding[]>();
  private origins: LineOrigin[] = [];
  private firstRecord = 0;
  private lastRecord = 0;

  constructor(private readonly limits: { records: number; bytes: number }) {}

  get lineCount(): number {
    return this.texts.length;
  }

  /** True when the lines of one more record fit (an empty part takes any record). */
  fits(lines: readonly PartLine[]): boolean {
    if (this.texts.length === 0) return true;
    let bytes = this.bytes;
    for (const line of lines) bytes += line.bytes + 1;
    return this.texts.length + lines.length <= this.limits.records && bytes <= this.limits.bytes;
  }

  /** Adds a record's lines; `findingsFor(line)` gives the findings that reject each (none: accepted
   *  or rejected by the canonical rules alone). Returns the line numbers the record got. */
  add(place: RecordPlace, lines: readonly PartLine[], findingsFor?: (line: number) => Finding[]): number[] {
    if (this.texts.length === 0) this.firstRecord = place.recordNumber;
    this.lastRecord = place.recordNumber;
    const numbers: number[] = [];
    for (const line of lines) {
      this.texts.push(line.text);
      this.bytes += line.bytes + (this.texts.length > 1 ? 1 : 0);
      this.origins.push({ place, person: line.person, kind: line.kind });
      const n = this.texts.length;
      numbers.push(n);
      if (findingsFor) this.preFindings.set(n, findingsFor(n));
    }
    return numbers;
  }

  /** The part's body and bookkeeping; the part is empty afterwards. */
  take(): TakenPart {
    const taken: TakenPart = {
      body: Buffer.from(this.texts.join('\n'), 'utf8'),
      preFindings: this.preFindings,
      origins: this.origins,
      firstRecord: this.firstRecord,
      lastRecord: this.lastRecord,
    };
    this.texts = [];
    this.bytes = 0;
    this.preFindings = new Map();
    this.origins = [];
    return taken;
  }
}
