/**
 * The JSON Schema (draft 2020-12) of openbureau's JSON form of a Metro 2 file, generated from the
 * layout tables: one property per field with its type, length, code list and 1-based positions.
 * scripts/write-metro2-docs.ts writes it to docs/metro2-format.schema.json; a test checks it is current.
 *
 * @example
 *   metro2JsonSchema().$defs.base.properties.accountStatus.enum // ['05', '11', ...]
 */
import type { FieldSpec, SegmentLayout } from './field-types.js';
import { BASE_LAYOUT } from './layout-base.js';
import { HEADER_LAYOUT } from './layout-header.js';
import { SEGMENT_LAYOUTS } from './layout-segments.js';
import { TRAILER_LAYOUT } from './layout-trailer.js';
import { MAX_JSON_INPUT_BYTES, MAX_RECORD_BYTES } from './limits.js';
import { SEGMENT_KEYS } from './model-types.js';

export const METRO2_SCHEMA_ID = 'https://openbureau.dev/schemas/metro2-file.v1.json';
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const TIMESTAMP_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$';

type Schema = Record<string, unknown>;
const escapeClass = (chars: string) => chars.replace(/[\\\]^-]/g, '\\$&');

function position(spec: FieldSpec): string {
  const end = spec.start + spec.length - 1;
  const where = spec.length === 1 ? `Position ${spec.start}` : `Positions ${spec.start}-${end}`;
  return `${where}${spec.crrg ? ` (CRRG field ${spec.crrg})` : ''}${spec.required ? ', required' : ''}.`;
}

/** The schema of one field's JSON value. */
export function fieldSchema(spec: FieldSpec): Schema {
  const description = `${spec.description} ${position(spec)}`;
  switch (spec.type) {
    case 'descriptor':
      return { type: 'integer', minimum: 0, maximum: MAX_RECORD_BYTES, description };
    case 'numeric':
    case 'money': {
      const schema: Schema = { type: 'integer', minimum: 0, maximum: 10 ** spec.length - 1 };
      if (spec.codes) schema.enum = [...new Set([...(spec.required ? [] : [0]), ...spec.codes.map(Number)])];
      return {
        ...schema,
        description: spec.type === 'money' ? `${description} Whole dollars.` : description,
      };
    }
    case 'digits':
      return {
        type: ['string', 'null'],
        pattern: `^\\d{${spec.length}}$`,
        description: `${description} Null when zero-filled.`,
      };
    case 'date':
      return {
        type: ['string', 'null'],
        format: 'date',
        pattern: DATE_PATTERN,
        description: `${description} Null when zero-filled.`,
      };
    case 'timestamp':
      return {
        type: ['string', 'null'],
        pattern: TIMESTAMP_PATTERN,
        description: `${description} Null when zero-filled.`,
      };
    default: {
      if (spec.characters)
        return {
          type: 'string',
          pattern: `^[${escapeClass(spec.characters)}]{${spec.length}}$`,
          description,
        };
      if (spec.codes && spec.codesOrNumber)
        return {
          type: 'string',
          pattern: `^(${spec.codes.join('|')}|\\d{1,${spec.length}})$`,
          description: `${description} A code or a number.`,
        };
      if (spec.codes) return { enum: [...(spec.required ? [] : ['']), ...spec.codes], description };
      return {
        type: 'string',
        maxLength: spec.length,
        description: `${description} Trailing blanks left out.`,
      };
    }
  }
}

function segmentSchema(layout: SegmentLayout, title: string, descriptors: boolean): Schema {
  const properties: Record<string, Schema> = {};
  if (descriptors)
    properties.blockDescriptorWord = {
      type: ['integer', 'null'],
      minimum: 0,
      maximum: MAX_RECORD_BYTES,
      description:
        'Block descriptor word before the record, null when none (the writer computes it: record + 4).',
    };
  for (const spec of layout.modelFields) properties[spec.name] = fieldSchema(spec);
  return {
    title,
    description: `${layout.length} bytes.`,
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

const nullable = (ref: string) => ({ oneOf: [{ $ref: ref }, { type: 'null' }] });

export function metro2JsonSchema(): Schema & { $defs: Record<string, Schema> } {
  const $defs: Record<string, Schema> = {
    header: segmentSchema(HEADER_LAYOUT, 'Header record', true),
    base: segmentSchema(BASE_LAYOUT, 'Base segment', true),
    trailer: segmentSchema(TRAILER_LAYOUT, 'Trailer record', true),
  };
  const recordProperties: Record<string, Schema> = { base: { $ref: '#/$defs/base' } };
  for (const [name, layout] of Object.entries(SEGMENT_LAYOUTS)) {
    const key = SEGMENT_KEYS[name as keyof typeof SEGMENT_KEYS];
    $defs[key] = segmentSchema(layout, `${name} segment`, false);
    recordProperties[key] =
      name === 'J1' || name === 'J2'
        ? { type: 'array', items: { $ref: `#/$defs/${key}` }, description: `${name} segments (repeatable).` }
        : { ...nullable(`#/$defs/${key}`), description: `${name} segment, or null.` };
  }
  $defs.dataRecord = {
    title: 'Data record',
    description: 'A base segment and its appended segments (blank placeholder segments are left out).',
    type: 'object',
    properties: recordProperties,
    required: Object.keys(recordProperties),
    additionalProperties: false,
  };
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: METRO2_SCHEMA_ID,
    title: 'openbureau Metro 2 file (JSON)',
    description: [
      'A Metro 2 file in the character format as JSON: header, data records, trailer, and how the file is framed.',
      'SSN, telephone numbers, ZIP codes and dates are strings (dates YYYY-MM-DD, timestamps YYYY-MM-DDTHH:MM:SS), null when the file has them zero-filled;',
      'money is whole dollars as integers; text has its trailing blanks left out.',
      'Descriptor words are computed by the writer; a larger record descriptor word pads the record with blanks.',
      `The reader also takes moov-io/metro2 JSON (numbers for SSN and telephone, RFC 3339 dates, missing keys as empty) up to ${MAX_JSON_INPUT_BYTES} bytes.`,
      'Generated from src/formats/metro2/layout-*.ts.',
    ].join(' '),
    type: 'object',
    properties: {
      header: nullable('#/$defs/header'),
      data: { type: 'array', items: { $ref: '#/$defs/dataRecord' } },
      trailer: nullable('#/$defs/trailer'),
      blocked: {
        type: 'boolean',
        description:
          'Records (the trailer only when its blockDescriptorWord is set) are preceded by block descriptor words.',
      },
      lineSeparator: {
        enum: ['', '\n', '\r\n'],
        description: 'What follows each record: nothing (fixed-length or blocked), LF or CR LF.',
      },
      finalLineSeparator: {
        type: 'boolean',
        description: 'The last record is followed by the line separator too.',
      },
    },
    required: ['header', 'data', 'trailer', 'blocked', 'lineSeparator', 'finalLineSeparator'],
    additionalProperties: false,
    $defs,
  };
}
