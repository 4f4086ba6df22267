/**
 * moov-io/metro2's fixtures (../shared/data/metro2-moov): one test per entry of expectations.json,
 * so that every expectation is checked and a new entry without a check fails. "structure" is what
 * any correct reader finds; "moov" is moov's behaviour, restated for this reader (moov's
 * Parse+Validate: no structural error; its mutations: the rule that catches each); "strict" are the
 * extra findings of a spec-strict validator. Packed files are refused (the character format is
 * supported): for them the descriptor words in the refusal are checked. Wrapped fixtures are read
 * with unwrap, as expectations.json measures them without their line breaks.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { decodeSegment } from '../../../src/formats/metro2/decode.js';
import { encodeSegment } from '../../../src/formats/metro2/encode.js';
import type { EXAMPLE_SEGMENTS } from '../../../src/formats/metro2/example-file.js';
import type { AppendedSegmentName, SegmentLayout } from '../../../src/formats/metro2/field-types.js';
import type { Metro2Finding } from '../../../src/formats/metro2/finding-types.js';
import { readJsonFile, readJsonText, validateMetro2Json } from '../../../src/formats/metro2/json-input.js';
import { BASE_LAYOUT } from '../../../src/formats/metro2/layout-base.js';
import { HEADER_LAYOUT } from '../../../src/formats/metro2/layout-header.js';
import { SEGMENT_LAYOUTS } from '../../../src/formats/metro2/layout-segments.js';
import { TRAILER_LAYOUT } from '../../../src/formats/metro2/layout-trailer.js';
import type { Metro2DataRecord, Metro2File } from '../../../src/formats/metro2/model-types.js';
import { METRO2_RULES } from '../../../src/formats/metro2/rules.js';
import { validateMetro2 } from '../../../src/formats/metro2/validate-metro2.js';
import { computeTrailer, encodeFile } from '../../../src/formats/metro2/write-metro2.js';
import { bytesOf, chunked, exampleFile, MOOV, readFile, skipWithoutShared, TODAY } from './support.js';

const skip = skipWithoutShared(MOOV);
const DATA = join(MOOV, 'test', 'testdata');
type Json = Record<string, unknown>;
const expectations = (
  skip ? { files: {} } : JSON.parse(readFileSync(join(MOOV, 'expectations.json'), 'utf8'))
) as {
  files: Record<string, Json & { structure?: Json; moov?: string[]; strict?: string[] }>;
};

/** Rules about the bytes themselves (not business rules): moov's Parse+Validate covers these. */
const STRUCTURAL = new Set(
  METRO2_RULES.filter((r) => r.kind !== 'record' || r.id.startsWith('T-')).map((r) => r.id),
);
const errorsOf = (findings: readonly Metro2Finding[], ignore: string[] = []) =>
  findings.filter((f) => f.severity === 'error' && STRUCTURAL.has(f.rule) && !ignore.includes(f.rule));
const rules = (findings: readonly Metro2Finding[]) => new Set(findings.map((f) => f.rule));
const stripped = (name: string) =>
  readFileSync(join(DATA, name))
    .toString('latin1')
    .replace(/[\r\n]/g, '');
const KEY_ALIASES: Record<string, string> = {
  ssn: 'socialSecurityNumber',
  telephone: 'telephoneNumber',
  zip: 'zipCode',
};

/** An expected value in moov's notation (MMDDYYYY dates, numbers for SSN and phone) in the model's. */
function expectedValue(layout: SegmentLayout, key: string, value: unknown): [string, unknown] {
  const name = KEY_ALIASES[key] ?? key;
  const spec = layout.byName[name as keyof typeof layout.byName];
  assert.ok(spec, `${layout.segment} has no field ${name}`);
  if (spec.type === 'date' && typeof value === 'string')
    return [name, /^0+$/.test(value) ? null : `${value.slice(4)}-${value.slice(0, 2)}-${value.slice(2, 4)}`];
  if (spec.type === 'timestamp' && typeof value === 'string')
    return [
      name,
      `${value.slice(4, 8)}-${value.slice(0, 2)}-${value.slice(2, 4)}T${value.slice(8, 10)}:${value.slice(10, 12)}:${value.slice(12)}`,
    ];
  if (spec.type === 'digits')
    return [name, Number(value) === 0 ? null : String(value).padStart(spec.length, '0')];
  return [name, value];
}

