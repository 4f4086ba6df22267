/**
 * Fraud checks over HTTP, on the engine of the run (SQLite, or PostgreSQL with DATABASE_URL):
 * identity links, the same name and birth date under another ID, changes of mobile, the ID against
 * a reported birth date and sex, hard-inquiry velocity and a fraud ring with members in default
 * each fire on data furnished for them and not on a near miss; the answer carries no other
 * person's ID, name, mobile or address; consent refusals as for reports; the check is an inquiry
 * on the person's file; a person the bureau does not know is an answer, not an error.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fastJsonStringify from 'fast-json-stringify';
import { generateApiKey, hashApiKey } from '../../src/access/api-keys.js';
import { FRAUD_CHECK_ANSWER } from '../../src/api/routes/fraud-routes.js';
import { makeResidentId } from '../../src/domain/resident-id.js';
import { type ApiHarness, bearer, openApiHarness } from '../support/api-harness.js';

const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

interface Person {
  id: string;
  name: string;
  birth: string;
  sex: 'M' | 'F';
}
/** A person with a valid resident ID (odd sequence: male). */
function person(region: string, birth: string, sequence: number, name: string): Person {
  return { id: makeResidentId(region, birth, sequence), name, birth, sex: sequence % 2 === 1 ? 'M' : 'F' };
}

// The subject of the identity-link checks and the others who share its values.
const S = person('330106', '1988-08-08', 22, '周敏');
const O1 = person('110105', '1979-03-02', 41, '孙立军');
const O2 = person('440305', '1992-11-20', 63, '吴海燕');
/** The same name and birth date as S under another ID. */
const O3 = person('510107', '1988-08-08', 88, '周敏');
const M1 = '13811110001';
const M2 = '13811110002';
const M3 = '13811110003';
const ADDR = '浙江省杭州市西湖区学府路18号翠湖苑3栋2单元501室';
// A near miss: two mobiles, one shared with one other person, two names.
const N = person('320102', '1985-01-09', 13, '郑浩');
const N_OTHER = person('320102', '1975-06-30', 15, '钱进');
// ID facts, velocity, the ring and the unknown person.
const F = person('420106', '1991-07-07', 30, '黄丽');
const V = person('610113', '1983-02-14', 71, '马超');
const R = [1, 2, 3, 4, 5].map((i) =>
  person('350203', `1987-0${i}-1${i}`, 10 * i + 1, `林${'一二三四五'[i - 1]}`),
);
const SMALL = [1, 2, 3, 4].map((i) =>
  person('370102', `1986-0${i}-2${i}`, 10 * i + 3, `于${'甲乙丙丁'[i - 1]}`),
);
const UNKNOWN = person('430104', '1999-09-09', 7, '无名');

const everyone = [S, O1, O2, O3, N, N_OTHER, F, V, ...R, ...SMALL, UNKNOWN];
const mobiles = [M1, M2, M3, '13822220001', '13822220002', '13833330001', '13833330002', '13844440001'];

function identityLine(p: Person, change: Record<string, unknown>) {
  return { kind: 'identity', id_number: p.id, name: p.name, birth_date: p.birth, sex: p.sex, ...change };
}

function accountLine(p: Person, accountNo: string, reportedOn: string, name = p.name) {
  return {
    kind: 'account',
    action: 'open',
    account_no: accountNo,
    id_number: p.id,
    name,
    reported_on: reportedOn,
    account_type: 'D1',
    business_type: 'cash_loan',
    currency: 'CNY',
    open_date: reportedOn,
    amount_minor: 1_000_000,
    repayment_method: 'equal_instalment',
    repayment_frequency: 'monthly',
    instalments: 12,
    guarantee_type: 'unsecured',
    joint_loan: false,
  };
}

/** A month 91-120 days overdue: a default. */
function defaultMonth(accountNo: string) {
  return {
    kind: 'month',
    account_no: accountNo,
    month: today.slice(0, 7),
    reported_on: today,
    balance_minor: 900_000,
    scheduled_payment_minor: 90_000,
    actual_payment_minor: 0,
    overdue_periods: 4,
    overdue_amount_minor: 360_000,
    status: '4',
    five_class: 4,
  };
}

let h: ApiHarness;
/** Lender keys: the harness's two lenders and three more. */
const lenders: string[] = [];

async function furnished(key: string, batchId: string, lines: object[]) {
  const res = await h.postBatch(key, batchId, lines);
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(JSON.parse(res.body).batch.rejected, 0, res.body);
}

