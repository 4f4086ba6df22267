/**
 * The fraud planted in the demo market, furnished through the pipeline on the engine of the run:
 * the rings, the synthetic identity, the mobile hopper and the person of many names fire their
 * signals; ordinary demo persons fire no ring; small markets have nothing planted; the market
 * stays deterministic.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FRAUD_PLANT_MIN_PERSONS } from '../../../src/demo/demo-fraud-rings.js';
import { DEMO_INSTITUTIONS, type DemoMarket, generateDemoMarket } from '../../../src/demo/demo-market.js';
import { addMonths, todayUtc } from '../../../src/domain/calendar.js';
import { CHINA_PROFILE } from '../../../src/domain/jurisdiction.js';
import { furnishBatch } from '../../../src/furnish/furnish-batch.js';
import { splitIntoBatches } from '../../../src/furnish/split-batches.js';
import type { FraudSignal } from '../../../src/identity/fraud/fraud-signal.js';
import { computeFraudSignals } from '../../../src/identity/fraud/fraud-signals.js';
import { createPiiCipher } from '../../../src/identity/pii-cipher.js';
import { REPORT_RING_LINKS } from '../../../src/report/pull-report.js';
import { createFraudEvidenceStore, readFraudEvidence } from '../../../src/store/fraud-evidence-repository.js';
import { createFurnishStore } from '../../../src/store/furnish-repository.js';
import { createInstitutionRepository } from '../../../src/store/institution-repository.js';
import { readPersonFileAndEvidence } from '../../../src/store/person-file-repository.js';
import { openTestStore, type TestStore } from '../../support/test-store.js';

const TODAY = todayUtc();
const OPTIONS = {
  seed: 20260101,
  persons: FRAUD_PLANT_MIN_PERSONS,
  asOfMonth: addMonths(TODAY.slice(0, 7), -1),
  today: TODAY,
};
const cipher = createPiiCipher(Buffer.alloc(32, 9));
let store: TestStore;
let market: DemoMarket;
let lenderId = 0;

type Json = Record<string, string>;
const identities: Json[] = [];

before(async () => {
  market = generateDemoMarket(OPTIONS);
  store = await openTestStore();
  const institutions = createInstitutionRepository(store);
  const ids = new Map<string, number>();
  for (const i of DEMO_INSTITUTIONS)
    ids.set(i.code, (await institutions.create({ ...i, roles: [...i.roles] })).institutionId);
  lenderId = ids.get('chenguang-bank')!;
  const deps = { store: createFurnishStore(store), cipher, profile: CHINA_PROFILE };
  for (const [code, lines] of market.linesByFurnisher) {
    for (const line of lines) if (line.startsWith('{"kind":"identity"')) identities.push(JSON.parse(line));
    for (const part of splitIntoBatches(Buffer.from(lines.join('\n')))) {
      const result = await furnishBatch(deps, {
        furnisherId: ids.get(code)!,
        batchId: `d-${part.index}`,
        body: part.body,
      });
      assert.equal(result.batch.rejected, 0, JSON.stringify(result.findings.slice(0, 3)));
    }
  }
});
after(async () => {
  await store?.dispose();
});

let inquiryNo = 0;
async function signalsOf(idNumber: string): Promise<FraudSignal[]> {
  const evidence = createFraudEvidenceStore(store, cipher);
  const at = new Date().toISOString();
  const checked = CHINA_PROFILE.nationalId.check(idNumber, TODAY);
  assert.ok(checked.ok);
  const idHash = cipher.hash('national_id', checked.id);
  inquiryNo += 1;
  const e = await evidence.readEvidenceAndRecord({
    idHash,
    asOf: at,
    idFacts: { birthDate: checked.birthDate!, sex: checked.sex! },
    ring: CHINA_PROFILE.fraudThresholds.ring,
    // Purpose 01 (post-loan): soft, so these checks never count as velocity.
    inquiry: {
      at,
      institutionId: lenderId,
      reason: '01',
      consentId: 'c_test',
      reportNumber: `F-test-${inquiryNo}`,
    },
    log: { lenderId, at, idHash, purpose: '01', consentId: 'c_test', outcome: 'served', reportNumber: null },
  });
  assert.ok(e.onFile);
  return computeFraudSignals(e, CHINA_PROFILE.fraudThresholds);
}

const firedIds = (signals: readonly FraudSignal[]) =>
  new Set<string>(signals.filter((s) => s.fired).map((s) => s.id));

/** IDs grouped by a key of their identity records. */
function groups(key: (r: Json) => string, value: (r: Json) => string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of identities) {
    const set = out.get(key(r)) ?? new Set<string>();
    set.add(value(r));
    out.set(key(r), set);
  }
  return out;
}

