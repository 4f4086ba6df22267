/**
 * Findings of a Metro 2 ingest, each at its Metro 2 position (record number, account number,
 * segment, field, byte position): the reader's and validator's own findings, the mapping's, and
 * the canonical rules' findings on the lines a record became, translated back to the Metro 2
 * field they came from. Also the findings stored with a reject: with positions and the rule's
 * description, never a value (stored findings are not encrypted; the line itself is).
 *
 * @example
 *   const place = recordPlace(item.record, item.recordNumber, item.filePosition, item.findings);
 *   canonicalToMetro2({ line: 2, field: 'open_date', rule: 'ACC-OPEN-FUTURE', message }, origin, 'b.p1', [2]);
 */
import type { Finding } from '../formats/canonical/record-types.js';
import {
  BASE_LAYOUT,
  type FieldSpec,
  type Metro2DataRecord,
  type Metro2Finding,
  RULE_BY_ID,
  SEGMENT_LAYOUTS,
} from '../formats/metro2/index.js';
import { LIMIT_PORTFOLIOS } from './metro2-account-tables.js';
import type { LinePerson, MappingFinding } from './metro2-mapping.js';

/** One finding of an ingest, where it is in the Metro 2 file and, for rejects, where it is stored. */
export interface Metro2IngestFinding {
  severity: 'error' | 'warning';
  rule: string;
  /** 1-based record number in the file (the header is 1); 0 for the file as a whole. */
  recordNumber: number;
  accountNumber: string | null;
  /** 'header', 'base', 'J1' ... 'N1', 'trailer' or 'file'. */
  segment: string;
  segmentNumber: number | null;
  /** The Metro 2 field (JSON model name), when the finding is about one. */
  field: string | null;
  /** 1-based byte position in the file of the field (or record), when known. */
  filePosition: number | null;
  /** 1-based byte position within the record (the record descriptor word is at 1), when known. */
  recordPosition: number | null;
  message: string;
  /** The batch (one part of the file) holding the record's lines as rejects, if any. */
  batchId: string | null;
  /** The rejected lines of that batch this finding is about. */
  lines: number[];
  /** For findings of the canonical rules: the canonical field at fault. */
  canonicalField: string | null;
}

/** Where one data record is in the file, and where its appended segments start (when certain). */
export interface RecordPlace {
  recordNumber: number;
  /** 1-based position in the file of the record descriptor word. */
  filePosition: number;
  accountNumber: string;
  /** Position in the record of each J1, J2 and the N1 segment, or null when it cannot be known (segments
   *  out of order, blank placeholders or padding, a wrong record descriptor word). */
  segmentStarts: { J1: number[]; J2: number[]; N1: number | null } | null;
  /** Whether the account's amount is its credit limit (else the highest credit). */
  limitFirst: boolean;
  /** The record's lines carry Metro 2 errors (or the mapping's rejection). */
  hasErrors: boolean;
}

const BASE_BYTES = BASE_LAYOUT.length;
const SEGMENT_BYTES = (name: keyof typeof SEGMENT_LAYOUTS) => SEGMENT_LAYOUTS[name].length;
const AFTER_J = ['K1', 'K2', 'K3', 'K4', 'L1'] as const;

/**
 * Where a data record is; segment positions only when the record holds exactly its segments, in
 * the order the format gives them.
 *
 * @example
 *   recordPlace(record, 2, 428, []).segmentStarts?.J1 // [427] for one J1
 */
export function recordPlace(
  record: Metro2DataRecord,
  recordNumber: number,
  filePosition: number,
  findings: readonly Metro2Finding[],
  hasErrors = findings.some((f) => f.severity === 'error'),
): RecordPlace {
  const base = record.base;
  let next = BASE_BYTES + 1;
  const J1 = record.j1.map((_, i) => next + i * SEGMENT_BYTES('J1'));
  next += record.j1.length * SEGMENT_BYTES('J1');
  const J2 = record.j2.map((_, i) => next + i * SEGMENT_BYTES('J2'));
  next += record.j2.length * SEGMENT_BYTES('J2');
  for (const name of AFTER_J)
    if (record[name.toLowerCase() as Lowercase<typeof name>]) next += SEGMENT_BYTES(name);
  const N1 = record.n1 ? next : null;
  const length = next - 1 + (record.n1 ? SEGMENT_BYTES('N1') : 0);
  const certain =
    base.recordDescriptorWord === length &&
    !findings.some((f) => f.rule === 'SEG-ORDER' || f.rule === 'FRAME-RDW' || f.rule === 'SEG-DUPLICATE');
  return {
    recordNumber,
    filePosition,
    accountNumber: base.consumerAccountNumber,
    segmentStarts: certain ? { J1, J2, N1 } : null,
    limitFirst: LIMIT_PORTFOLIOS.includes(base.portfolioType),
    hasErrors,
  };
}

