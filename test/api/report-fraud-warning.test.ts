/**
 * The report header's anti-fraud warning, on the engine of the run: a person whose mobile is
 * reported under three IDs gets the warning in the JSON report, the HTML page and the terminal
 * text, read in the same pull as the file; a person with nothing shared gets none; the warning
 * names no other person.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeResidentId } from '../../src/domain/resident-id.js';
import { renderReportText } from '../../src/report/render-text.js';
import type { CreditReport } from '../../src/report/report-types.js';
import { type ApiHarness, bearer, grantConsent, openApiHarness } from '../support/api-harness.js';

const today = new Date().toISOString().slice(0, 10);

const SHARED_MOBILE = '13955550001';
const persons = [
  { id: makeResidentId('330106', '1988-08-08', 22), name: '周敏', mobile: SHARED_MOBILE },
  { id: makeResidentId('110105', '1979-03-02', 41), name: '孙立军', mobile: SHARED_MOBILE },
  { id: makeResidentId('440305', '1992-11-20', 63), name: '吴海燕', mobile: SHARED_MOBILE },
  { id: makeResidentId('320102', '1985-01-09', 13), name: '郑浩', mobile: '13955550002' },
];
/** Five persons at one address: a ring of five (the report follows shared mobiles and addresses one link). */
const RING_ADDRESS = '福建省厦门市思明区湖滨南路88号1栋1201室';
const ring = [1, 2, 3, 4, 5].map((i) => ({
  id: makeResidentId('350203', `1987-0${i}-1${i}`, 10 * i + 1),
  name: `林${'一二三四五'[i - 1]}`,
}));
const [subject, , , alone] = persons as [
  (typeof persons)[0],
  (typeof persons)[0],
  (typeof persons)[0],
  (typeof persons)[0],
];

let h: ApiHarness;

before(async () => {
  h = await openApiHarness();
  const lines: object[] = persons.map((p) => ({
    kind: 'identity',
    id_number: p.id,
    name: p.name,
    reported_on: today,
    mobile: p.mobile,
  }));
  for (const p of ring)
    lines.push({
      kind: 'identity',
      id_number: p.id,
      name: p.name,
      reported_on: today,
      address: RING_ADDRESS,
    });
  const res = await h.postBatch(h.keys.furnisherA, 'identities-1', lines);
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(JSON.parse(res.body).batch.rejected, 0, res.body);
});
after(async () => {
  await h.close();
});

async function pull(p: { id: string; name: string }, accept = 'application/json') {
  const consentId = await grantConsent(h, h.keys.lender, { idNumber: p.id, name: p.name }, 'esign-warning');
  const res = await h.app.inject({
    method: 'POST',
    url: '/v1/reports',
    headers: { ...bearer(h.keys.lender), accept },
    payload: {
      id_number: p.id,
      name: p.name,
      purpose: '02',
      consent_id: consentId,
    },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.body;
}

test('a mobile under three IDs: the report header warns, in JSON, HTML and text, naming nobody else', async () => {
  const report = JSON.parse(await pull(subject)) as CreditReport;
  const warning = report.header.fraudWarning;
  assert.ok(
    warning.some((line) => line.startsWith('FS-IDS-PER-MOBILE:') && line.includes('under 3 IDs')),
    `warning: ${JSON.stringify(warning)}`,
  );
  const json = JSON.stringify(warning);
  for (const other of persons.slice(1)) {
    assert.ok(!json.includes(other.id) && !json.includes(other.name), "another person's data in the warning");
  }
  assert.ok(!json.includes(SHARED_MOBILE), 'the mobile itself in the warning');

  const page = await pull(subject, 'text/html');
  assert.match(page, /id="fraud-warning"/);
  assert.match(page, /FS-IDS-PER-MOBILE/);

  const text = renderReportText(report, { color: false, width: 100 });
  assert.match(text, /ANTI-FRAUD WARNING/);
  assert.match(text, /FS-IDS-PER-MOBILE/);
});

test('a person with nothing shared: no warning', async () => {
  const report = JSON.parse(await pull(alone)) as CreditReport;
  assert.deepEqual(report.header.fraudWarning, []);
  assert.doesNotMatch(await pull(alone, 'text/html'), /id="fraud-warning"/);
});

test('five persons at one address: the header warns of a ring', async () => {
  const member = ring[0];
  assert.ok(member);
  const report = JSON.parse(await pull(member)) as CreditReport;
  assert.ok(
    report.header.fraudWarning.some(
      (line) => line.startsWith('FS-FRAUD-RING:') && line.includes('group of 5'),
    ),
    `warning: ${JSON.stringify(report.header.fraudWarning)}`,
  );
  assert.ok(report.header.fraudWarning.some((line) => line.startsWith('FS-IDS-PER-ADDRESS:')));
});
