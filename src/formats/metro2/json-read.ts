/**
 * JSON input to the model: the openbureau JSON of a whole file ({header, data, trailer, blocked,
 * lineSeparator, finalLineSeparator}) and moov-io/metro2's JSON (numbers for SSN and telephone
 * numbers, RFC 3339 dates, zero values left out, identifier keys). Every value is checked against
 * its field; what does not fit is a finding (JSON-TYPE, JSON-VALUE, JSON-UNKNOWN-KEY, JSON-RDW)
 * and is replaced by the field's empty value, so the model that comes out can always be written.
 *
 * @example
 *   const { file, findings } = fromJson(JSON.parse(text));
 */
import { isCalendarDate } from './bytes.js';
import type { FieldSpec, SegmentLayout, SegmentName } from './field-types.js';
import { APPENDED_SEGMENTS } from './field-types.js';
import type { Metro2Finding } from './finding-types.js';
import { BASE_LAYOUT } from './layout-base.js';
import { HEADER_LAYOUT } from './layout-header.js';
import { SEGMENT_LAYOUTS } from './layout-segments.js';
import { TRAILER_LAYOUT } from './layout-trailer.js';
import { FIXED_RECORD_BYTES, MAX_BLOCK_BYTES, MAX_RECORD_BYTES } from './limits.js';
import type {
  LineSeparator,
  Metro2DataRecord,
  Metro2File,
  Metro2Header,
  Metro2Trailer,
} from './model-types.js';
import { SEGMENT_KEYS } from './model-types.js';
import { RULE_BY_ID } from './rules.js';

/** Keys accepted besides the model fields (moov-io/metro2 writes them). */
const IDENTIFIER_KEYS = new Set([
  'recordIdentifier',
  'segmentIdentifier',
  'blockDescriptorWord',
  'recordDescriptorWord',
]);
const FILE_KEYS = new Set(['header', 'data', 'trailer', 'blocked', 'lineSeparator', 'finalLineSeparator']);
const RECORD_KEYS = new Set(['base', ...Object.values(SEGMENT_KEYS)]);
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** Go's zero time, moov-io/metro2's "no date" before v0.9.3. */
const GO_ZERO_DATE = '0001-01-01';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects findings for one record of the JSON input. */
class JsonFindings {
  readonly list: Metro2Finding[] = [];
  recordNumber = 0;
  accountNumber: string | null = null;

  add(
    rule: string,
    segment: SegmentName | 'file',
    segmentNumber: number | null,
    field: string | null,
    message: string,
  ): void {
    this.list.push({
      severity: RULE_BY_ID.get(rule)?.severity ?? 'error',
      rule,
      recordNumber: this.recordNumber,
      accountNumber: this.accountNumber,
      segment,
      segmentNumber,
      field,
      filePosition: null,
      recordPosition: null,
      message,
    });
  }
}

function dateValue(value: unknown, withTime: boolean): { ok: boolean; value: string | null } {
  if (value === null || value === undefined || value === '') return { ok: true, value: null };
  if (typeof value !== 'string') return { ok: false, value: null };
  const m = RFC3339.exec(value);
  if (!m) return { ok: false, value: null };
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (date === GO_ZERO_DATE) return { ok: true, value: null };
  if (!isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return { ok: false, value: null };
  if (!withTime) return { ok: true, value: date };
  const [h, mi, s] = [m[4] ?? '00', m[5] ?? '00', m[6] ?? '00'];
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return { ok: false, value: null };
  return { ok: true, value: `${date}T${h}:${mi}:${s}` };
}

/** Converts one field's JSON value, reporting what does not fit. */
function fieldValue(
  spec: FieldSpec,
  value: unknown,
  report: (rule: string, message: string) => void,
): unknown {
  const show = JSON.stringify(value);
  switch (spec.type) {
    case 'numeric':
    case 'money': {
      if (value === undefined || value === null) return 0;
      if (typeof value !== 'number') {
        report('JSON-TYPE', `${spec.name} is ${show}: expected an integer`);
        return 0;
      }
      const max = 10 ** spec.length - 1;
      if (!Number.isSafeInteger(value) || value < 0 || value > max) {
        report('JSON-VALUE', `${spec.name} ${show} is not a whole number from 0 to ${max}`);
        return 0;
      }
      return value;
    }
    case 'digits': {
      if (value === undefined || value === null || value === '') return null;
      let digits: string;
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) digits = String(value);
      else if (typeof value === 'string' && /^\d+$/.test(value)) digits = value;
      else {
        report(
          typeof value === 'string' || typeof value === 'number' ? 'JSON-VALUE' : 'JSON-TYPE',
          `${spec.name} is ${show}: expected a string of ${spec.length} digits`,
        );
        return null;
      }
      if (digits.length > spec.length) {
        report('JSON-VALUE', `${spec.name} ${show} has more than ${spec.length} digits`);
        return null;
      }
      return /^0+$/.test(digits) ? null : digits.padStart(spec.length, '0');
    }
    case 'alphanumeric': {
      if (value === undefined || value === null) return '';
      if (typeof value !== 'string') {
        report('JSON-TYPE', `${spec.name} is ${show}: expected a string`);
        return '';
      }
      let text = value.trimEnd();
      if (/[^\u0000-\u00ff]/u.test(text)) {
        report('JSON-VALUE', `${spec.name} ${show} has characters that Metro 2 cannot hold`);
        text = text.replace(/[^\u0000-\u00ff]/gu, '?');
      }
      if (text.length > spec.length) {
        report('JSON-VALUE', `${spec.name} ${show} is longer than its ${spec.length} characters: cut`);
        text = text.slice(0, spec.length);
      }
      return text;
    }
    case 'date':
    case 'timestamp': {
      const result = dateValue(value, spec.type === 'timestamp');
      if (!result.ok)
        report(
          typeof value === 'string' ? 'JSON-VALUE' : 'JSON-TYPE',
          `${spec.name} is ${show}: expected ${spec.type === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM-DDTHH:MM:SS'} or null`,
        );
      return result.value;
    }
    default:
      return undefined;
  }
}