function assertFields(layout: SegmentLayout, actual: object, expected: Json, skipKeys: string[] = []): void {
  for (const [key, value] of Object.entries(expected)) {
    if (skipKeys.includes(key)) continue;
    const [name, want] = expectedValue(layout, key, value);
    assert.deepEqual((actual as Json)[name], want, `${layout.segment}.${name}`);
  }
}

function segmentCounts(record: Metro2DataRecord): Record<string, number> {
  return {
    J1: record.j1.length,
    J2: record.j2.length,
    K1: record.k1 ? 1 : 0,
    K2: record.k2 ? 1 : 0,
    K3: record.k3 ? 1 : 0,
    K4: record.k4 ? 1 : 0,
    L1: record.l1 ? 1 : 0,
    N1: record.n1 ? 1 : 0,
  };
}
const withZeros = (counts: Json) => ({ J1: 0, J2: 0, K1: 0, K2: 0, K3: 0, K4: 0, L1: 0, N1: 0, ...counts });

async function validateFile(file: Metro2File) {
  return validateMetro2(chunked(bytesOf(file)), TODAY);
}

/** The example file with one data record replaced (its trailer recomputed). */
function fileWith(record: Metro2DataRecord): Metro2File {
  const file = exampleFile();
  file.data = [record];
  file.trailer = computeTrailer(file);
  return file;
}

// ------------------------------------------------------------------------------ the data record

async function baseSegmentDat(e: Json & { structure?: Json }) {
  const s = e.structure!;
  const text = stripped('base_segment.dat');
  assert.equal(text.length, s.bytes_after_lf_strip);
  const { file, findings, summary } = await readFile(join(DATA, 'base_segment.dat'), {
    ...TODAY,
    unwrap: true,
  });
  assert.equal(summary.records, 1);
  const record = file.data[0]!;
  assert.equal(record.base.blockDescriptorWord, s.bdw);
  assert.equal(record.base.recordDescriptorWord, s.rdw);
  assert.equal(BASE_LAYOUT.length, s.base_len);
  assert.deepEqual(segmentCounts(record), s.segments);
  assertFields(BASE_LAYOUT, record.base, s.base as Json);
  // moov: Parse ok, Validate ok (no structural error besides being a lone record), same bytes back.
  assert.deepEqual(errorsOf(findings, ['FILE-HEADER', 'FILE-TRAILER']), []);
  const written = Buffer.concat([...encodeFile({ ...file, header: null, trailer: null })]).toString('latin1');
  assert.equal(written, text);
  assert.equal(written.length, (s.rdw as number) + 4);
  // moov's mutations, each caught by a rule (or valid, as in moov).
  const cases: [Partial<Metro2DataRecord['base']>, string | null, string][] = [
    [{ identificationNumber: '' }, 'FIELD-REQUIRED', 'identificationNumber'],
    [{ portfolioType: 'A' }, 'FIELD-CODE', 'portfolioType'],
    [{ portfolioType: 'L' }, null, 'portfolioType'],
    [{ termsDuration: 'AAA' }, 'FIELD-CODE', 'termsDuration'],
    [{ paymentHistoryProfile: 'Z' }, 'FIELD-CODE', 'paymentHistoryProfile'],
    [{ interestTypeIndicator: 'Z' }, 'FIELD-CODE', 'interestTypeIndicator'],
    [{ accountStatus: 'FF' }, 'FIELD-CODE', 'accountStatus'],
    [{ accountType: 'FF' }, 'FIELD-CODE', 'accountType'],
    [{ specialComment: 'FF' }, 'FIELD-CODE', 'specialComment'],
    [{ telephoneNumber: null }, null, 'telephoneNumber'],
    [{ socialSecurityNumber: null }, null, 'socialSecurityNumber'],
    [{ socialSecurityNumber: null, dateBirth: null }, 'CONS-SSN-OR-DOB', 'socialSecurityNumber'],
    [{ correctionIndicator: 0 }, null, 'correctionIndicator'],
    [{ correctionIndicator: 1 }, null, 'correctionIndicator'],
    [{ correctionIndicator: 2 }, 'FIELD-CODE', 'correctionIndicator'],
  ];
  for (const [change, rule, field] of cases) {
    const mutated = structuredClone(record);
    Object.assign(mutated.base, change);
    const report = await validateFile(fileWith(mutated));
    const onField = report.findings.filter(
      (f) => f.segment === 'base' && f.field === field && f.severity === 'error',
    );
    if (rule === null) assert.deepEqual(onField, [], JSON.stringify(change));
    else
      assert.ok(
        onField.some((f) => f.rule === rule),
        `${JSON.stringify(change)}: expected ${rule}`,
      );
  }
  // "Setting current balance 0 keeps it valid": the paid status then has no balance to complain of.
  const zero = structuredClone(record);
  zero.base.currentBalance = 0;
  assert.ok(!rules((await validateFile(fileWith(zero))).findings).has('B-ZERO-BALANCE'));
  // 'ERROR' + the bytes: not a Metro 2 file.
  const error = await validateMetro2(chunked(Buffer.from(`ERROR${text}`, 'latin1')), TODAY);
  assert.ok(rules(error.findings).has('FILE-FORMAT'));
  // strict: a paid status with a balance; M with 48 and LOC; associated consumers born after the
  // date of account information; ZIP not in the state.
  const strict = rules(findings);
  for (const rule of [
    'B-ZERO-BALANCE',
    'B-COLLECTION-PORTFOLIO',
    'B-TERMS-PORTFOLIO',
    'CONS-MINOR',
    'ADDR-ZIP-STATE',
  ])
    assert.ok(strict.has(rule), `strict: ${rule}`);
  assert.ok(findings.some((f) => f.rule === 'CONS-MINOR' && f.segment === 'J1'));
  assert.ok(findings.some((f) => f.rule === 'CONS-MINOR' && f.segment === 'J2'));
}

