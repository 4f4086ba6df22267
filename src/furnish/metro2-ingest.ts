/**
 * Furnishes a Metro 2 character file through the canonical pipeline (furnishBatch): the file is
 * streamed and validated record by record (readMetro2), each data record is mapped to canonical
 * lines (metro2-mapping.ts), and the lines are cut into batches within the pipeline's limits, one
 * part at a time, never splitting a record: batch ids `${batchId}.p1`, `.p2`, ... So a file sent
 * again replays part by part (nothing changes), and the same id with other content is refused
 * (409), exactly as for canonical batches. Persons are linked by SSN under the US profile,
 * whatever the bureau's own profile. A record with a Metro 2 error, or without an SSN that can
 * link it, has all its lines stored as rejects with those findings (fixable by canonical lines
 * with "fixes"). Memory: one part's lines, whatever the size of the file.
 *
 * @example
 *   const result = await furnishMetro2(bureau.furnishDeps, { furnisherId: 2, batchId: '2025-05', source: path });
 *   result.parts.map((p) => p.batch.batchId) // ['2025-05.p1', '2025-05.p2']
 */
import { todayUtc } from '../domain/calendar.js';
import { US_PROFILE } from '../domain/jurisdiction.js';
import { BATCH_ID_PATTERN, MAX_BATCH_BYTES, MAX_BATCH_RECORDS } from '../formats/canonical/limits.js';
import type { Finding } from '../formats/canonical/record-types.js';
import { RECORD_RULES } from '../formats/canonical/rules.js';
import {
  METRO2_RULES,
  type Metro2DataRecord,
  type Metro2Finding,
  type Metro2Source,
  readMetro2,
} from '../formats/metro2/index.js';
import { type FurnishDeps, type FurnishResult, furnishBatch } from './furnish-batch.js';
import { FurnishError } from './furnish-errors.js';
import { Metro2IngestError } from './metro2-errors.js';
import {
  canonicalToMetro2,
  fromMappingFinding,
  fromMetro2Finding,
  type Metro2IngestFinding,
  type RecordPlace,
  recordPlace,
  storedMappingFinding,
  storedMetro2Finding,
} from './metro2-findings.js';
import { type MappedRecord, type Metro2MappingContext, mapMetro2Record } from './metro2-mapping.js';
import { Metro2Part, type PartLine, type TakenPart } from './metro2-part.js';
import { SSN_LINK_RULE } from './metro2-person.js';
import type { BatchSummary } from './ports.js';

/** Findings returned with the answer; every reject stays stored with all of its findings. */
export const MAX_METRO2_FINDINGS_IN_RESPONSE = 1_000;
/** Parts of one file: the suffix `.p` and at most 6 digits. */
export const MAX_METRO2_PARTS = 999_999;
/** Longest batch id of a Metro 2 file: the part suffix must fit in a batch id (64 characters). */
export const MAX_METRO2_BATCH_ID_CHARS = 64 - `.p${MAX_METRO2_PARTS}`.length;

export interface Metro2IngestInput {
  furnisherId: number;
  /** The file's batch id; each part is stored as `${batchId}.p${n}`. */
  batchId: string;
  /** A path (gzip is inflated), a Readable or an async iterable of bytes. */
  source: Metro2Source;
  /** Part limits (tests make them small); default the pipeline's batch limits. */
  limits?: { records: number; bytes: number };
}

export interface Metro2PartSummary {
  batch: BatchSummary;
  /** The part was already on file with the same content: nothing changed. */
  replayed: boolean;
  /** Record numbers (in the file) of the part's first and last data record. */
  firstRecord: number;
  lastRecord: number;
}

export interface Metro2IngestResult {
  /** Data records read; records or lines that could not be read (reported, nothing stored). */
  records: number;
  unparseable: number;
  header: boolean;
  trailer: boolean;
  /** Data records with a Metro 2 error or an SSN that cannot link them: all their lines are rejects. */
  recordsRejected: number;
  /** Canonical lines the records became, accepted and rejected (all parts). */
  lines: number;
  accepted: number;
  rejected: number;
  parts: Metro2PartSummary[];
  /** Metro 2 findings of the reader and validator, by severity. */
  errors: number;
  warnings: number;
  /** The first MAX_METRO2_FINDINGS_IN_RESPONSE findings, each at its Metro 2 position. */
  findings: Metro2IngestFinding[];
  findingsTruncated: boolean;
  /** Findings per rule, all of them (canonical findings: as far as each part's answer lists them). */
  findingsByRule: Record<string, number>;
}

