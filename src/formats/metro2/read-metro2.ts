/**
 * Reads a Metro 2 character file as a stream of typed items: the header, each data record (base
 * segment with its J1, J2, K1-K4, L1 and N1 segments) and the trailer as JSON models, each with
 * its findings; records that cannot be read as 'unparseable' items; findings that belong to no
 * record; and at the end a summary. Memory stays bounded by one chunk of input (READ_CHUNK_BYTES)
 * and the items decoded from it, whatever the size of the file.
 *
 * @example
 *   for await (const item of readMetro2('2025-05.dat')) {
 *     if (item.kind === 'data' && !item.findings.some((f) => f.severity === 'error')) ingest(item.record);
 *   }
 */
import { INVALID, parseIsoDate, todayNumber } from './bytes.js';
import { decodeDataRecord, decodeHeader, decodeTrailer } from './decode.js';
import type { Metro2Finding } from './finding-types.js';
import { type Metro2Source, openInput, withoutLineBreaks } from './input-stream.js';
import type { Metro2DataRecord, Metro2Header, Metro2Trailer } from './model-types.js';
import { type PipelineItem, RecordPipeline } from './record-pipeline.js';
import type { Metro2Summary } from './summary-types.js';

export interface ReadOptions {
  /** Check fields and record rules (default true); framing findings are always reported. */
  validate?: boolean;
  /** Today, YYYY-MM-DD (default: the current UTC date): dates after it are in the future. */
  today?: string;
  /** Remove every CR and LF byte before framing (files wrapped at a fixed width). */
  unwrap?: boolean;
}

/** Where an item is: its 1-based record number and the 1-based byte position of its first byte. */
interface Place {
  recordNumber: number;
  filePosition: number;
  findings: readonly Metro2Finding[];
}

export type Metro2Item =
  | ({ kind: 'header'; header: Metro2Header } & Place)
  | ({ kind: 'data'; record: Metro2DataRecord } & Place)
  | ({ kind: 'trailer'; trailer: Metro2Trailer } & Place)
  | ({ kind: 'unparseable'; length: number } & Place)
  | { kind: 'findings'; findings: readonly Metro2Finding[] }
  | { kind: 'end'; summary: Metro2Summary };

/** Today as YYYYMMDD from an option. */
export function todayOption(today: string | undefined): number {
  if (today === undefined) return todayNumber();
  const value = parseIsoDate(today);
  if (value === INVALID) throw new RangeError(`today: ${today} is not a date YYYY-MM-DD`);
  return value;
}

function toItem(item: PipelineItem): Metro2Item {
  const place = {
    recordNumber: item.recordNumber,
    filePosition: item.fileOffset + 1,
    findings: item.findings,
  };
  switch (item.kind) {
    case 'header':
      return { kind: 'header', header: decodeHeader(item.raw!), ...place };
    case 'data':
      return { kind: 'data', record: decodeDataRecord(item.raw!, item.segments!), ...place };
    case 'trailer':
      return { kind: 'trailer', trailer: decodeTrailer(item.raw!), ...place };
    case 'unparseable':
      return { kind: 'unparseable', length: item.length, ...place };
    case 'findings':
      return { kind: 'findings', findings: item.findings };
  }
}

/** Reads a Metro 2 file (path, Readable or async iterable of bytes) item by item. */
export async function* readMetro2(
  source: Metro2Source,
  options: ReadOptions = {},
): AsyncGenerator<Metro2Item> {
  const out: Metro2Item[] = [];
  const pipeline = new RecordPipeline(
    { validate: options.validate ?? true, today: todayOption(options.today) },
    (item) => out.push(toItem(item)),
  );
  const counter = { removed: 0 };
  for await (const chunk of openInput(source)) {
    pipeline.push(options.unwrap ? withoutLineBreaks(chunk, counter) : chunk);
    // The items decoded from this chunk; their models hold no reference to its bytes.
    for (let i = 0; i < out.length; i++) yield out[i]!;
    out.length = 0;
  }
  pipeline.end();
  if (counter.removed > 0)
    pipeline.fileFinding(
      'FILE-UNWRAPPED',
      `${counter.removed} CR and LF bytes removed before framing (unwrap)`,
    );
  yield* out;
  yield { kind: 'end', summary: pipeline.summary };
}
