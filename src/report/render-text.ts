/**
 * The credit report as plain text for a terminal, in the order of the report: header, personal
 * information, summary, account details (each with its 60-month repayment grid in rows of one
 * calendar year, and a legend), inquiry records. Columns are aligned by display width (a CJK
 * character takes two columns). Colours (ANSI) only when asked for.
 *
 * @example
 *   process.stdout.write(renderReportText(report, { width: 100 }));
 */
import { CATEGORY_LABELS, NEGATIVE_STATUSES } from './build-credit-report.js';
import { formatMinor } from './format-money.js';
import type {
  CreditReport,
  GridCell,
  PersonalInformation,
  ReportAccount,
  ReportedValueView,
  ReportSummary,
} from './report-types.js';

export interface RenderTextOptions {
  /** Width of rules and wrapped paragraphs, in columns (default 100, at least 60). */
  width?: number;
  /** Bold headings and negative grid codes in red (ANSI escapes). Default false. */
  color?: boolean;
}

/** What each grid code means, in the order of the legend. */
export const GRID_LEGEND: readonly (readonly [string, string])[] = [
  ['N', 'paid in full and on time'],
  ['1-7', 'overdue 1-30, 31-60, 61-90, 91-120, 121-150, 151-180, over 180 days'],
  ['C', 'settled / closed'],
  ['G', 'terminated other than by settlement (e.g. written off)'],
  ['D', 'repaid by the guarantor'],
  ['Z', 'repaid with assets'],
  ['B', 'bad debt'],
  ['M', 'paid late within the month'],
  ['*', 'nothing due / card unused'],
  ['#', 'status unknown'],
  ['/', 'not yet opened'],
  ['-', 'not reported'],
];

/** How a grid cell is written: its code, or '-' when the month was not reported. */
export function gridCellText(cell: GridCell): string {
  return cell.code === '' ? '-' : cell.code;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DEFAULT_WIDTH = 100;
const MIN_WIDTH = 60;

/** Columns a character takes in a terminal: 2 for East Asian wide characters, else 1. */
function charWidth(codePoint: number): number {
  const wide =
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd);
  return wide ? 2 : 1;
}

/** Display width of a text without escapes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) ?? 0);
  return width;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Words of `text` on lines of at most `width` columns (a longer word stays whole), each line
 *  after the first starting with `indent`. */
function wrap(text: string, width: number, firstIndent: string, indent: string): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const candidate = empty ? line + word : `${line} ${word}`;
    if (!empty && displayWidth(candidate) > width) {
      lines.push(line);
      line = indent + word;
    } else line = candidate;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** A table: the header row and rows, columns aligned (numbers right-aligned when `right`). */
