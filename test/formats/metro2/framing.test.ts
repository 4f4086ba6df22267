/**
 * Framing and streaming: how files are cut into records (lines, descriptor words, blocks), that
 * chunk boundaries change nothing, that memory stays bounded, and that any input ends in findings,
 * never in an exception or a hang.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { FrameScanner } from '../../../src/formats/metro2/frame-scanner.js';
import { DETECT_WINDOW_BYTES, MAX_LINE_BYTES } from '../../../src/formats/metro2/limits.js';
import type { Metro2File } from '../../../src/formats/metro2/model-types.js';
import { validateMetro2 } from '../../../src/formats/metro2/validate-metro2.js';
import { computeTrailer } from '../../../src/formats/metro2/write-metro2.js';
import { fileArbitrary } from './arbitraries.js';
import { bytesOf, chunked, exampleFile, readFile, TODAY } from './support.js';

const rulesOf = (findings: readonly { rule: string }[]) => findings.map((f) => f.rule);

/** The example file with `n` data records. */
function manyRecords(n: number, framing: Partial<Metro2File> = {}): Metro2File {
  const file = { ...exampleFile(), ...framing };
  const record = file.data[0]!;
  file.data = Array.from({ length: n }, (_, i) => ({
    ...structuredClone(record),
    base: { ...record.base, consumerAccountNumber: `EX${String(i).padStart(10, '0')}` },
  }));
  file.trailer = computeTrailer(file);
  return file;
}

describe('framing', () => {
  test('one record per line, LF or CR LF, with or without a final line break', async () => {
    for (const lineSeparator of ['\n', '\r\n'] as const)
      for (const finalLineSeparator of [true, false]) {
        const file = manyRecords(3, { lineSeparator, finalLineSeparator });
        const read = await readFile(chunked(bytesOf(file), 97));
        assert.equal(read.summary.framing.mode, 'lines');
        assert.equal(read.summary.framing.lineSeparator, lineSeparator);
        assert.equal(read.summary.framing.finalLineSeparator, finalLineSeparator);
        assert.deepEqual(read.findings, []);
        assert.deepEqual(read.file, file);
      }
  });

  test('fixed-length files and blocked files are framed by their descriptor words', async () => {
    const fixed = await readFile(
      chunked(bytesOf(manyRecords(4, { lineSeparator: '', finalLineSeparator: false }))),
    );
    assert.equal(fixed.summary.framing.mode, 'length');
    assert.equal(fixed.summary.records, 4);
    assert.deepEqual(fixed.findings, []);
    const blocked = manyRecords(4, { blocked: true, lineSeparator: '', finalLineSeparator: false });
    blocked.header!.blockDescriptorWord = 430;
    for (const r of blocked.data) r.base.blockDescriptorWord = 430;
    const read = await readFile(chunked(bytesOf(blocked), 333));
    assert.equal(read.summary.framing.blocked, true);
    assert.deepEqual(read.findings, []);
    assert.deepEqual(read.file, blocked);
  });

  test('a block holding several records is read record by record', async () => {
    const text = bytesOf(manyRecords(2, { lineSeparator: '', finalLineSeparator: false })).toString('latin1');
    // header in its own block, then one block of both data records, then the trailer.
    const blocked = `0430${text.slice(0, 426)}0856${text.slice(426, 1278)}${text.slice(1278)}`;
    const read = await readFile(chunked(Buffer.from(blocked, 'latin1'), 50));
    assert.equal(read.summary.records, 2);
    assert.deepEqual(rulesOf(read.findings), []);
    assert.equal(read.file.data[0]!.base.blockDescriptorWord, 856);
    assert.equal(read.file.data[1]!.base.blockDescriptorWord, null);
  });

  test('an unparseable line is reported and skipped; the lines after it are read', async () => {
    const lines = bytesOf(manyRecords(3)).toString('latin1').split('\n');
    lines[2] = 'garbage line';
    const read = await readFile(chunked(Buffer.from(lines.join('\n'), 'latin1')));
    assert.equal(read.summary.records, 2);
    assert.equal(read.summary.unparseable, 1);
    assert.ok(read.findings.some((f) => f.rule === 'FRAME-LENGTH' && f.recordNumber === 3));
    assert.equal(read.summary.trailer, true);
  });

  test('findings carry record number, account number, segment, field and positions', async () => {
    const file = manyRecords(2);
    file.data[1]!.base.currentBalance = 5;
    file.data[1]!.base.accountStatus = '13';
    file.data[1]!.base.paymentRating = '0';
    file.trailer = computeTrailer(file);
    const report = await validateMetro2(chunked(bytesOf(file)), TODAY);
    const finding = report.findings.find((f) => f.rule === 'B-ZERO-BALANCE')!;
    assert.equal(finding.recordNumber, 3);
    assert.equal(finding.accountNumber, 'EX0000000001');
    assert.equal(finding.segment, 'base');
    assert.equal(finding.field, 'currentBalance');
    assert.equal(finding.recordPosition, 155);
    assert.equal(finding.filePosition, 427 * 2 + 155);
    assert.equal(
      bytesOf(file).toString('latin1', finding.filePosition! - 1, finding.filePosition! + 8),
      '000000005',
    );
  });

  test('every finding is reported, not only the first', async () => {
    const file = exampleFile();
    Object.assign(file.data[0]!.base, {
      portfolioType: 'A',
      accountType: 'FF',
      amountPastDue: 10,
      surname: '',
    });
    file.trailer = computeTrailer(file);
    const report = await validateMetro2(chunked(bytesOf(file)), TODAY);
    const rules = rulesOf(report.findings);
    for (const rule of ['FIELD-CODE', 'FIELD-REQUIRED', 'B-PAST-DUE-CURRENT'])
      assert.ok(rules.includes(rule), rule);
    assert.equal(report.findings.filter((f) => f.rule === 'FIELD-CODE').length, 2);
  });
});

