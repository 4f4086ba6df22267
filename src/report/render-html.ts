/**
 * The credit report as one self-contained HTML5 page for a lender's loan officer: inline CSS, no
 * script, no external resource, print-ready on A4. Sections in this order: header, summary,
 * personal information, account details by category (each with its terms, latest state and a
 * colour-coded 60-month repayment grid), inquiry records, notes.
 *
 * Every value taken from the report goes through {@link escapeHtml}: the page is built with the
 * `html` template tag, which escapes each interpolated value unless it is markup the tag built
 * itself. Names come from furnishers and are never trusted. Pure and deterministic: the same
 * report gives the same page (nothing read from the clock or the locale).
 *
 * @example
 *   const page = renderReportHtml(buildCreditReport(file, request, CHINA_PROFILE));
 *   reply.type('text/html; charset=utf-8').send(page);
 */
import { INQUIRY_REASONS } from '../consent/inquiry-reasons.js';
import { ACCOUNT_TYPES, REVOLVING_ACCOUNT_TYPES } from '../domain/codes.js';
import { formatMinor } from './format-money.js';
import type {
  AccountCategory,
  CreditReport,
  GridCell,
  ReportAccount,
  ReportedValueView,
  ReportHeader,
  ReportInquiry,
  ReportSummary,
} from './report-types.js';

// ------------------------------------------------------------------------- escaping

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text safe inside HTML element content and inside a double- or single-quoted attribute value:
 * `& < > " '` become character references.
 *
 * @example
 *   escapeHtml('<b>"A&B"</b>') // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 */
export function escapeHtml(value: string | number | boolean): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Markup built by {@link html}: inserted as is into other markup. */
class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Fragment = SafeHtml | string | number | null | undefined | readonly Fragment[];

function fragmentToString(value: Fragment): string {
  if (value instanceof SafeHtml) return value.markup;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return escapeHtml(value);
  return value.map(fragmentToString).join('');
}

/** Template tag: the literal parts as written, every interpolated value escaped with
 *  {@link escapeHtml} (arrays joined, null and undefined empty) unless built by this tag. */
