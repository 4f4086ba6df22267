/**
 * What a Metro 2 base segment carries besides the month, through the store of the test engine and
 * into the report: the payment history profile fills the grid's months the bureau holds no
 * monthly state for (a real state always keeps its month), and the date of first delinquency is
 * stored with the account, shown, and runs the US retention clock (hand-computed: 2018-03-01
 * + 180 days = 2018-08-28, + 7 years = 2025-08-28).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CHINA_PROFILE, type JurisdictionProfile, US_PROFILE } from '../../src/domain/jurisdiction.js';
import { DOFD_NOT_MAPPED_RULE } from '../../src/furnish/metro2-mapping.js';
import { buildCreditReport } from '../../src/report/build-credit-report.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import { reportJson } from '../../src/report/report-json.js';
import { readPersonFile } from '../../src/store/person-file-repository.js';
import { type FurnishFixture, openFurnishStore } from '../support/furnish-fixtures.js';
import { ingest, m2Bytes, m2Record } from './metro2-fixtures.js';

const SSN = '401234567';
const FURNISHER = { institution_id: 1, code: 'us-bank', name: 'US Bank', kind: 'bank' };

describe('Metro 2 payment history profile and date of first delinquency', () => {
  let f: FurnishFixture;
  before(async () => {
    f = await openFurnishStore();
    await f.store.db
      .insertInto('institutions')
      .values({ ...FURNISHER, roles: 'furnisher', created_at: '2025-01-01' })
      .execute();
  });
  after(async () => {
    await f.store.dispose();
  });

  const report = async (ssn: string, at: string, profile: JurisdictionProfile) => {
    const file = await readPersonFile(f.store.db, f.cipher.hash('national_id', ssn), (s) =>
      f.cipher.decrypt(s),
    );
    assert.ok(file, 'the person is on file');
    return buildCreditReport(
      file,
      {
        reportNumber: 'R1',
        at,
        name: 'JANE DOE',
        idNumber: ssn,
        queriedBy: { code: 'lender', name: 'Lender', kind: 'bank' },
        reason: '02',
      },
      profile,
    );
  };
  const grid = (r: Awaited<ReturnType<typeof report>>, accountNo: string) =>
    new Map(r.accounts.find((a) => a.accountNo === accountNo)!.grid.map((c) => [c.month, c.code]));
  const errors = (result: Awaited<ReturnType<typeof ingest>>) =>
    result.findings.filter((x) => x.severity === 'error').map((x) => `${x.rule} ${x.field}: ${x.message}`);

  test('the profile fills the months before the month of account information that hold no state', async () => {
    // March: a monthly state of its own (the profile is all B: nothing before it).
    const march = await ingest(
      f.deps,
      'hp-march',
      m2Bytes([
        m2Record({
          base: {
            consumerAccountNumber: 'HP-1',
            dateAccountInformation: '2025-03-31',
            dateLastPayment: '2025-03-15',
            timeStamp: '2025-03-31T23:00:00',
            paymentHistoryProfile: 'B'.repeat(24),
          },
        }),
      ]),
    );
    assert.deepEqual(errors(march), []);
    // May: newest first from April: 0 (N), 1 (March: 2, but March holds a state), 2 (3), 3 (4),
    // D (none), 0 (N), then B.
    const may = await ingest(
      f.deps,
      'hp-may',
      m2Bytes([
        m2Record({
          base: { consumerAccountNumber: 'HP-1', paymentHistoryProfile: `0123D0${'B'.repeat(18)}` },
        }),
      ]),
    );
    assert.deepEqual(errors(may), []);
    assert.equal(may.rejected, 0);

    const rows = await f.store.db.selectFrom('account_history_profiles').selectAll().execute();
    assert.deepEqual(
      rows.map((r) => [r.end_month, r.statuses, r.reported_on]),
      [['2025-04', `N234-N${'-'.repeat(18)}`, '2025-05-31']],
    );
    const months = await f.store.db
      .selectFrom('account_months')
      .select(['month', 'status'])
      .orderBy('month')
      .execute();
    assert.deepEqual(
      months.map((m) => `${m.month} ${m.status}`),
      ['2025-03 N', '2025-05 N'],
      'the profile writes no monthly state',
    );

    for (const profile of [US_PROFILE, CHINA_PROFILE]) {
      const r = await report(SSN, '2025-06-15T10:00:00.000Z', profile);
      const g = grid(r, 'HP-1');
      assert.deepEqual(
        ['2025-05', '2025-04', '2025-03', '2025-02', '2025-01', '2024-12', '2024-11', '2024-10'].map((m) =>
          g.get(m),
        ),
        ['N', 'N', 'N', '3', '4', '', 'N', ''],
        profile.code,
      );
      // The account opened 2023-03-15: before it, '/'.
      assert.equal(g.get('2023-02'), '/');
      // Profile months count in no figure: the latest month is the state of May, nothing overdue.
      const account = r.accounts.find((a) => a.accountNo === 'HP-1')!;
      assert.equal(account.latest?.month, '2025-05');
      assert.deepEqual(r.summary.overdueByCategory, []);
      assert.match(reportJson(r), /"grid":"[^"]*N-43NNN"/);
    }
  });

  test('the same file again changes nothing (a replay)', async () => {
    const again = await ingest(
      f.deps,
      'hp-may',
      m2Bytes([
        m2Record({
          base: { consumerAccountNumber: 'HP-1', paymentHistoryProfile: `0123D0${'B'.repeat(18)}` },
        }),
      ]),
    );
    assert.ok(again.parts.every((p) => p.replayed));
    const rows = await f.store.db.selectFrom('account_history_profiles').select('end_month').execute();
    assert.equal(rows.length, 1);
  });

  test('DOFD stored with the account and shown; the US clock hides the charge-off from DOFD + 180 days + 7 years', async () => {
    const chargeOff = await ingest(
      f.deps,
      'co-may',
      m2Bytes([
        m2Record({
          base: {
            consumerAccountNumber: 'CO-1',
            portfolioType: 'R',
            accountType: '18',
            creditLimit: 5000,
            highestCredit: 5000,
            termsDuration: 'REV',
            dateOpened: '2016-01-10',
            accountStatus: '97',
            currentBalance: 4200,
            amountPastDue: 4200,
            originalChargeOffAmount: 4200,
            dateFirstDelinquency: '2018-03-01',
            scheduledMonthlyPaymentAmount: 0,
            actualPaymentAmount: 0,
            dateLastPayment: null,
            paymentHistoryProfile: 'L'.repeat(24),
          },
        }),
      ]),
    );
    assert.deepEqual(errors(chargeOff), []);
    assert.equal(chargeOff.rejected, 0);

    const [row] = await f.store.db
      .selectFrom('accounts')
      .select(['first_delinquency_date', 'account_type'])
      .where('account_no', '=', 'CO-1')
      .execute();
    assert.deepEqual(row, { first_delinquency_date: '2018-03-01', account_type: 'R2' });

    // The day before the clock runs out: the charge-off (G), its profile months (L = G) and the DOFD.
    const before = await report(SSN, '2025-08-27T12:00:00.000Z', US_PROFILE);
    const shown = before.accounts.find((a) => a.accountNo === 'CO-1')!;
    assert.equal(shown.terms.first_delinquency_date, '2018-03-01');
    assert.equal(shown.latest?.status, 'G');
    const g = grid(before, 'CO-1');
    assert.deepEqual(
      ['2025-05', '2025-04', '2024-01', '2023-05', '2023-04'].map((m) => g.get(m)),
      ['G', 'G', 'G', 'G', ''],
    );
    assert.match(reportJson(before), /"first_delinquency_date":"2018-03-01"/);
    assert.match(renderReportHtml(before), /First delinquency/);

    // From the expiry day on: no negative month of the account is shown.
    const from = await report(SSN, '2025-08-28T00:00:00.000Z', US_PROFILE);
    const hidden = from.accounts.find((a) => a.accountNo === 'CO-1')!;
    assert.equal(hidden.latest, null);
    assert.ok(
      hidden.grid.every((c) => c.code === '' || c.code === '/'),
      hidden.grid.map((c) => c.code || '-').join(''),
    );
    // The other account of the person is not touched.
    assert.equal(grid(from, 'HP-1').get('2025-05'), 'N');
    // China's rule (5 years after the episode ends) still shows it.
    assert.equal(
      grid(await report(SSN, '2025-08-28T00:00:00.000Z', CHINA_PROFILE), 'CO-1').get('2025-05'),
      'G',
    );
  });

  test('a DOFD before the date opened (not a collection) is not stored: a warning, the record furnished', async () => {
    const result = await ingest(
      f.deps,
      'dofd-early',
      m2Bytes([
        m2Record({
          base: {
            consumerAccountNumber: 'EARLY-1',
            accountStatus: '71',
            amountPastDue: 450,
            dateFirstDelinquency: '2022-01-01',
          },
        }),
      ]),
    );
    assert.equal(result.rejected, 0);
    assert.ok(result.findings.some((x) => x.rule === DOFD_NOT_MAPPED_RULE && x.severity === 'warning'));
    const [row] = await f.store.db
      .selectFrom('accounts')
      .select('first_delinquency_date')
      .where('account_no', '=', 'EARLY-1')
      .execute();
    assert.equal(row?.first_delinquency_date, null);
  });
});