function table(
  indent: string,
  header: readonly string[],
  rows: readonly string[][],
  right: readonly boolean[],
) {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    (
      indent +
      cells.map((c, i) => (right[i] ? padStart(c, widths[i] ?? 0) : padEnd(c, widths[i] ?? 0))).join('  ')
    ).trimEnd();
  return [line(header), ...rows.map(line)];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

class TextWriter {
  readonly lines: string[] = [];
  constructor(
    readonly width: number,
    readonly color: boolean,
  ) {}

  line(text = ''): void {
    this.lines.push(text);
  }

  bold(text: string): string {
    return this.color ? `\x1b[1m${text}\x1b[0m` : text;
  }

  red(text: string): string {
    return this.color ? `\x1b[31m${text}\x1b[0m` : text;
  }

  section(title: string): void {
    if (this.lines.length > 0) this.line();
    this.line(this.bold(title));
    this.line('-'.repeat(Math.min(this.width, displayWidth(title))));
  }

  field(label: string, value: string): void {
    this.line(`${padEnd(label, 16)}${value}`);
  }

  paragraph(text: string, firstIndent: string, indent: string): void {
    for (const l of wrap(text, this.width, firstIndent, indent)) this.line(l);
  }
}

function renderHeader(w: TextWriter, report: CreditReport): void {
  const h = report.header;
  w.line('='.repeat(w.width));
  w.line(w.bold('PERSONAL CREDIT REPORT'));
  w.line('='.repeat(w.width));
  w.field('Report number', h.reportNumber);
  w.field('Generated at', h.generatedAt);
  w.field('Name', h.subject.name);
  w.field('ID', `${h.subject.idType} ${h.subject.idNumberMasked}`);
  w.field('Queried by', `${h.queriedBy.name} (${h.queriedBy.kind}, ${h.queriedBy.code})`);
  w.field('Reason', `${h.reason.code} ${h.reason.label}`);
  w.field('Objections', String(h.objections));
  if (h.fraudWarning.length > 0) {
    w.line(w.bold('ANTI-FRAUD WARNING: verify the applicant before lending'));
    for (const line of h.fraudWarning) w.paragraph(line, '  ! ', '    ');
  }
  if (!h.personKnown)
    w.paragraph('The bureau holds no file on this person: the report has no accounts.', '', '');
}

function renderValues(w: TextWriter, title: string, values: readonly ReportedValueView[]): void {
  w.line(title);
  if (values.length === 0) {
    w.line('  (none)');
    return;
  }
  const rows = values.map((v) => [v.value, v.furnisher, v.firstReportedOn, v.lastReportedOn]);
  for (const l of table('  ', ['Value', 'Reported by', 'First', 'Last'], rows, [false, false, false, false]))
    w.line(l);
}

function renderPersonal(w: TextWriter, info: PersonalInformation | null): void {
  w.section('PERSONAL INFORMATION');
  if (!info) {
    w.line('(no file on this person)');
    return;
  }
  w.field('Sex', info.sex ?? '--');
  w.field('Birth date', info.birthDate ?? '--');
  renderValues(w, 'Names', info.names);
  renderValues(w, 'Mobile numbers', info.mobiles);
  renderValues(w, 'Addresses', info.addresses);
  renderValues(w, 'Employers', info.employers);
}

function renderSummary(w: TextWriter, s: ReportSummary): void {
  w.section('SUMMARY');
  if (s.score) {
    const score = s.score;
    w.field(
      'Credit score',
      score.available
        ? `${score.score} of 1000 (higher is safer), higher than ${score.percentile}% of scored persons`
        : `-- (${score.reason})`,
    );
    for (const [i, f] of score.factors.entries()) w.paragraph(f.text, `  ${i + 1}. `, '     ');
  }
  w.line('Accounts by category');
  if (s.accountsByCategory.length === 0) w.line('  (none)');
  else
    for (const l of table(
      '  ',
      ['Category', 'Accounts', 'Open', 'First business month'],
      s.accountsByCategory.map((c) => [
        `${c.category} ${c.label}`,
        String(c.accounts),
        String(c.open),
        c.firstBusinessMonth,
      ]),
      [false, true, true, false],
    ))
      w.line(l);

  w.line('Overdue by category');
  if (s.overdueByCategory.length === 0) w.line('  (none)');
  else
    for (const l of table(
      '  ',
      ['Category', 'Accounts', 'Months overdue', 'Worst status', 'Largest overdue amount'],
      s.overdueByCategory.map((o) => [
        `${o.category} ${o.label}`,
        String(o.accounts),
        String(o.monthsOverdue),
        o.worstStatus,
        formatMinor(o.largestOverdueAmountMinor, o.currency),
      ]),
      [false, true, true, true, true],
    ))
      w.line(l);

  w.line('Credit and debt of open accounts');
  if (s.creditAndDebt.length === 0) w.line('  (none)');
  else {
    const rows: string[][] = [];
    for (const c of s.creditAndDebt) {
      const r = c.revolving;
      rows.push([
        `${c.currency} revolving`,
        String(r.accounts),
        formatMinor(r.totalLimitMinor, c.currency),
        formatMinor(r.usedMinor, c.currency),
        formatMinor(r.averageUsed6mMinor, c.currency),
      ]);
      rows.push([
        `${c.currency} loans`,
        String(c.loans.accounts),
        formatMinor(c.loans.totalAmountMinor, c.currency),
        formatMinor(c.loans.balanceMinor, c.currency),
        '',
      ]);
    }
    for (const l of table(
      '  ',
      ['', 'Accounts', 'Limit / amount', 'Used / balance', 'Average used, 6 months'],
      rows,
      [false, true, true, true, true],
    ))
      w.line(l);
  }

  w.field('Open furnishers', String(s.distinctOpenFurnishers));
  w.line('Inquiries (this report included)');
  for (const l of table(
    '  ',
    ['Window', 'Hard', 'Soft', 'Hard institutions'],
    s.inquiries.map((q) => [
      plural(q.months, 'month'),
      String(q.hard),
      String(q.soft),
      String(q.hardInstitutions),
    ]),
    [false, true, true, true],
  ))
    w.line(l);
  w.line('Multi-lending, before this inquiry (docs/indicators.md)');
  for (const l of table(
    '  ',
    ['Window', 'Institutions', 'Hard inquiries', 'Inquiring', 'New accounts', 'New lenders', 'Newly granted'],
    s.multiLending.map((r) => [
      r.window,
      r.group,
      String(r.hardInquiries),
      String(r.inquiringInstitutions),
      String(r.newAccounts),
      String(r.newAccountInstitutions),
      formatMinor(r.newAmountMinor, 'CNY'),
    ]),
    [false, false, true, true, true, true, true],
  ))
    w.line(l);
}

/** The grid in rows of one calendar year, January to December; months outside the grid blank. */
function gridRows(w: TextWriter, grid: readonly GridCell[]): string[] {
  const negative = new Set<string>(NEGATIVE_STATUSES);
  const byYear = new Map<string, (string | null)[]>();
  for (const cell of grid) {
    const year = cell.month.slice(0, 4);
    let row = byYear.get(year);
    if (!row) {
      row = new Array<string | null>(12).fill(null);
      byYear.set(year, row);
    }
    const text = padStart(gridCellText(cell), 3);
    row[Number(cell.month.slice(5, 7)) - 1] = negative.has(cell.code) ? w.red(text) : text;
  }
  const lines = [`     ${MONTH_NAMES.map((m) => padStart(m, 4)).join('')}`];
  for (const [year, row] of byYear)
    lines.push(`${year} ${row.map((c) => ` ${c ?? '   '}`).join('')}`.trimEnd());
  return lines;
}

function renderAccount(w: TextWriter, index: number, a: ReportAccount): void {
  const t = a.terms;
  w.line();
  w.line(
    w.bold(`${index}. ${a.category} ${CATEGORY_LABELS[a.category]}`) +
      `  |  ${a.furnisher.name} (${a.furnisher.kind}, ${a.furnisher.code})  |  account ${a.accountNo}`,
  );
  const terms = [
    `Opened ${t.open_date}` + (t.maturity_date ? `, matures ${t.maturity_date}` : '') + '.',
    `${a.category.startsWith('R') ? 'Credit limit' : 'Amount'} ${formatMinor(t.amount_minor, t.currency)}` +
      (t.shared_limit_minor !== undefined
        ? `, shared limit ${formatMinor(t.shared_limit_minor, t.currency)}`
        : '') +
      (t.instalments !== undefined ? `, ${plural(t.instalments, 'instalment')}` : '') +
      '.',
    `Business ${t.business_type}, repayment ${t.repayment_method} ${t.repayment_frequency},` +
      ` guarantee ${t.guarantee_type}, joint loan ${yesNo(t.joint_loan)}.`,
    ...(t.first_delinquency_date ? [`First delinquency ${t.first_delinquency_date}.`] : []),
  ].join(' ');
  w.paragraph(terms, '   ', '   ');
  const l = a.latest;
  const latest = l
    ? `Latest month ${l.month}: status ${l.status}, class ${l.fiveClass}, balance ${formatMinor(l.balanceMinor, t.currency)}` +
      (l.usedLimitMinor !== null ? `, used ${formatMinor(l.usedLimitMinor, t.currency)}` : '') +
      `, overdue ${formatMinor(l.overdueAmountMinor, t.currency)}, paid ${formatMinor(l.actualPaymentMinor, t.currency)}.`
    : 'Latest month: none shown.';
  w.paragraph(`State ${a.state}. ${latest}`, '   ', '   ');
  w.line(`   Repayment history, ${a.grid.length} months`);
  for (const row of gridRows(w, a.grid)) w.line(`   ${row}`);
}

function renderLegend(w: TextWriter): void {
  const text = GRID_LEGEND.map(([code, meaning]) => `${code} ${meaning}`).join('; ');
  w.line();
  w.paragraph(`Legend: ${text}.`, '', '        ');
}

function renderInquiries(w: TextWriter, report: CreditReport): void {
  w.section('INQUIRY RECORDS');
  const rows = report.inquiries.map((q, i) => [
    String(i + 1),
    q.at,
    q.institutionKind,
    q.institutionName,
    `${q.reason.code} ${q.reason.label}`,
  ]);
  for (const l of table('  ', ['#', 'Time (UTC)', 'Institution kind', 'Institution', 'Reason'], rows, [
    true,
    false,
    false,
    false,
    false,
  ]))
    w.line(l);
}

/** The report as text, lines joined with '\n' and ending with one. */
export function renderReportText(report: CreditReport, options: RenderTextOptions = {}): string {
  const asked = options.width !== undefined && Number.isFinite(options.width) ? options.width : DEFAULT_WIDTH;
  const width = Math.max(MIN_WIDTH, Math.floor(asked));
  const w = new TextWriter(width, options.color === true);
  renderHeader(w, report);
  renderPersonal(w, report.personalInformation);
  renderSummary(w, report.summary);
  w.section('ACCOUNT DETAILS');
  if (report.accounts.length === 0) w.line('(no accounts)');
  report.accounts.forEach((a, i) => {
    renderAccount(w, i + 1, a);
  });
  if (report.accounts.length > 0) renderLegend(w);
  renderInquiries(w, report);
  w.line();
  w.line('End of report.');
  return `${w.lines.join('\n')}\n`;
}
