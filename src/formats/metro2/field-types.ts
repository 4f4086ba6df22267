/**
 * The vocabulary of the Metro 2 layout tables: record and segment names, field types, and the
 * shape of one field (segment, name, 1-based start position, length, type, code list). The
 * reader, the validator, the writer, the JSON model and the JSON Schema are all driven by these
 * tables (layout-*.ts).
 *
 * @example
 *   const field: FieldSpec = { segment: 'base', name: 'accountStatus', start: 124, length: 2,
 *     type: 'alphanumeric', required: true, codes: ACCOUNT_STATUSES, crrg: '17A', description: '...' };
 */

/** Records and appended segments of the character format. */
export const SEGMENT_NAMES = [
  'header',
  'base',
  'J1',
  'J2',
  'K1',
  'K2',
  'K3',
  'K4',
  'L1',
  'N1',
  'trailer',
] as const;
export type SegmentName = (typeof SEGMENT_NAMES)[number];
/** Segments appended to a base segment, in the order they are written. */
export const APPENDED_SEGMENTS = ['J1', 'J2', 'K1', 'K2', 'K3', 'K4', 'L1', 'N1'] as const;
export type AppendedSegmentName = (typeof APPENDED_SEGMENTS)[number];

/**
 * How a field is stored and what it becomes in the JSON model.
 * - descriptor: record descriptor word, 4 digits (JSON integer; the writer computes it)
 * - identifier: a constant ('HEADER', 'TRAILER', 'J1'...), not in the JSON model
 * - numeric: zero-filled digits holding a count, an indicator or a numeric code (JSON integer)
 * - money: zero-filled digits holding whole dollars (JSON integer)
 * - digits: zero-filled digits kept as text: SSN, telephone (JSON string, null when zero-filled)
 * - alphanumeric: left-justified, blank-filled (JSON string without the trailing blanks)
 * - date: MMDDYYYY (JSON 'YYYY-MM-DD', null when zero-filled)
 * - timestamp: MMDDYYYYHHMMSS (JSON 'YYYY-MM-DDTHH:MM:SS', null when zero-filled)
 * - reserved: blank, not in the JSON model
 */
export type FieldType =
  | 'descriptor'
  | 'identifier'
  | 'numeric'
  | 'money'
  | 'digits'
  | 'alphanumeric'
  | 'date'
  | 'timestamp'
  | 'reserved';

/** Field types stored as digits (zero-filled). */
export const DIGIT_TYPES: ReadonlySet<FieldType> = new Set(['descriptor', 'numeric', 'money', 'digits']);

export interface FieldSpec {
  readonly segment: SegmentName;
  /** Name in the JSON model (moov-io/metro2's JSON key where it has one). */
  readonly name: string;
  /** 1-based position of the first byte within the record or segment (RDW at 1). */
  readonly start: number;
  readonly length: number;
  readonly type: FieldType;
  /** Must not be blank (alphanumeric) or zero (numeric, date). */
  readonly required: boolean;
  /** Allowed values, as stored: alphanumeric codes without trailing blanks, numeric codes with
   *  their zeros ('01'). Blank (or zero) is allowed in addition when the field is not required. */
  readonly codes?: readonly string[];
  /** A value of digits is allowed in addition to the codes (terms duration: LOC, REV or months). */
  readonly codesOrNumber?: boolean;
  /** Characters allowed at every position (payment history profile). */
  readonly characters?: string;
  /** Identifier fields: the constant value. */
  readonly constant?: string;
  /** CRRG field number, where known (base segment). */
  readonly crrg?: string;
  readonly description: string;
}

/** The fields of one record or segment, with lookups. */
export interface SegmentLayout<N extends string = string> {
  readonly segment: SegmentName;
  /** Length in bytes (the base and the header without padding: 426). */
  readonly length: number;
  readonly fields: readonly FieldSpec[];
  /** Fields of the JSON model, in order (no identifier, no reserved). */
  readonly modelFields: readonly FieldSpec[];
  readonly byName: Readonly<Record<N, FieldSpec>>;
  /** Index of each field in `fields`. */
  readonly indexOf: Readonly<Record<N, number>>;
  /** Bytes a short line must reach to be read with its missing tail as blanks: the end of the last
   *  required or numeric field (trailing blanks can only have been trimmed from text). */
  readonly minimumBytes: number;
}

/** Builds a layout from its field table, checking that the fields tile the segment exactly. */
export function defineLayout<const F extends readonly FieldSpec[]>(
  segment: SegmentName,
  length: number,
  fields: F,
): SegmentLayout<F[number]['name']> {
  let next = 1;
  for (const field of fields) {
    if (field.segment !== segment) throw new Error(`${segment}: field ${field.name} is in ${field.segment}`);
    if (field.start !== next)
      throw new Error(`${segment}.${field.name}: starts at ${field.start}, expected ${next}`);
    if (field.length < 1) throw new Error(`${segment}.${field.name}: empty`);
    next += field.length;
  }
  if (next !== length + 1) throw new Error(`${segment}: fields end at ${next - 1}, expected ${length}`);
  const byName: Record<string, FieldSpec> = {};
  const indexOf: Record<string, number> = {};
  fields.forEach((field, index) => {
    if (byName[field.name]) throw new Error(`${segment}.${field.name}: duplicate name`);
    byName[field.name] = field;
    indexOf[field.name] = index;
  });
  const needed = fields.filter(
    (f) => f.type !== 'identifier' && f.type !== 'descriptor' && (f.required || DIGIT_TYPES.has(f.type)),
  );
  const minimumBytes = Math.max(...needed.map((f) => f.start + f.length - 1), 11);
  return Object.freeze({
    segment,
    length,
    fields,
    modelFields: fields.filter((f) => f.type !== 'identifier' && f.type !== 'reserved'),
    byName: byName as Record<F[number]['name'], FieldSpec>,
    indexOf: indexOf as Record<F[number]['name'], number>,
    minimumBytes,
  });
}