function html(strings: TemplateStringsArray, ...values: Fragment[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += fragmentToString(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/**
 * A CSS string literal (with its quotes) of `value`, for the generated content of the print
 * margin boxes. Only letters, digits, space and `._-` are written as is; every other character
 * is a 6-digit CSS hex escape, so nothing can close the string or the style element.
 */
function cssString(value: string): string {
  let out = '';
  for (const ch of value) {
    if (/^[A-Za-z0-9 ._-]$/.test(ch)) out += ch;
    else out += `\\${ch.codePointAt(0)!.toString(16).padStart(6, '0')}`;
  }
  return `"${out}"`;
}

// ------------------------------------------------------------------------- labels

type GridCode = GridCell['code'];

/** Meaning of each grid code (DOMAIN.md section 3). */
const STATUS_MEANINGS: Readonly<Record<GridCode, string>> = {
  N: 'paid in full and on time',
  M: 'paid late within the month',
  '1': 'overdue 1–30 days',
  '2': 'overdue 31–60 days',
  '3': 'overdue 61–90 days',
  '4': 'overdue 91–120 days',
  '5': 'overdue 121–150 days',
  '6': 'overdue 151–180 days',
  '7': 'overdue over 180 days',
  B: 'bad debt',
  C: 'settled / closed',
  G: 'terminated other than by settlement',
  D: 'repaid by the guarantor',
  Z: 'repaid with assets',
  '*': 'nothing due / card unused',
  '#': 'status unknown',
  '/': 'not yet opened',
  '': 'not reported',
};

/** CSS class of each grid code (the colour scale is in {@link STYLE}). */
const STATUS_CLASSES: Readonly<Record<GridCode, string>> = {
  N: 's-n',
  M: 's-m',
  '1': 's-1',
  '2': 's-2',
  '3': 's-3',
  '4': 's-4',
  '5': 's-5',
  '6': 's-6',
  '7': 's-7',
  B: 's-b',
  C: 's-c',
  G: 's-g',
  D: 's-d',
  Z: 's-z',
  '*': 's-star',
  '#': 's-unknown',
  '/': 's-pre',
  '': 's-none',
};

/** Legend order: good, late, overdue by severity, ended, neutral. */
const LEGEND_ORDER: readonly GridCode[] = [
  'N',
  'M',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  'B',
  'C',
  'G',
  'D',
  'Z',
  '*',
  '#',
  '/',
  '',
];

/** Headings of the account categories, in report order (CRC names in parentheses). */
const CATEGORY_HEADINGS: Readonly<Record<AccountCategory, { title: string; zh: string; short: string }>> = {
  D1: { title: 'Non-revolving loans', zh: '非循环贷账户', short: 'non-revolving loan' },
  R1: { title: 'Revolving loans', zh: '循环贷账户', short: 'revolving loan' },
  R2: { title: 'Credit cards', zh: '贷记卡账户', short: 'credit card' },
  R3: { title: 'Quasi-credit cards', zh: '准贷记卡账户', short: 'quasi-credit card' },
  R4: { title: 'Sub-accounts under revolving lines', zh: '循环额度下分账户', short: 'revolving sub-account' },
  C1: { title: 'Recovered debts (collection accounts)', zh: '被追偿账户', short: 'collection account' },
};

const FIVE_CLASS_LABELS: Readonly<Record<number, string>> = {
  1: 'normal',
  2: 'special mention',
  3: 'substandard',
  4: 'doubtful',
  5: 'loss',
  9: 'unclassified',
};

const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** Words of a code value: 'equal_instalment' -> 'equal instalment'. */
function words(code: string): string {
  return code.replace(/_/g, ' ');
}

function sexLabel(sex: string): string {
  if (sex === 'M') return 'Male (M)';
  if (sex === 'F') return 'Female (F)';
  return sex;
}

function isRevolving(category: AccountCategory): boolean {
  return REVOLVING_ACCOUNT_TYPES.includes(category);
}

function isHardReason(code: string): boolean {
  return Object.hasOwn(INQUIRY_REASONS, code) && INQUIRY_REASONS[code as keyof typeof INQUIRY_REASONS].hard;
}

/** An ISO-8601 instant as `YYYY-MM-DD HH:MM:SS UTC`; a value that is not an instant as written. */
function formatInstant(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return at;
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function instantMs(at: string): number {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** Month number 1..12 of `YYYY-MM`, or 0 when it is not one. */
function monthNumber(month: string): number {
  const n = Number(month.slice(5, 7));
  return Number.isInteger(n) && n >= 1 && n <= 12 ? n : 0;
}

/** used / limit as a percentage with one decimal, rounded toward zero; '—' without a limit. */
function utilisation(usedMinor: number, limitMinor: number): string {
  if (limitMinor <= 0) return '—';
  const tenths = Math.floor((Math.abs(usedMinor) * 1000) / limitMinor);
  return `${usedMinor < 0 && tenths > 0 ? '-' : ''}${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

// ------------------------------------------------------------------------- small pieces

/** A status code as a coloured chip with its meaning for assistive technology and tooltips. */
function statusChip(code: GridCode): SafeHtml {
  return html`<span class="chip ${STATUS_CLASSES[code]}" title="${STATUS_MEANINGS[code]}">${code || '\u00a0'}</span>`;
}

function money(amountMinor: number, currency: string): SafeHtml {
  return html`<span class="amount">${formatMinor(amountMinor, currency)}</span>`;
}

/**
 * Key/value rows, `perRow` pairs per row (th td th td ...), the last row filled up. Each value
 * cell names its key cell (`headers`), as a row holds several pairs; `idPrefix` makes the ids
 * unique in the page.
 */
function keyValueRows(
  idPrefix: string,
  pairs: ReadonlyArray<readonly [string, Fragment]>,
  perRow = 2,
): SafeHtml[] {
  const rows: SafeHtml[] = [];
  for (let i = 0; i < pairs.length; i += perRow) {
    const cells = pairs.slice(i, i + perRow).map(([key, value], j) => {
      const id = `${idPrefix}-k${i + j}`;
      return html`<th id="${id}">${key}</th><td headers="${id}">${value}</td>`;
    });
    const missing = perRow - cells.length;
    rows.push(
      html`<tr>${cells}${missing > 0 ? html`<td class="filler" colspan="${missing * 2}"></td>` : html``}</tr>`,
    );
  }
  return rows;
}

function sectionHeading(id: string, number: number, title: string, zh: string): SafeHtml {
  return html`<h2 id="${id}-title"><span class="section-number">${number}</span>${title} <span class="zh" lang="zh-CN">(${zh})</span></h2>`;
}

// ------------------------------------------------------------------------- header

function renderHeader(header: ReportHeader): SafeHtml {
  const objections =
    header.objections > 0
      ? html`<span class="flag">${header.objections} item${header.objections === 1 ? '' : 's'} disputed by the subject</span>`
      : html`None`;
  const noFile = header.personKnown
    ? html``
    : html`<div class="notice notice-nofile" role="note" id="no-file-notice">
  <strong>No credit file (查无此人信用记录).</strong>
  The bureau holds no credit file on the person identified by this name and ID number. This report
  contains no personal information and no accounts; it records this inquiry only. Absence of a file
  is not evidence of good or bad credit.
</div>`;
  const fraud =
    header.fraudWarning.length === 0
      ? html``
      : html`<div class="notice notice-fraud" role="alert" id="fraud-warning">
  <strong>Anti-fraud warning (反欺诈提示).</strong> Identity signals fired on this file; verify the applicant before lending:
  <ul>${header.fraudWarning.map((line) => html`<li>${line}</li>`)}</ul>
</div>`;
  return html`<header class="report-header" id="report-header" data-section="header">
  <div class="masthead">
    <div>
      <div class="brand">OpenBureau <span class="brand-sub">Consumer credit bureau</span></div>
      <h1>Personal Credit Report <span class="zh" lang="zh-CN">个人信用报告</span></h1>
    </div>
    <dl class="report-id">
      <div><dt>Report No. <span class="zh" lang="zh-CN">(报告编号)</span></dt><dd id="report-number">${header.reportNumber}</dd></div>
      <div><dt>Report time <span class="zh" lang="zh-CN">(报告时间)</span></dt><dd>${formatInstant(header.generatedAt)}</dd></div>
    </dl>
  </div>
  <table class="kv subject">
    <caption>Subject and inquiry <span class="zh" lang="zh-CN">(被查询者信息)</span></caption>
    <tbody>
      ${keyValueRows('subject', [
        ['Name (姓名)', html`<strong class="subject-name">${header.subject.name}</strong>`],
        ['ID type (证件类型)', words(header.subject.idType)],
        ['ID number (证件号码)', html`<span class="mono">${header.subject.idNumberMasked}</span>`],
        [
          'Querying institution (查询机构)',
          html`${header.queriedBy.name} <span class="muted">(${words(header.queriedBy.kind)}, ${header.queriedBy.code})</span>`,
        ],
        [
          'Query reason (查询原因)',
          html`${header.reason.label} <span class="muted">(code ${header.reason.code})</span>`,
        ],
        ['Objections (异议标注)', objections],
      ])}
    </tbody>
  </table>
  ${fraud}
  ${noFile}
</header>`;
}

// ------------------------------------------------------------------------- summary

function renderKeyFigures(report: CreditReport): SafeHtml {
  const s = report.summary;
  const accounts = s.accountsByCategory.reduce((n, c) => n + c.accounts, 0);
  const open = s.accountsByCategory.reduce((n, c) => n + c.open, 0);
  const overdueAccounts = s.overdueByCategory.reduce((n, o) => n + o.accounts, 0);
  let worst = '';
  for (const o of s.overdueByCategory) if (o.worstStatus > worst) worst = o.worstStatus;
  const hard6 = s.inquiries.find((w) => w.months === 6);
  const figure = (id: string, value: Fragment, label: Fragment, note: Fragment, tone = ''): SafeHtml =>
    html`<div class="figure${tone}"><div class="figure-value" id="${id}">${value}</div><div class="figure-label">${label}</div><div class="figure-note">${note}</div></div>`;
  return html`<div class="figures" role="list">
  ${[
    figure('total-accounts', accounts, 'Accounts on file', `${open} open, ${accounts - open} closed`),
    figure(
      'distinct-open-furnishers',
      s.distinctOpenFurnishers,
      html`Lenders with open accounts <span class="zh" lang="zh-CN">(未结清机构数)</span>`,
      'distinct furnishers',
    ),
    figure(
      'overdue-accounts',
      overdueAccounts,
      'Accounts with overdue months',
      overdueAccounts > 0 ? html`worst status ${statusChip(worst as GridCode)}` : 'none shown',
      overdueAccounts > 0 ? ' figure-alert' : ' figure-good',
    ),
    figure(
      'hard-inquiries-6m',
      hard6 ? hard6.hard : '—',
      'Hard inquiries, last 6 months',
      hard6 ? `from ${hard6.hardInstitutions} institution${hard6.hardInstitutions === 1 ? '' : 's'}` : '',
    ),
  ].map((f) => html`<div role="listitem">${f}</div>`)}
</div>`;
}

function renderAccountsByCategory(summary: ReportSummary): SafeHtml {
  if (summary.accountsByCategory.length === 0)
    return html`<h3>Accounts by category <span class="zh" lang="zh-CN">(信贷交易信息概要)</span></h3><p class="empty">No accounts on file.</p>`;
  return html`<table class="data" id="summary-accounts">
  <caption>Accounts by category <span class="zh" lang="zh-CN">(信贷交易信息概要)</span></caption>
  <thead><tr><th scope="col">Category</th><th scope="col" class="num">Accounts</th><th scope="col" class="num">Open</th><th scope="col" class="num">Closed</th><th scope="col">First business month</th></tr></thead>
  <tbody>
    ${summary.accountsByCategory.map(
      (c) =>
        html`<tr><th scope="row">${CATEGORY_HEADINGS[c.category].title} <span class="muted">(${c.category})</span></th><td class="num">${c.accounts}</td><td class="num">${c.open}</td><td class="num">${c.accounts - c.open}</td><td>${c.firstBusinessMonth}</td></tr>`,
    )}
  </tbody>
</table>`;
}

function renderOverdueSummary(summary: ReportSummary): SafeHtml {
  if (summary.overdueByCategory.length === 0)
    return html`<h3>Overdue summary <span class="zh" lang="zh-CN">(逾期汇总)</span></h3><p class="empty good">No overdue months shown on any account.</p>`;
  return html`<table class="data" id="summary-overdue">
  <caption>Overdue summary <span class="zh" lang="zh-CN">(逾期汇总)</span></caption>
  <thead><tr><th scope="col">Category</th><th scope="col" class="num">Accounts overdue</th><th scope="col" class="num">Months overdue</th><th scope="col">Worst status</th><th scope="col" class="num">Largest overdue amount</th></tr></thead>
  <tbody>
    ${summary.overdueByCategory.map(
      (o) =>
        html`<tr><th scope="row">${CATEGORY_HEADINGS[o.category].title} <span class="muted">(${o.category})</span></th><td class="num">${o.accounts}</td><td class="num">${o.monthsOverdue}</td><td>${statusChip(o.worstStatus)} <span class="muted">${STATUS_MEANINGS[o.worstStatus]}</span></td><td class="num">${money(o.largestOverdueAmountMinor, o.currency)}</td></tr>`,
    )}
  </tbody>
</table>`;
}

function renderCreditAndDebt(summary: ReportSummary): SafeHtml {
  if (summary.creditAndDebt.length === 0)
    return html`<h3>Credit lines and debt <span class="zh" lang="zh-CN">(授信及负债)</span></h3><p class="empty">No open accounts.</p>`;
  return html`<table class="data" id="summary-revolving">
  <caption>Revolving credit, open accounts (R1–R4) <span class="zh" lang="zh-CN">(循环授信及负债)</span></caption>
  <thead><tr><th scope="col">Currency</th><th scope="col" class="num">Accounts</th><th scope="col" class="num">Total credit limit</th><th scope="col" class="num">Used</th><th scope="col" class="num">Average used, last 6 months</th><th scope="col" class="num">Utilisation</th></tr></thead>
  <tbody>
    ${summary.creditAndDebt.map(
      (c) =>
        html`<tr><th scope="row">${c.currency}</th><td class="num">${c.revolving.accounts}</td><td class="num">${money(c.revolving.totalLimitMinor, c.currency)}</td><td class="num">${money(c.revolving.usedMinor, c.currency)}</td><td class="num">${money(c.revolving.averageUsed6mMinor, c.currency)}</td><td class="num">${utilisation(c.revolving.usedMinor, c.revolving.totalLimitMinor)}</td></tr>`,
    )}
  </tbody>
</table>
<table class="data" id="summary-loans">
  <caption>Loans, open accounts (D1, C1) <span class="zh" lang="zh-CN">(非循环贷及被追偿负债)</span></caption>
  <thead><tr><th scope="col">Currency</th><th scope="col" class="num">Accounts</th><th scope="col" class="num">Total amount</th><th scope="col" class="num">Outstanding balance</th></tr></thead>
  <tbody>
    ${summary.creditAndDebt.map(
      (c) =>
        html`<tr><th scope="row">${c.currency}</th><td class="num">${c.loans.accounts}</td><td class="num">${money(c.loans.totalAmountMinor, c.currency)}</td><td class="num">${money(c.loans.balanceMinor, c.currency)}</td></tr>`,
    )}
  </tbody>
</table>`;
}

function renderInquiryWindows(summary: ReportSummary): SafeHtml {
  return html`<table class="data" id="summary-inquiries">
  <caption>Inquiries by period, this one included <span class="zh" lang="zh-CN">(查询记录概要)</span></caption>
  <thead><tr><th scope="col">Period</th><th scope="col" class="num">Hard inquiries (approvals)</th><th scope="col" class="num">Institutions with hard inquiries</th><th scope="col" class="num">Soft inquiries</th></tr></thead>
  <tbody>
    ${summary.inquiries.map(
      (w) =>
        html`<tr><th scope="row">Last ${w.months} month${w.months === 1 ? '' : 's'}</th><td class="num">${w.hard}</td><td class="num">${w.hardInstitutions}</td><td class="num">${w.soft}</td></tr>`,
    )}
  </tbody>
</table>`;
}

const GROUP_LABELS = { all: 'All institutions', bank: 'Banks', non_bank: 'Non-banks' } as const;

function renderMultiLending(summary: ReportSummary): SafeHtml {
  return html`<table class="data" id="summary-multi-lending">
  <caption>Multi-lending, before this inquiry <span class="zh" lang="zh-CN">(多头借贷)</span></caption>
  <thead><tr><th scope="col">Period</th><th scope="col">Institutions</th><th scope="col" class="num">Hard inquiries</th><th scope="col" class="num">Inquiring institutions</th><th scope="col" class="num">New accounts</th><th scope="col" class="num">Lenders of new accounts</th><th scope="col" class="num">Newly granted</th></tr></thead>
  <tbody>
    ${summary.multiLending.map(
      (r) =>
        html`<tr><th scope="row">Last ${r.window.replace('m', '')} month${r.window === '1m' ? '' : 's'}</th><td>${GROUP_LABELS[r.group]}</td><td class="num">${r.hardInquiries}</td><td class="num">${r.inquiringInstitutions}</td><td class="num">${r.newAccounts}</td><td class="num">${r.newAccountInstitutions}</td><td class="num">${money(r.newAmountMinor, 'CNY')}</td></tr>`,
    )}
  </tbody>
</table>`;
}

/** The bureau score (docs/score.md): the score and percentile with the factors, or "--" with why. */
function renderScore(summary: ReportSummary): SafeHtml {
  const s = summary.score;
  if (!s) return html``;
  const value = html`<div class="figure-value" id="score-value">${s.available ? String(s.score) : '--'}</div>`;
  const note = s.available
    ? `of 1000, higher is safer; higher than ${s.percentile}% of scored persons (as of ${s.asOfMonth})`
    : (s.reason ?? '');
  const factors =
    s.factors.length > 0
      ? html`<ol id="score-factors">${s.factors.map((f) => html`<li>${f.text}</li>`)}</ol>`
      : html``;
  return html`<div id="summary-score"><h3>Credit score <span class="zh" lang="zh-CN">(信用评分)</span></h3>${value}<p class="muted">${note}</p>${factors}</div>`;
}

function renderSummary(report: CreditReport): SafeHtml {
  const s = report.summary;
  return html`<section class="section" id="summary" data-section="summary" aria-labelledby="summary-title">
  ${sectionHeading('summary', 1, 'Summary', '信息概要')}
  ${renderScore(s)}
  ${renderKeyFigures(report)}
  ${renderAccountsByCategory(s)}
  ${renderOverdueSummary(s)}
  ${renderCreditAndDebt(s)}
  ${renderInquiryWindows(s)}
  ${renderMultiLending(s)}
</section>`;
}

// ------------------------------------------------------------------------- personal information

function renderReportedValues(caption: string, zh: string, values: readonly ReportedValueView[]): SafeHtml {
  if (values.length === 0)
    return html`<h3>${caption} <span class="zh" lang="zh-CN">(${zh})</span></h3><p class="empty">None reported.</p>`;
  return html`<table class="data">
  <caption>${caption} <span class="zh" lang="zh-CN">(${zh})</span></caption>
  <thead><tr><th scope="col">Value</th><th scope="col">Reported by</th><th scope="col">First reported</th><th scope="col">Last reported</th></tr></thead>
  <tbody>
    ${values.map(
      (v) =>
        html`<tr><td>${v.value}</td><td>${v.furnisher}</td><td class="date">${v.firstReportedOn}</td><td class="date">${v.lastReportedOn}</td></tr>`,
    )}
  </tbody>
</table>`;
}

function renderPersonalInformation(report: CreditReport): SafeHtml {
  const p = report.personalInformation;
  const body = p
    ? html`<table class="kv">
  <caption>Identity <span class="zh" lang="zh-CN">(身份信息)</span></caption>
  <tbody>${keyValueRows('identity', [
    ['Sex (性别)', p.sex === null ? html`<span class="muted">not reported</span>` : sexLabel(p.sex)],
    ['Birth date (出生日期)', p.birthDate ?? html`<span class="muted">not reported</span>`],
  ])}</tbody>
</table>
${renderReportedValues('Names', '姓名', p.names)}
${renderReportedValues('Mobile numbers', '手机号码', p.mobiles)}
${renderReportedValues('Addresses', '居住信息', p.addresses)}
${renderReportedValues('Employers', '职业信息', p.employers)}`
    : html`<p class="empty">No personal information on file.</p>`;
  return html`<section class="section" id="personal-information" data-section="personal-information" aria-labelledby="personal-information-title">
  ${sectionHeading('personal-information', 2, 'Personal information', '个人基本信息')}
  ${body}
</section>`;
}

// ------------------------------------------------------------------------- accounts

function renderLegend(): SafeHtml {
  return html`<div class="legend" id="grid-legend">
  <h3 class="legend-title">Repayment status codes <span class="zh" lang="zh-CN">(还款状态)</span></h3>
  <ul>
    ${LEGEND_ORDER.map(
      (code) =>
        html`<li><span class="swatch ${STATUS_CLASSES[code]}">${code || '\u00a0'}</span>${STATUS_MEANINGS[code]}</li>`,
    )}
  </ul>
</div>`;
}

/** The 60-month grid as rows of 12 consecutive months, oldest first. Every row starts with the
 *  same calendar month, so each column is one calendar month; January starts a new year. */
function renderGrid(account: ReportAccount, index: number): SafeHtml {
  const grid = account.grid;
  if (grid.length === 0) return html`<p class="empty">No repayment history.</p>`;
  const first = monthNumber(grid[0]!.month);
  const columns = Array.from({ length: 12 }, (_, j) => (first === 0 ? j + 1 : ((first - 1 + j) % 12) + 1));
  const rows: GridCell[][] = [];
  for (let i = 0; i < grid.length; i += 12) rows.push(grid.slice(i, i + 12));
  const colClass = (j: number): string => (columns[j] === 1 && j > 0 ? ' year-start' : '');
  return html`<table class="grid" id="account-${index}-grid" aria-describedby="grid-legend">
  <caption>Repayment history, ${grid.length} months <span class="zh" lang="zh-CN">(五年还款记录)</span>: ${grid[0]!.month} to ${grid[grid.length - 1]!.month}</caption>
  <thead><tr><th scope="col" class="period">Period</th>${columns.map(
    (m, j) => html`<th scope="col" class="${colClass(j).trim()}">${MONTH_ABBREVIATIONS[m - 1] ?? ''}</th>`,
  )}</tr></thead>
  <tbody>
    ${rows.map(
      (row) =>
        html`<tr><th scope="row" class="period">${first === 1 ? row[0]!.month.slice(0, 4) : `${row[0]!.month} – ${row[row.length - 1]!.month}`}</th>${row.map(
          (cell, j) =>
            html`<td class="cell ${STATUS_CLASSES[cell.code]}${colClass(j)}" data-month="${cell.month}" data-code="${cell.code}" title="${cell.month}: ${cell.code === '' ? '' : `${cell.code} – `}${STATUS_MEANINGS[cell.code]}">${cell.code}</td>`,
        )}${Array.from({ length: 12 - row.length }, () => html`<td class="pad"></td>`)}</tr>`,
    )}
  </tbody>
</table>`;
}

function latestPairs(
  l: NonNullable<ReportAccount['latest']>,
  currency: string,
  revolving: boolean,
): Array<readonly [string, Fragment]> {
  const pairs: Array<readonly [string, Fragment]> = [
    ['Status', html`${statusChip(l.status)} ${STATUS_MEANINGS[l.status]}`],
    ['Five-level class', `${l.fiveClass} – ${FIVE_CLASS_LABELS[l.fiveClass] ?? 'unknown'}`],
    ['Balance', money(l.balanceMinor, currency)],
  ];
  if (l.usedLimitMinor !== null) pairs.push(['Used limit', money(l.usedLimitMinor, currency)]);
  else if (revolving) pairs.push(['Used limit', html`<span class="muted">not reported</span>`]);
  pairs.push(
    [
      'Overdue amount',
      l.overdueAmountMinor > 0
        ? html`<span class="amount flag">${formatMinor(l.overdueAmountMinor, currency)}</span>`
        : money(l.overdueAmountMinor, currency),
    ],
    ['Payment made', money(l.actualPaymentMinor, currency)],
  );
  return pairs;
}

function renderAccount(account: ReportAccount, index: number): SafeHtml {
  const t = account.terms;
  const currency = t.currency;
  const revolving = isRevolving(account.category);
  const heading = CATEGORY_HEADINGS[account.category];
  const terms: Array<readonly [string, Fragment]> = [
    ['Account type', html`${account.category} <span class="muted">${heading.short}</span>`],
    ['Business type', words(t.business_type)],
    ['Currency', currency],
    ['Open date', t.open_date],
    ['Maturity date', t.maturity_date ?? html`<span class="muted">none</span>`],
    [revolving ? 'Credit limit' : 'Amount', money(t.amount_minor, currency)],
  ];
  if (t.shared_limit_minor !== undefined)
    terms.push(['Shared credit limit', money(t.shared_limit_minor, currency)]);
  terms.push(['Repayment method', words(t.repayment_method)], ['Frequency', words(t.repayment_frequency)]);
  if (t.instalments !== undefined) terms.push(['Instalments', t.instalments]);
  terms.push(['Guarantee', words(t.guarantee_type)], ['Joint loan', t.joint_loan ? 'yes' : 'no']);
  if (t.first_delinquency_date !== undefined) terms.push(['First delinquency', t.first_delinquency_date]);

  const l = account.latest;
  const latest = l
    ? html`<table class="kv kv3 latest">
  <caption>Latest state <span class="zh" lang="zh-CN">(最新表现)</span>, ${l.month}</caption>
  <tbody>${keyValueRows(`account-${index}-latest`, latestPairs(l, currency, revolving), 3)}</tbody>
</table>`
    : html`<p class="empty">No latest state shown (the latest month on file is outside the period shown).</p>`;

  const stateBadge =
    account.state === 'open'
      ? html`<span class="badge badge-open">Open</span>`
      : html`<span class="badge badge-closed">Closed</span>`;
  return html`<article class="account" id="account-${index}" data-category="${account.category}" data-account-no="${account.accountNo}" aria-labelledby="account-${index}-title">
  <header class="account-head">
    <h4 id="account-${index}-title"><span class="account-index">${index}</span><span class="account-furnisher">${account.furnisher.name}</span><span class="account-kind">${words(account.furnisher.kind)}</span><span class="account-no">Account No. ${account.accountNo}</span></h4>
    ${stateBadge}
  </header>
  <div class="account-body">
    <table class="kv kv3 terms">
      <caption>Terms <span class="zh" lang="zh-CN">(账户信息)</span></caption>
      <tbody>${keyValueRows(`account-${index}-terms`, terms, 3)}</tbody>
    </table>
    ${latest}
  </div>
  ${renderGrid(account, index)}
</article>`;
}

function renderAccountDetails(report: CreditReport): SafeHtml {
  if (report.accounts.length === 0)
    return html`<section class="section" id="account-details" data-section="account-details" aria-labelledby="account-details-title">
  ${sectionHeading('account-details', 3, 'Credit transaction details', '信贷交易信息明细')}
  <p class="empty">No accounts on file.</p>
</section>`;
  // Accounts keep the report's order within a category; categories in report order.
  const numbered = report.accounts.map((account, i) => ({ account, index: i + 1 }));
  const groups = ACCOUNT_TYPES.map((category) => ({
    category,
    accounts: numbered.filter((a) => a.account.category === category),
  })).filter((g) => g.accounts.length > 0);
  return html`<section class="section section-major" id="account-details" data-section="account-details" aria-labelledby="account-details-title">
  ${sectionHeading('account-details', 3, 'Credit transaction details', '信贷交易信息明细')}
  ${renderLegend()}
  ${groups.map(
    (
      g,
    ) => html`<section class="category" id="category-${g.category}" aria-labelledby="category-${g.category}-title">
  <h3 id="category-${g.category}-title">${CATEGORY_HEADINGS[g.category].title} <span class="zh" lang="zh-CN">(${CATEGORY_HEADINGS[g.category].zh})</span> <span class="count">${g.accounts.length} account${g.accounts.length === 1 ? '' : 's'}</span></h3>
  ${g.accounts.map((a) => renderAccount(a.account, a.index))}
</section>`,
  )}
</section>`;
}

// ------------------------------------------------------------------------- inquiries

function renderInquiries(report: CreditReport): SafeHtml {
  const h = report.header;
  // Newest first (the report's order already; a stable sort keeps it for equal instants).
  const records = [...report.inquiries].sort((a, b) => instantMs(b.at) - instantMs(a.at));
  const isThis = (q: ReportInquiry): boolean =>
    q.at === h.generatedAt && q.institutionName === h.queriedBy.name && q.reason.code === h.reason.code;
  const body =
    records.length === 0
      ? html`<p class="empty">No inquiries.</p>`
      : html`<table class="data" id="inquiry-table">
  <caption>Newest first, this report's own inquiry included <span class="zh" lang="zh-CN">(查询记录明细)</span></caption>
  <thead><tr><th scope="col" class="num">No.</th><th scope="col">Date and time</th><th scope="col">Institution</th><th scope="col">Institution type</th><th scope="col">Reason</th><th scope="col">Kind</th></tr></thead>
  <tbody>
    ${records.map(
      (q, i) =>
        html`<tr${isThis(q) ? html` class="this-inquiry"` : html``}><td class="num">${i + 1}</td><td class="date">${formatInstant(q.at)}</td><td>${q.institutionName}${isThis(q) ? html` <span class="tag">this report</span>` : html``}</td><td>${words(q.institutionKind)}</td><td>${q.reason.label} <span class="muted">(${q.reason.code})</span></td><td>${isHardReason(q.reason.code) ? html`<span class="tag tag-hard">hard</span>` : html`<span class="tag">soft</span>`}</td></tr>`,
    )}
  </tbody>
</table>`;
  return html`<section class="section" id="inquiry-records" data-section="inquiry-records" aria-labelledby="inquiry-records-title">
  ${sectionHeading('inquiry-records', 4, 'Inquiry records', '查询记录')}
  ${body}
</section>`;
}

// ------------------------------------------------------------------------- page

const STYLE = `
:root {
  --ink: #1c2530; --muted: #5f6b78; --line: #d5dbe2; --soft: #f4f6f8; --accent: #1f4e79;
  --good: #1d6b3a; --alert: #a4261a;
}
* { box-sizing: border-box; }
html { background: #e9edf1; }
body {
  margin: 0; padding: 24px 12px; color: var(--ink);
  font: 13px/1.45 "Segoe UI", "Helvetica Neue", Arial, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-variant-numeric: tabular-nums;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.page { max-width: 980px; margin: 0 auto; background: #fff; padding: 32px 40px 28px; box-shadow: 0 1px 4px rgba(20, 30, 40, .18); }
.zh { font-weight: normal; color: var(--muted); font-size: .92em; }
.muted { color: var(--muted); }
.mono { font-family: "DejaVu Sans Mono", Consolas, "Courier New", monospace; letter-spacing: .02em; }
h1, h2, h3, h4 { margin: 0; line-height: 1.25; }
h1 { font-size: 22px; color: var(--accent); }
h2 { font-size: 17px; color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin: 30px 0 12px; }
h3 { font-size: 14px; margin: 18px 0 6px; }
.section-number { display: inline-block; min-width: 1.6em; height: 1.6em; line-height: 1.6em; margin-right: 8px; border-radius: 50%; background: var(--accent); color: #fff; text-align: center; font-size: 13px; vertical-align: 2px; }
.masthead { display: flex; justify-content: space-between; align-items: flex-end; gap: 24px; border-bottom: 3px double var(--accent); padding-bottom: 12px; margin-bottom: 14px; }
.brand { font-weight: 700; letter-spacing: .08em; text-transform: uppercase; font-size: 11px; color: var(--accent); margin-bottom: 4px; }
.brand-sub { font-weight: normal; letter-spacing: .02em; text-transform: none; color: var(--muted); margin-left: 6px; }
.report-id { margin: 0; display: grid; grid-template-columns: auto; gap: 2px; text-align: right; }
.report-id div { display: flex; gap: 8px; justify-content: flex-end; align-items: baseline; }
.report-id dt { color: var(--muted); font-size: 12px; }
.report-id dd { margin: 0; font-weight: 600; }
#report-number { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 14px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; }
caption { text-align: left; font-weight: 600; font-size: 13.5px; padding: 0 0 5px; color: var(--ink); }
th, td { padding: 5px 8px; vertical-align: top; text-align: left; }
table.data { border: 1px solid var(--line); }
table.data thead th { background: var(--soft); border-bottom: 1px solid var(--line); font-size: 12px; color: #37424e; font-weight: 600; vertical-align: bottom; }
table.data tbody tr + tr > * { border-top: 1px solid #e8ecf0; }
table.data tbody th { font-weight: 600; }
table.kv { border: 1px solid var(--line); table-layout: fixed; }
table.kv th, table.kv td { vertical-align: baseline; border-bottom: 1px solid #e3e8ed; }
table.kv th { width: 19%; background: var(--soft); color: #37424e; font-weight: 600; font-size: 12px; }
table.kv td { width: 31%; }
table.kv3 th { width: 16%; }
table.kv3 td { width: 17.33%; }
table.kv td.filler { width: auto; }
table.subject .subject-name { font-size: 15px; }
table.subject th { width: 21%; }
table.subject td { width: 29%; }
.num { text-align: right; white-space: nowrap; }
.date { white-space: nowrap; }
.amount { white-space: nowrap; }
.empty { color: var(--muted); font-style: italic; margin: 4px 0 14px; }
.empty.good { color: var(--good); }
.flag { color: var(--alert); font-weight: 700; }
.notice { border-left: 5px solid; padding: 10px 14px; margin: 12px 0 4px; }
.notice-nofile { border-color: #b7791f; background: #fff8e6; }
.notice-fraud { border-color: #c53030; background: #fff5f5; }
.notice-fraud ul { margin: 6px 0 0; padding-left: 20px; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin: 4px 0 14px; }
.figure { border: 1px solid var(--line); border-top: 4px solid var(--accent); padding: 8px 12px; height: 100%; }
.figure-alert { border-top-color: #c0392b; }
.figure-good { border-top-color: #2e8b57; }
.figure-value { font-size: 24px; font-weight: 700; line-height: 1.1; }
.figure-label { font-weight: 600; font-size: 12px; }
.figure-note { color: var(--muted); font-size: 11.5px; }
.category > h3 { font-size: 15px; margin-top: 22px; padding: 6px 10px; background: #eaf0f6; border-left: 4px solid var(--accent); }
.count { float: right; font-weight: normal; font-size: 12px; color: var(--muted); padding-top: 1px; }
.account { border: 1px solid var(--line); margin: 12px 0 16px; padding: 0 12px 4px; }
.account-head { display: flex; justify-content: space-between; align-items: center; gap: 12px; padding: 8px 0; border-bottom: 1px solid var(--line); margin-bottom: 8px; }
.account-head h4 { font-size: 14px; display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
.account-index { display: inline-block; min-width: 22px; padding: 1px 6px; border-radius: 3px; background: var(--ink); color: #fff; font-size: 12px; text-align: center; }
.account-kind { font-weight: normal; color: var(--muted); font-size: 12.5px; }
.account-no { font-weight: normal; color: var(--muted); font-size: 12.5px; font-family: "DejaVu Sans Mono", Consolas, monospace; }
.badge { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .06em; padding: 2px 8px; border-radius: 10px; white-space: nowrap; }
.badge-open { background: #e3f1e7; color: var(--good); border: 1px solid #b5dcc1; }
.badge-closed { background: #eceff3; color: #4a5563; border: 1px solid #cdd4dc; }
.account-body { display: grid; grid-template-columns: 1fr; gap: 0; }
.account table.kv { margin-bottom: 10px; }
.chip, .swatch { display: inline-block; min-width: 20px; padding: 0 5px; border-radius: 3px; text-align: center; font-weight: 700; font-size: 11.5px; line-height: 18px; border: 1px solid rgba(0, 0, 0, .08); }
table.grid { table-layout: fixed; margin-bottom: 10px; border: 1px solid var(--line); }
table.grid th, table.grid td { vertical-align: middle; white-space: nowrap; }
table.grid th { background: var(--soft); font-size: 11px; font-weight: 600; text-align: center; padding: 3px 2px; color: #37424e; border: 1px solid var(--line); }
table.grid th.period { width: 132px; text-align: left; padding-left: 8px; white-space: nowrap; }
table.grid td { text-align: center; font-weight: 700; font-size: 12px; line-height: 16px; padding: 4px 0; border: 1px solid #fff; height: 25px; }
table.grid .year-start { border-left: 2px solid #7f8c99; }
table.grid td.pad { background: #fff; }
.s-n { background: #cdebd5; color: #165a2c; }
.s-m { background: #fff1c9; color: #6b5200; }
.s-1 { background: #fde3a0; color: #6b4a00; }
.s-2 { background: #f7bf57; color: #553600; }
.s-3 { background: #f6ad9c; color: #6e1a0f; }
.s-4 { background: #ee8670; color: #4f1008; }
.s-5 { background: #de5b45; color: #fff; }
.s-6 { background: #c13b27; color: #fff; }
.s-7 { background: #8c1a10; color: #fff; }
.s-b { background: #4f0b06; color: #fff; }
.s-c { background: #d8e2ee; color: #29445f; }
.s-g { background: #c8d0da; color: #2b3644; }
.s-d { background: #cfdcf2; color: #22406d; }
.s-z { background: #cfdcf2; color: #22406d; }
.s-star { background: #f2f4f6; color: #8b95a0; }
.s-unknown { background: #e7eaee; color: #55606c; }
.s-pre { background: #fff; color: #c2c9d0; font-weight: normal; }
.s-none { background: #f5f6f8; color: #b0b8c0; }
table.grid td.s-pre { border-color: #f0f2f4; }
.legend { border: 1px solid var(--line); background: #fbfcfd; padding: 8px 12px 6px; margin: 4px 0 8px; }
.legend-title { margin: 0 0 6px; font-size: 12.5px; }
.legend ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(3, 1fr); gap: 3px 16px; font-size: 11.5px; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { min-width: 24px; }
.tag { display: inline-block; font-size: 10.5px; font-weight: 600; padding: 0 6px; border-radius: 3px; background: #eceff3; color: #4a5563; text-transform: uppercase; letter-spacing: .04em; }
.tag-hard { background: #fde3a0; color: #6b4a00; }
tr.this-inquiry > * { background: #f3f8fd; }
.notes { margin-top: 28px; border-top: 1px solid var(--line); padding-top: 10px; font-size: 11.5px; color: var(--muted); }
.notes ul { margin: 4px 0 8px; padding-left: 18px; }
.end { text-align: center; font-weight: 600; letter-spacing: .1em; color: var(--muted); margin-top: 10px; }
@media screen and (max-width: 760px) {
  body { padding: 0; }
  .page { padding: 16px 12px; }
  .figures { grid-template-columns: repeat(2, 1fr); }
  .legend ul { grid-template-columns: 1fr; }
  .masthead { flex-direction: column; align-items: flex-start; }
  .report-id { text-align: left; }
  .report-id div { justify-content: flex-start; }
  table.kv, table.kv tbody, table.kv caption { display: block; }
  table.kv tr { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); }
  table.kv th, table.kv td { width: auto; }
  table.kv td.filler { display: none; }
  table.data { display: block; overflow-x: auto; }
  .account { padding: 0 8px 4px; }
  table.grid th { font-size: 9.5px; padding: 2px 0; }
  table.grid th.period { width: 66px; white-space: normal; font-size: 9.5px; padding-left: 4px; }
  table.grid td { font-size: 10px; }
}
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  html, body { background: #fff; }
  body { padding: 0; font-size: 8.5pt; }
  .page { max-width: none; padding: 0; box-shadow: none; }
  h2 { margin-top: 16px; font-size: 13pt; }
  h3, caption { font-size: 10pt; }
  th, td { padding: 3px 6px; }
  table.kv th { font-size: 8pt; }
  table.kv3 th { width: 16%; }
  table.kv3 td { width: 17.33%; }
  table.data thead th { font-size: 8pt; }
  .account { margin: 8px 0 10px; }
  .account-head { padding: 5px 0; margin-bottom: 4px; }
  .account-head h4 { font-size: 10.5pt; }
  .legend ul { font-size: 8pt; }
  .notes { margin-top: 10px; padding-top: 6px; font-size: 7.5pt; }
  .notes ul { margin: 2px 0 4px; }
  h2, h3, h4, caption, .account-head { break-after: avoid; page-break-after: avoid; }
  .section-major { break-before: page; page-break-before: always; }
  table, tr, .account, .figures, .legend, .notice, .notes { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .figure-value { font-size: 18pt; }
  table.grid td { height: 17px; line-height: 13px; padding: 1px 0; font-size: 8pt; }
  table.grid th { font-size: 7.5pt; padding: 2px; }
  table.grid th.period { width: 110px; }
}
`;

const MARGIN_BOX_FONT = 'font: 7.5pt Arial, "Liberation Sans", "Helvetica Neue", sans-serif; color: #5f6b78;';

/** Page margin boxes of the printed report: report number, page numbers, confidentiality. */
function pageMarginRules(header: ReportHeader): string {
  return `@page {
  @bottom-left { content: ${cssString(`OpenBureau personal credit report No. ${header.reportNumber}`)}; ${MARGIN_BOX_FONT} }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${MARGIN_BOX_FONT} }
  @top-right { content: "Confidential"; ${MARGIN_BOX_FONT} }
}`;
}

function renderNotes(): SafeHtml {
  return html`<footer class="notes" id="report-notes">
  <strong>Notes <span class="zh" lang="zh-CN">(说明)</span></strong>
  <ul>
    <li>Repayment history covers the 60 months ending with the last full month before the report time.</li>
    <li>Negative information whose episode ended more than 5 years before that month is not shown; such months appear as not reported.</li>
    <li>Records filed under different identity documents of the same person are merged. Amounts are in each account's currency.</li>
    <li>Hard inquiries are approval queries (loan, credit card, guarantor, financing and credit-limit approval); other queries are soft.</li>
    <li>This report is confidential and may be used only for the query reason stated above.</li>
  </ul>
  <div class="end">— End of report <span lang="zh-CN">(报告结束)</span> —</div>
</footer>`;
}

/**
 * The credit report as one complete HTML5 page (UTF-8): self-contained, no script, print-ready.
 * The summary comes before the account details. Every value from the report is escaped.
 */
export function renderReportHtml(report: CreditReport): string {
  const h = report.header;
  const page = html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>Personal Credit Report No. ${h.reportNumber} – OpenBureau</title>
<style>${new SafeHtml(STYLE)}${new SafeHtml(pageMarginRules(h))}</style>
</head>
<body>
<main class="page" lang="en">
${renderHeader(h)}
${renderSummary(report)}
${renderPersonalInformation(report)}
${renderAccountDetails(report)}
${renderInquiries(report)}
${renderNotes()}
</main>
</body>
</html>
`;
  return page.markup;
}