const label = (segment: string, n: number | null) => (n === null ? segment : `${segment}#${n}`);

/**
 * The finding stored with each rejected line of a record with a Metro 2 error: the Metro 2 rule,
 * the field and byte position, and the rule's description (the validator's message may quote
 * values, which stored findings never do).
 *
 * @example
 *   storedMetro2Finding(4, finding).field // 'base.currentBalance'
 */
export function storedMetro2Finding(line: number, f: Metro2Finding): Finding {
  const where = label(f.segment, f.segmentNumber);
  const field = f.field === null ? where : `${where}.${f.field}`;
  const position = f.filePosition === null ? '' : `, byte ${f.filePosition}`;
  const description = RULE_BY_ID.get(f.rule)?.description ?? 'see docs/metro2-rules.md';
  return {
    line,
    field,
    rule: f.rule,
    message: `Metro 2 record ${f.recordNumber}, ${field}${position}: ${description}`,
  };
}

/**
 * The finding stored with each line of a record the mapping rejects (M2-SSN-LINK).
 *
 * @example
 *   storedMappingFinding(1, place, rejection).rule // 'M2-SSN-LINK'
 */
export function storedMappingFinding(line: number, place: RecordPlace, f: MappingFinding): Finding {
  const at = metro2Position(place, { segment: f.segment, segmentNumber: f.segmentNumber }, f.field);
  const field = `${label(f.segment, f.segmentNumber)}.${f.field}`;
  const position = at.filePosition === null ? '' : `, byte ${at.filePosition}`;
  return {
    line,
    field,
    rule: f.rule,
    message: `Metro 2 record ${place.recordNumber}, ${field}${position}: ${f.message}`,
  };
}

/**
 * A reader or validator finding as an ingest finding.
 *
 * @example
 *   fromMetro2Finding(finding, 'file-1.p1', [1, 2, 3]).batchId // 'file-1.p1'
 */
export function fromMetro2Finding(
  f: Metro2Finding,
  batchId: string | null,
  lines: number[],
): Metro2IngestFinding {
  return {
    severity: f.severity,
    rule: f.rule,
    recordNumber: f.recordNumber,
    accountNumber: f.accountNumber,
    segment: f.segment,
    segmentNumber: f.segmentNumber,
    field: f.field,
    filePosition: f.filePosition,
    recordPosition: f.recordPosition,
    message: f.message,
    batchId,
    lines,
    canonicalField: null,
  };
}

/**
 * A mapping finding (a rejection or a note) as an ingest finding.
 *
 * @example
 *   fromMappingFinding(rejection, place, 'error', 'file-1.p1', [4, 5, 6]).rule // 'M2-SSN-LINK'
 */
export function fromMappingFinding(
  f: MappingFinding,
  place: RecordPlace,
  severity: 'error' | 'warning',
  batchId: string | null,
  lines: number[],
): Metro2IngestFinding {
  const at = metro2Position(place, { segment: f.segment, segmentNumber: f.segmentNumber }, f.field);
  return {
    severity,
    rule: f.rule,
    recordNumber: place.recordNumber,
    accountNumber: place.accountNumber,
    segment: f.segment,
    segmentNumber: f.segmentNumber,
    field: f.field,
    ...at,
    message: f.message,
    batchId,
    lines,
    canonicalField: null,
  };
}

/** Where a canonical field comes from: the line's consumer (base, J1 or J2), the base segment or N1. */
type Source = { from: 'person' | 'base' | 'N1'; field: string } | null;
const person = (field: string): Source => ({ from: 'person', field });
const base = (field: string): Source => ({ from: 'base', field });
const DOAI = base('dateAccountInformation');
const ACCOUNT_NO = base('consumerAccountNumber');

