/**
 * The HTML credit report: checks on the page as text (sections in order, every account and every
 * grid cell, escaping, amounts), then the page in a real headless Chromium (layout order, grid
 * colours, title, no console errors), which also writes test-output/report.png and report.pdf.
 * The browser tests are skipped when /usr/bin/chromium (or playwright-core) is not installed.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { escapeHtml, renderReportHtml } from '../../src/report/render-html.js';
import type { CreditReport, GridCell } from '../../src/report/report-types.js';
import { sampleCreditReport, unknownPersonReport } from './fixtures/sample-report.js';

const HOSTILE = `<script>alert(1)</script> "&'`;
const HOSTILE_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;';

/** The sample with furnisher-supplied and request-supplied text replaced by hostile strings. */
function hostileReport(): CreditReport {
  const report = sampleCreditReport();
  report.header.reportNumber = `OB-1</title></style><script>alert(2)</script>`;
  report.header.subject.name = HOSTILE;
  report.header.queriedBy.name = HOSTILE;
  const first = report.accounts[0]!;
  first.furnisher.name = HOSTILE;
  first.accountNo = `" onmouseover="alert(3)`;
  report.personalInformation!.names[0]!.furnisher = HOSTILE;
  report.personalInformation!.addresses[0]!.value = `<img src=x onerror=alert(4)>`;
  report.inquiries[1]!.institutionName = HOSTILE;
  return report;
}

/** The HTML between the opening of the element with `id` and the next `</${tag}>`. */
function elementHtml(page: string, id: string, tag: string): string {
  const start = page.indexOf(`id="${id}"`);
  assert.ok(start >= 0, `no element with id ${id}`);
  const end = page.indexOf(`</${tag}>`, start);
  assert.ok(end > start, `element ${id} is not closed`);
  return page.slice(start, end);
}

/** The grid cells of one account's table, as written: month and code. */
function gridCellsOf(page: string, accountIndex: number): GridCell[] {
  const table = elementHtml(page, `account-${accountIndex}-grid`, 'table');
  const cells: GridCell[] = [];
  for (const m of table.matchAll(
    /<td class="cell [^"]*" data-month="([^"]*)" data-code="([^"]*)"[^>]*>([^<]*)<\/td>/g,
  )) {
    assert.equal(m[3], m[2], 'a cell shows its code');
    cells.push({ month: m[1]!, code: m[2] as GridCell['code'] });
  }
  return cells;
}

// ------------------------------------------------------------------------- the page as text

test('escapeHtml escapes the five HTML special characters and nothing else', () => {
  assert.equal(escapeHtml(HOSTILE), HOSTILE_ESCAPED);
  assert.equal(escapeHtml('Zhang Wei 张伟 12,345.67'), 'Zhang Wei 张伟 12,345.67');
  assert.equal(escapeHtml(42), '42');
  assert.equal(escapeHtml('&amp;'), '&amp;amp;');
});