async function consent(key: string, p: Person, purpose = '02'): Promise<string> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/v1/consents',
    headers: bearer(key),
    payload: {
      id_number: p.id,
      name: p.name,
      purpose,
      granted_at: today,
      expires_at: inDays(30),
      evidence_ref: 'esign-fraud',
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  return JSON.parse(res.body).consent_id;
}

async function check(key: string, p: Person, consentId: string, change: Record<string, string> = {}) {
  return h.app.inject({
    method: 'POST',
    url: '/v1/fraud-checks',
    headers: bearer(key),
    payload: { id_number: p.id, name: p.name, purpose: '02', consent_id: consentId, ...change },
  });
}

interface Signal {
  id: string;
  window: string;
  threshold: number;
  observed: number;
  fired: boolean;
  evidence: {
    institutions: string[];
    firstReportedOn: string | null;
    lastReportedOn: string | null;
    figures: Record<string, unknown>;
  };
}
// biome-ignore lint/suspicious/noExplicitAny: a JSON answer
type Answer = any;

/** Checks the person with the lender key (a new consent) and returns the answer. */
async function checked(p: Person, key = h.keys.lender): Promise<Answer> {
  const res = await check(key, p, await consent(key, p));
  assert.equal(res.statusCode, 200, res.body);
  const answer = JSON.parse(res.body);
  // The answer is exactly what the route schema describes.
  assert.deepEqual(JSON.parse(fastJsonStringify(FRAUD_CHECK_ANSWER as object)(answer)), answer);
  return answer;
}

function signal(answer: Answer, id: string, window: string): Signal {
  const s = (answer.signals as Signal[]).find((x) => x.id === id && x.window === window);
  assert.ok(s, `signal ${id} ${window}`);
  return s;
}

/** No ID, name, mobile or address of anyone (the subject's included) is in the answer. */
function assertNoPersonalData(answer: Answer) {
  const json = JSON.stringify(answer);
  for (const p of everyone) {
    assert.ok(!json.includes(p.id), 'an ID number in the answer');
    assert.ok(!json.includes(p.name), 'a name in the answer');
  }
  for (const m of mobiles) assert.ok(!json.includes(m), 'a mobile in the answer');
  assert.ok(!json.includes(ADDR) && !json.includes('学府路'), 'an address in the answer');
}

before(async () => {
  h = await openApiHarness();
  lenders.push(h.keys.lender, h.keys.furnisherA);
  for (const code of ['lender-c', 'lender-d', 'lender-e']) {
    const institution = await h.bureau.institutions.create({
      code,
      name: code,
      kind: 'bank',
      roles: ['lender'],
    });
    const key = generateApiKey();
    await h.bureau.institutions.addKey(institution.institutionId, hashApiKey(key), key.slice(0, 10));
    lenders.push(key);
  }
});
after(async () => {
  await h.close();
});