async function baseSegmentJson() {
  const text = readFileSync(join(DATA, 'base_segment.json'), 'utf8');
  // As a file it is refused (moov answers 200 with an empty file; a stricter reader says why).
  const asFile = readJsonText(text);
  assert.equal(asFile.file, null);
  assert.ok(rules(asFile.findings).has('JSON-SHAPE'));
  // As one data record: the same values as base_segment.dat.
  const wrapped = readJsonText(`{"header":null,"data":[${text}],"trailer":null}`);
  assert.equal(wrapped.file?.data.length, 1);
  const { file } = await readFile(join(DATA, 'base_segment.dat'), { ...TODAY, unwrap: true });
  const fromJson = wrapped.file!.data[0]!;
  const fromBytes = file.data[0]!;
  assert.deepEqual(
    { ...fromJson, base: { ...fromJson.base, blockDescriptorWord: null, recordDescriptorWord: 0 } },
    { ...fromBytes, base: { ...fromBytes.base, blockDescriptorWord: null, recordDescriptorWord: 0 } },
  );
}

// ------------------------------------------------------------------------------ header and trailer

async function headerRecordDat(e: Json & { structure?: Json }) {
  const s = e.structure!;
  const { file, findings } = await readFile(join(DATA, 'header_record.dat'), { ...TODAY, unwrap: true });
  const header = file.header!;
  assert.equal(header.blockDescriptorWord, s.bdw);
  assert.equal(header.recordDescriptorWord, s.rdw);
  assert.equal(stripped('header_record.dat').slice(8, 14), s.recordIdentifier);
  assertFields(HEADER_LAYOUT, header, s, ['bdw', 'rdw', 'recordIdentifier']);
  assert.deepEqual(errorsOf(findings, ['FILE-TRAILER']), []);
  assert.equal(
    bytesOf({ ...file, data: [], trailer: null }).toString('latin1'),
    stripped('header_record.dat'),
  );
  // A J1 after a header: segments belong to base records only.
  const withJ1 = `${stripped('header_record.dat').replace(/^0430(0426)/, '05300526')}${readFileSync(join(DATA, 'j1_segment.dat'), 'latin1')}`;
  const j1 = await validateMetro2(chunked(Buffer.from(withJ1, 'latin1')), TODAY);
  assert.ok(rules(j1.findings).has('SEG-NOT-APPLICABLE'));
  const error = await validateMetro2(
    chunked(Buffer.from(`ERROR${stripped('header_record.dat')}`, 'latin1')),
    TODAY,
  );
  assert.ok(rules(error.findings).has('FILE-FORMAT'));
}