/** Converts one record or segment object. */
function segmentValue(
  layout: SegmentLayout,
  raw: Raw,
  findings: JsonFindings,
  segmentNumber: number | null,
  withDescriptors: boolean,
): Raw {
  const out: Raw = {};
  const report = (field: string | null) => (rule: string, message: string) =>
    findings.add(rule, layout.segment, segmentNumber, field, message);
  if (withDescriptors) {
    const bdw = raw.blockDescriptorWord;
    out.blockDescriptorWord = typeof bdw === 'number' && bdw > 0 ? bdw : null;
    if (typeof bdw === 'number' && (!Number.isSafeInteger(bdw) || bdw > MAX_BLOCK_BYTES))
      report('blockDescriptorWord')(
        'JSON-RDW',
        `blockDescriptorWord ${bdw} is more than the ${MAX_BLOCK_BYTES} bytes a block can have: the writer computes it`,
      );
    const rdw = raw.recordDescriptorWord;
    if (
      rdw !== undefined &&
      rdw !== null &&
      (typeof rdw !== 'number' || !Number.isSafeInteger(rdw) || rdw < 0)
    )
      report('recordDescriptorWord')(
        'JSON-TYPE',
        `recordDescriptorWord is ${JSON.stringify(rdw)}: expected an integer`,
      );
    out.recordDescriptorWord = typeof rdw === 'number' && Number.isSafeInteger(rdw) && rdw >= 0 ? rdw : 0;
  }
  for (const spec of layout.modelFields) {
    if (spec.type === 'descriptor') continue;
    out[spec.name] = fieldValue(spec, raw[spec.name], report(spec.name));
  }
  for (const key of Object.keys(raw))
    if (!(key in layout.byName) && !IDENTIFIER_KEYS.has(key))
      report(key)(
        'JSON-UNKNOWN-KEY',
        `unknown key ${JSON.stringify(key)} in the ${layout.segment} segment: ignored`,
      );
    else if (key === 'recordIdentifier' || key === 'segmentIdentifier') {
      const spec = layout.byName[key as keyof typeof layout.byName];
      if (spec && raw[key] !== spec.constant && raw[key] !== '' && raw[key] !== undefined)
        report(key)('JSON-VALUE', `${key} is ${JSON.stringify(raw[key])}: expected ${spec.constant}`);
    }
  return out;
}

function checkDeclaredLength(
  declared: number,
  content: number,
  segment: SegmentName,
  findings: JsonFindings,
): void {
  if (declared !== 0 && (declared < content || declared > MAX_RECORD_BYTES))
    findings.add(
      'JSON-RDW',
      segment,
      null,
      'recordDescriptorWord',
      declared > MAX_RECORD_BYTES
        ? `recordDescriptorWord ${declared} is more than the ${MAX_RECORD_BYTES} bytes a record can have: the record is written with ${content}`
        : `recordDescriptorWord ${declared} is less than the ${content} bytes of the record: written as ${content}`,
    );
}

