/**
 * The demo market goes in through the furnishing pipeline with nothing rejected, and a second
 * start reuses it (same keys, nothing furnished again).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { hashApiKey } from '../../src/access/api-keys.js';
import { fromParts } from '../../src/app/bureau.js';
import { readConfig } from '../../src/app/config.js';
import { ensureDemoMarket } from '../../src/demo/load-demo.js';
import { CHINA_PROFILE } from '../../src/domain/jurisdiction.js';
import { createPiiCipher } from '../../src/identity/pii-cipher.js';
import { openTestStore, type TestStore } from '../support/test-store.js';

let store: TestStore;
let dataDir: string;
before(async () => {
  store = await openTestStore();
  dataDir = mkdtempSync(join(tmpdir(), 'openbureau-demo-'));
});
after(async () => {
  await store.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

async function count(
  table: 'persons' | 'accounts' | 'account_months' | 'batches' | 'institutions',
): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select(store.db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

test('the demo market is furnished through the pipeline, nothing rejected, and reused on the next start', async () => {
  const bureau = fromParts(
    readConfig({ OPENBUREAU_DATA_DIR: dataDir }),
    store,
    createPiiCipher(Buffer.alloc(32, 9)),
    CHINA_PROFILE,
  );
  const first = await ensureDemoMarket(bureau, { log: () => {}, persons: 150 });
  assert.ok(first, 'a demo was built');
  assert.equal(first.stats.rejected, 0, 'every demo record passes every rule');
  assert.equal(await count('persons'), 150);
  assert.equal(await count('accounts'), first.stats.accounts);
  assert.equal(await count('account_months'), first.stats.monthRecords);
  const kinds = first.institutions.map((i) => i.kind);
  assert.ok(kinds.filter((k) => k === 'online_microloan').length >= 3, 'at least 3 online platforms');
  assert.ok(kinds.filter((k) => k === 'bank').length >= 2, 'at least 2 banks');
  assert.ok(kinds.includes('regulator'), 'a regulator');
  for (const inst of first.institutions) {
    const found = await bureau.institutions.findByKeyHash(hashApiKey(inst.apiKey));
    assert.equal(found?.code, inst.code, 'each printed demo key authenticates its institution');
  }

  // The multi-lender showcase: its report was pulled, and the bank's check on it is declined.
  assert.ok(first.report, 'the showcase report');
  assert.equal(first.prelending?.verdict, 'decline');
  assert.ok(first.prelending?.decidedBy.includes('LP-MAX-OPEN-LENDERS'), 'too many lenders');
  assert.ok(first.showcase.multiLender.lenders >= 5, 'credit at 5 or more lenders');
  assert.equal(first.fraudCheck, undefined, 'no fraud ring is planted in a market of 150');

  const batches = await count('batches');
  const again = await ensureDemoMarket(bureau, { log: () => {}, persons: 150 });
  assert.deepEqual(again?.institutions, first.institutions, 'the second start prints the same keys');
  assert.equal(await count('batches'), batches, 'nothing furnished again');
  assert.equal(await count('persons'), 150);
});

test('a market of 1,000 persons plants a fraud ring, and the demo checks a member: the ring signal fires', async () => {
  const ringStore = await openTestStore();
  const ringDir = mkdtempSync(join(tmpdir(), 'openbureau-demo-ring-'));
  try {
    const bureau = fromParts(
      readConfig({ OPENBUREAU_DATA_DIR: ringDir }),
      ringStore,
      createPiiCipher(Buffer.alloc(32, 5)),
      CHINA_PROFILE,
    );
    const demo = await ensureDemoMarket(bureau, { log: () => {}, persons: 1_000 });
    assert.ok(demo?.showcase.fraudRing, 'a ring member in the showcase');
    assert.equal(demo.fraudCheck?.lenderCode, demo.report?.lenderCode);
    assert.ok(
      demo.fraudCheck?.fired.includes('FS-FRAUD-RING'),
      `fired: ${demo.fraudCheck?.fired.join(', ')}`,
    );
    // The member's report, pulled with the same consent, carries the warning in its header.
    assert.ok(
      demo.fraudCheck?.warning.some((line) => line.startsWith('FS-')),
      `warning: ${demo.fraudCheck?.warning.join(' | ')}`,
    );
    assert.match(demo.fraudCheck?.reportNumber ?? '', /^R\d{14}[0-9A-F]{8}$/);
  } finally {
    await ringStore.dispose();
    rmSync(ringDir, { recursive: true, force: true });
  }
});