async function trailerRecordDat(e: Json & { structure?: Json }) {
  const s = e.structure!;
  const { file, findings } = await readFile(join(DATA, 'trailer_record.dat'), { ...TODAY, unwrap: true });
  const trailer = file.trailer! as unknown as Json;
  assert.equal(trailer.recordDescriptorWord, s.rdw);
  assert.equal(trailer.blockDescriptorWord, null);
  assert.equal(trailer.totalBaseRecords, s.totalBaseRecords);
  assert.equal(trailer.blockCount, s.blockCount);
  const nonZero: Json = { totalBaseRecords: s.totalBaseRecords, blockCount: s.blockCount };
  for (const [key, value] of Object.entries(s.nonZeroCounts as Json)) {
    const name = key[0]!.toLowerCase() + key.slice(1);
    const group = /^(.*)\(All\/Base\/J1\/J2\)$/.exec(name);
    if (group) for (const part of ['All', 'Base', 'J1', 'J2']) nonZero[`${group[1]}${part}Segments`] = value;
    else nonZero[name] = value;
  }
  for (const spec of TRAILER_LAYOUT.modelFields)
    if (spec.type === 'numeric') assert.equal(trailer[spec.name], nonZero[spec.name] ?? 0, spec.name);
  assert.equal(
    bytesOf({ ...file, header: null, data: [] }).toString('latin1'),
    stripped('trailer_record.dat'),
  );
  // Layout valid (no field error); strict: its totals disagree among themselves and with the file.
  assert.deepEqual(
    findings.filter((f) => f.severity === 'error' && f.rule.startsWith('FIELD-')),
    [],
  );
  for (const rule of ['T-STATUS-SUM', 'T-SSN-SUM', 'T-DOB-SUM', 'T-TOTAL'])
    assert.ok(rules(findings).has(rule), rule);
}

// ------------------------------------------------------------------------------ packed (refused)

async function packed(name: string, e: Json & { structure?: Json }) {
  const report = await validateMetro2(join(DATA, name), TODAY);
  assert.equal(report.summary.readable, false);
  assert.equal(report.findings.length, 1);
  const refusal = report.findings[0]!;
  assert.equal(refusal.rule, 'FILE-PACKED');
  const s = e.structure!;
  const records = s.records as Json[] | undefined;
  const first = records ? records[0]! : s;
  const words = first.bdw ? `block ${first.bdw}, record ${first.rdw}` : `record ${first.rdw}`;
  assert.ok(refusal.message.includes(words), `${refusal.message} lacks ${words}`);
}

async function packedFileJson() {
  // The JSON image of packed_file.dat: its trailer is what a recount of its data gives
  // (moov: GeneratorTrailer, SetRecord, Validate ok), and written as characters it validates.
  const read = await readJsonFile(join(DATA, 'packed_file.json'));
  const file = read.file!;
  assert.equal(file.data.length, 1);
  assert.deepEqual(
    segmentCounts(file.data[0]!),
    withZeros({ J1: 1, J2: 1, K1: 1, K2: 1, K3: 1, K4: 1, L1: 1, N1: 1 }),
  );
  const { blockDescriptorWord: _b, recordDescriptorWord: _r, ...totals } = file.trailer!;
  const { blockDescriptorWord: _b2, recordDescriptorWord: _r2, ...recount } = computeTrailer(file);
  assert.deepEqual(totals, recount);
  const report = await validateMetro2Json(join(DATA, 'packed_file.json'), TODAY);
  assert.deepEqual(errorsOf(report.findings), []);
}

// ------------------------------------------------------------------------------ single segments

const SEGMENT_MUTATIONS: Record<string, [Json, string, string][]> = {
  J1: [
    [{ generationCode: '0' }, 'FIELD-CODE', 'generationCode'],
    [{ socialSecurityNumber: null, dateBirth: null }, 'CONS-SSN-OR-DOB', 'socialSecurityNumber'],
  ],
  J2: [
    [{ addressIndicator: '0' }, 'FIELD-CODE', 'addressIndicator'],
    [{ residenceCode: '0' }, 'FIELD-CODE', 'residenceCode'],
    [{ generationCode: '0' }, 'FIELD-CODE', 'generationCode'],
    [{ socialSecurityNumber: null, dateBirth: null }, 'CONS-SSN-OR-DOB', 'socialSecurityNumber'],
  ],
  K1: [[{ creditorClassification: 22 }, 'FIELD-CODE', 'creditorClassification']],
  K2: [
    [{ purchasedIndicator: 3 }, 'FIELD-CODE', 'purchasedIndicator'],
    [{ purchasedIndicator: 9, purchasedName: 'err' }, 'K2-NAME', 'purchasedName'],
  ],
  K3: [
    [{ agencyIdentifier: 5 }, 'FIELD-CODE', 'agencyIdentifier'],
    [{ agencyIdentifier: 0, accountNumber: 'error' }, 'K3-ACCOUNT-NUMBER', 'accountNumber'],
  ],
  K4: [[{ specializedPaymentIndicator: 3 }, 'FIELD-CODE', 'specializedPaymentIndicator']],
  L1: [
    [{ changeIndicator: 2, newConsumerAccountNumber: 'X1' }, 'L1-CHANGE', 'newConsumerAccountNumber'],
    [{ changeIndicator: 1, newIdentificationNumber: 'X1' }, 'L1-CHANGE', 'newIdentificationNumber'],
    [{ changeIndicator: 5 }, 'FIELD-CODE', 'changeIndicator'],
  ],
  N1: [],
};