describe('identity links', () => {
  test('mobiles, names, IDs per mobile and address, the same name and birth date, mobile changes fire', async () => {
    // S: first mobile a year ago at furnisher A; two new ones this month at B; three names.
    await furnished(h.keys.furnisherA, 's-a1', [
      identityLine(S, { mobile: M1, address: ADDR, reported_on: daysAgo(300) }),
    ]);
    await furnished(h.keys.furnisherA, 's-a2', [
      identityLine(S, { mobile: M1, address: ADDR, reported_on: daysAgo(2) }),
      accountLine(S, 'S-LOAN-1', daysAgo(2), '周敏敏'),
    ]);
    await furnished(h.keys.furnisherB, 's-b1', [
      identityLine(S, { name: '周 敏', mobile: M2, reported_on: daysAgo(6) }),
      identityLine(S, { name: '周 敏', mobile: M3, reported_on: daysAgo(1) }),
      // Two others report S's first mobile and address; a third has S's name and birth date.
      identityLine(O1, { mobile: M1, address: ADDR, reported_on: daysAgo(3) }),
      identityLine(O2, { mobile: M1, address: ADDR, reported_on: daysAgo(4) }),
      identityLine(O3, { mobile: '13822220001', reported_on: daysAgo(20) }),
    ]);

    const a = await checked(S);
    assert.equal(a.personOnFile, true);
    assert.equal(a.anyFired, true);
    assertNoPersonalData(a);
    const mobilesPerId = signal(a, 'FS-MOBILES-PER-ID', '1m');
    assert.deepEqual([mobilesPerId.observed, mobilesPerId.fired], [3, true]);
    assert.deepEqual(mobilesPerId.evidence.institutions, ['furnisher-a', 'furnisher-b']);
    const idsPerMobile = signal(a, 'FS-IDS-PER-MOBILE', '1m');
    assert.deepEqual([idsPerMobile.observed, idsPerMobile.fired], [3, true]);
    assert.equal(idsPerMobile.evidence.figures.otherIds, 2);
    assert.deepEqual(idsPerMobile.evidence.institutions, ['furnisher-a'], "S's own furnisher of the mobile");
    assert.equal(idsPerMobile.evidence.lastReportedOn, daysAgo(3), "the others' latest report");
    assert.deepEqual(
      [signal(a, 'FS-IDS-PER-ADDRESS', '1m').observed, signal(a, 'FS-IDS-PER-ADDRESS', '1m').fired],
      [3, true],
    );
    const names = signal(a, 'FS-NAMES-PER-ID', '1m');
    assert.deepEqual([names.observed, names.fired], [3, true]);
    const same = signal(a, 'FS-SAME-NAME-BIRTH-DATE', '1m');
    assert.deepEqual([same.observed, same.fired], [2, true]);
    assert.equal(same.evidence.lastReportedOn, daysAgo(20));
    const changes = signal(a, 'FS-MOBILE-CHANGES', '1m');
    assert.deepEqual([changes.observed, changes.fired], [2, true]);
    assert.equal(changes.evidence.figures.daysSinceLastChange, 1);
    assert.deepEqual(signal(a, 'FS-MOBILE-CHANGES', '12m').evidence.figures.mobilesOnFile, 3);
    for (const id of [
      'FS-ID-BIRTH-DATE-MISMATCH',
      'FS-ID-SEX-MISMATCH',
      'FS-INQUIRY-VELOCITY',
      'FS-FRAUD-RING',
    ])
      assert.ok(!a.fired.includes(id), `${id} does not fire`);
    assert.ok(
      a.warnings.some((w: string) =>
        w.startsWith('FS-IDS-PER-MOBILE: a mobile of this person is reported under 3 IDs'),
      ),
    );

    // The other persons see the same mobile from their side, and O3 the same name and birth date.
    const o3 = await checked(O3);
    assert.equal(signal(o3, 'FS-SAME-NAME-BIRTH-DATE', '1m').fired, true);
    assertNoPersonalData(o3);
  });

  test('a near miss: two mobiles, a mobile under two IDs, two names: nothing fires', async () => {
    await furnished(h.keys.furnisherA, 'n-a1', [
      identityLine(N, { mobile: '13833330001', reported_on: daysAgo(400) }),
      identityLine(N, { mobile: '13833330002', reported_on: daysAgo(5) }),
      accountLine(N, 'N-LOAN-1', daysAgo(5), '郑浩然'),
      identityLine(N_OTHER, { mobile: '13833330002', reported_on: daysAgo(5) }),
    ]);
    const a = await checked(N);
    assert.equal(a.anyFired, false, JSON.stringify(a.fired));
    assert.deepEqual(a.warnings, []);
    assert.equal(signal(a, 'FS-MOBILES-PER-ID', '12m').observed, 1, 'the old mobile is out of 12 months');
    assert.equal(signal(a, 'FS-IDS-PER-MOBILE', '1m').observed, 2);
    assert.equal(signal(a, 'FS-NAMES-PER-ID', '1m').observed, 2);
    assert.equal(signal(a, 'FS-MOBILE-CHANGES', '1m').observed, 1);
    assertNoPersonalData(a);
  });
});

describe('the ID against what is reported', () => {
  test('a birth date and a sex on file that differ from the ID fire; the ones furnished do not', async () => {
    await furnished(h.keys.furnisherA, 'f-a1', [
      identityLine(F, { mobile: '13844440001', reported_on: daysAgo(9) }),
    ]);
    const clean = await checked(F);
    assert.equal(signal(clean, 'FS-ID-BIRTH-DATE-MISMATCH', 'all').fired, false);
    assert.equal(signal(clean, 'FS-ID-SEX-MISMATCH', 'all').fired, false);
    // Furnishing refuses such a record (ID-BIRTH-MISMATCH): values like these reach a file by
    // identity resolution or from before the rule. Written here as such a link would.
    const furnisherB = h.institutions.furnisherB.institutionId;
    const { person_id } = await h.store.db
      .selectFrom('national_id_index')
      .select('person_id')
      .where('id_hash', '=', h.bureau.cipher.hash('national_id', F.id))
      .executeTakeFirstOrThrow();
    const at = daysAgo(30);
    for (const [attribute, value, attrId] of [
      ['birth_date', '1991-07-08', 900_001],
      ['sex', 'M', 900_002],
    ] as const)
      await h.store.db
        .insertInto('identity_attributes')
        .values({
          person_id: Number(person_id),
          attr_id: attrId,
          attribute,
          value_hash: h.bureau.cipher.hash(attribute, value),
          value_enc: h.bureau.cipher.encrypt(value),
          furnisher_id: furnisherB,
          first_reported_on: at,
          last_reported_on: at,
          batch_pk: 0,
        })
        .execute();
    const a = await checked(F);
    const birth = signal(a, 'FS-ID-BIRTH-DATE-MISMATCH', 'all');
    assert.deepEqual([birth.observed, birth.fired], [1, true]);
    assert.deepEqual(birth.evidence.institutions, ['furnisher-b']);
    assert.deepEqual([birth.evidence.firstReportedOn, birth.evidence.figures.reportsAgreeing], [at, 1]);
    assert.equal(signal(a, 'FS-ID-SEX-MISMATCH', 'all').fired, true);
    assert.ok(!JSON.stringify(a).includes('1991-07-08'), 'the reported birth date is not shown');
    assertNoPersonalData(a);
  });
});

