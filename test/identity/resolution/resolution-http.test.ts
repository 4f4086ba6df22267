/**
 * Identity resolution in the bureau, over HTTP, on the engine of the run (SQLite, or PostgreSQL with
 * DATABASE_URL): a mistyped ID links (and the decision is recorded with its weights), a doubtful
 * record lands in the review queue and a merge decision links it (the report shows the account),
 * keep_apart leaves it rejected, no match rejects with the original rule ids, merging persons moves
 * every row (reports by either ID show the union), a split moves the named accounts, every decision
 * is audited, and only the bureau's operators (and, reading, the regulator) reach the queue.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeResidentId, residentIdCheckCharacter } from '../../../src/domain/resident-id.js';
import type { Database } from '../../../src/store/schema-types.js';
import {
  type ApiHarness,
  addBureauOperator,
  bearer,
  expectNewBatch,
  grantConsent,
  openApiHarness,
} from '../../support/api-harness.js';

const today = new Date().toISOString().slice(0, 10);

/** The ID with a wrong check character (ID-CHECK-CHAR): one character off the right one. */
function wrongCheck(first17: string): string {
  const right = residentIdCheckCharacter(first17);
  return first17 + (right === '0' ? '1' : '0');
}

const X = { id: makeResidentId('110105', '1990-03-15', 11), name: '张伟', birth: '1990-03-15', sex: 'M' };
const X_MOBILE = '13912345678';
/** Another person (another human or the same under a second ID: the merge test decides). */
const Y = { id: makeResidentId('310101', '1985-07-01', 22), name: '李娜', birth: '1985-07-01', sex: 'F' };
/** The ID of the person the split creates. */
const Z_ID = makeResidentId('440305', '1985-07-01', 24);

function identity(p: { id?: string; name: string; birth?: string; sex?: string }, extra: object = {}) {
  const line: Record<string, unknown> = { kind: 'identity', name: p.name, reported_on: today, ...extra };
  if (p.id !== undefined) line.id_number = p.id;
  if (p.birth !== undefined) line.birth_date = p.birth;
  if (p.sex !== undefined) line.sex = p.sex;
  return line;
}
function account(accountNo: string, idNumber: string | undefined, name: string) {
  const line: Record<string, unknown> = {
    kind: 'account',
    action: 'open',
    account_no: accountNo,
    name,
    reported_on: today,
    account_type: 'D1',
    business_type: 'consumer',
    currency: 'CNY',
    open_date: '2024-06-01',
    maturity_date: '2026-06-01',
    amount_minor: 1_200_000,
    repayment_method: 'equal_instalment',
    repayment_frequency: 'monthly',
    instalments: 24,
    guarantee_type: 'unsecured',
    joint_loan: false,
  };
  if (idNumber !== undefined) line.id_number = idNumber;
  return line;
}
function month(accountNo: string, m: string) {
  return {
    kind: 'month',
    account_no: accountNo,
    month: m,
    reported_on: today,
    balance_minor: 1_000_000,
    scheduled_payment_minor: 55_000,
    actual_payment_minor: 55_000,
    overdue_periods: 0,
    overdue_amount_minor: 0,
    status: 'N',
    five_class: 1,
  };
}

let h: ApiHarness;
let bureauKey: string;