async function segmentFile(name: string, e: Json & { structure?: Json }) {
  const id = name.slice(0, 2).toUpperCase() as AppendedSegmentName;
  const layout = SEGMENT_LAYOUTS[id];
  const s = e.structure!;
  const raw = readFileSync(join(DATA, name));
  if (s.bytes_on_disk !== undefined) assert.equal(raw.length, s.bytes_on_disk);
  const bytes = Buffer.from(stripped(name), 'latin1');
  assert.equal(bytes.length, s.len);
  assert.equal(layout.length, s.len);
  const value = decodeSegment(layout, bytes, 0);
  const fields = Object.fromEntries(
    Object.entries(s).filter(([k]) => !['len', 'bytes_on_disk', 'note', 'address'].includes(k)),
  );
  assertFields(layout, value, fields);
  if (typeof s.address === 'string') {
    const v = value as Json;
    assert.equal(
      `${v.firstLineAddress} / ${v.secondLineAddress} / ${v.city} ${v.state} ${v.zipCode}`,
      s.address,
    );
  }
  // Round trip: the segment written back is the same bytes.
  const out = Buffer.alloc(layout.length);
  encodeSegment(layout, value, out, 0, 1, () => assert.fail('does not fit'));
  assert.equal(out.toString('latin1'), bytes.toString('latin1'));
  // Valid: in a data record, no error on the segment.
  const key = id.toLowerCase() as keyof typeof EXAMPLE_SEGMENTS;
  const recordWith = (segment: Json) => {
    const file = exampleFile();
    const record = file.data[0]! as unknown as Json;
    if (id === 'J1' || id === 'J2') record[key] = [segment];
    else record[key] = segment;
    file.trailer = computeTrailer(file);
    return file;
  };
  const valid = await validateFile(recordWith(value));
  assert.deepEqual(
    valid.findings.filter((f) => f.segment === id && f.severity === 'error'),
    [],
  );
  for (const [change, rule, field] of SEGMENT_MUTATIONS[id]!) {
    const report = await validateFile(recordWith({ ...value, ...change }));
    assert.ok(
      report.findings.some((f) => f.segment === id && f.rule === rule && f.field === field),
      `${id} ${JSON.stringify(change)}: expected ${rule}; got ${report.findings.map((f) => f.rule).join(', ')}`,
    );
  }
  // Cut to 16 bytes (N1 also from byte 2 on): a record with it is not read.
  const base = bytesOf(exampleFile()).toString('latin1').split('\n');
  for (const cut of [bytes.subarray(0, 16), ...(id === 'N1' ? [bytes.subarray(2)] : [])]) {
    const line = base[1]! + cut.toString('latin1');
    base[1] = String(line.length).padStart(4, '0') + line.slice(4);
    const report = await validateMetro2(chunked(Buffer.from(base.join('\n'), 'latin1')), TODAY);
    assert.equal(report.summary.unparseable, 1, `${id} cut`);
    assert.ok(rules(report.findings).has(cut.length === 16 ? 'SEG-LENGTH' : 'SEG-UNKNOWN'));
    base[1] = bytesOf(exampleFile()).toString('latin1').split('\n')[1]!;
  }
}

// ------------------------------------------------------------------------------ whole files

