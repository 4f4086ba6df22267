/**
 * renderReportText: the sections in report order, the grid in calendar-year rows (checked line by
 * line, and read back for random grids), money through formatMinor, widths, colours, the
 * unknown person.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addMonths } from '../../src/domain/calendar.js';
import { REPAYMENT_STATUSES, type RepaymentStatus } from '../../src/domain/codes.js';
import { CHINA_PROFILE } from '../../src/domain/jurisdiction.js';
import type { MonthState } from '../../src/formats/canonical/record-types.js';
import { buildCreditReport } from '../../src/report/build-credit-report.js';
import { displayWidth, GRID_LEGEND, gridCellText, renderReportText } from '../../src/report/render-text.js';
import type {
  CreditReport,
  FileMonth,
  GridCell,
  InstitutionRef,
  PersonFile,
  ReportRequest,
} from '../../src/report/report-types.js';

const PLAT1: InstitutionRef = { code: 'PLAT1', name: '蚂蚁平台', kind: 'online_microloan' };
const BANK1: InstitutionRef = { code: 'BANK1', name: 'Bank One', kind: 'bank' };
const LENDER: InstitutionRef = { code: 'BANK9', name: 'Bank Nine', kind: 'bank' };
const ID = '11010519491231002X';

function month(m: string, status: RepaymentStatus, extra: Partial<MonthState> = {}): FileMonth {
  return {
    month: m,
    reportedOn: `${m}-28`,
    state: {
      balance_minor: 0,
      scheduled_payment_minor: 0,
      actual_payment_minor: 0,
      overdue_periods: 0,
      overdue_amount_minor: 0,
      status,
      five_class: 1,
      ...extra,
    },
  };
}

const REQUEST: ReportRequest = {
  reportNumber: 'R20250715100000ABCD1234',
  at: '2025-07-15T10:00:00.000Z',
  name: 'Zhang San',
  idNumber: ID,
  queriedBy: LENDER,
  reason: '02',
};

function file(): PersonFile {
  return {
    personId: 1,
    idType: 'resident_id',
    idNumber: ID,
    objections: 0,
    attributes: {
      name: [
        { value: '张三', furnisher: PLAT1, firstReportedOn: '2024-09-10', lastReportedOn: '2025-06-28' },
        { value: 'Zhang San', furnisher: BANK1, firstReportedOn: '2023-03-01', lastReportedOn: '2025-01-05' },
      ],
      sex: [{ value: 'M', furnisher: BANK1, firstReportedOn: '2023-03-01', lastReportedOn: '2025-01-05' }],
    },
    accounts: [
      {
        accountId: 1,
        furnisher: PLAT1,
        accountNo: 'L-100',
        terms: {
          account_type: 'D1',
          business_type: 'consumer',
          currency: 'CNY',
          open_date: '2024-09-10',
          maturity_date: '2025-09-10',
          amount_minor: 1_200_000,
          instalments: 12,
          repayment_method: 'equal_instalment',
          repayment_frequency: 'monthly',
          guarantee_type: 'unsecured',
          joint_loan: false,
        },
        months: [
          month('2024-10', 'N'),
          month('2024-12', '1', { overdue_amount_minor: 100_000 }),
          month('2025-01', '2', { overdue_amount_minor: 200_000 }),
          month('2025-06', 'N', { balance_minor: 500_000 }),
        ],
      },
      {
        accountId: 2,
        furnisher: BANK1,
        accountNo: 'C-200',
        terms: {
          account_type: 'R2',
          business_type: 'credit_card',
          currency: 'CNY',
          open_date: '2023-03-01',
          amount_minor: 5_000_000,
          repayment_method: 'minimum_payment',
          repayment_frequency: 'monthly',
          guarantee_type: 'unsecured',
          joint_loan: false,
        },
        months: [month('2025-06', 'N', { used_limit_minor: 123_456 })],
      },
    ],
    inquiries: [{ at: '2025-07-01T00:00:00.000Z', institution: PLAT1, reason: '24' }],
  };
}

const REPORT = buildCreditReport(file(), REQUEST, CHINA_PROFILE);
const TEXT = renderReportText(REPORT);
const LINES = TEXT.split('\n');

describe('renderReportText', () => {
  test('sections in report order', () => {
    const titles = [
      'PERSONAL CREDIT REPORT',
      'PERSONAL INFORMATION',
      'SUMMARY',
      'ACCOUNT DETAILS',
      'INQUIRY RECORDS',
    ];
    const at = titles.map((t) => LINES.indexOf(t));
    for (const [i, index] of at.entries()) assert.ok(index >= 0, `${titles[i]} present`);
    assert.deepEqual(
      [...at].sort((a, b) => a - b),
      at,
    );
    assert.ok(TEXT.endsWith('End of report.\n'));
  });

  test('header: masked ID only, the querying institution and the reason', () => {
    assert.ok(LINES.includes('ID              resident_id 110105********002X'));
    assert.ok(LINES.includes('Queried by      Bank Nine (bank, BANK9)'));
    assert.ok(LINES.includes('Reason          02 loan approval'));
    assert.ok(!TEXT.includes(ID));
    assert.ok(!TEXT.includes('19491231'));
  });

  test('the grid of the loan, in calendar-year rows', () => {
    const start = LINES.findIndex((l) => l.includes('account L-100'));
    const header = LINES.findIndex((l, i) => i > start && l.startsWith('   Repayment history'));
    assert.deepEqual(LINES.slice(header, header + 8), [
      '   Repayment history, 60 months',
      '         Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec',
      // 2020-07 .. 2024-08 before the open month: '/'
      '   2020                            /   /   /   /   /   /',
      '   2021    /   /   /   /   /   /   /   /   /   /   /   /',
      '   2022    /   /   /   /   /   /   /   /   /   /   /   /',
      '   2023    /   /   /   /   /   /   /   /   /   /   /   /',
      // 2024-09 opened, not reported; 10 N; 11 not reported; 12 overdue 1
      '   2024    /   /   /   /   /   /   /   /   -   N   -   1',
      // 2025-01 overdue 2; 02 .. 05 not reported; 06 N; the grid ends there
      '   2025    2   -   -   -   -   N',
    ]);
  });

  test('amounts through formatMinor', () => {
    assert.match(TEXT, /Amount CNY 12,000\.00, 12 instalments\./);
    assert.match(TEXT, /Credit limit CNY 50,000\.00\./);
    assert.match(TEXT, /used CNY 1,234\.56/);
    assert.match(TEXT, /balance CNY 5,000\.00/);
    // Largest overdue amount of D1: 2,000.00.
    const overdueRow = LINES.find((l) => l.startsWith('  D1 non-revolving loan') && l.includes('CNY'));
    assert.ok(overdueRow);
    assert.match(overdueRow, /^ {2}D1 non-revolving loan +1 +2 +2 +CNY 2,000\.00$/);
  });

  test('inquiry windows and records', () => {
    assert.ok(LINES.some((l) => /^ {2}1 month +2 +0 +2$/.test(l)));
    assert.ok(LINES.some((l) => /^ {2}12 months +2 +0 +2$/.test(l)));
    const records = LINES.slice(LINES.indexOf('INQUIRY RECORDS'));
    assert.match(records[3]!, /^ {2}1 {2}2025-07-15T10:00:00\.000Z +bank +Bank Nine +02 loan approval$/);
    assert.match(
      records[4]!,
      /^ {2}2 {2}2025-07-01T00:00:00\.000Z +online_microloan +蚂蚁平台 +24 financing approval$/,
    );
  });

  test('one legend, explaining every code a grid can hold', () => {
    assert.equal(TEXT.split('Legend:').length, 2);
    const legend = TEXT.slice(TEXT.indexOf('Legend:'), TEXT.indexOf('INQUIRY RECORDS')).replace(/\s+/g, ' ');
    for (const [code, meaning] of GRID_LEGEND) assert.ok(legend.includes(`${code} ${meaning}`), code);
    const explained = new Set(GRID_LEGEND.map(([code]) => code));
    for (const s of REPAYMENT_STATUSES) assert.ok(explained.has(s) || /^[1-7]$/.test(s), s);
  });

  test('columns aligned by display width with CJK text', () => {
    const names = LINES.indexOf('Names');
    const rows = LINES.slice(names + 1, names + 4);
    const column = (line: string, needle: string) => displayWidth(line.slice(0, line.indexOf(needle)));
    assert.equal(column(rows[0]!, 'Reported by'), column(rows[1]!, '蚂蚁平台'));
    assert.equal(column(rows[0]!, 'Reported by'), column(rows[2]!, 'Bank One'));
    assert.equal(displayWidth('张三ab'), 6);
  });

  test('width: rules as wide as asked, wrapped paragraphs within it', () => {
    for (const width of [60, 80, 100, 140]) {
      const lines = renderReportText(REPORT, { width }).split('\n');
      assert.equal(lines[0], '='.repeat(width));
      const legend = lines.findIndex((l) => l.startsWith('Legend:'));
      for (let i = legend; lines[i] !== ''; i++) assert.ok(displayWidth(lines[i]!) <= width, lines[i]);
      // Account paragraphs (the grid rows are 56 columns wide whatever the width).
      const details = lines.slice(lines.indexOf('ACCOUNT DETAILS'), legend);
      for (const l of details.filter((x) => x.startsWith('   ') && !/^ {3}(\d{4}| {6}Jan)/.test(x)))
        assert.ok(displayWidth(l) <= width, `${width}: ${l}`);
    }
    assert.ok(LINES.every((l) => displayWidth(l) <= 100));
    assert.equal(renderReportText(REPORT, { width: 10 }).split('\n')[0], '='.repeat(60));
    assert.equal(renderReportText(REPORT, { width: Number.NaN }), TEXT);
  });

  test('no escapes unless colours are asked for; with them, the same text underneath', () => {
    assert.ok(!TEXT.includes('\x1b'));
    const coloured = renderReportText(REPORT, { color: true });
    assert.ok(coloured.includes('\x1b[1mSUMMARY\x1b[0m'));
    assert.ok(coloured.includes('\x1b[31m  1\x1b[0m'));
    assert.equal(coloured.replace(/\x1b\[\d+m/g, ''), TEXT);
  });

  test('deterministic and does not change the report', () => {
    const frozen = structuredClone(REPORT);
    const freeze = (v: unknown): void => {
      if (v && typeof v === 'object') {
        Object.freeze(v);
        for (const x of Object.values(v)) freeze(x);
      }
    };
    freeze(frozen);
    assert.equal(renderReportText(frozen), TEXT);
    assert.deepEqual(frozen, REPORT);
  });

  test('unknown person', () => {
    const text = renderReportText(buildCreditReport(null, REQUEST, CHINA_PROFILE));
    assert.match(text, /no file on this person/);
    assert.match(text, /\(no accounts\)/);
    assert.ok(!text.includes('Legend:'));
    const records = text.split('\n').filter((l) => /^ {2}\d+ {2}\d{4}-/.test(l));
    assert.equal(records.length, 1);
  });

  test('gridCellText: not reported is written -', () => {
    assert.equal(gridCellText({ month: '2025-01', code: '' }), '-');
    assert.equal(gridCellText({ month: '2025-01', code: '/' }), '/');
    assert.equal(gridCellText({ month: '2025-01', code: '7' }), '7');
  });
});

/** The grid read back from the text: the cells of every year row, in month order. */
function readGrid(text: string): { month: string; text: string }[] {
  const lines = text.split('\n');
  const out: { month: string; text: string }[] = [];
  for (const line of lines) {
    const m = /^ {3}(\d{4}) /.exec(line);
    if (!m) continue;
    const row = line.slice(3);
    for (let k = 0; k < 12; k++) {
      const cell = row.slice(5 + 4 * k, 9 + 4 * k).trim();
      if (cell !== '') out.push({ month: `${m[1]}-${String(k + 1).padStart(2, '0')}`, text: cell });
    }
  }
  return out;
}

describe('grid rows read back', () => {
  const codes: GridCell['code'][] = [...REPAYMENT_STATUSES, '/', ''];
  test('any grid, any last month: the text holds every cell in its month column', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 11 }),
        fc.array(fc.constantFrom(...codes), { minLength: 60, maxLength: 60 }),
        (lastMonthIndex, cells) => {
          const last = addMonths('2025-01', lastMonthIndex);
          const grid = cells.map((code, i) => ({ month: addMonths(last, i - 59), code }));
          const report: CreditReport = {
            ...REPORT,
            accounts: [{ ...REPORT.accounts[0]!, grid }],
          };
          const back = readGrid(renderReportText(report));
          assert.deepEqual(
            back,
            grid.map((c) => ({ month: c.month, text: gridCellText(c) })),
          );
          // 60 months ending in December span 5 rows, otherwise 6.
          const rows = renderReportText(report)
            .split('\n')
            .filter((l) => /^ {3}\d{4}/.test(l));
          assert.equal(rows.length, last.endsWith('-12') ? 5 : 6);
        },
      ),
      { numRuns: 100 },
    );
  });
});
