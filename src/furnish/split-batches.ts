/**
 * Splits a large JSON Lines file into batches within the batch limits, at line boundaries, so
 * any file can be furnished. Line numbers restart in each batch; the batch id says which part.
 *
 * @example
 *   for (const part of splitIntoBatches(buffer)) await furnish(part.body, `${base}-${part.index}`);
 */
import { MAX_BATCH_BYTES, MAX_BATCH_RECORDS } from '../formats/canonical/limits.js';

export interface BatchPart {
  /** 1-based part number. */
  index: number;
  body: Buffer;
  /** Line number in the whole file of the part's first line. */
  firstLine: number;
  records: number;
}

export function* splitIntoBatches(
  file: Buffer,
  limits: { records: number; bytes: number } = { records: MAX_BATCH_RECORDS, bytes: MAX_BATCH_BYTES },
): Generator<BatchPart> {
  let index = 0;
  let partStart = 0;
  let records = 0;
  let firstLine = 1;
  let lineNo = 1;
  let pos = 0;
  while (pos < file.length) {
    let end = file.indexOf(0x0a, pos);
    end = end === -1 ? file.length : end + 1;
    const blank = file.subarray(pos, end).toString('utf8').trim().length === 0;
    const wouldBe = end - partStart;
    if (records > 0 && !blank && (records + 1 > limits.records || wouldBe > limits.bytes)) {
      index += 1;
      yield { index, body: file.subarray(partStart, pos), firstLine, records };
      partStart = pos;
      firstLine = lineNo;
      records = 0;
    }
    if (!blank) records += 1;
    pos = end;
    lineNo += 1;
  }
  if (records > 0) {
    index += 1;
    yield { index, body: file.subarray(partStart, file.length), firstLine, records };
  }
}
