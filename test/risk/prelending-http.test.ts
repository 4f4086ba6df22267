/**
 * Pre-lending checks over HTTP, on the engine of the run: a loan furnished is counted by the
 * next check (no batch job between), the China microloan rule declines past RMB 300,000 at one
 * lender, a lender's own policy applies, the check is an inquiry, consent refusals, bad input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fastJsonStringify from 'fast-json-stringify';
import { CHECK_ANSWER } from '../../src/api/routes/prelending-routes.js';
import { addMonths } from '../../src/domain/calendar.js';
import { makeResidentId } from '../../src/domain/resident-id.js';
import { type ApiHarness, bearer, openApiHarness } from '../support/api-harness.js';

const ID = makeResidentId('330106', '1988-08-08', 21);
const NAME = '周敏';
const today = new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let h: ApiHarness;
before(async () => {
  h = await openApiHarness();
});
after(async () => {
  await h.close();
});

async function consentId(key: string, purpose = '02'): Promise<string> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/v1/consents',
    headers: bearer(key),
    payload: {
      id_number: ID,
      name: NAME,
      purpose,
      granted_at: today,
      expires_at: inDays(30),
      evidence_ref: 'esign-check',
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  return JSON.parse(res.body).consent_id;
}

async function check(key: string, consent: string, proposal: object, extra: object = {}) {
  return h.app.inject({
    method: 'POST',
    url: '/v1/prelending-checks',
    headers: bearer(key),
    payload: { id_number: ID, name: NAME, purpose: '02', consent_id: consent, proposal, ...extra },
  });
}

const MICROLOAN = {
  product_kind: 'online_microloan',
  amount_fen: 3_000_000, // RMB 30,000
  term_months: 12,
  repayment: 'equal_instalment',
};

describe('pre-lending checks', () => {
  test('a loan furnished is counted by the very next check, and the microloan cap declines', async () => {
    const consent = await consentId(h.keys.furnisherA);
    // Nothing on file yet: the proposal alone is within RMB 300,000, but no income is declared.
    const first = await check(h.keys.furnisherA, consent, MICROLOAN);
    assert.equal(first.statusCode, 200, first.body);
    const a = JSON.parse(first.body);
    assert.match(a.checkNumber, /^P\d{14}[0-9A-F]{8}$/);
    assert.equal(a.exposure.before.balance_fen, 0);
    const microloanRule = (r: { rules: { id: string; verdict: string }[] }) =>
      r.rules.find((x) => x.id === 'CN-MICROLOAN-LENDER-BALANCE')!;
    assert.equal(microloanRule(a).verdict, 'refer', 'income not declared');

    // The same lender furnishes a RMB 280,000 loan of this person ...
    const furnished = await h.postBatch(h.keys.furnisherA, 'check-loan', [
      {
        kind: 'account',
        action: 'open',
        account_no: 'ML-1',
        id_number: ID,
        name: NAME,
        reported_on: today,
        account_type: 'D1',
        business_type: 'cash_loan',
        currency: 'CNY',
        open_date: today,
        amount_minor: 28_000_000,
        repayment_method: 'equal_instalment',
        repayment_frequency: 'monthly',
        instalments: 12,
        guarantee_type: 'unsecured',
        joint_loan: false,
      },
    ]);
    assert.equal(furnished.statusCode, 201, furnished.body);
    // ... and the next check sees it at once: 280,000 + 30,000 > 300,000 at one lender.
    const second = await check(h.keys.furnisherA, consent, MICROLOAN, {
      declared_income_fen: [120_000_000, 110_000_000, 100_000_000],
    });
    assert.equal(second.statusCode, 200, second.body);
    const b = JSON.parse(second.body);
    assert.equal(b.exposure.before.lenderBalance_fen, 28_000_000);
    assert.equal(b.exposure.after.lenderBalance_fen, 31_000_000);
    assert.equal(b.indicators.acct_open_all, 1);
    assert.equal(b.indicators.acct_new_1m_online_microloan, 1);
    assert.equal(microloanRule(b).verdict, 'fail');
    // The answer (sent as serialized) is exactly what the route schema describes.
    assert.deepEqual(JSON.parse(fastJsonStringify(CHECK_ANSWER as object)(b)), b);
    assert.equal(b.verdict, 'decline');
    assert.ok(b.decidedBy.includes('CN-MICROLOAN-LENDER-BALANCE'));
    assert.equal(b.income.averageAnnual_fen, 110_000_000);
    // The first check found no file (nothing to record an inquiry on, as for a report); the
    // second did, and is an inquiry on the third.
    assert.equal(b.indicators.inq_hard_raw_1m_all, 0);
    const third = JSON.parse((await check(h.keys.furnisherA, consent, MICROLOAN)).body);
    assert.equal(third.indicators.inq_hard_raw_1m_all, 1, 'the second check is an inquiry on the third');
  });

  test("the lender's own policy applies to its later checks", async () => {
    const put = await h.app.inject({
      method: 'PUT',
      url: '/v1/lender-policy',
      headers: bearer(h.keys.lender),
      payload: { maxHardInquiries1m: 0, noCurrentDelinquency: true },
    });
    assert.equal(put.statusCode, 200, put.body);
    const got = await h.call('GET', '/v1/lender-policy', h.keys.lender);
    assert.deepEqual(JSON.parse(got.body).policy, { maxHardInquiries1m: 0, noCurrentDelinquency: true });
    const consent = await consentId(h.keys.lender);
    const res = await check(h.keys.lender, consent, { ...MICROLOAN, product_kind: 'other' });
    assert.equal(res.statusCode, 200, res.body);
    const r = JSON.parse(res.body);
    const rule = r.rules.find((x: { id: string }) => x.id === 'LP-MAX-HARD-INQ-1M');
    assert.equal(rule.verdict, 'fail', 'earlier checks are hard inquiries in the last month');
    assert.equal(r.verdict, 'decline');
    const bad = await h.app.inject({
      method: 'PUT',
      url: '/v1/lender-policy',
      headers: bearer(h.keys.lender),
      payload: { maxOpenLenders: -1 },
    });
    assert.equal(bad.statusCode, 400);
    const furnisherOnly = await h.call('GET', '/v1/lender-policy', h.keys.furnisherB);
    assert.equal(furnisherOnly.statusCode, 403, 'a furnisher without the lender role');
  });

  test('refusals: no consent, another purpose, bad proposal; nothing recorded but the refusal', async () => {
    const before = await h.rowCounts();
    const missing = await check(h.keys.lender, 'c_does_not_exist', MICROLOAN);
    assert.equal(missing.statusCode, 403, missing.body);
    assert.equal(JSON.parse(missing.body).reason, 'consent_missing');
    const consent = await consentId(h.keys.lender);
    const otherPurpose = await h.app.inject({
      method: 'POST',
      url: '/v1/prelending-checks',
      headers: bearer(h.keys.lender),
      payload: { id_number: ID, name: NAME, purpose: '01', consent_id: consent, proposal: MICROLOAN },
    });
    assert.equal(otherPurpose.statusCode, 400, 'post-loan management is not a pre-lending purpose');
    const badTerm = await check(h.keys.lender, consent, { ...MICROLOAN, term_months: 0 });
    assert.equal(badTerm.statusCode, 400, badTerm.body);
    const afterCounts = await h.rowCounts();
    assert.equal(afterCounts.inquiries, before.inquiries, 'no inquiry for a refused or bad check');
    assert.equal(afterCounts.report_requests, (before.report_requests ?? 0) + 1, 'the refusal is logged');
  });

  test('the check is shown as an inquiry on the next report', async () => {
    const consent = await consentId(h.keys.lender);
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/reports',
      headers: bearer(h.keys.lender),
      payload: { id_number: ID, name: NAME, purpose: '02', consent_id: consent },
    });
    assert.equal(res.statusCode, 200, res.body);
    const report = JSON.parse(res.body);
    assert.ok(report.inquiries.length >= 3, 'the checks made so far are inquiries');
  });
});

describe('market overview', () => {
  test('the regulator sees aggregates month by month, and only the regulator', async () => {
    const res = await h.call('GET', '/v1/market/overview?months=3', h.keys.regulator);
    assert.equal(res.statusCode, 200, res.body);
    const overview = JSON.parse(res.body);
    assert.equal(overview.fromMonth, addMonths(today.slice(0, 7), -2), 'three months up to this one');
    assert.deepEqual(overview.months, [], 'no monthly state furnished yet: no month to show');
    // The loan furnished above (RMB 280,000 at an online microloan platform) has no monthly
    // state: furnish one for this month and see it counted.
    const month = today.slice(0, 7);
    const furnished = await h.postBatch(h.keys.furnisherA, 'overview-month', [
      {
        kind: 'month',
        account_no: 'ML-1',
        month,
        reported_on: today,
        balance_minor: 27_000_000,
        scheduled_payment_minor: 2_400_000,
        actual_payment_minor: 0,
        overdue_periods: 1,
        overdue_amount_minor: 2_400_000,
        status: '1',
        five_class: 2,
      },
    ]);
    assert.equal(furnished.statusCode, 201, furnished.body);
    const again = JSON.parse((await h.call('GET', '/v1/market/overview?months=1', h.keys.regulator)).body);
    const now = again.months.find((m: { month: string }) => m.month === month);
    assert.ok(now, 'this month is in the overview');
    assert.equal(now.personsWithOpenAccounts, 1);
    assert.deepEqual(now.lendersPerPerson, { '1': 1, '2': 0, '3': 0, '4': 0, '5+': 0 });
    assert.equal(now.shareWith4PlusLenders, 0);
    assert.equal(now.balanceByCurrency_minor.CNY, 27_000_000);
    assert.deepEqual(now.byInstitutionKind, [
      { kind: 'online_microloan', accounts: 1, overdue: 1, overdueRate: 1 },
    ]);
    assert.ok(!JSON.stringify(again).includes(ID) && !JSON.stringify(again).includes(NAME), 'no person data');
    const asLender = await h.call('GET', '/v1/market/overview', h.keys.lender);
    assert.equal(asLender.statusCode, 403);
    const tooMany = await h.call('GET', '/v1/market/overview?months=37', h.keys.regulator);
    assert.equal(tooMany.statusCode, 400);
  });
});