describe('hard-inquiry velocity', () => {
  test('a fourth institution asking the same day fires; three do not; the same one twice counts once', async () => {
    await furnished(h.keys.furnisherA, 'v-a1', [identityLine(V, { reported_on: daysAgo(40) })]);
    // Each check is a hard inquiry (purpose 02) the next one sees.
    const first = await checked(V, lenders[0]);
    assert.equal(signal(first, 'FS-INQUIRY-VELOCITY', '1d').observed, 0, 'its own inquiry is not counted');
    await checked(V, lenders[0]);
    await checked(V, lenders[1]);
    const third = await checked(V, lenders[2]);
    const near = signal(third, 'FS-INQUIRY-VELOCITY', '1d');
    assert.deepEqual([near.observed, near.fired, near.evidence.figures.hardInquiries], [2, false, 3]);
    await checked(V, lenders[3]);
    const fifth = await checked(V, lenders[4]);
    const s = signal(fifth, 'FS-INQUIRY-VELOCITY', '1d');
    assert.deepEqual([s.observed, s.threshold, s.fired], [4, 4, true]);
    assert.equal(s.evidence.institutions.length, 4);
    assert.equal(s.evidence.lastReportedOn, today);
  });
});

describe('fraud rings', () => {
  test('five persons linked by mobiles, an address and an employer, two in default, fire; four do not', async () => {
    const [r1, r2, r3, r4, r5] = R as [Person, Person, Person, Person, Person];
    const d = daysAgo(10);
    const address = '福建省厦门市思明区中山路9号';
    // r1 -mobile- r2; r1 -address- r3 -mobile- r4 -employer- r5: three links from r1 at most.
    await furnished(h.keys.furnisherA, 'ring-a1', [
      identityLine(r1, { mobile: '13855550001', address, employer: '大型集团有限公司', reported_on: d }),
      identityLine(r2, { mobile: '13855550001', reported_on: d }),
      accountLine(r2, 'R-LOAN-2', d),
      defaultMonth('R-LOAN-2'),
      identityLine(r3, { address, mobile: '13855550003', reported_on: d }),
      identityLine(r4, { mobile: '13855550003', employer: '鼎盛网络科技有限公司', reported_on: d }),
      identityLine(r5, { employer: '鼎盛网络科技有限公司', reported_on: d }),
      accountLine(r5, 'R-LOAN-5', d),
      defaultMonth('R-LOAN-5'),
    ]);
    // A large employer of 31 persons (r1 and 30 others) is not a link.
    const staff = Array.from({ length: 30 }, (_, i) =>
      identityLine(person('350203', '1980-01-01', 2 * i + 101, '职员'), {
        employer: '大型集团有限公司',
        reported_on: d,
      }),
    );
    await furnished(h.keys.furnisherB, 'ring-staff', staff);
    const a = await checked(r1);
    const ring = signal(a, 'FS-FRAUD-RING', '12m');
    assert.deepEqual([ring.observed, ring.threshold, ring.fired], [5, 5, true]);
    assert.deepEqual(ring.evidence.figures, {
      members: 5,
      membersInDefault: 2,
      sharedMobiles: 2,
      sharedAddresses: 1,
      sharedEmployers: 1,
      depthReached: 3,
      commonValuesSkipped: 1,
      truncated: false,
    });
    const defaults = signal(a, 'FS-FRAUD-RING-DEFAULT', '12m');
    assert.deepEqual([defaults.observed, defaults.fired], [40, true]);
    assertNoPersonalData(a);

    // Four chained by mobiles only: below the size.
    const [s1, s2, s3, s4] = SMALL as [Person, Person, Person, Person];
    await furnished(h.keys.furnisherA, 'ring-small', [
      identityLine(s1, { mobile: '13866660001', reported_on: d }),
      identityLine(s2, { mobile: '13866660001', address: '山东省济南市历下区文化路3号', reported_on: d }),
      identityLine(s3, { address: '山东省济南市历下区文化路3号', mobile: '13866660003', reported_on: d }),
      identityLine(s4, { mobile: '13866660003', reported_on: d }),
    ]);
    const small = await checked(s1);
    assert.deepEqual(
      [signal(small, 'FS-FRAUD-RING', '12m').observed, signal(small, 'FS-FRAUD-RING', '12m').fired],
      [4, false],
    );
  });
});