async function unpackedFixedFileDat(e: Json & { structure?: Json }) {
  const s = e.structure!;
  const path = join(DATA, 'unpacked_fixed_file.dat');
  const { file, findings, summary, items } = await readFile(path);
  assert.equal(summary.framing.mode, 'length');
  assert.equal(summary.framing.lineSeparator, '');
  const expected = s.records as Json[];
  const read = items.filter((i) => i.kind === 'header' || i.kind === 'data' || i.kind === 'trailer');
  assert.deepEqual(
    read.map((i) => i.kind),
    expected.map((r) => (r.type === 'base' ? 'data' : r.type)),
  );
  assert.equal(file.header!.recordDescriptorWord, expected[0]!.rdw);
  assert.equal(file.data[0]!.base.recordDescriptorWord, expected[1]!.rdw);
  assert.equal(file.trailer!.recordDescriptorWord, expected[2]!.rdw);
  assert.deepEqual(segmentCounts(file.data[0]!), withZeros(expected[1]!.segments as Json));
  const raw = readFileSync(path);
  const baseEnd = 470 + 1000;
  const content = 426 + 100 + 200 + 40 + 54 + 146;
  assert.equal(baseEnd - 470 - content, expected[1]!.blankPaddingAfterSegments);
  assert.equal(raw.toString('latin1', 470 + content, baseEnd).trim(), '');
  assert.equal(summary.records, s.baseRecords);
  for (const [name, value] of Object.entries(s.trailer as Json))
    assert.equal((file.trailer as unknown as Json)[name], value, name);
  // moov: parse ok, validate ok (the trailer matches the recount); strict: header length and
  // unequal record lengths in a fixed-length file.
  assert.deepEqual(errorsOf(findings), []);
  assert.ok(rules(findings).has('FRAME-HEADER-LENGTH'));
  assert.ok(rules(findings).has('FRAME-FIXED-LENGTH'));
  // Read and written back: the same bytes.
  assert.ok(bytesOf(file).equals(raw));
}

async function unpackedFixedFileJson() {
  // moov: POST /convert with ?format=metro gives unpacked_fixed_request.dat exactly.
  const read = await readJsonFile(join(DATA, 'unpacked_fixed_file.json'));
  assert.deepEqual(
    read.findings.filter((f) => f.severity === 'error'),
    [],
  );
  assert.ok(bytesOf(read.file!).equals(readFileSync(join(DATA, 'unpacked_fixed_request.dat'))));
  // GeneratorTrailer + Validate ok: the trailer is the recount.
  const { blockDescriptorWord: _a, recordDescriptorWord: _b, ...totals } = read.file!.trailer!;
  const { blockDescriptorWord: _c, recordDescriptorWord: _d, ...recount } = computeTrailer(read.file!);
  assert.deepEqual(totals, recount);
  // JSON round trip: written as Metro 2, read back, the same model.
  const again = await readFile(chunked(bytesOf(read.file!)));
  assert.deepEqual(again.file, read.file);
}

async function unpackedFixedRequestDat(e: Json & { structure?: Json }) {
  const s = e.structure!;
  const raw = readFileSync(join(DATA, 'unpacked_fixed_request.dat'), 'latin1');
  assert.deepEqual(
    raw.split(s.separator === '\\n' ? '\n' : String(s.separator)).map((l) => l.length),
    s.lines,
  );
  const { file, findings, summary } = await readFile(join(DATA, 'unpacked_fixed_request.dat'));
  assert.equal(summary.framing.mode, 'lines');
  assert.equal(summary.framing.lineSeparator, '\n');
  assert.deepEqual(errorsOf(findings), []);
  assert.equal(bytesOf(file).toString('latin1'), raw);
}

async function unpackedVariableFileDat(e: Json & { structure?: Json }) {
  const s = e.structure!;
  const raw = readFileSync(join(DATA, 'unpacked_variable_file.dat'), 'latin1');
  assert.deepEqual(
    raw.split('\n').map((l) => l.length),
    s.lines,
  );
  const { file, findings, summary } = await readFile(join(DATA, 'unpacked_variable_file.dat'));
  assert.equal(summary.framing.blocked, true);
  const records = s.records as Json[];
  assert.equal(file.header!.blockDescriptorWord, records[0]!.bdw);
  assert.equal(file.header!.recordDescriptorWord, records[0]!.rdw);
  assert.equal(file.data[0]!.base.blockDescriptorWord, records[1]!.bdw);
  assert.equal(file.data[0]!.base.recordDescriptorWord, records[1]!.rdw);
  assert.equal(file.trailer!.recordDescriptorWord, records[2]!.rdw);
  assert.equal(file.trailer!.blockDescriptorWord, null);
  assert.deepEqual(segmentCounts(file.data[0]!), withZeros(records[1]!.segments as Json));
  // strict: the base's block descriptor word is less than its record + 4.
  assert.ok(findings.some((f) => f.rule === 'FRAME-BDW' && f.recordNumber === 2));
  assert.ok(findings.some((f) => f.rule === 'FRAME-RDW'));
}