describe('streaming', () => {
  test('chunk boundaries change nothing (fast-check: files, damaged files, any chunk size)', async () => {
    const damaged = fc
      .tuple(fileArbitrary, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }))
      .map(([file, edits]) => {
        const bytes = Buffer.from(bytesOf(file));
        for (const [at, value] of edits) bytes[at % bytes.length] = value;
        return bytes;
      });
    await fc.assert(
      fc.asyncProperty(damaged, fc.integer({ min: 1, max: 2000 }), async (bytes, size) => {
        const whole = await validateMetro2(chunked(bytes), TODAY);
        const pieces = await validateMetro2(chunked(bytes, size), TODAY);
        assert.deepEqual(pieces.findings, whole.findings);
        assert.deepEqual(pieces.summary, whole.summary);
      }),
      { numRuns: 120 },
    );
  });

  test('the scanner holds at most one chunk and one record between pushes', () => {
    const bytes = bytesOf(manyRecords(2000));
    const chunk = 64 * 1024;
    let records = 0;
    let most = 0;
    const scanner = new FrameScanner({ record: () => records++, unparseable: () => {}, finding: () => {} });
    for (let at = 0; at < bytes.length; at += chunk) {
      scanner.push(bytes.subarray(at, at + chunk));
      most = Math.max(most, scanner.bufferedBytes);
    }
    scanner.end();
    assert.equal(records, 2002);
    assert.ok(most <= Math.max(DETECT_WINDOW_BYTES, MAX_LINE_BYTES + 2), `held ${most} bytes`);
  });

  test('a line of megabytes without a line break is skipped with bounded memory', async () => {
    const header = bytesOf(exampleFile()).toString('latin1').split('\n')[0]!;
    const huge = Buffer.concat([Buffer.from(`${header}\n`, 'latin1'), Buffer.alloc(5 * 1024 * 1024, 0x41)]);
    let most = 0;
    let unparseable = 0;
    const scanner = new FrameScanner({
      record: () => {},
      unparseable: () => unparseable++,
      finding: () => {},
    });
    for (let at = 0; at < huge.length; at += 65536) {
      scanner.push(huge.subarray(at, at + 65536));
      most = Math.max(most, scanner.bufferedBytes);
    }
    scanner.end();
    assert.equal(unparseable, 1);
    assert.ok(most < 2 * 65536 + MAX_LINE_BYTES, `held ${most} bytes`);
  });
});

describe('robustness', () => {
  test('any bytes end in findings or a clean read, never an exception', async () => {
    const start = fc.constantFrom('', '0426', '0430', '0426HEADER', '00000426', '\x01\x72\x00\x00', '{');
    await fc.assert(
      fc.asyncProperty(
        start,
        fc.uint8Array({ maxLength: 3000 }),
        fc.integer({ min: 1, max: 700 }),
        async (head, tail, size) => {
          const bytes = Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(tail)]);
          const report = await validateMetro2(chunked(bytes, size), TODAY);
          const s = report.summary;
          const counted = Object.values(s.findingsByRule).reduce((n, c) => n + c, 0);
          assert.equal(counted, s.errors + s.warnings);
          assert.equal(report.findings.length, counted);
          if (!s.readable) assert.ok(s.errors > 0);
          // Garbage is never a valid file: without a header and a trailer there is an error.
          if (!(s.header && s.trailer)) assert.ok(s.errors > 0);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('an empty file, a JSON file read as Metro 2, and a lone header are findings', async () => {
    const empty = await validateMetro2(chunked(Buffer.alloc(0)), TODAY);
    assert.deepEqual(rulesOf(empty.findings), ['FILE-FORMAT']);
    const json = await validateMetro2(chunked(Buffer.from('{"header":{}}')), TODAY);
    assert.deepEqual(rulesOf(json.findings), ['FILE-FORMAT']);
    const header = bytesOf({ ...exampleFile(), data: [], trailer: null });
    const lone = await validateMetro2(chunked(header), TODAY);
    assert.deepEqual(rulesOf(lone.findings), ['FILE-TRAILER']);
  });
});
