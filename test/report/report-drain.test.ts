/**
 * Closing the server waits for the report pulls still running: each has recorded its inquiry
 * and must keep its report before the store may close (a pull whose client has gone included).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeResidentId } from '../../src/domain/resident-id.js';
import { bearer, openApiHarness } from '../support/api-harness.js';

test('closing the server lets every running pull keep its report', async () => {
  const h = await openApiHarness();
  try {
    const idNumber = makeResidentId('110105', '1990-02-03', 17);
    const today = new Date().toISOString().slice(0, 10);
    const consent = await h.app.inject({
      method: 'POST',
      url: '/v1/consents',
      headers: bearer(h.keys.lender),
      payload: {
        id_number: idNumber,
        name: '林静',
        purpose: '02',
        granted_at: today,
        expires_at: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
        evidence_ref: 'esign-drain',
      },
    });
    assert.equal(consent.statusCode, 201, consent.body);
    const consentId = JSON.parse(consent.body).consent_id;
    const pulls = Array.from({ length: 20 }, () =>
      h.app.inject({
        method: 'POST',
        url: '/v1/reports',
        headers: bearer(h.keys.lender),
        payload: { id_number: idNumber, name: '林静', purpose: '02', consent_id: consentId },
      }),
    );
    const count = async (table: 'reports' | 'report_requests') =>
      Number(
        (
          await h.store.db
            .selectFrom(table)
            .select(h.store.db.fn.countAll<number | string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // Close as soon as the first pull has recorded its request, while the others run.
    const deadline = Date.now() + 10_000;
    while ((await count('report_requests')) === 0 && Date.now() < deadline)
      await new Promise((resolve) => setImmediate(resolve));
    await h.app.close();
    const served = await count('report_requests');
    const kept = await count('reports');
    assert.ok(served > 0, 'some pulls had started');
    assert.equal(kept, served, 'every pull that started kept its report before close returned');
    const answers = await Promise.all(pulls);
    const ok = answers.filter((a) => a.statusCode === 200).length;
    assert.equal(ok, served, 'each pull that started was answered');
  } finally {
    await h.store.dispose();
  }
});
