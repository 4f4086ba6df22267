/** The JSON form of a report: the grid as one character per month, and back without loss. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { REPAYMENT_STATUSES } from '../../src/domain/codes.js';
import { gridCells, gridText, reportFromJson, reportJson } from '../../src/report/report-json.js';
import type { GridCell } from '../../src/report/report-types.js';
import { sampleCreditReport, unknownPersonReport } from './fixtures/sample-report.js';

test('a report comes back from its JSON form unchanged, and the form is short', () => {
  for (const report of [sampleCreditReport(), unknownPersonReport()]) {
    const text = reportJson(report);
    assert.deepEqual(reportFromJson(text), report);
    if (report.accounts.length > 0)
      assert.ok(text.length < JSON.stringify(report).length * 0.75, 'well under the grid of objects');
  }
  const parsed = JSON.parse(reportJson(sampleCreditReport()));
  assert.equal(parsed.accounts[0].grid.length, 60);
  assert.match(parsed.accounts[0].gridFrom, /^\d{4}-\d{2}$/);
});

test('property: any grid of codes, "/" and unreported months round-trips', () => {
  const code = fc.constantFrom<GridCell['code']>('/', '', ...REPAYMENT_STATUSES);
  fc.assert(
    fc.property(fc.array(code, { maxLength: 60 }), (codes) => {
      const cells = codes.map((c, i) => ({
        month: `2020-${String((i % 12) + 1).padStart(2, '0')}`,
        code: c,
      }));
      // Months are consecutive in a real grid: rebuild them from the first.
      const from = '2020-01';
      const text = gridText(cells);
      assert.equal(text.length, codes.length);
      assert.deepEqual(
        gridCells(codes.length ? from : null, text).map((c) => c.code),
        codes,
      );
    }),
  );
  assert.throws(() => gridCells('2020-13', 'N'), /gridFrom/);
});