describe('consent, inquiry, unknown person, contract', () => {
  test('refusals as for reports: 403 with the reason, 400 for a bad ID, nothing recorded but the refusal', async () => {
    const before = await h.rowCounts();
    const missing = await check(h.keys.lender, S, 'c_does_not_exist');
    assert.equal(missing.statusCode, 403, missing.body);
    assert.equal(JSON.parse(missing.body).reason, 'consent_missing');
    const others = await consent(h.keys.furnisherA, S);
    assert.equal(JSON.parse((await check(h.keys.lender, S, others)).body).reason, 'consent_other_lender');
    const mine = await consent(h.keys.lender, S);
    const otherName = await check(h.keys.lender, S, mine, { name: '周小敏' });
    assert.equal(JSON.parse(otherName.body).reason, 'consent_other_person');
    const otherPurpose = await check(h.keys.lender, S, mine, { purpose: '03' });
    assert.equal(JSON.parse(otherPurpose.body).reason, 'consent_purpose_mismatch');
    const badId = await check(h.keys.lender, S, mine, { id_number: '110105198808080000' });
    assert.equal(badId.statusCode, 400, badId.body);
    const notLender = await check(h.keys.furnisherB, S, mine);
    assert.equal(notLender.statusCode, 403);
    assert.equal(JSON.parse(notLender.body).error, 'forbidden');
    const noKey = await h.app.inject({ method: 'POST', url: '/v1/fraud-checks', payload: {} });
    assert.equal(noKey.statusCode, 401);
    const after = await h.rowCounts();
    assert.equal(after.inquiries, before.inquiries, 'no inquiry for a refusal');
    assert.equal(
      after.report_requests,
      (before.report_requests ?? 0) + 4,
      'the four consent refusals are logged',
    );
  });

  test("the check is an inquiry on the person's file, shown by the next report", async () => {
    const key = h.keys.lender;
    const a = await checked(S, key);
    assert.match(a.checkNumber, /^F\d{14}[0-9A-F]{8}$/);
    const rows = await h.store.db
      .selectFrom('inquiries')
      .select(['reason', 'report_number'])
      .where('report_number', '=', a.checkNumber)
      .execute();
    assert.deepEqual(rows, [{ reason: '02', report_number: a.checkNumber }]);
    const logged = await h.store.db
      .selectFrom('report_requests')
      .select('outcome')
      .where('report_number', '=', a.checkNumber)
      .execute();
    assert.deepEqual(logged, [{ outcome: 'served' }]);
    const report = await h.app.inject({
      method: 'POST',
      url: '/v1/reports',
      headers: bearer(key),
      payload: { id_number: S.id, name: S.name, purpose: '02', consent_id: await consent(key, S) },
    });
    assert.equal(report.statusCode, 200, report.body);
    const inquiries = JSON.parse(report.body).inquiries as { at: string }[];
    assert.ok(
      inquiries.some((q) => q.at === a.asOf),
      'the check is on the report',
    );
  });

  test('a person the bureau does not know: an answer that says so, nothing fired, no inquiry', async () => {
    const before = await h.rowCounts();
    const a = await checked(UNKNOWN);
    assert.deepEqual([a.personOnFile, a.anyFired, a.fired, a.warnings], [false, false, [], []]);
    assert.equal(a.signals.length, 32);
    const after = await h.rowCounts();
    assert.equal(after.inquiries, before.inquiries);
    assert.equal(after.report_requests, (before.report_requests ?? 0) + 1, 'the request is logged');
  });

  test('the route is in the OpenAPI document with its request and answer schemas', async () => {
    const doc = JSON.parse((await h.call('GET', '/openapi.json')).body);
    const post = doc.paths['/v1/fraud-checks'].post;
    assert.ok(post.requestBody.content['application/json'].schema.required.includes('consent_id'));
    assert.ok(post.responses['200'].content['application/json'].schema.properties.signals);
    assert.ok(post.responses['403']);
  });
});