describe('fraud planted in the demo market', () => {
  test('the ring with defaults: ring, ring default, IDs per mobile and per address fire', async () => {
    const member = market.showcase.fraudRing;
    assert.ok(member, 'the market names a ring member');
    const fired = firedIds(await signalsOf(member.idNumber));
    for (const id of ['FS-FRAUD-RING', 'FS-FRAUD-RING-DEFAULT', 'FS-IDS-PER-MOBILE', 'FS-IDS-PER-ADDRESS'])
      assert.ok(fired.has(id), `${id} fires (fired: ${[...fired].join(', ')})`);
  });

  test('the synthetic identity, the mobile hopper and the person of many names', async () => {
    const sameNameBirth = [
      ...groups(
        (r) => `${r.name}|${r.birth_date}`,
        (r) => r.id_number!,
      ).values(),
    ].find((ids) => ids.size >= 3);
    assert.ok(sameNameBirth, 'three IDs under one name and birth date');
    assert.ok(firedIds(await signalsOf([...sameNameBirth][0]!)).has('FS-SAME-NAME-BIRTH-DATE'));

    const mobiles = groups(
      (r) => r.id_number!,
      (r) => r.mobile!,
    );
    const hopper = [...mobiles].find(([, set]) => set.size >= 4);
    assert.ok(hopper, 'a person with four mobiles');
    const hops = firedIds(await signalsOf(hopper[0]));
    assert.ok(hops.has('FS-MOBILES-PER-ID') && hops.has('FS-MOBILE-CHANGES'), [...hops].join(', '));

    const names = [
      ...groups(
        (r) => r.id_number!,
        (r) => r.name!,
      ),
    ].find(([, set]) => set.size >= 3);
    assert.ok(names, 'a person with three names');
    assert.ok(firedIds(await signalsOf(names[0])).has('FS-NAMES-PER-ID'));
  });

  test('ordinary persons: no ring fires among the first 150, few signals at all', async () => {
    const ordinary = [...new Set(identities.map((r) => r.id_number!))].slice(0, 150);
    let anyFired = 0;
    for (const id of ordinary) {
      const fired = firedIds(await signalsOf(id));
      assert.ok(!fired.has('FS-FRAUD-RING'), 'an ordinary person in a ring');
      if (fired.size > 0) anyFired += 1;
    }
    assert.ok(anyFired <= 3, `${anyFired} of 150 ordinary persons fire a signal`);
  });

  test("a report's evidence, read with the file, equals the evidence read alone (planted and ordinary persons)", async () => {
    const ids = [...new Set(identities.map((r) => r.id_number!))];
    const planted = [market.showcase.fraudRing!.idNumber, ...ids.slice(0, 60)];
    const at = new Date().toISOString();
    // Rows of equal dates may come in either order: compare each list in one order.
    const ordered = (e: unknown) =>
      JSON.parse(JSON.stringify(e), (_, v) =>
        Array.isArray(v) ? [...v].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) : v,
      );
    let ringsSeen = 0;
    let defaultsSeen = 0;
    for (const idNumber of planted) {
      const checked = CHINA_PROFILE.nationalId.check(idNumber, TODAY);
      assert.ok(checked.ok);
      const request = {
        idHash: cipher.hash('national_id', checked.id),
        asOf: at,
        idFacts: { birthDate: checked.birthDate!, sex: checked.sex! },
        ring: { ...CHINA_PROFILE.fraudThresholds.ring, maxDepth: 1 },
        ringLinks: REPORT_RING_LINKS,
      };
      await store.db.transaction().execute(async (trx) => {
        const read = await readPersonFileAndEvidence(trx, request.idHash, (s) => cipher.decrypt(s));
        assert.ok(read, 'the person is on file');
        const alone = await readFraudEvidence(trx, request, (s) => cipher.decrypt(s));
        const withFile = await readFraudEvidence(trx, request, (s) => cipher.decrypt(s), read.known);
        assert.equal(withFile.personId, alone.personId);
        assert.deepEqual(ordered(withFile.evidence), ordered(alone.evidence));
        if ((alone.evidence.ring?.members ?? 0) > 1) ringsSeen += 1;
        if ((alone.evidence.ring?.membersInDefault ?? 0) > 0) defaultsSeen += 1;
      });
    }
    assert.ok(ringsSeen >= 1 && defaultsSeen >= 1, `rings ${ringsSeen}, rings in default ${defaultsSeen}`);
  });

  test('a market below the minimum has nothing planted; the market is the same for the same options', () => {
    const small = generateDemoMarket({ ...OPTIONS, persons: FRAUD_PLANT_MIN_PERSONS - 1 });
    assert.equal(small.showcase.fraudRing, undefined);
    const again = generateDemoMarket(OPTIONS);
    assert.deepEqual(again.showcase, market.showcase);
    assert.deepEqual(
      again.linesByFurnisher.get('huiyin-jiebei'),
      market.linesByFurnisher.get('huiyin-jiebei'),
    );
  });
});