function dataRecord(raw: unknown, findings: JsonFindings): Metro2DataRecord | null {
  if (!isObject(raw) || !isObject(raw.base)) {
    findings.add('JSON-SHAPE', 'base', null, null, 'a data record is an object with a base object: not read');
    return null;
  }
  const accountNumber = raw.base.consumerAccountNumber;
  findings.accountNumber = typeof accountNumber === 'string' ? accountNumber.trimEnd() : null;
  const record = {
    base: segmentValue(BASE_LAYOUT, raw.base, findings, null, true),
    j1: [],
    j2: [],
    k1: null,
    k2: null,
    k3: null,
    k4: null,
    l1: null,
    n1: null,
  } as unknown as Metro2DataRecord;
  let content = FIXED_RECORD_BYTES;
  for (const name of APPENDED_SEGMENTS) {
    const key = SEGMENT_KEYS[name];
    const value = raw[key];
    const layout = SEGMENT_LAYOUTS[name];
    if (value === undefined || value === null) continue;
    if (name === 'J1' || name === 'J2') {
      if (!Array.isArray(value)) {
        findings.add('JSON-TYPE', name, null, null, `${key} is not an array: ignored`);
        continue;
      }
      value.forEach((item, i) => {
        if (!isObject(item))
          findings.add('JSON-TYPE', name, i + 1, null, `${key}[${i}] is not an object: ignored`);
        else {
          (record[key] as unknown[]).push(segmentValue(layout, item, findings, i + 1, false));
          content += layout.length;
        }
      });
    } else if (!isObject(value))
      findings.add('JSON-TYPE', name, null, null, `${key} is not an object: ignored`);
    else {
      (record as unknown as Raw)[key] = segmentValue(layout, value, findings, 1, false);
      content += layout.length;
    }
  }
  for (const key of Object.keys(raw))
    if (!RECORD_KEYS.has(key))
      findings.add(
        'JSON-UNKNOWN-KEY',
        'base',
        null,
        key,
        `unknown key ${JSON.stringify(key)} in a data record: ignored`,
      );
  checkDeclaredLength(record.base.recordDescriptorWord, content, 'base', findings);
  return record;
}

export interface JsonReadResult {
  /** Null when the JSON is not a file (JSON-SHAPE). */
  file: Metro2File | null;
  findings: Metro2Finding[];
  /** Data records left out because they were not objects with a base. */
  unreadable: number;
}

/** Converts parsed JSON to the model of a file. */
export function fromJson(json: unknown): JsonReadResult {
  const findings = new JsonFindings();
  if (!isObject(json) || !Array.isArray(json.data) || !('header' in json || 'trailer' in json)) {
    findings.add(
      'JSON-SHAPE',
      'file',
      null,
      null,
      'expected one object with header, data (an array) and trailer',
    );
    return { file: null, findings: findings.list, unreadable: 0 };
  }
  for (const key of Object.keys(json))
    if (!FILE_KEYS.has(key))
      findings.add('JSON-UNKNOWN-KEY', 'file', null, key, `unknown key ${JSON.stringify(key)}: ignored`);
  let number = 0;
  let header: Metro2Header | null = null;
  if (isObject(json.header)) {
    findings.recordNumber = ++number;
    header = segmentValue(HEADER_LAYOUT, json.header, findings, null, true) as unknown as Metro2Header;
    checkDeclaredLength(header.recordDescriptorWord, FIXED_RECORD_BYTES, 'header', findings);
  } else if (json.header !== null && json.header !== undefined)
    findings.add('JSON-SHAPE', 'header', null, null, 'header is not an object: ignored');
  const data: Metro2DataRecord[] = [];
  let unreadable = 0;
  for (const raw of json.data) {
    findings.recordNumber = ++number;
    const record = dataRecord(raw, findings);
    findings.accountNumber = null;
    if (record) data.push(record);
    else unreadable++;
  }
  let trailer: Metro2Trailer | null = null;
  if (isObject(json.trailer)) {
    findings.recordNumber = ++number;
    trailer = segmentValue(TRAILER_LAYOUT, json.trailer, findings, null, true) as unknown as Metro2Trailer;
    checkDeclaredLength(trailer.recordDescriptorWord, FIXED_RECORD_BYTES, 'trailer', findings);
  } else if (json.trailer !== null && json.trailer !== undefined)
    findings.add('JSON-SHAPE', 'trailer', null, null, 'trailer is not an object: ignored');
  const separator = json.lineSeparator;
  const lineSeparator: LineSeparator = separator === '' || separator === '\r\n' ? separator : '\n';
  const blocked = typeof json.blocked === 'boolean' ? json.blocked : (header?.blockDescriptorWord ?? 0) > 0;
  return {
    file: {
      blocked,
      lineSeparator,
      finalLineSeparator: json.finalLineSeparator === true,
      header,
      data,
      trailer,
    },
    findings: findings.list,
    unreadable,
  };
}