async function post(key: string, url: string, payload: object) {
  return h.app.inject({ method: 'POST', url, headers: bearer(key), payload });
}
async function rows(table: keyof Database, where: Record<string, unknown> = {}) {
  // biome-ignore lint/suspicious/noExplicitAny: any table, filtered by column values
  let q: any = h.store.db.selectFrom(table).selectAll();
  for (const [k, v] of Object.entries(where)) q = q.where(k, '=', v);
  return (await q.execute()) as Record<string, unknown>[];
}
async function personOf(idNumber: string): Promise<number | null> {
  const res = await post(bureauKey, '/v1/identity/persons/lookup', { id_number: idNumber });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().person_id;
}
/** A report by a lender (with a consent), as JSON text. */
async function reportText(p: { id: string; name: string }): Promise<string> {
  const consentId = await grantConsent(h, h.keys.lender, { idNumber: p.id, name: p.name }, 'esign-idr');
  const res = await h.app.inject({
    method: 'POST',
    url: '/v1/reports',
    headers: { ...bearer(h.keys.lender), accept: 'application/json' },
    payload: { id_number: p.id, name: p.name, purpose: '02', consent_id: consentId },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.body;
}
async function pendingReviews(key = bureauKey) {
  return h.app.inject({ method: 'GET', url: '/v1/identity/reviews?limit=50', headers: bearer(key) });
}

before(async () => {
  h = await openApiHarness();
  bureauKey = await addBureauOperator(h, 'bureau-ops', 'Bureau Operations');
  // X on file at furnisher A: identity with mobile, an account with a month.
  expectNewBatch(
    await h.postBatch(h.keys.furnisherA, 'a-1', [
      identity(X, { mobile: X_MOBILE, address: '北京市朝阳区建国路88号' }),
      account('A-X-1', X.id, X.name),
      month('A-X-1', '2025-01'),
    ]),
  );
});
after(async () => {
  await h.close();
});

describe('resolution of furnished records', () => {
  test('a mistyped ID with matching name, birth date and mobile links, with the weights recorded', async () => {
    const bad = wrongCheck(X.id.slice(0, 17));
    const res = await h.postBatch(h.keys.furnisherB, 'b-typo', [
      identity({ ...X, id: bad }, { mobile: X_MOBILE }),
      account('B-X-1', bad, X.name),
      month('B-X-1', '2025-01'),
    ]);
    const out = expectNewBatch(res);
    assert.equal(out.batch.accepted, 3, res.body);
    assert.deepEqual(out.findings, []);
    const xId = (await personOf(X.id))!;
    const decisions = await rows('identity_link_decisions', { person_id: xId });
    assert.equal(decisions.length, 2, 'the identity and the account line');
    for (const d of decisions) {
      assert.equal(d.reason, 'id_invalid');
      assert.equal(d.decided_by, 'auto');
      const evidence = JSON.parse(d.evidence as string);
      assert.ok(evidence.total_bits >= evidence.thresholds.link_bits);
      const weights = Object.fromEntries(
        evidence.attributes.map((a: { attribute: string; level: number; weight_bits: number }) => [
          a.attribute,
          a,
        ]),
      );
      assert.equal(weights.national_id.level, 2, 'one character off');
      assert.ok(weights.national_id.weight_bits > 10);
      assert.ok(weights.date_of_birth.weight_bits > 10);
      const sum = evidence.attributes.reduce((s: number, a: { weight_bits: number }) => s + a.weight_bits, 0);
      assert.ok(Math.abs(sum - evidence.total_bits) < 0.05, 'the total is the sum of the attribute weights');
      assert.ok(!JSON.stringify(evidence).includes(X.name) && !JSON.stringify(evidence).includes(X_MOBILE));
    }
    const indexed = (await rows('account_index', { account_no: 'B-X-1' }))[0]!;
    assert.equal(Number(indexed.person_id), xId);
    const text = await reportText(X);
    assert.ok(text.includes('A-X-1') && text.includes('B-X-1'), 'the report shows both accounts');
  });

  test('no match rejects with the original rule ids, and the reject can be fixed and resubmitted', async () => {
    const stranger = {
      id: makeResidentId('120101', '1970-02-02', 31),
      name: '赵六',
      birth: '1970-02-02',
      sex: 'M',
    };
    const bad = wrongCheck(stranger.id.slice(0, 17));
    const out = expectNewBatch(
      await h.postBatch(h.keys.furnisherB, 'b-none', [identity({ ...stranger, id: bad })]),
    );
    assert.equal(out.batch.rejected, 1);
    assert.deepEqual(
      out.findings.map((f: { rule: string }) => f.rule),
      ['ID-CHECK-CHAR'],
    );
    const fixed = expectNewBatch(
      await h.postBatch(h.keys.furnisherB, 'b-none-fix', [identity(stranger, { fixes: 'b-none#1' })]),
    );
    assert.equal(fixed.batch.accepted, 1);
    assert.equal((await pendingReviews()).json().reviews.length, 0, 'no review for a record without a match');
  });

  test('a doubtful record lands in the review queue; merging links it and the report shows the account', async () => {
    // The sequence digits and the check character wrong: the ID is no longer one edit off.
    const far = wrongCheck(`${X.id.slice(0, 14)}999`);
    const out = expectNewBatch(
      await h.postBatch(h.keys.furnisherB, 'b-doubt', [account('B-X-2', far, X.name)]),
    );
    assert.equal(out.batch.rejected, 1);
    assert.deepEqual(
      out.findings.map((f: { rule: string }) => f.rule),
      ['ID-CHECK-CHAR', 'IDR-REVIEW'],
    );
    const lender = await pendingReviews(h.keys.lender);
    assert.equal(lender.statusCode, 403, 'a lender cannot see reviews');
    const furnisher = await pendingReviews(h.keys.furnisherA);
    assert.equal(furnisher.statusCode, 403);
    const regulator = await pendingReviews(h.keys.regulator);
    assert.equal(regulator.statusCode, 200);
    const list = await pendingReviews();
    assert.equal(list.statusCode, 200, list.body);
    const [review] = list.json().reviews;
    assert.ok(review);
    const xId = (await personOf(X.id))!;
    assert.equal(review.candidate_person_id, xId);
    assert.equal(review.batch_id, 'b-doubt');
    assert.equal(review.furnisher, 'furnisher-b');
    assert.equal(review.record_status, 'open');
    assert.ok(review.weight_bits >= review.evidence.thresholds.review_bits);
    assert.ok(review.weight_bits < review.evidence.thresholds.link_bits);
    const masked = Object.fromEntries(
      review.masked.map((m: { attribute: string; record: string; candidate: string }) => [m.attribute, m]),
    );
    assert.equal(masked.surname.candidate, '张');
    assert.equal(masked.given_name.candidate, '*');
    assert.equal(masked.national_id.candidate, `${X.id.slice(0, 2)}**************${X.id.slice(-2)}`);
    for (const secret of [X.id, far, X.name, X_MOBILE, X.birth])
      assert.ok(!list.body.includes(secret), 'no full value in the queue');

    const byRegulator = await post(h.keys.regulator, `/v1/identity/reviews/${review.review_id}/resolve`, {
      decision: 'merge',
    });
    assert.equal(byRegulator.statusCode, 403, 'the regulator reads the queue, it does not decide');
    const merged = await post(bureauKey, `/v1/identity/reviews/${review.review_id}/resolve`, {
      decision: 'merge',
      note: 'same person: the furnisher typed the sequence wrong',
    });
    assert.equal(merged.statusCode, 200, merged.body);
    const answer = merged.json();
    assert.equal(answer.person_id, xId);
    assert.equal(answer.review.status, 'merged');
    assert.equal(answer.review.decided_by, 'bureau-ops');
    assert.equal(answer.review.record_status, 'fixed');
    assert.equal(answer.replay_batch_id, `review-${review.review_id}`);
    const again = await post(bureauKey, `/v1/identity/reviews/${review.review_id}/resolve`, {
      decision: 'merge',
    });
    assert.equal(again.statusCode, 409);

    const indexed = (await rows('account_index', { account_no: 'B-X-2' }))[0]!;
    assert.equal(Number(indexed.person_id), xId);
    const decision = (await rows('identity_link_decisions', { review_id: review.review_id }))[0]!;
    assert.equal(decision.decided_by, 'review');
    assert.equal(Number(decision.person_id), xId);
    const audit = (await rows('identity_audit', { review_id: review.review_id }))[0]!;
    assert.equal(audit.action, 'review_merge');
    assert.equal(Number(audit.person_id), xId);
    assert.ok(audit.at);
    assert.equal(
      h.bureau.cipher.decrypt(audit.note_enc as string),
      'same person: the furnisher typed the sequence wrong',
    );
    assert.equal(JSON.parse(audit.details as string).evidence.total_bits, review.evidence.total_bits);
    assert.ok((await reportText(X)).includes('B-X-2'), 'the report shows the account');
    assert.equal((await pendingReviews()).json().reviews.length, 0);
  });

  test('keep_apart leaves the record rejected (open to fix) and is audited', async () => {
    // No ID at all: name, birth date and sex agree, nothing else: doubtful.
    const out = expectNewBatch(
      await h.postBatch(h.keys.furnisherB, 'b-noid', [
        identity({ name: X.name, birth: X.birth, sex: X.sex }),
      ]),
    );
    assert.deepEqual(
      out.findings.map((f: { rule: string }) => f.rule),
      ['REC-REQUIRED', 'IDR-REVIEW'],
    );
    const [review] = (await pendingReviews()).json().reviews;
    assert.equal(review.reason, 'id_missing');
    const kept = await post(bureauKey, `/v1/identity/reviews/${review.review_id}/resolve`, {
      decision: 'keep_apart',
      note: 'a namesake',
    });
    assert.equal(kept.statusCode, 200, kept.body);
    assert.equal(kept.json().person_id, null);
    assert.equal(kept.json().review.status, 'kept_apart');
    assert.equal(kept.json().review.record_status, 'open', 'still rejected, for the furnisher to fix');
    const audit = (await rows('identity_audit', { review_id: review.review_id }))[0]!;
    assert.equal(audit.action, 'review_keep_apart');
    const decided = await h.app.inject({
      method: 'GET',
      url: '/v1/identity/reviews?status=kept_apart',
      headers: bearer(bureauKey),
    });
    assert.equal(decided.json().reviews.length, 1);
    const missing = await post(bureauKey, '/v1/identity/reviews/999999/resolve', { decision: 'merge' });
    assert.equal(missing.statusCode, 404);
  });
});

describe('merge and split', () => {
  test('merging moves every person-level row; reports by either ID show the union; audited', async () => {
    expectNewBatch(
      await h.postBatch(h.keys.furnisherB, 'b-y', [
        identity(Y, { mobile: '13700001111' }),
        account('B-Y-1', Y.id, Y.name),
        month('B-Y-1', '2025-01'),
        month('B-Y-1', '2025-02'),
      ]),
    );
    await reportText(Y); // an inquiry on Y's file
    const xId = (await personOf(X.id))!;
    const yId = (await personOf(Y.id))!;
    const forbidden = await post(h.keys.furnisherA, '/v1/identity/persons/merge', {
      keep_person_id: xId,
      merge_person_id: yId,
    });
    assert.equal(forbidden.statusCode, 403);
    const self = await post(bureauKey, '/v1/identity/persons/merge', {
      keep_person_id: xId,
      merge_person_id: xId,
    });
    assert.equal(self.statusCode, 400);
    const before = {
      attributes: (await rows('identity_attributes', { person_id: yId })).length,
      months: (await rows('account_months', { person_id: yId })).length,
      inquiries: (await rows('inquiries', { person_id: yId })).length,
    };
    const res = await post(bureauKey, '/v1/identity/persons/merge', {
      keep_person_id: xId,
      merge_person_id: yId,
      note: 'one person, two IDs',
    });
    assert.equal(res.statusCode, 200, res.body);
    const moved = res.json().moved;
    assert.equal(moved.identity_attributes, before.attributes);
    assert.equal(moved.account_months, before.months);
    assert.equal(moved.inquiries, before.inquiries);
    assert.equal(moved.accounts, 1);
    assert.equal(moved.account_index, 1);
    assert.equal(moved.national_id_index, 1);
    for (const table of [
      'persons',
      'identity_attributes',
      'accounts',
      'account_versions',
      'account_months',
      'account_month_versions',
      'account_history_profiles',
      'inquiries',
      'account_index',
      'identity_value_index',
      'national_id_index',
    ] as const)
      assert.equal(
        (await rows(table, { person_id: yId })).length,
        0,
        `no ${table} row left on the merged person`,
      );
    assert.equal(await personOf(Y.id), xId, "Y's ID leads to the kept person");
    const byX = await reportText(X);
    const byY = await reportText(Y);
    for (const no of ['A-X-1', 'B-X-1', 'B-X-2', 'B-Y-1']) {
      assert.ok(byX.includes(no), `report by X shows ${no}`);
      assert.ok(byY.includes(no), `report by Y shows ${no}`);
    }
    const audit = (await rows('identity_audit', { audit_id: res.json().audit_id }))[0]!;
    assert.equal(audit.action, 'merge');
    assert.equal(Number(audit.person_id), xId);
    assert.equal(Number(audit.other_person_id), yId);
    assert.equal(h.bureau.cipher.decrypt(audit.note_enc as string), 'one person, two IDs');
    assert.ok(!String(audit.details).includes(Y.id) && !String(audit.details).includes(Y.name));
    const gone = await post(bureauKey, '/v1/identity/persons/merge', {
      keep_person_id: xId,
      merge_person_id: yId,
    });
    assert.equal(gone.statusCode, 404);
  });

  test('a split moves the named accounts (with their months) to a new person; audited', async () => {
    const xId = (await personOf(X.id))!;
    const monthsBefore = (await rows('account_months', { person_id: xId })).length;
    const res = await post(bureauKey, '/v1/identity/persons/split', {
      person_id: xId,
      accounts: [{ furnisher: 'furnisher-b', account_no: 'B-Y-1' }],
      id_number: Z_ID,
      note: 'B-Y-1 is another person',
    });
    assert.equal(res.statusCode, 200, res.body);
    const out = res.json();
    assert.equal(out.created, true);
    assert.equal(out.moved.accounts, 1);
    assert.equal(out.moved.account_months, 2);
    assert.equal((await rows('account_months', { person_id: xId })).length, monthsBefore - 2);
    assert.equal(await personOf(Z_ID), out.to_person_id);
    assert.equal(
      Number((await rows('account_index', { account_no: 'B-Y-1' }))[0]!.person_id),
      out.to_person_id,
    );
    const audit = (await rows('identity_audit', { audit_id: out.audit_id }))[0]!;
    assert.equal(audit.action, 'split');
    assert.equal(Number(audit.other_person_id), xId);
    // Back to X: the account is named by furnisher and number; an account not on the person is refused.
    const wrong = await post(bureauKey, '/v1/identity/persons/split', {
      person_id: xId,
      accounts: [{ furnisher: 'furnisher-b', account_no: 'B-Y-1' }],
      to_person_id: out.to_person_id,
    });
    assert.equal(wrong.statusCode, 409);
    const back = await post(bureauKey, '/v1/identity/persons/split', {
      person_id: out.to_person_id,
      accounts: [{ furnisher: 'furnisher-b', account_no: 'B-Y-1' }],
      to_person_id: xId,
    });
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(back.json().created, false);
    const both = await post(bureauKey, '/v1/identity/persons/split', {
      person_id: xId,
      accounts: [{ furnisher: 'furnisher-b', account_no: 'B-Y-1' }],
    });
    assert.equal(both.statusCode, 400);
  });
});
