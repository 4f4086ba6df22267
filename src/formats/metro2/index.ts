/**
 * The Metro 2 format core: read (streaming, with findings), validate, write, and the JSON model.
 * What an ingest step needs is exported from here.
 *
 * @example
 *   import { readMetro2 } from '../formats/metro2/index.js';
 *   for await (const item of readMetro2(path)) if (item.kind === 'data') handle(item.record, item.findings);
 */
export { ACCOUNT_STATUSES, ECOA_CODES, PORTFOLIO_TYPES } from './codes.js';
export { type EncodeOptions, encodeDataRecord, encodeHeader, encodeTrailer } from './encode.js';
export {
  EXAMPLE_BASE,
  EXAMPLE_HEADER,
  EXAMPLE_SEGMENTS,
  EXAMPLE_TODAY,
  exampleFileWithoutTrailer,
} from './example-file.js';
export type { FieldSpec, FieldType, SegmentLayout, SegmentName } from './field-types.js';
export type { Metro2Finding, Severity } from './finding-types.js';
export type { FramingInfo } from './framing-types.js';
export type { Metro2Source } from './input-stream.js';
export { inputKind, readJsonFile, readJsonText, validateMetro2Json } from './json-input.js';
export { fromJson } from './json-read.js';
export { writeJsonDocument } from './json-write.js';
export { BASE_LAYOUT } from './layout-base.js';
export { HEADER_LAYOUT } from './layout-header.js';
export { SEGMENT_LAYOUTS } from './layout-segments.js';
export { TRAILER_LAYOUT } from './layout-trailer.js';
export * from './limits.js';
export type * from './model-types.js';
export { type Metro2Item, type ReadOptions, readMetro2 } from './read-metro2.js';
export { METRO2_RULES, RULE_BY_ID } from './rules.js';
export type { Metro2Summary } from './summary-types.js';
export { TrailerTotals } from './trailer-totals.js';
export { type Metro2ValidationReport, validateMetro2 } from './validate-metro2.js';
export { computeTrailer, countRecord, encodeFile } from './write-metro2.js';
