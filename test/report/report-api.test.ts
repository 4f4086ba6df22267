/**
 * Consents and reports over HTTP, on both engines: every refusal reason, refusals that say
 * nothing about the person, the unknown person, the inquiry on the next report, the page by key
 * and by signed link, and the audit log of requests.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fastJsonStringify from 'fast-json-stringify';
import { CREDIT_REPORT_SCHEMA } from '../../src/api/report-schema.js';
import { makeResidentId } from '../../src/domain/resident-id.js';
import { type ApiHarness, bearer, openApiHarness } from '../support/api-harness.js';

const ID = makeResidentId('440305', '1986-04-12', 35);
const NAME = '陈晓明';
const STRANGER_ID = makeResidentId('310104', '1979-09-30', 64);
const today = new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let h: ApiHarness;
before(async () => {
  h = await openApiHarness();
  const account = {
    kind: 'account',
    action: 'open',
    account_no: 'RPT-1',
    id_number: ID,
    name: NAME,
    reported_on: '2025-03-01',
    account_type: 'D1',
    business_type: 'consumer',
    currency: 'CNY',
    open_date: '2025-01-10',
    maturity_date: '2026-01-10',
    amount_minor: 1_200_000,
    repayment_method: 'equal_instalment',
    repayment_frequency: 'monthly',
    instalments: 12,
    guarantee_type: 'unsecured',
    joint_loan: false,
  };
  const month = {
    kind: 'month',
    account_no: 'RPT-1',
    month: '2025-02',
    reported_on: '2025-03-01',
    balance_minor: 1_100_000,
    scheduled_payment_minor: 106_000,
    actual_payment_minor: 106_000,
    overdue_periods: 0,
    overdue_amount_minor: 0,
    status: 'N',
    five_class: 1,
  };
  const res = await h.postBatch(h.keys.furnisherA, 'rpt-setup', [account, month]);
  assert.equal(res.statusCode, 201, res.body);
});
after(async () => {
  await h.close();
});

async function consent(key: string, body: Record<string, unknown> = {}) {
  return h.app.inject({
    method: 'POST',
    url: '/v1/consents',
    headers: bearer(key),
    payload: {
      id_number: ID,
      name: NAME,
      purpose: '02',
      granted_at: today,
      expires_at: inDays(30),
      evidence_ref: 'esign-0001',
      ...body,
    },
  });
}
async function consentId(key: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await consent(key, body);
  assert.equal(res.statusCode, 201, res.body);
  return JSON.parse(res.body).consent_id;
}
async function report(key: string, body: Record<string, unknown>, accept = 'application/json') {
  return h.app.inject({
    method: 'POST',
    url: '/v1/reports',
    headers: { ...bearer(key), accept },
    payload: { id_number: ID, name: NAME, purpose: '02', ...body },
  });
}

describe('consents', () => {
  test('a lender records a consent; bad input is a clear 400; a furnisher without the lender role is 403', async () => {
    const ok = await consent(h.keys.lender);
    assert.equal(ok.statusCode, 201, ok.body);
    const created = JSON.parse(ok.body);
    assert.match(created.consent_id, /^c_/);
    assert.equal(created.revoked_at, null);
    assert.ok(!ok.body.includes(ID) && !ok.body.includes(NAME), 'the answer does not echo the person');

    const badId = await consent(h.keys.lender, {
      id_number: `${ID.slice(0, 17)}0` === ID ? `${ID.slice(0, 17)}1` : `${ID.slice(0, 17)}0`,
    });
    assert.equal(badId.statusCode, 400);
    assert.match(JSON.parse(badId.body).message, /id_number/);
    const backwards = await consent(h.keys.lender, { granted_at: today, expires_at: '2020-01-01' });
    assert.equal(backwards.statusCode, 400);
    assert.match(JSON.parse(backwards.body).message, /expires_at/);
    const future = await consent(h.keys.lender, { granted_at: inDays(3) });
    assert.equal(future.statusCode, 400);
    const furnisherOnly = await consent(h.keys.furnisherB);
    assert.equal(furnisherOnly.statusCode, 403);
  });

  test('a lender sees only its own consents', async () => {
    const mine = await consentId(h.keys.lender);
    const other = await h.app.inject({
      method: 'GET',
      url: `/v1/consents/${mine}`,
      headers: bearer(h.keys.furnisherA),
    });
    assert.equal(other.statusCode, 404);
    const own = await h.app.inject({
      method: 'GET',
      url: `/v1/consents/${mine}`,
      headers: bearer(h.keys.lender),
    });
    assert.equal(own.statusCode, 200);
    const list = JSON.parse(
      (await h.app.inject({ method: 'GET', url: '/v1/consents', headers: bearer(h.keys.furnisherA) })).body,
    );
    assert.ok(!list.consents.some((c: { consent_id: string }) => c.consent_id === mine));
  });
});

describe('report refusals', () => {
  const refusal = async (key: string, body: Record<string, unknown>) => {
    const res = await report(key, body);
    assert.equal(res.statusCode, 403, res.body);
    const answer = JSON.parse(res.body);
    assert.equal(answer.error, 'consent_refused');
    return answer.reason as string;
  };

  test('each reason: missing, other lender, other person, other purpose, expired, revoked', async () => {
    assert.equal(await refusal(h.keys.lender, { consent_id: 'c_none' }), 'consent_missing');
    const others = await consentId(h.keys.furnisherA);
    assert.equal(await refusal(h.keys.lender, { consent_id: others }), 'consent_other_lender');
    const mine = await consentId(h.keys.lender);
    assert.equal(await refusal(h.keys.lender, { consent_id: mine, name: '陈晓红' }), 'consent_other_person');
    assert.equal(
      await refusal(h.keys.lender, { consent_id: mine, id_number: STRANGER_ID }),
      'consent_other_person',
    );
    assert.equal(
      await refusal(h.keys.lender, { consent_id: mine, purpose: '03' }),
      'consent_purpose_mismatch',
    );
    const expired = await consentId(h.keys.lender, { granted_at: '2026-01-01', expires_at: '2026-02-01' });
    assert.equal(await refusal(h.keys.lender, { consent_id: expired }), 'consent_expired');
    const revoked = await consentId(h.keys.lender);
    const revoke = await h.app.inject({
      method: 'POST',
      url: `/v1/consents/${revoked}/revoke`,
      headers: bearer(h.keys.lender),
      payload: { reason: 'withdrawn by the person' },
    });
    assert.equal(revoke.statusCode, 200, revoke.body);
    assert.equal(await refusal(h.keys.lender, { consent_id: revoked }), 'consent_revoked');
  });

  test('a refusal reads the same whether or not the bureau knows the person, and is logged', async () => {
    const forKnown = await consentId(h.keys.lender);
    const forStranger = await consentId(h.keys.lender, { id_number: STRANGER_ID });
    const known = await report(h.keys.lender, { consent_id: forKnown, purpose: '26' });
    const stranger = await report(h.keys.lender, {
      consent_id: forStranger,
      id_number: STRANGER_ID,
      purpose: '26',
    });
    assert.equal(known.statusCode, 403);
    assert.equal(known.body, stranger.body, 'identical answers');
    const logged = await h.store.db
      .selectFrom('report_requests')
      .select(['outcome'])
      .where('outcome', '=', 'consent_purpose_mismatch')
      .execute();
    assert.ok(logged.length >= 2, 'refusals are logged');
    const inquiries = await h.store.db
      .selectFrom('inquiries')
      .selectAll()
      .where('reason', '=', '26')
      .execute();
    assert.equal(inquiries.length, 0, 'a refusal is no inquiry');
  });
});

describe('reports', () => {
  test('an unknown person gets a report that says so, not an error', async () => {
    const id = await consentId(h.keys.lender, { id_number: STRANGER_ID });
    const res = await report(h.keys.lender, { consent_id: id, id_number: STRANGER_ID });
    assert.equal(res.statusCode, 200, res.body);
    const r = JSON.parse(res.body);
    assert.equal(r.header.personKnown, false);
    assert.deepEqual(r.accounts, []);
    assert.equal(r.personalInformation, null);
  });

  test('every report is an inquiry, shown on the next report; the page opens by key and by signed link', async () => {
    const id = await consentId(h.keys.lender);
    const first = await report(h.keys.lender, { consent_id: id });
    assert.equal(first.statusCode, 200, first.body);
    const r1 = JSON.parse(first.body);
    assert.equal(r1.header.personKnown, true);
    assert.equal(r1.header.subject.name, NAME);
    assert.ok(!first.body.includes(ID), 'the full ID is not in the report');
    assert.equal(r1.header.subject.idNumberMasked, `${ID.slice(0, 6)}********${ID.slice(14)}`);
    assert.equal(r1.accounts.length, 1);
    assert.equal(r1.accounts[0].grid.length, 60);
    const before = r1.inquiries.length;

    const second = await report(h.keys.lender, { consent_id: id });
    const r2 = JSON.parse(second.body);
    assert.equal(r2.inquiries.length, before + 1, 'the first report is an inquiry on the second');
    assert.ok(r2.inquiries.some((q: { at: string }) => q.at === r1.header.generatedAt));
    assert.equal(r2.summary.inquiries[0].months, 1);
    assert.equal(r2.summary.inquiries[0].hard, before + 1);
    const stored = await h.store.db
      .selectFrom('inquiries')
      .selectAll()
      .where('report_number', '=', r1.header.reportNumber)
      .execute();
    assert.equal(stored.length, 1);

    const html = await report(h.keys.lender, { consent_id: id }, 'text/html');
    assert.equal(html.statusCode, 200);
    assert.match(String(html.headers['content-type']), /text\/html/);
    assert.ok(html.body.includes('<html'), 'a page');

    const link = String(second.headers['x-report-url']);
    assert.match(link, /^\/reports\/R\d{14}[0-9A-F]{8}\?/);
    const viaLink = await h.app.inject({ method: 'GET', url: link });
    assert.equal(viaLink.statusCode, 200);
    assert.ok(viaLink.body.includes(r2.header.reportNumber));
    const tampered = await h.app.inject({ method: 'GET', url: link.replace(/sig=[^&]+/, 'sig=AAAA') });
    assert.equal(tampered.statusCode, 401);
    const byKey = await h.app.inject({
      method: 'GET',
      url: `/reports/${r2.header.reportNumber}`,
      headers: bearer(h.keys.lender),
    });
    assert.equal(byKey.statusCode, 200);
    const byOther = await h.app.inject({
      method: 'GET',
      url: `/reports/${r2.header.reportNumber}`,
      headers: bearer(h.keys.furnisherA),
    });
    assert.equal(byOther.statusCode, 404, 'another lender cannot open it');
  });

  test('the JSON answer is the report as kept, in exactly the shape of the route schema', async () => {
    const id = await consentId(h.keys.lender);
    const res = await report(h.keys.lender, { consent_id: id });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const body = JSON.parse(res.body);
    // The schema's serializer drops what the schema does not name and coerces types: the answer
    // (sent as serialized once, for keeping) must come out of it unchanged.
    const viaSchema = JSON.parse(fastJsonStringify(CREDIT_REPORT_SCHEMA as object)(body));
    assert.deepEqual(body, viaSchema);
    const page = await h.app.inject({
      method: 'GET',
      url: `/reports/${body.header.reportNumber}`,
      headers: bearer(h.keys.lender),
    });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(body.header.reportNumber), 'the kept report is the one answered');
  });

  test('concurrent pulls: each served once, each an inquiry, none lost', async () => {
    const id = await consentId(h.keys.lender);
    const countOf = async (table: 'inquiries' | 'reports') =>
      Number(
        (
          await h.store.db
            .selectFrom(table)
            .select(h.store.db.fn.countAll<number | string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = JSON.parse((await report(h.keys.lender, { consent_id: id })).body).inquiries.length;
    const [inquiries0, reports0] = [await countOf('inquiries'), await countOf('reports')];
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => report(h.keys.lender, { consent_id: id })),
    );
    for (const a of answers) assert.equal(a.statusCode, 200, a.body);
    const numbers = new Set(answers.map((a) => JSON.parse(a.body).header.reportNumber));
    assert.equal(numbers.size, 40, 'a report number each');
    assert.equal((await countOf('inquiries')) - inquiries0, 40);
    assert.equal((await countOf('reports')) - reports0, 40);
    const last = JSON.parse((await report(h.keys.lender, { consent_id: id })).body);
    assert.equal(
      last.inquiries.length,
      before + 41,
      'the earlier pull and the 40 concurrent ones are inquiries',
    );
  });
});