/** Rules whose findings are given to the pipeline (reported once per record from the originals). */
const PRE_RULES = new Set<string>([...METRO2_RULES.map((r) => r.id), SSN_LINK_RULE]);
/** Canonical rules that look at the rest of the batch: on a rejected record they only repeat the rejection. */
const CONTEXT_RULES = new Set(RECORD_RULES.filter((r) => r.needs === 'context').map((r) => r.id));
/** Header fields a Metro 2 ingest needs to read (the date the facts are reported on). */
const HEADER_DATES = new Set(['activityDate', 'dateCreated']);

/** Errors reject the record they are reported on, but for those about the file as a whole (FILE-*:
 *  no header, records after the trailer), which say nothing of the record's content. */
const rejectsRecord = (f: Metro2Finding) => f.severity === 'error' && !f.rule.startsWith('FILE-');

/** The furnishing deps of a Metro 2 ingest: persons are linked by SSN (US profile). */
export function metro2Deps(deps: FurnishDeps): FurnishDeps {
  return { ...deps, profile: US_PROFILE };
}

class FindingList {
  readonly list: Metro2IngestFinding[] = [];
  readonly byRule: Record<string, number> = {};
  truncated = false;
  add(f: Metro2IngestFinding): void {
    this.byRule[f.rule] = (this.byRule[f.rule] ?? 0) + 1;
    if (this.list.length < MAX_METRO2_FINDINGS_IN_RESPONSE) this.list.push(f);
    else this.truncated = true;
  }
}

function checkBatchId(batchId: string): void {
  if (!BATCH_ID_PATTERN.test(batchId) || batchId.length > MAX_METRO2_BATCH_ID_CHARS)
    throw new Metro2IngestError(
      'invalid_batch_id',
      `batch id: expected 1-${MAX_METRO2_BATCH_ID_CHARS} characters of letters, digits and . _ : - starting with a letter or digit (each part of the file is stored as ID.pN)`,
    );
}

function lineOf(record: MappedRecord['lines'][number]): PartLine {
  const text = JSON.stringify(record.record);
  return { text, bytes: Buffer.byteLength(text, 'utf8'), person: record.person, kind: record.record.kind };
}

/**
 * Streams a Metro 2 file into the bureau; see the module comment.
 *
 * @example
 *   const r = await furnishMetro2(deps, { furnisherId: 1, batchId: 'm2-2025-05', source: Readable.from([bytes]) });
 *   r.findings.filter((f) => f.severity === 'error') // each with record number, field and byte position
 */
