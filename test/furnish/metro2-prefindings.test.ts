/**
 * furnishBatch's pre-findings (what a Metro 2 ingest passes for records with errors): a line that
 * has them is rejected with them, before whatever the canonical rules find, stored like any other
 * reject (encrypted line, all findings) and fixable by a canonical line with "fixes"; lines
 * without them are checked and applied as before; the batch keeps the format it was given.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Finding } from '../../src/formats/canonical/record-types.js';
import { furnishBatch } from '../../src/furnish/furnish-batch.js';
import { createBatchRepository } from '../../src/store/batch-repository.js';
import {
  account,
  type FurnishFixture,
  furnish,
  identity,
  month,
  openFurnishStore,
} from '../support/furnish-fixtures.js';

let f: FurnishFixture;
before(async () => {
  f = await openFurnishStore();
});
after(async () => {
  await f.store.dispose();
});

const pre = (line: number, rule: string): Finding => ({
  line,
  field: 'base.currentBalance',
  rule,
  message: 'from Metro 2',
});

test('a line with pre-findings is rejected with them (and the canonical findings); the others are applied', async () => {
  const lines = [identity(), account(), month({ status: '2' }), month({ month: '2024-11' })];
  const body = Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n'));
  const preFindings = new Map([
    [3, [pre(3, 'B-ZERO-BALANCE')]],
    [4, [pre(4, 'B-ZERO-BALANCE'), pre(4, 'ADDR-ZIP-FORMAT')]],
  ]);
  const result = await furnishBatch(f.deps, {
    furnisherId: 1,
    batchId: 'pre-1',
    body,
    preFindings,
    format: 'metro2',
  });
  assert.deepEqual([result.batch.accepted, result.batch.rejected, result.batch.format], [2, 2, 'metro2']);
  assert.deepEqual(
    result.findings.map((x) => [x.line, x.rule]),
    [
      [3, 'B-ZERO-BALANCE'],
      [3, 'MON-OVERDUE-STATUS'],
      [3, 'MON-OVERDUE-STATUS'],
      [4, 'B-ZERO-BALANCE'],
      [4, 'ADDR-ZIP-FORMAT'],
    ],
  );
  const repo = createBatchRepository(f.store);
  const batch = await repo.find(1, 'pre-1');
  assert.equal(batch?.format, 'metro2');
  const rejects = await repo.rejects(1, batch!.batchPk, { offset: 0, limit: 10 });
  assert.deepEqual(
    rejects.map((r) => [r.line, r.kind, r.findings.length, JSON.parse(f.cipher.decrypt(r.rawEnc)).month]),
    [
      [3, 'month', 3, '2024-12'],
      [4, 'month', 2, '2024-11'],
    ],
  );

  // Fixed by a canonical line: the reject is marked fixed.
  const fix = await furnish(f.deps, 1, 'pre-fix', [month({ month: '2024-11', fixes: 'pre-1#4' })]);
  assert.equal(fix.batch.accepted, 1);
  const after = await repo.rejects(1, batch!.batchPk, { offset: 0, limit: 10 });
  assert.deepEqual(
    after.map((r) => r.status),
    ['open', 'fixed'],
  );
});

test('without pre-findings nothing changes: the batch is jsonl, an empty list rejects nothing', async () => {
  const body = Buffer.from(
    [identity(), account({ account_no: 'L-2' })].map((l) => JSON.stringify(l)).join('\n'),
  );
  const result = await furnishBatch(f.deps, {
    furnisherId: 2,
    batchId: 'pre-2',
    body,
    preFindings: new Map([[1, []]]),
  });
  assert.deepEqual([result.batch.accepted, result.batch.rejected, result.batch.format], [2, 0, 'jsonl']);
});
