/**
 * IDs, names and phones never reach a log: the server logs at the most verbose level while
 * furnishing valid and invalid records (every kind of finding), and errors; the log text is
 * then searched for each personal value.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { generateApiKey, hashApiKey } from '../../src/access/api-keys.js';
import { buildServer } from '../../src/api/build-server.js';
import { fromParts } from '../../src/app/bureau.js';
import { readConfig } from '../../src/app/config.js';
import { CHINA_PROFILE } from '../../src/domain/jurisdiction.js';
import { makeResidentId } from '../../src/domain/resident-id.js';
import { createPiiCipher } from '../../src/identity/pii-cipher.js';
import { openTestStore, type TestStore } from '../support/test-store.js';

const ID = makeResidentId('440305', '1988-03-14', 123);
const OTHER_ID = makeResidentId('310104', '1975-11-02', 88);
const NAME = '欧阳晓燕';
const MOBILE = '13912345678';
const ADDRESS = '深圳市南山区科技园路88号';
const SECRETS = [ID, OTHER_ID, NAME, MOBILE, ADDRESS, ID.slice(0, 17), MOBILE.slice(3)];

let store: TestStore;
const logged: string[] = [];

before(async () => {
  store = await openTestStore();
});
after(async () => {
  await store.dispose();
});

test('no national ID, name, mobile or address appears in the server log', async () => {
  const bureau = fromParts(readConfig({}), store, createPiiCipher(Buffer.alloc(32, 3)), CHINA_PROFILE);
  const furnisher = await bureau.institutions.create({
    code: 'log-test',
    name: 'Log Test',
    kind: 'bank',
    roles: ['furnisher'],
  });
  const key = generateApiKey();
  await bureau.institutions.addKey(furnisher.institutionId, hashApiKey(key), key.slice(0, 10));
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logged.push(String(chunk));
      done();
    },
  });
  const app = await buildServer(bureau, { logger: { level: 'trace', stream: sink } });
  const identity = {
    kind: 'identity',
    id_number: ID,
    name: NAME,
    reported_on: '2025-01-02',
    mobile: MOBILE,
    address: ADDRESS,
  };
  const lines = [
    JSON.stringify(identity),
    JSON.stringify({ ...identity, id_number: `${ID.slice(0, 17)}0` }),
    JSON.stringify({ ...identity, sex: 'M', birth_date: '1990-01-01', mobile: `9${MOBILE}` }),
    `{"kind":"identity","id_number":"${OTHER_ID}","name":"${NAME}" oops`,
    JSON.stringify({ ...identity, kind: 'account', action: 'update', account_no: 'X-1' }),
    JSON.stringify({ kind: 'identity', id_number: OTHER_ID, name: 12345, mobile: { MOBILE } }),
  ];
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' };
  const first = await app.inject({
    method: 'POST',
    url: '/v1/furnish/batches',
    headers: { ...headers, 'x-batch-id': 'logs-1' },
    payload: lines.join('\n'),
  });
  assert.equal(first.statusCode, 201, first.body);
  assert.ok(JSON.parse(first.body).findings.length >= 5, 'the batch exercised several rules');
  await app.inject({
    method: 'POST',
    url: '/v1/furnish/batches',
    headers: { ...headers, 'x-batch-id': 'logs-1' },
    payload: `${lines.join('\n')}\n`,
  });
  await app.inject({
    method: 'POST',
    url: `/v1/furnish/batches?id=${ID}`,
    headers: { ...headers, 'x-batch-id': ID },
    payload: lines[0],
  });
  await app.inject({ method: 'GET', url: '/v1/furnish/batches/logs-1/rejects', headers });
  await app.inject({ method: 'GET', url: `/v1/furnish/batches/${ID}/rejects`, headers });
  await app.inject({ method: 'GET', url: `/v1/persons/${MOBILE}`, headers });
  await app.inject({
    method: 'POST',
    url: '/v1/furnish/batches',
    headers: { ...headers, 'content-type': 'application/json', 'x-batch-id': 'logs-2' },
    payload: JSON.stringify(identity),
  });
  await app.inject({
    method: 'GET',
    url: '/v1/me',
    headers: { authorization: `Bearer ${key.slice(0, -1)}x` },
  });
  // A consent and reports (served, refused, as a page) by a lender.
  const lender = await bureau.institutions.create({
    code: 'log-lender',
    name: 'Log Lender',
    kind: 'bank',
    roles: ['lender'],
  });
  const lenderKey = generateApiKey();
  await bureau.institutions.addKey(lender.institutionId, hashApiKey(lenderKey), lenderKey.slice(0, 10));
  const lenderHeaders = { authorization: `Bearer ${lenderKey}` };
  const today = new Date().toISOString().slice(0, 10);
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const consentBody = { id_number: ID, name: NAME, purpose: '02', granted_at: today, evidence_ref: 'e' };
  const tooLong = await app.inject({
    method: 'POST',
    url: '/v1/consents',
    headers: lenderHeaders,
    payload: { ...consentBody, expires_at: '2099-01-01' },
  });
  assert.equal(tooLong.statusCode, 400, 'a consent beyond 366 days is refused');
  const consent = await app.inject({
    method: 'POST',
    url: '/v1/consents',
    headers: lenderHeaders,
    payload: { ...consentBody, expires_at: inAMonth },
  });
  const consentId = JSON.parse(consent.body).consent_id;
  const reportBody = { id_number: ID, name: NAME, purpose: '02', consent_id: consentId };
  const served = await app.inject({
    method: 'POST',
    url: '/v1/reports',
    headers: lenderHeaders,
    payload: reportBody,
  });
  assert.equal(served.statusCode, 200, served.body);
  assert.ok(served.body.includes(NAME), 'the report carries the name, so the search below means something');
  const refused = await app.inject({
    method: 'POST',
    url: '/v1/reports',
    headers: lenderHeaders,
    payload: { ...reportBody, id_number: OTHER_ID },
  });
  assert.equal(refused.statusCode, 403);
  await app.inject({
    method: 'POST',
    url: '/v1/reports',
    headers: { ...lenderHeaders, accept: 'text/html' },
    payload: reportBody,
  });
  await app.close();

  const text = logged.join('');
  assert.ok(text.includes('request completed'), 'the log was captured');
  assert.ok(!text.includes(key), 'the API key is not logged');
  for (const secret of SECRETS)
    assert.ok(!text.includes(secret), `a personal value reached the log (${secret.length} characters)`);
});