export async function furnishMetro2(
  deps: FurnishDeps,
  input: Metro2IngestInput,
): Promise<Metro2IngestResult> {
  checkBatchId(input.batchId);
  const usDeps = metro2Deps(deps);
  const today = todayUtc(deps.now?.() ?? new Date());
  const context: Metro2MappingContext = { activityDate: null, today };
  const part = new Metro2Part(input.limits ?? { records: MAX_BATCH_RECORDS, bytes: MAX_BATCH_BYTES });
  const findings = new FindingList();
  const parts: Metro2PartSummary[] = [];
  const totals = { lines: 0, accepted: 0, rejected: 0, recordsRejected: 0 };
  const partId = (n: number) => `${input.batchId}.p${n}`;

  const flush = async () => {
    if (part.lineCount === 0) return;
    const n = parts.length + 1;
    if (n > MAX_METRO2_PARTS)
      throw new Metro2IngestError(
        'too_many_parts',
        `a file is furnished in at most ${MAX_METRO2_PARTS} parts`,
        413,
      );
    const taken = part.take();
    const result = await furnishPart(usDeps, input.furnisherId, partId(n), taken);
    parts.push({
      batch: result.batch,
      replayed: result.replayed,
      firstRecord: taken.firstRecord,
      lastRecord: taken.lastRecord,
    });
    totals.lines += result.batch.records;
    totals.accepted += result.batch.accepted;
    totals.rejected += result.batch.rejected;
    for (const f of result.findings) {
      if (PRE_RULES.has(f.rule)) continue;
      const origin = taken.origins[f.line - 1];
      if (!origin || (origin.place.hasErrors && CONTEXT_RULES.has(f.rule))) continue;
      findings.add(canonicalToMetro2(f, origin, partId(n)));
    }
    if (result.findingsTruncated) findings.truncated = true;
  };

  const addRecord = async (
    record: Metro2DataRecord,
    recordNumber: number,
    filePosition: number,
    found: readonly Metro2Finding[],
  ) => {
    const mapped = mapMetro2Record(record, context);
    const errors = found.filter(rejectsRecord);
    const rejected = errors.length > 0 || mapped.rejection !== null;
    const place = recordPlace(record, recordNumber, filePosition, found, rejected);
    const lines = mapped.lines.map(lineOf);
    if (!part.fits(lines)) await flush();
    const batchId = partId(parts.length + 1);
    let numbers: number[] = [];
    if (lines.length > 0)
      numbers = part.add(
        place,
        lines,
        rejected ? (n) => storedFindings(n, place, errors, mapped) : undefined,
      );
    if (rejected) totals.recordsRejected += 1;
    const stored = numbers.length > 0 ? batchId : null;
    for (const f of found)
      findings.add(fromMetro2Finding(f, rejectsRecord(f) ? stored : null, rejectsRecord(f) ? numbers : []));
    if (mapped.rejection) findings.add(fromMappingFinding(mapped.rejection, place, 'error', stored, numbers));
    for (const note of mapped.notes) findings.add(fromMappingFinding(note, place, 'warning', null, []));
  };

  let summary:
    | {
        records: number;
        unparseable: number;
        header: boolean;
        trailer: boolean;
        readable: boolean;
        errors: number;
        warnings: number;
      }
    | undefined;
  let firstFileError: Metro2Finding | undefined;
  for await (const item of readMetro2(input.source, { validate: true, today })) {
    switch (item.kind) {
      case 'header': {
        const unreadable = item.findings.find(
          (f) =>
            f.severity === 'error' &&
            f.field !== null &&
            HEADER_DATES.has(f.field) &&
            f.rule.startsWith('FIELD-'),
        );
        if (unreadable)
          throw new Metro2IngestError(
            'metro2_header_unreadable',
            `the header's ${unreadable.field} cannot be read (${unreadable.rule}, byte ${unreadable.filePosition}): nothing was stored; correct the header and send the file again`,
          );
        context.activityDate = item.header.activityDate ?? item.header.dateCreated;
        for (const f of item.findings) findings.add(fromMetro2Finding(f, null, []));
        break;
      }
      case 'data':
        await addRecord(item.record, item.recordNumber, item.filePosition, item.findings);
        break;
      case 'trailer':
      case 'unparseable':
      case 'findings':
        for (const f of item.findings) {
          if (f.severity === 'error' && f.segment === 'file') firstFileError ??= f;
          findings.add(fromMetro2Finding(f, null, []));
        }
        break;
      case 'end':
        summary = { ...item.summary };
        break;
    }
  }
  await flush();
  if (!summary) throw new Error('invariant: the reader ended without a summary');
  if (!summary.readable && parts.length === 0)
    throw new Metro2IngestError(
      'metro2_unreadable',
      `not a Metro 2 character file${firstFileError ? ` (${firstFileError.rule}: ${firstFileError.message})` : ''}: nothing was stored`,
    );
  if (summary.records === 0 && summary.unparseable === 0)
    throw new Metro2IngestError('empty_file', 'the file holds no data records: nothing was stored');
  return {
    records: summary.records,
    unparseable: summary.unparseable,
    header: summary.header,
    trailer: summary.trailer,
    recordsRejected: totals.recordsRejected,
    lines: totals.lines,
    accepted: totals.accepted,
    rejected: totals.rejected,
    parts,
    errors: summary.errors,
    warnings: summary.warnings,
    findings: findings.list,
    findingsTruncated: findings.truncated,
    findingsByRule: findings.byRule,
  };
}

/** The findings stored with each line of a rejected record. */
function storedFindings(
  line: number,
  place: RecordPlace,
  errors: readonly Metro2Finding[],
  mapped: MappedRecord,
): Finding[] {
  const out = errors.map((f) => storedMetro2Finding(line, f));
  if (mapped.rejection) out.push(storedMappingFinding(line, place, mapped.rejection));
  return out;
}

/** One part through the pipeline; a refusal names the part and what was furnished before it. */
async function furnishPart(
  deps: FurnishDeps,
  furnisherId: number,
  batchId: string,
  taken: TakenPart,
): Promise<FurnishResult> {
  try {
    return await furnishBatch(deps, {
      furnisherId,
      batchId,
      body: taken.body,
      preFindings: taken.preFindings,
      format: 'metro2',
    });
  } catch (error) {
    if (!(error instanceof FurnishError)) throw error;
    const part = Number(batchId.slice(batchId.lastIndexOf('.p') + 2));
    const before = part > 1 ? `; parts 1-${part - 1} were furnished` : '; nothing was stored';
    throw new FurnishError(
      error.code,
      error.status,
      `part ${part} of the file (batch ${batchId}, records ${taken.firstRecord}-${taken.lastRecord}): ${error.message}${before}`,
    );
  }
}