async function unpackedVariableFileJson() {
  // moov writes the inconsistent descriptor words of its JSON as given; this writer computes them,
  // so the file it writes has consistent ones (and otherwise the same records).
  const read = await readJsonFile(join(DATA, 'unpacked_variable_file.json'));
  const file = read.file!;
  assert.equal(file.blocked, true);
  const written = await readFile(chunked(bytesOf(file)));
  assert.deepEqual(
    written.findings.filter((f) => f.rule.startsWith('FRAME-')),
    [],
  );
  assert.equal(
    written.file.data[0]!.base.blockDescriptorWord,
    written.file.data[0]!.base.recordDescriptorWord + 4,
  );
  const dat = await readFile(join(DATA, 'unpacked_variable_file.dat'));
  const strip = (r: Metro2DataRecord) => ({
    ...r,
    base: { ...r.base, blockDescriptorWord: 0, recordDescriptorWord: 0 },
  });
  assert.deepEqual(strip(written.file.data[0]!), strip(dat.file.data[0]!));
}

// ------------------------------------------------------------------------------ robustness

async function crashers() {
  const dir = join(DATA, 'crashers');
  const inputs = readdirSync(dir).filter((n) => !n.endsWith('.output'));
  assert.equal(inputs.length, 4);
  for (const name of inputs) {
    const report = await validateMetro2(join(dir, name), TODAY);
    assert.ok(report.summary.errors > 0, `${name}: no error`);
    const items = await readFile(join(dir, name));
    assert.equal(items.summary.errors, report.summary.errors);
  }
}

async function fuzzCorpus() {
  const root = join(MOOV, 'test', 'fuzz', 'testdata', 'fuzz');
  const decoded = join(MOOV, '_decoded', 'test', 'fuzz', 'testdata', 'fuzz');
  for (const target of readdirSync(root))
    for (const name of readdirSync(join(root, target))) {
      // The raw corpus file, as a Metro 2 file and as JSON: an error, not a crash.
      const asMetro = await validateMetro2(join(root, target, name), TODAY);
      assert.ok(asMetro.summary.errors > 0, `${target}/${name}`);
      const text = readFileSync(join(decoded, target, `${name}.txt`), 'utf8');
      const json = await validateMetro2Json({ text }, TODAY);
      assert.ok(json.summary.errors + json.summary.warnings > 0, `${target}/${name}.txt`);
      const read = readJsonText(text);
      if (read.file) {
        // The descriptor word of 5,175,555,555 is reported, and the output stays small.
        const size = [...encodeFile(read.file)].reduce((n, b) => n + b.length, 0);
        assert.ok(size < 1024 * 1024, `${size} bytes`);
        if (text.includes('5175555555')) assert.ok(rules(read.findings).has('JSON-RDW'));
      } else assert.ok(rules(read.findings).has('JSON-SYNTAX') || rules(read.findings).has('JSON-SHAPE'));
    }
}

