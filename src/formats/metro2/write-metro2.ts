/**
 * Writes a whole file from the JSON model: header, data records and trailer, each with computed
 * descriptor words, separated by the file's line separator, as a sequence of Buffers (so a large
 * file can be streamed). computeTrailer recounts the totals of the data records.
 *
 * @example
 *   const bytes = Buffer.concat([...encodeFile(file)]);
 *   file.trailer = computeTrailer(file);
 */
import {
  type EncodeOptions,
  type EncodeProblem,
  encodeDataRecord,
  encodeHeader,
  encodeTrailer,
  segmentsOf,
} from './encode.js';
import { BASE_LAYOUT } from './layout-base.js';
import { SEGMENT_LAYOUTS } from './layout-segments.js';
import { FIXED_RECORD_BYTES } from './limits.js';
import type { Metro2DataRecord, Metro2File, Metro2Trailer } from './model-types.js';
import { TrailerTotals } from './trailer-totals.js';

/** The bytes of a file, record by record (separators included). */
export function* encodeFile(file: Metro2File, onProblem?: EncodeProblem): Generator<Buffer> {
  const options: EncodeOptions = { blocked: file.blocked, onProblem };
  const separator = Buffer.from(file.lineSeparator, 'latin1');
  const records = (file.header ? 1 : 0) + file.data.length + (file.trailer ? 1 : 0);
  let written = 0;
  const after = function* () {
    written++;
    if (separator.length > 0 && (written < records || file.finalLineSeparator)) yield separator;
  };
  if (file.header) {
    yield encodeHeader(file.header, options);
    yield* after();
  }
  for (const record of file.data) {
    yield encodeDataRecord(record, options);
    yield* after();
  }
  if (file.trailer) {
    yield encodeTrailer(file.trailer, options);
    yield* after();
  }
}

/** Adds a data record to trailer totals (from its bytes, as the validator counts). */
export function countRecord(totals: TrailerTotals, record: Metro2DataRecord): void {
  const bytes = encodeDataRecord(record, { blocked: false, onProblem: () => {} });
  totals.addBase(bytes, 0);
  let offset = FIXED_RECORD_BYTES;
  for (const segment of segmentsOf(record)) {
    totals.addSegment(segment.name, bytes, offset);
    offset += SEGMENT_LAYOUTS[segment.name].length;
  }
}

/** The trailer of a file's data records (one record per block). */
export function computeTrailer(file: Pick<Metro2File, 'data' | 'blocked'>): Metro2Trailer {
  const totals = new TrailerTotals();
  for (const record of file.data) countRecord(totals, record);
  return { blockDescriptorWord: null, recordDescriptorWord: BASE_LAYOUT.length, ...totals.values() };
}
