/**
 * The bureau score through the bureau, on both engines: a demo market furnished through the
 * pipeline, `score build` on it (stored with its version), reports that show the score, the
 * percentile and the factors (and "--" with the reason before any model, or for a person not on
 * file), the explanation route for the lender who pulled the report, and `score monitor`.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fastJsonStringify from 'fast-json-stringify';
import { CREDIT_REPORT_SCHEMA } from '../../../src/api/report-schema.js';
import { bureauScore } from '../../../src/cli/score-command.js';
import type { DemoMarket } from '../../../src/demo/demo-market.js';
import { makeResidentId } from '../../../src/domain/resident-id.js';
import { NO_FILE_REASON, NO_MODEL_REASON } from '../../../src/score/bureau/report-score.js';
import { type ApiHarness, bearer, grantConsent, openApiHarness } from '../../support/api-harness.js';
import { furnishDemoMarket, STORE_AS_OF } from './bureau-score-fixtures.js';

const PERSONS = 1500;
let h: ApiHarness;
let market: DemoMarket;
const toSchema = fastJsonStringify(CREDIT_REPORT_SCHEMA as object);

before(async () => {
  h = await openApiHarness();
  market = await furnishDemoMarket(h.bureau, PERSONS);
});
after(async () => {
  await h.close();
});

function output() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: a JSON answer
async function pull(idNumber: string, name: string, key = h.keys.lender): Promise<any> {
  const consentId = await grantConsent(h, key, { idNumber, name }, 'e-1');
  const res = await h.app.inject({
    method: 'POST',
    url: '/v1/reports',
    headers: bearer(key),
    payload: { id_number: idNumber, name, purpose: '02', consent_id: consentId },
  });
  assert.equal(res.statusCode, 200, res.body);
  const body = JSON.parse(res.body);
  assert.deepEqual(JSON.parse(toSchema(body)), body, 'the answer has the shape of the route schema');
  return body;
}

test('before any build: the score is "--" because no model was built', async () => {
  const { idNumber, name } = market.showcase.multiLender;
  const report = await pull(idNumber, name);
  assert.equal(report.summary.score.available, false);
  assert.equal(report.summary.score.score, null);
  assert.equal(report.summary.score.reason, NO_MODEL_REASON);
  assert.equal(report.summary.score.model, null);
});

test('score build trains on the store, prints the hold-out AUC and stores version 1', async () => {
  const { out, io } = output();
  const code = await bureauScore('build', ['--sample', '5000'], io, h.bureau);
  assert.equal(code, 0, out.stderr);
  assert.match(out.stdout, /hold-out AUC 0\.\d{3}, Gini -?0\.\d{3} \(all [\d,]+ scorable persons\)/);
  assert.match(out.stdout, new RegExp(`scored population at ${STORE_AS_OF}`));
  assert.match(out.stdout, /stored model version 1 /);
  const stored = await h.bureau.scoreModels.latest();
  assert.equal(stored?.version, 1);
  assert.equal(stored?.sample.personsRead, PERSONS);
  assert.ok(stored!.holdout.auc > 0.7, `hold-out AUC ${stored!.holdout.auc}`);
  const rows = await h.store.db.selectFrom('score_models').select(['version', 'training_month']).execute();
  assert.deepEqual(
    rows.map((r) => [Number(r.version), r.training_month]),
    [[1, stored!.observation.trainingMonth]],
  );
});

test('a report shows the score, the percentile and up to 2 factors in plain words; the page too', async () => {
  const { idNumber, name } = market.showcase.multiLender;
  const report = await pull(idNumber, name);
  const s = report.summary.score;
  assert.equal(s.available, true, s.reason);
  assert.ok(Number.isInteger(s.score) && s.score >= 0 && s.score <= 1000, `score ${s.score}`);
  assert.ok(
    Number.isInteger(s.percentile) && s.percentile >= 0 && s.percentile <= 99,
    `percentile ${s.percentile}`,
  );
  assert.equal(s.model.version, 1);
  assert.equal(s.asOfMonth, STORE_AS_OF);
  assert.ok(s.factors.length >= 1 && s.factors.length <= 2, `${s.factors.length} factors`);
  for (const f of s.factors) assert.match(f.text, /^[A-Z][^_]+: .+$/, 'plain words, no variable code');
  const page = await h.app.inject({
    method: 'GET',
    url: `/reports/${report.header.reportNumber}`,
    headers: bearer(h.keys.lender),
  });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`id="score-value">${s.score}<`));
  assert.ok(
    page.body.includes(`higher than ${s.percentile}% of scored persons`),
    'the percentile on the page',
  );
  assert.ok(page.body.includes('id="score-factors"'), 'the factors on the page');
});

test('a person the bureau does not know: "--" with the reason', async () => {
  const report = await pull(makeResidentId('310104', '1979-09-30', 64), '林一');
  assert.equal(report.summary.score.available, false);
  assert.equal(report.summary.score.reason, NO_FILE_REASON);
  assert.equal(report.summary.score.model.version, 1);
});

test('the explanation: the lender who pulled the report gets every variable with its points', async () => {
  const { idNumber, name } = market.showcase.delinquent;
  const report = await pull(idNumber, name);
  const url = `/v1/reports/${report.header.reportNumber}/score-explanation`;
  const res = await h.app.inject({ method: 'GET', url, headers: bearer(h.keys.lender) });
  assert.equal(res.statusCode, 200, res.body);
  const why = JSON.parse(res.body);
  assert.equal(why.reportNumber, report.header.reportNumber);
  assert.equal(why.score, report.summary.score.score, 'the score as served');
  assert.deepEqual(why.factors, report.summary.score.factors);
  assert.ok(why.contributions.length >= 1, 'every variable');
  for (const c of why.contributions) assert.ok(c.points <= c.maxPoints, c.variable);
  assert.match(why.explanation[0], /^Your score is \d+ of 1000/);
  const doc = (await h.call('GET', '/openapi.json')).json();
  assert.ok(doc.paths['/v1/reports/{reportNumber}/score-explanation']?.get, 'documented in /openapi.json');
  const other = await h.app.inject({ method: 'GET', url, headers: bearer(h.keys.furnisherA) });
  assert.equal(other.statusCode, 404, 'another lender does not see it');
  const none = await h.app.inject({ method: 'GET', url });
  assert.equal(none.statusCode, 401);
});

test('score monitor: the stability index of the score and of each variable, with the reading', async () => {
  const { out, io } = output();
  assert.equal(await bureauScore('monitor', [], io, h.bureau), 0, out.stderr);
  assert.match(out.stdout, /population stability index, training sample -> now:/);
  assert.match(out.stdout, /^ {2}score +PSI \d+\.\d{3} {2}(stable|watch|shift)/m);
  assert.match(out.stdout, /reading: below 0\.1 stable, 0\.1 to 0\.25 watch, above 0\.25 shift/);
  const json = output();
  assert.equal(await bureauScore('monitor', ['--json'], json.io, h.bureau), 0);
  const report = JSON.parse(json.out.stdout);
  const model = await h.bureau.scoreModels.latest();
  assert.equal(report.variables.length, model!.scorecard.variables.length);
  assert.equal(report.month, STORE_AS_OF);
  for (const v of report.variables)
    assert.ok(v.psi >= 0 && ['stable', 'watch', 'shift'].includes(v.reading), v.name);
});

test('a second build is version 2 and is served at once; bad arguments exit 2', async () => {
  const { out, io } = output();
  assert.equal(await bureauScore('build', ['--json'], io, h.bureau), 0, out.stderr);
  assert.equal(JSON.parse(out.stdout).version, 2);
  const { idNumber, name } = market.showcase.multiLender;
  assert.equal((await pull(idNumber, name)).summary.score.model.version, 2);
  const bad = output();
  assert.equal(await bureauScore('build', ['--sample', 'lots'], bad.io, h.bureau), 2);
  assert.match(bad.out.stderr, /--sample expects a number of persons/);
  const unknown = output();
  assert.equal(await bureauScore('monitor', ['--bogus'], unknown.io, h.bureau), 2);
});