async function largeJson(name: string, e: Json & { structure?: Json; strict?: string[] }) {
  const s = e.structure!;
  const path = join(MOOV, 'pkg', 'server', 'testdata', name);
  const read = await readJsonFile(path);
  const file = read.file!;
  assert.equal(file.data.length, s.baseRecords);
  assert.equal(
    file.data.reduce((n, r) => n + r.j1.length, 0),
    s.J1,
  );
  assert.equal(
    file.data.reduce((n, r) => n + r.j2.length, 0),
    s.J2,
  );
  assert.equal(file.trailer!.blockCount, s['trailer.blockCount']);
  if (s.portfolio) {
    const portfolio: Json = {};
    for (const r of file.data)
      portfolio[r.base.portfolioType] = ((portfolio[r.base.portfolioType] as number) ?? 0) + 1;
    assert.deepEqual(portfolio, s.portfolio);
    assert.equal(file.data.filter((r) => r.base.accountType === '02').length, 9992);
  }
  // Converts: the Metro 2 bytes are framed consistently and the trailer matches the recount.
  const report = await validateMetro2Json(path, { ...TODAY, findingsLimit: Number.POSITIVE_INFINITY });
  assert.equal(report.summary.records, s.baseRecords);
  assert.equal(report.summary.segments.J1, s.J1);
  assert.equal(report.summary.segments.J2, s.J2);
  if (s.statuses) assert.deepEqual(report.summary.accountStatus, s.statuses);
  assert.deepEqual(
    report.findings.filter(
      (f) => f.rule.startsWith('FRAME-') || f.rule.startsWith('SEG-') || f.rule === 'T-TOTAL',
    ),
    [],
  );
  // strict: the RDW mismatches and the 1970-01-01 dates of first delinquency, counted as stated.
  const [rdw, dofd] = e.strict!.flatMap((line) =>
    [...line.matchAll(/([\d,]{4,})/g)].map((m) => Number(m[1]!.replace(/,/g, ''))),
  );
  assert.equal(report.summary.findingsByRule['JSON-RDW'], rdw);
  assert.equal(
    report.findings.filter((f) => f.rule === 'B-DATE-EPOCH' && f.field === 'dateFirstDelinquency').length,
    dofd,
  );
  assert.ok((report.summary.findingsByRule['JSON-UNKNOWN-KEY'] ?? 0) >= (s.baseRecords as number));
  assert.ok(report.findings.some((f) => f.rule === 'JSON-UNKNOWN-KEY' && f.field === 'address'));
}

// ------------------------------------------------------------------------------ dispatch

type Check = (e: Json & { structure?: Json; strict?: string[] }) => Promise<void>;
const CHECKS: Record<string, Check | { skip: string }> = {
  'test/testdata/base_segment.dat': baseSegmentDat,
  'test/testdata/base_segment.json': baseSegmentJson,
  'test/testdata/header_record.dat': headerRecordDat,
  'test/testdata/trailer_record.dat': trailerRecordDat,
  'test/testdata/packed_header_record.dat': (e) => packed('packed_header_record.dat', e),
  'test/testdata/packed_base_segment.dat': (e) => packed('packed_base_segment.dat', e),
  'test/testdata/packed_trailer_record.dat': (e) => packed('packed_trailer_record.dat', e),
  'test/testdata/j1_segment.dat': (e) => segmentFile('j1_segment.dat', e),
  'test/testdata/j2_segment.dat': (e) => segmentFile('j2_segment.dat', e),
  'test/testdata/k1_segment.dat': (e) => segmentFile('k1_segment.dat', e),
  'test/testdata/k2_segment.dat': (e) => segmentFile('k2_segment.dat', e),
  'test/testdata/k3_segment.dat': (e) => segmentFile('k3_segment.dat', e),
  'test/testdata/k4_segment.dat': (e) => segmentFile('k4_segment.dat', e),
  'test/testdata/l1_segment.dat': (e) => segmentFile('l1_segment.dat', e),
  'test/testdata/n1_segment.dat': (e) => segmentFile('n1_segment.dat', e),
  'test/testdata/packed_file.dat': (e) => packed('packed_file.dat', e),
  'test/testdata/packed_file.json': packedFileJson,
  'test/testdata/unpacked_fixed_file.dat': unpackedFixedFileDat,
  'test/testdata/unpacked_fixed_file.json': unpackedFixedFileJson,
  'test/testdata/unpacked_fixed_request.dat': unpackedFixedRequestDat,
  'test/testdata/unpacked_variable_file.dat': unpackedVariableFileDat,
  'test/testdata/unpacked_variable_file.json': unpackedVariableFileJson,
  'test/testdata/crashers/*': crashers,
  'test/fuzz/testdata/fuzz/*': fuzzCorpus,
  'pkg/server/testdata/10k_record.json.gz': (e) => largeJson('10k_record.json.gz', e),
  'pkg/server/testdata/25k_record.json.gz': (e) => largeJson('25k_record.json.gz', e),
  'pkg/server/testdata/50k_record.json.gz': {
    skip: 'not copied into ../shared (its upstream test is disabled too)',
  },
};

describe('moov-io/metro2 fixtures: every entry of expectations.json', { skip }, () => {
  test('every entry has a check, and every check an entry', () => {
    assert.deepEqual(Object.keys(expectations.files).sort(), Object.keys(CHECKS).sort());
  });
  for (const [path, expectation] of Object.entries(expectations.files)) {
    const check = CHECKS[path];
    if (check && 'skip' in check) test(path, { skip: check.skip }, () => {});
    else test(path, { timeout: 60_000 }, () => (check as Check)(expectation));
  }
});
