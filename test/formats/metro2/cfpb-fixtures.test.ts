/**
 * cfpb/Metro2's sample files (../shared/data/metro2-cfpb): every statement of its README. These
 * are one-record-per-line files whose record descriptor words are not trusted (0006): the line
 * gives the length, and the descriptor word is reported.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { decodeSegment } from '../../../src/formats/metro2/decode.js';
import { BASE_LAYOUT } from '../../../src/formats/metro2/layout-base.js';
import { HEADER_LAYOUT } from '../../../src/formats/metro2/layout-header.js';
import { SEGMENT_LAYOUTS } from '../../../src/formats/metro2/layout-segments.js';
import { isPlaceholder } from '../../../src/formats/metro2/segment-scan.js';
import { CFPB, readFile, skipWithoutShared } from './support.js';

const skip = skipWithoutShared(CFPB);
const path = (name: string) => join(CFPB, name);
const lineLengths = (name: string) =>
  readFileSync(path(name), 'latin1')
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => l.length);

describe('cfpb/Metro2 sample files', { skip }, () => {
  test('m2_file_small.txt: header, 3 data records, trailer; the segments as stated; nothing unparseable', async () => {
    assert.deepEqual(lineLengths('m2_file_small.txt'), [426, 626, 494, 680, 407]);
    const { file, summary, findings } = await readFile(path('m2_file_small.txt'));
    assert.equal(summary.header, true);
    assert.equal(summary.trailer, true);
    assert.equal(summary.records, 3);
    assert.equal(summary.unparseable, 0);
    assert.deepEqual(summary.segments, { J1: 2, J2: 1, K1: 1, K2: 1, K3: 0, K4: 0, L1: 1, N1: 0 });
    assert.equal(file.header!.activityDate, '2023-12-31');
    const [first, , third] = file.data;
    // CII are read as stored (" A" has a leading blank, reported by FIELD-CODE).
    assert.deepEqual(
      first!.j1.map((j) => j.consumerInformationIndicator.trim()),
      ['1A', 'A'],
    );
    assert.deepEqual(
      first!.j1.map((j) => j.ecoaCode),
      ['2', '2'],
    );
    assert.deepEqual(
      third!.j2.map((j) => j.ecoaCode),
      ['2'],
    );
    // The 0006 descriptor words and the trimmed trailer are reported, not fatal.
    assert.equal(findings.filter((f) => f.rule === 'FRAME-RDW').length, 4);
    assert.ok(findings.some((f) => f.rule === 'FRAME-SHORT-LINE' && f.segment === 'trailer'));
    assert.ok(findings.some((f) => f.rule === 'FIELD-CODE' && f.field === 'consumerInformationIndicator'));
  });

  test('m2_file_small_with_error.txt: the corrupted line is unparseable, the rest is read', async () => {
    const { summary, findings, items } = await readFile(path('m2_file_small_with_error.txt'));
    assert.equal(summary.unparseable, 1);
    assert.equal(summary.records, 2);
    assert.equal(summary.segments.K1, 1);
    assert.equal(summary.segments.K2, 1);
    const lost = items.find((i) => i.kind === 'unparseable');
    assert.ok(lost && lost.kind === 'unparseable');
    assert.equal(lost.recordNumber, 4);
    assert.ok(lost.findings.some((f) => f.rule === 'SEG-UNKNOWN' && f.recordNumber === 4));
    assert.ok(
      findings.every((f) => f.recordNumber !== 4 || f.rule === 'SEG-UNKNOWN' || f.rule === 'FRAME-RDW'),
    );
    assert.equal(summary.trailer, true);
  });

  test('m2_file_small_no_header.txt: no header; the dates of account information stand in for the activity date', async () => {
    const { file, summary, findings } = await readFile(path('m2_file_small_no_header.txt'));
    assert.equal(summary.header, false);
    assert.equal(summary.records, 3);
    assert.ok(findings.some((f) => f.rule === 'FILE-HEADER'));
    assert.deepEqual(
      file.data.map((r) => r.base.dateAccountInformation),
      ['2023-04-30', '2023-03-31', '2023-05-21'],
    );
    // Without an activity date, no record is "after the activity date".
    assert.ok(!findings.some((f) => f.rule === 'B-DOAI-AFTER-ACTIVITY'));
  });

  test('m2_file_bad_header.txt: the header activity date is not a date, so the file is rejected', async () => {
    const { summary, findings } = await readFile(path('m2_file_bad_header.txt'));
    assert.ok(
      findings.some((f) => f.rule === 'FIELD-DATE' && f.segment === 'header' && f.field === 'activityDate'),
    );
    assert.ok(summary.errors > 0);
  });

  test('m2_extra_extra_segments.txt: blank placeholder segments are ignored', async () => {
    const { summary, file } = await readFile(path('m2_extra_extra_segments.txt'));
    assert.equal(summary.records, 3);
    assert.equal(summary.unparseable, 0);
    assert.deepEqual(summary.segments, { J1: 0, J2: 0, K1: 0, K2: 0, K3: 0, K4: 0, L1: 0, N1: 0 });
    assert.ok(
      file.data.every((r) => r.j1.length === 0 && r.j2.length === 0 && r.k1 === null && r.n1 === null),
    );
  });

  test('the single-segment files hold one segment each', () => {
    for (const name of ['J1', 'J2', 'K1', 'K2', 'K3', 'K4', 'L1', 'N1'] as const) {
      const bytes = Buffer.from(
        readFileSync(path(`${name.toLowerCase()}_segment.txt`), 'latin1').replace(/\n$/, ''),
        'latin1',
      );
      const layout = SEGMENT_LAYOUTS[name];
      assert.equal(bytes.length, layout.length, name);
      assert.equal(bytes.toString('latin1', 0, 2), name);
      assert.equal(isPlaceholder(layout, bytes, 0), false, name);
      decodeSegment(layout, bytes, 0);
    }
    const base = readFileSync(path('base_segment_1.txt'));
    assert.equal(base.length, BASE_LAYOUT.length);
    assert.equal(decodeSegment(BASE_LAYOUT, base, 0).consumerAccountNumber, 'ACCTNUMBER1');
    // The header sample stops after the PRBC identifier (280 bytes): its fields up to there.
    const header = readFileSync(path('header_segment_1.txt'));
    assert.equal(header.length, HEADER_LAYOUT.byName.prbcProgramIdentifier.start + 9);
    assert.equal(header.toString('latin1', 4, 10), 'HEADER');
  });
});