/** The Metro 2 field each canonical field is mapped from (docs/metro2-mapping.md). */
export const CANONICAL_SOURCES: Readonly<Record<string, Readonly<Record<string, Source>>>> = {
  identity: {
    id_number: person('socialSecurityNumber'),
    name: person('surname'),
    reported_on: DOAI,
    birth_date: person('dateBirth'),
    mobile: person('telephoneNumber'),
    address: person('firstLineAddress'),
    employer: { from: 'N1', field: 'employerName' },
  },
  account: {
    account_no: ACCOUNT_NO,
    id_number: person('socialSecurityNumber'),
    name: person('surname'),
    reported_on: DOAI,
    account_type: base('portfolioType'),
    business_type: base('accountType'),
    currency: null,
    open_date: base('dateOpened'),
    amount_minor: base('creditLimit'),
    repayment_method: base('termsFrequency'),
    repayment_frequency: base('termsFrequency'),
    instalments: base('termsDuration'),
    guarantee_type: base('accountType'),
    joint_loan: person('ecoaCode'),
    first_delinquency_date: base('dateFirstDelinquency'),
  },
  month: {
    account_no: ACCOUNT_NO,
    month: DOAI,
    reported_on: DOAI,
    balance_minor: base('currentBalance'),
    used_limit_minor: base('currentBalance'),
    scheduled_payment_minor: base('scheduledMonthlyPaymentAmount'),
    actual_payment_minor: base('actualPaymentAmount'),
    overdue_periods: base('accountStatus'),
    overdue_amount_minor: base('amountPastDue'),
    status: base('accountStatus'),
    five_class: null,
    payment_history_profile: base('paymentHistoryProfile'),
  },
  deletion: { account_no: ACCOUNT_NO, reason: base('accountStatus'), reported_on: DOAI },
};

/** Byte positions of a field of a segment of the record, when they can be known. */
function metro2Position(
  place: RecordPlace,
  who: LinePerson | { segment: 'base' | 'J1' | 'J2' | 'N1'; segmentNumber: number | null },
  field: string | null,
): { filePosition: number | null; recordPosition: number | null } {
  let start: number | null = null;
  let spec: FieldSpec | undefined;
  if (who.segment === 'base') {
    start = 1;
    spec = field === null ? undefined : BASE_LAYOUT.byName[field as keyof typeof BASE_LAYOUT.byName];
  } else {
    const starts = place.segmentStarts;
    start =
      starts === null
        ? null
        : who.segment === 'N1'
          ? starts.N1
          : (starts[who.segment][(who.segmentNumber ?? 1) - 1] ?? null);
    spec = field === null ? undefined : SEGMENT_LAYOUTS[who.segment].byName[field];
  }
  if (start === null) return { filePosition: null, recordPosition: null };
  const recordPosition = start + (spec ? spec.start - 1 : 0);
  return { filePosition: place.filePosition + recordPosition - 1, recordPosition };
}

/**
 * A canonical rule's finding on one of a record's lines, at the Metro 2 field the value came from.
 *
 * @example
 *   canonicalToMetro2(finding, { place, person: { segment: 'base', segmentNumber: null }, kind: 'month' }, 'b.p1')
 */
export function canonicalToMetro2(
  f: Finding,
  origin: { place: RecordPlace; person: LinePerson; kind: string },
  batchId: string,
): Metro2IngestFinding {
  const { place, person: who, kind } = origin;
  let source = CANONICAL_SOURCES[kind]?.[f.field] ?? null;
  if (source?.field === 'creditLimit' && !place.limitFirst) source = base('highestCredit');
  let segment: 'base' | 'J1' | 'J2' | 'N1' = 'base';
  let segmentNumber: number | null = null;
  if (source?.from === 'N1') segment = 'N1';
  else if (source?.from === 'person' && who.segment !== 'base') {
    // A J1 consumer lives at the base segment's address.
    const own = source.field in SEGMENT_LAYOUTS[who.segment].byName;
    if (own) [segment, segmentNumber] = [who.segment, who.segmentNumber];
  }
  const field = source?.field ?? null;
  return {
    severity: 'error',
    rule: f.rule,
    recordNumber: place.recordNumber,
    accountNumber: place.accountNumber,
    segment,
    segmentNumber,
    field,
    ...metro2Position(place, { segment, segmentNumber }, field),
    message: f.message,
    batchId,
    lines: [f.line],
    canonicalField: f.field === '' ? null : f.field,
  };
}