test('the page is one complete, self-contained HTML5 document', () => {
  const page = renderReportHtml(sampleCreditReport());
  assert.ok(page.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">'));
  assert.match(page, /<meta charset="utf-8">/);
  assert.match(page, /<\/html>\n$/);
  assert.equal((page.match(/<style>/g) ?? []).length, 1);
  assert.doesNotMatch(page, /<script/i, 'no script');
  assert.doesNotMatch(page, /\b(src|href)=/i, 'no linked resource');
  assert.doesNotMatch(page, /url\(|@import/i, 'no resource from CSS');
  assert.match(page, /@media print/);
  assert.match(page, /size: A4/);
});

test('the title carries the report number', () => {
  const page = renderReportHtml(sampleCreditReport());
  assert.match(page, /<title>[^<]*OB-2025061509300017[^<]*<\/title>/);
});

test('sections come in order: header, summary, personal information, accounts, inquiries', () => {
  const page = renderReportHtml(sampleCreditReport());
  const order = [
    'report-header',
    'summary',
    'personal-information',
    'account-details',
    'inquiry-records',
  ].map((id) => page.indexOf(`id="${id}"`));
  for (const at of order) assert.ok(at > 0);
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  // The summary's tables all come before the first account.
  for (const id of [
    'summary-accounts',
    'summary-overdue',
    'summary-revolving',
    'summary-loans',
    'summary-inquiries',
  ])
    assert.ok(page.indexOf(`id="${id}"`) < page.indexOf('id="account-1"'), `${id} before the accounts`);
});

test('the header shows the subject, the masked ID, the institution, the reason and the objections', () => {
  const page = renderReportHtml(sampleCreditReport());
  const header = elementHtml(page, 'report-header', 'header');
  for (const text of [
    'OB-2025061509300017',
    '2025-06-15 09:30:00 UTC',
    '张伟',
    '110105********1234',
    'Northbridge Rural Commercial Bank',
    'loan approval',
    'code 02',
    'Objections',
  ])
    assert.ok(header.includes(text), `header shows ${text}`);
  assert.ok(!header.includes('no-file-notice'), 'a known person has no "no file" notice');
});

test('the summary shows counts, overdue, credit lines, open furnishers and inquiry windows', () => {
  const page = renderReportHtml(sampleCreditReport());
  const summary = elementHtml(page, 'summary', 'section');
  assert.match(summary, /id="distinct-open-furnishers">2</);
  assert.match(summary, /id="total-accounts">4</);
  assert.match(
    summary,
    /Non-revolving loans <span class="muted">\(D1\)<\/span><\/th><td class="num">2<\/td><td class="num">1<\/td><td class="num">1<\/td><td>2019-03<\/td>/,
  );
  const overdue = elementHtml(page, 'summary-overdue', 'table');
  assert.match(overdue, /<td class="num">1<\/td><td class="num">3<\/td><td><span class="chip s-3"/);
  assert.ok(overdue.includes('CNY 13,443.60'));
  assert.ok(elementHtml(page, 'summary-revolving', 'table').includes('CNY 70,000.00'));
  assert.ok(elementHtml(page, 'summary-revolving', 'table').includes('29.2%'));
  assert.ok(elementHtml(page, 'summary-loans', 'table').includes('CNY 987,654.32'));
  const windows = elementHtml(page, 'summary-inquiries', 'table');
  assert.match(
    windows,
    /Last 12 months<\/th><td class="num">4<\/td><td class="num">4<\/td><td class="num">2<\/td>/,
  );
});

test('amounts are written with thousands separators and the currency', () => {
  const page = renderReportHtml(sampleCreditReport());
  for (const amount of [
    'CNY 1,200,000.00', // mortgage amount
    'CNY 987,654.32', // mortgage balance
    'CNY 150,000.00', // car loan amount
    'CNY 12,345.67', // card balance
    'CNY 20,469.12', // revolving used
    'CNY 19,814.06', // average used over 6 months
  ])
    assert.ok(page.includes(amount), `shows ${amount}`);
  assert.doesNotMatch(page, /CNY \d{4,}/, 'no amount without separators');
});

test('every account is shown, in report order, under its category, with terms and latest state', () => {
  const report = sampleCreditReport();
  const page = renderReportHtml(report);
  const details = page.slice(page.indexOf('id="account-details"'));
  let last = -1;
  report.accounts.forEach((account, i) => {
    const at = details.indexOf(`id="account-${i + 1}" data-category="${account.category}"`);
    assert.ok(at > last, `account ${i + 1} (${account.accountNo}) is shown after the one before`);
    last = at;
    const article = elementHtml(page, `account-${i + 1}`, 'article');
    assert.ok(article.includes(escapeHtml(account.accountNo)));
    assert.ok(article.includes(escapeHtml(account.furnisher.name)));
    assert.ok(article.includes(`>${account.terms.open_date}<`));
    assert.ok(article.includes(account.state === 'open' ? 'badge-open' : 'badge-closed'));
    assert.ok(article.includes(`Latest state`));
  });
  for (const category of ['D1', 'R1', 'R2']) assert.ok(details.includes(`id="category-${category}"`));
  assert.ok(!details.includes('id="category-R3"'), 'no heading for a category without accounts');
  assert.ok(details.indexOf('id="category-D1"') < details.indexOf('id="category-R1"'));
  assert.ok(details.indexOf('id="category-R1"') < details.indexOf('id="category-R2"'));
});

test('each account has its 60 grid cells, 5 rows of 12, with the right months and codes', () => {
  const report = sampleCreditReport();
  const page = renderReportHtml(report);
  report.accounts.forEach((account, i) => {
    const cells = gridCellsOf(page, i + 1);
    assert.equal(cells.length, 60);
    assert.deepEqual(cells, account.grid);
    const table = elementHtml(page, `account-${i + 1}-grid`, 'table');
    assert.equal((table.match(/<tbody>[\s\S]*<\/tbody>/)?.[0].match(/<tr>/g) ?? []).length, 5, '5 year rows');
    assert.equal((table.match(/<th scope="col"/g) ?? []).length, 13, 'a period column and 12 months');
  });
  // The car loan's overdue episode, closing month and unreported months after it.
  const car = gridCellsOf(page, 2);
  const byMonth = new Map(car.map((c) => [c.month, c.code]));
  assert.equal(byMonth.get('2020-06'), '/');
  assert.equal(byMonth.get('2022-02'), '1');
  assert.equal(byMonth.get('2022-03'), '2');
  assert.equal(byMonth.get('2022-04'), '3');
  assert.equal(byMonth.get('2023-09'), 'C');
  assert.equal(byMonth.get('2025-05'), '');
  // Colour classes follow the code.
  assert.match(page, /<td class="cell s-n[^"]*" data-month="2022-01" data-code="N"/);
  assert.match(page, /<td class="cell s-3[^"]*" data-month="2022-04" data-code="3"/);
  assert.match(page, /<td class="cell s-pre[^"]*" data-month="2020-06" data-code="\/"/);
  assert.match(page, /<td class="cell s-none[^"]*" data-month="2025-05" data-code=""/);
  // A legend explains every code.
  const legend = elementHtml(page, 'grid-legend', 'ul');
  for (const code of ['N', '1', '7', 'C', 'G', 'D', 'Z', '*', '#', '/'])
    assert.ok(legend.includes(`">${code}</span>`), `legend has ${code}`);
});

test('inquiry records are listed newest first, this one marked', () => {
  const report = sampleCreditReport();
  const page = renderReportHtml(report);
  const table = elementHtml(page, 'inquiry-table', 'table');
  const times = [...table.matchAll(/<td class="date">([^<]+)<\/td>/g)].map((m) => m[1]!);
  assert.equal(times.length, report.inquiries.length);
  assert.deepEqual(times, [...times].sort().reverse());
  assert.equal(times[0], '2025-06-15 09:30:00 UTC');
  assert.equal((table.match(/this report<\/span>/g) ?? []).length, 1);
  // Given out of order, they are still written newest first.
  const shuffled = sampleCreditReport();
  shuffled.inquiries.reverse();
  assert.equal(renderReportHtml(shuffled), page);
});

test('hostile furnisher and request text is escaped everywhere', () => {
  const page = renderReportHtml(hostileReport());
  assert.doesNotMatch(page, /<script/i);
  assert.doesNotMatch(page, /<img/i);
  assert.ok(!page.includes(HOSTILE), 'the raw hostile string never appears');
  assert.ok(!page.includes(`"&'`));
  assert.ok(page.includes(HOSTILE_ESCAPED));
  assert.ok(page.includes('data-account-no="&quot; onmouseover=&quot;alert(3)"'));
  assert.ok(page.includes('&lt;img src=x onerror=alert(4)&gt;'));
  // The report number in the title is escaped, and in the print style it is a CSS string escape.
  assert.ok(page.includes('<title>Personal Credit Report No. OB-1&lt;/title&gt;&lt;/style&gt;'));
  assert.equal((page.match(/<\/style>/g) ?? []).length, 1);
  assert.equal((page.match(/<\/title>/g) ?? []).length, 1);
  // Every occurrence of the hostile name is escaped: the subject, the lender, the furnisher, the
  // name's furnisher and the inquiry.
  assert.ok(page.split(HOSTILE_ESCAPED).length - 1 >= 5);
});

test('a person without a file gets a clear notice and empty sections', () => {
  const report = unknownPersonReport();
  const page = renderReportHtml(report);
  assert.ok(page.includes('id="no-file-notice"'));
  assert.ok(page.includes('No credit file'));
  assert.ok(page.indexOf('id="no-file-notice"') < page.indexOf('id="summary"'));
  assert.ok(page.includes('No personal information on file.'));
  assert.ok(page.includes('No accounts on file.'));
  assert.ok(!page.includes('<article'), 'no account');
  assert.ok(!page.includes('class="cell'), 'no grid');
  assert.ok(page.includes('440304********0027'));
  assert.equal(
    (elementHtml(page, 'inquiry-table', 'table').match(/<tr class="this-inquiry">/g) ?? []).length,
    1,
  );
  // The sections keep their order.
  assert.ok(page.indexOf('id="summary"') < page.indexOf('id="account-details"'));
});

test('rendering is deterministic and leaves the report unchanged', () => {
  const report = sampleCreditReport();
  const first = renderReportHtml(report);
  assert.equal(renderReportHtml(report), first);
  assert.equal(renderReportHtml(sampleCreditReport()), first);
  assert.deepEqual(report, sampleCreditReport());
});

// ------------------------------------------------------------------------- in a real browser

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const OUTPUT_DIR = fileURLToPath(new URL('../../test-output/', import.meta.url));

/** playwright-core, or null when it is not installed (the browser tests are then skipped). */
async function loadPlaywright(): Promise<typeof import('playwright-core') | null> {
  try {
    return await import('playwright-core');
  } catch {
    return null;
  }
}

const playwright = existsSync(CHROMIUM) ? await loadPlaywright() : null;
const skipBrowser: string | false = !existsSync(CHROMIUM)
  ? 'chromium not installed: apt-get install chromium'
  : playwright === null
    ? 'playwright-core not installed: npm install --save-dev playwright-core'
    : false;

const PAGES: Readonly<Record<string, () => string>> = {
  '/report': () => renderReportHtml(sampleCreditReport()),
  '/hostile': () => renderReportHtml(hostileReport()),
  '/unknown': () => renderReportHtml(unknownPersonReport()),
};

let server: Server | null = null;
let baseUrl = '';
let browser: Browser | null = null;
/** Everything the pages asked the network for, and every console error, page error and dialog. */
const requested: string[] = [];
const problems: string[] = [];

before(async () => {
  if (skipBrowser || !playwright) return;
  server = createServer((req, res) => {
    const render = PAGES[req.url ?? ''];
    if (!render) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(render());
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
});

/** A new page at `path`, watched for requests, console errors, page errors and dialogs. */
async function open(path: string): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width: 1100, height: 900 } });
  page.on('request', (r) => requested.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error on ${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error on ${path}: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog on ${path}: ${d.message()}`);
    void d.dismiss();
  });
  const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  assert.equal(response?.status(), 200);
  return page;
}

test('browser: the report lays out summary before accounts, colours the grid, and prints', {
  skip: skipBrowser,
}, async () => {
  const report = sampleCreditReport();
  const page = await open('/report');
  try {
    assert.ok((await page.title()).includes(report.header.reportNumber), 'title has the report number');
    assert.equal(await page.locator('script').count(), 0);

    // The summary precedes the account details, in the document and on the screen.
    const order = await page.evaluate(() => {
      const summary = document.getElementById('summary')!;
      const accounts = document.getElementById('account-details')!;
      return {
        following: Boolean(summary.compareDocumentPosition(accounts) & Node.DOCUMENT_POSITION_FOLLOWING),
        summaryTop: summary.getBoundingClientRect().top,
        accountsTop: accounts.getBoundingClientRect().top,
        sections: [...document.querySelectorAll('[data-section]')].map((e) => e.getAttribute('data-section')),
      };
    });
    assert.ok(order.following);
    assert.ok(order.summaryTop < order.accountsTop);
    assert.deepEqual(order.sections, [
      'header',
      'summary',
      'personal-information',
      'account-details',
      'inquiry-records',
    ]);
    await assert.doesNotReject(
      page
        .getByRole('heading', { name: /Summary/ })
        .first()
        .waitFor(),
    );

    // 60 cells per account, each showing its code.
    assert.equal(await page.locator('table.grid td.cell').count(), 60 * report.accounts.length);
    for (let i = 0; i < report.accounts.length; i++) {
      const codes = await page.locator(`#account-${i + 1}-grid td.cell`).allTextContents();
      assert.deepEqual(
        codes,
        report.accounts[i]!.grid.map((c) => c.code),
      );
    }
    // Grid tables have captions and column headers.
    assert.equal(await page.locator('table.grid caption').count(), report.accounts.length);

    // Status colours: N, overdue 1, 2 and 3, closed and not yet opened all differ.
    // (Colours are read with locator.evaluate: a named function inside page.evaluate would not
    // survive tsx's transform, which wraps it in a helper the page does not have.)
    const cellMonths = {
      N: '2022-01',
      '1': '2022-02',
      '2': '2022-03',
      '3': '2022-04',
      C: '2023-09',
      '/': '2020-06',
    };
    const colours: Record<string, string> = {};
    for (const [code, month] of Object.entries(cellMonths)) {
      const cell = page.locator(`#account-2-grid td[data-month="${month}"]`);
      assert.equal(await cell.getAttribute('data-code'), code);
      colours[code] = await cell.evaluate((el) => getComputedStyle(el).backgroundColor);
    }
    assert.equal(new Set(Object.values(colours)).size, 6, `distinct colours: ${JSON.stringify(colours)}`);
    const rgb = (css: string): number[] => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    const [nr, ng] = rgb(colours['N']!);
    assert.ok(ng! > nr!, `N is green-ish: ${colours.N}`);
    const [r3, g3] = rgb(colours['3']!);
    assert.ok(r3! > g3!, `3 is red-ish: ${colours['3']}`);

    // Screenshot and print.
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const png = `${OUTPUT_DIR}report.png`;
    const pdf = `${OUTPUT_DIR}report.pdf`;
    await page.screenshot({ path: png, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.evaluate(
      () => getComputedStyle(document.getElementById('account-details')!).breakBefore,
    );
    assert.equal(breaks, 'page', 'account details start a new printed page');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    assert.ok(statSync(png).size > 10_000);
    assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');

    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('browser: hostile names are shown as text and run nothing', { skip: skipBrowser }, async () => {
  const page = await open('/hostile');
  try {
    assert.equal(await page.locator('script').count(), 0);
    assert.equal(await page.locator('img').count(), 0);
    assert.ok((await page.locator('.account-furnisher').first().textContent()) === HOSTILE);
    assert.ok((await page.title()).includes('</title></style><script>alert(2)</script>'));
    assert.equal(await page.locator('#account-1').getAttribute('data-account-no'), `" onmouseover="alert(3)`);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('browser: the no-file report shows its notice', { skip: skipBrowser }, async () => {
  const page = await open('/unknown');
  try {
    await assert.doesNotReject(page.locator('#no-file-notice').waitFor({ state: 'visible' }));
    assert.equal(await page.locator('article.account').count(), 0);
    assert.deepEqual(problems, []);
    // Nothing but the served pages was requested: no external resources.
    assert.ok(requested.length > 0);
    for (const url of requested) assert.ok(url.startsWith(`${baseUrl}/`), `only local pages: ${url}`);
  } finally {
    await page.close();
  }
});
