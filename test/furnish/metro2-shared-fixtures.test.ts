/**
 * The cfpb/Metro2 and moov-io/metro2 sample files through the ingest, end to end: what their
 * README files say a reader reports, and what the bureau then holds (rejects at their Metro 2
 * positions; the moov record, once its two errors are corrected, as persons by SSN with the
 * account and its month). Skipped, saying so, when ../shared is absent.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Metro2DataRecord, Metro2Header } from '../../src/formats/metro2/index.js';
import { readMetro2 } from '../../src/formats/metro2/index.js';
import { Metro2IngestError } from '../../src/furnish/metro2-errors.js';
import { furnishMetro2 } from '../../src/furnish/metro2-ingest.js';
import { createBatchRepository } from '../../src/store/batch-repository.js';
import { CFPB, MOOV, skipWithoutShared } from '../formats/metro2/support.js';
import { type FurnishFixture, openFurnishStore, rowCounts } from '../support/furnish-fixtures.js';
import { ingest, m2Bytes, onNow, personBySsn } from './metro2-fixtures.js';

const skip = skipWithoutShared(CFPB) || skipWithoutShared(MOOV);
const MOOV_FIXED = join(MOOV, 'test', 'testdata', 'unpacked_fixed_file.dat');

describe('shared Metro 2 fixtures through the ingest', { skip }, () => {
  let f: FurnishFixture;
  let furnisher = 100;
  before(async () => {
    f = await openFurnishStore();
  });
  after(async () => {
    await f.store.dispose();
  });
  const fromPath = (batchId: string, path: string) =>
    furnishMetro2(onNow(f.deps), { furnisherId: ++furnisher, batchId, source: path });

  test('cfpb m2_file_small.txt: 3 records, every line a reject at its Metro 2 position, nothing placed', async () => {
    const before = await rowCounts(f.store);
    const r = await fromPath('cfpb-small', join(CFPB, 'm2_file_small.txt'));
    assert.deepEqual([r.records, r.unparseable, r.header, r.trailer], [3, 0, true, true]);
    assert.deepEqual([r.recordsRejected, r.lines, r.accepted, r.rejected], [3, 9, 0, 9]);
    const rating = r.findings.find((x) => x.rule === 'B-PAYMENT-RATING-BLANK' && x.recordNumber === 2);
    assert.deepEqual(
      [
        rating?.accountNumber,
        rating?.segment,
        rating?.field,
        rating?.filePosition,
        rating?.recordPosition,
        rating?.batchId,
        rating?.lines,
      ],
      ['ACCTNUMBER1', 'base', 'paymentRating', 553, 126, 'cfpb-small.p1', [1, 2, 3]],
    );
    const header = r.findings.find((x) => x.rule === 'FIELD-NUMERIC' && x.segment === 'header');
    assert.deepEqual(
      [header?.field, header?.filePosition, header?.batchId],
      ['reporterTelephoneNumber', 216, null],
    );
    assert.ok(r.findings.some((x) => x.rule === 'T-TOTAL' && x.segment === 'trailer' && x.batchId === null));
    // Account 1's associated consumers carry no SSN: not placed, said so.
    assert.equal(
      r.findings.filter((x) => x.rule === 'M2-ASSOCIATE-NOT-LINKED' && x.recordNumber === 2).length,
      2,
    );
    const after = await rowCounts(f.store);
    assert.deepEqual(
      [after.persons! - before.persons!, after.rejects! - before.rejects!, after.batches! - before.batches!],
      [0, 9, 1],
    );
    const batch = await createBatchRepository(f.store).find(furnisher, 'cfpb-small.p1');
    const rejects = await createBatchRepository(f.store).rejects(furnisher, batch!.batchPk, {
      offset: 0,
      limit: 100,
    });
    assert.deepEqual(rejects[0]!.findings.map((x) => x.rule).slice(0, 4), [
      'FRAME-RDW',
      'B-PAYMENT-RATING-BLANK',
      'B-LAST-PAYMENT-AFTER-DOAI',
      'ADDR-ZIP-FORMAT',
    ]);
    // The header's activity date (2023-12-31) is the date the lines are reported on.
    assert.equal(JSON.parse(f.cipher.decrypt(rejects[0]!.rawEnc)).reported_on, '2023-12-31');
  });

  test('cfpb m2_file_small_with_error.txt: the corrupted line reported as unparseable, 2 records', async () => {
    const r = await fromPath('cfpb-error', join(CFPB, 'm2_file_small_with_error.txt'));
    assert.deepEqual([r.records, r.unparseable], [2, 1]);
    const seg = r.findings.find((x) => x.rule === 'SEG-UNKNOWN');
    assert.deepEqual([seg?.recordNumber, seg?.batchId], [4, null]);
  });

  test('cfpb m2_file_small_no_header.txt: the date of account information stands in for the activity date', async () => {
    const r = await fromPath('cfpb-noheader', join(CFPB, 'm2_file_small_no_header.txt'));
    assert.equal(r.records, 3);
    assert.ok(r.findings.some((x) => x.rule === 'FILE-HEADER' && x.batchId === null));
    const batch = await createBatchRepository(f.store).find(furnisher, 'cfpb-noheader.p1');
    const rejects = await createBatchRepository(f.store).rejects(furnisher, batch!.batchPk, {
      offset: 0,
      limit: 100,
    });
    assert.equal(JSON.parse(f.cipher.decrypt(rejects[0]!.rawEnc)).reported_on, '2023-04-30');
  });

  test('cfpb m2_file_bad_header.txt: the whole file refused, nothing stored', async () => {
    const before = await rowCounts(f.store);
    await assert.rejects(fromPath('cfpb-badheader', join(CFPB, 'm2_file_bad_header.txt')), (e: unknown) => {
      assert.ok(e instanceof Metro2IngestError);
      assert.equal(e.code, 'metro2_header_unreadable');
      assert.match(e.message, /activityDate.*byte 48/);
      return true;
    });
    assert.deepEqual(await rowCounts(f.store), before);
  });

  test('cfpb m2_extra_extra_segments.txt: blank placeholder segments ignored, 3 records of 3 lines', async () => {
    const r = await fromPath('cfpb-extra', join(CFPB, 'm2_extra_extra_segments.txt'));
    assert.deepEqual([r.records, r.lines], [3, 9]);
  });

  test('moov unpacked_fixed_file.dat: its two errors reject the record, at their byte positions', async () => {
    const r = await fromPath('moov-fixed', MOOV_FIXED);
    assert.deepEqual([r.records, r.recordsRejected, r.accepted], [1, 1, 0]);
    const errors = r.findings
      .filter((x) => x.severity === 'error')
      .map((x) => [x.rule, x.field, x.filePosition, x.lines]);
    assert.deepEqual(errors, [
      ['B-ZERO-BALANCE', 'currentBalance', 625, [1, 2, 3, 4, 5, 6]],
      ['B-OPENED-AFTER-DOAI', 'dateOpened', 546, [1, 2, 3, 4, 5, 6]],
      // The canonical rules find it too, on the two account lines (base consumer, J1 consumer).
      ['ACC-OPEN-FUTURE', 'dateOpened', 546, [2]],
      ['ACC-OPEN-FUTURE', 'dateOpened', 546, [5]],
    ]);
    assert.ok(r.findings.some((x) => x.rule === 'M2-L1-NOT-APPLIED' && x.severity === 'warning'));
  });

  test('moov unpacked_fixed_file.dat corrected: persons by SSN, the collection account and its month', async () => {
    let header: Metro2Header | null = null;
    let record: Metro2DataRecord | undefined;
    for await (const item of readMetro2(MOOV_FIXED, { validate: false })) {
      if (item.kind === 'header') header = item.header;
      if (item.kind === 'data') record = item.record;
    }
    assert.ok(record && header);
    // The two errors, corrected: a paid collection has no balance; it opened before 2002.
    Object.assign(record.base, { currentBalance: 0, dateOpened: '2001-01-15' });
    const r = await ingest(f.deps, 'moov-corrected', m2Bytes([record], header), { furnisherId: ++furnisher });
    assert.deepEqual([r.records, r.recordsRejected, r.rejected], [1, 0, 0]);
    assert.deepEqual([r.lines, r.accepted], [6, 6]);
    const person = await personBySsn(f.store, f.cipher, '159328759');
    assert.ok(person);
    assert.deepEqual(person.attributes.name, ['JUNIOR SMITH-JONES SR']);
    assert.deepEqual(person.attributes.employer, ['Employer Name']);
    assert.deepEqual(
      person.accounts.map((a) => [
        a.account_no,
        a.account_type,
        a.business_type,
        Number(a.amount_minor),
        a.repayment_method,
        a.joint_loan,
      ]),
      [['553723456', 'C1', 'other', 243_800, 'other', 1]],
    );
    assert.deepEqual(
      person.months.map((m) => [m.month, m.status, Number(m.balance_minor), m.reported_on]),
      [['2002-09', 'C', 0, '2002-09-20']],
    );
    // J1 and J2 are the same consumer (one SSN): one copy of the account on his file.
    const kevin = await personBySsn(f.store, f.cipher, '445112877');
    assert.deepEqual(
      kevin?.accounts.map((a) => a.account_no),
      ['553723456/J1-1'],
    );
    assert.deepEqual(kevin?.attributes.name, ['KEVIN BEAUCHAMP SR']);
  });

  test('moov packed_file.dat: refused (packed Metro 2 is not read)', async () => {
    await assert.rejects(
      fromPath('moov-packed', join(MOOV, 'test', 'testdata', 'packed_file.dat')),
      (e: unknown) => {
        assert.ok(e instanceof Metro2IngestError);
        assert.equal(e.code, 'metro2_unreadable');
        assert.match(e.message, /FILE-PACKED/);
        return true;
      },
    );
  });
});
