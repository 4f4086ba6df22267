/**
 * Builds the credit report of one person (DOMAIN.md section 3) from what the bureau holds on
 * them, as of the report's instant. Pure and deterministic: the same file, request and profile
 * give the same report; nothing is read from the clock and the input is never changed.
 *
 * Time. The report is "as of" `request.at` (read as UTC). Its last full month is the month
 * before the UTC month of `request.at`: the last month of the 60-month grid. Months on file
 * after the last full month (a month still running, or later) are left out of everything -
 * grid, state, latest month and summary - so that every figure agrees with the grid.
 *
 * Retention (DOMAIN.md section 4). Negative data is shown for `negativeDataRetention_years`
 * after the end of the negative event: see {@link negativeEpisodes} and {@link visibleMonths};
 * under a profile with the first-delinquency clock (US), also no longer than that from the date
 * of first delinquency (src/report/retention-clock.ts).
 *
 * @example
 *   const report = buildCreditReport(file, request, CHINA_PROFILE);
 *   report.accounts[0].grid.at(-1)?.month // the last full month
 */

import { INQUIRY_REASONS, type InquiryReason, isHardInquiry } from '../consent/inquiry-reasons.js';
import { addMonths, daysInMonth, monthOf, monthsBetween } from '../domain/calendar.js';
import {
  ACCOUNT_TYPES,
  CLOSING_STATUSES,
  OVERDUE_STATUSES,
  REVOLVING_ACCOUNT_TYPES,
  type RepaymentStatus,
} from '../domain/codes.js';
import type { JurisdictionProfile } from '../domain/jurisdiction.js';
import { computeFraudSignals } from '../identity/fraud/fraud-signals.js';
import { fraudWarningLines } from '../identity/fraud/fraud-warnings.js';
import { windowedMetrics } from '../risk/compute-indicators.js';
import { revolvingLimitTotal } from '../risk/revolving-limit.js';
import { type ReportScoreInput, reportScoreOf } from '../score/bureau/report-score.js';
import { type TimelineMonth, timelineWithHistory } from './history-profile.js';
import type {
  AccountCategory,
  CategoryCount,
  CreditLineSummary,
  CreditReport,
  FileAccount,
  FileMonth,
  GridCell,
  InquiryWindow,
  MultiLendingRow,
  OverdueSummary,
  PersonalInformation,
  PersonFile,
  ReportAccount,
  ReportedValue,
  ReportedValueView,
  ReportInquiry,
  ReportRequest,
} from './report-types.js';
import { negativeDataExpired } from './retention-clock.js';

/** Months in the repayment grid of an account. */
export const GRID_MONTHS = 60;

/** Inquiry windows of the summary, in months, in report order. */
export const INQUIRY_WINDOWS = [1, 3, 6, 12] as const;

/** Account categories in report order, with their labels. */
export const CATEGORY_LABELS: Readonly<Record<AccountCategory, string>> = {
  D1: 'non-revolving loan',
  R1: 'revolving loan',
  R2: 'credit card',
  R3: 'quasi-credit card',
  R4: 'revolving sub-account',
  C1: 'collection',
};

/**
 * Negative monthly statuses: the overdue statuses 1-7, and the statuses that mean the debt was
 * not repaid as agreed: G terminated other than by settlement (written off), D repaid by the
 * guarantor, Z repaid with assets, B bad debt. N, C, *, #, M are not negative. A month with one
 * of these statuses is negative information, shown only for the retention period after its
 * episode ended.
 */
export const NEGATIVE_STATUSES: readonly RepaymentStatus[] = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  'G',
  'B',
  'D',
  'Z',
];

// ------------------------------------------------------------------------- small helpers

/** Total order on strings by UTF-16 code units (not locale dependent). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const CATEGORY_RANK: Readonly<Record<string, number>> = Object.fromEntries(
  ACCOUNT_TYPES.map((type, index) => [type, index]),
);

function categoryRank(category: string): number {
  return CATEGORY_RANK[category] ?? ACCOUNT_TYPES.length;
}

function isNegative(status: RepaymentStatus): boolean {
  return NEGATIVE_STATUSES.includes(status);
}

function isOverdue(status: RepaymentStatus): boolean {
  return OVERDUE_STATUSES.includes(status);
}

function reasonView(code: InquiryReason): { code: InquiryReason; label: string } {
  return { code, label: INQUIRY_REASONS[code].label };
}

/** Milliseconds of an ISO-8601 instant; throws on a value that is not one. */
function instantMs(at: string, what: string): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms))
    throw new RangeError(`buildCreditReport: ${what} is not an ISO-8601 instant: '${at}'`);
  return ms;
}

/**
 * The instant `months` calendar months before `ms` (UTC): same day of month and time of day,
 * the day clamped to the end of a shorter month (31 March minus 1 month is 28 or 29 February).
 */
export function minusCalendarMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const index = d.getUTCFullYear() * 12 + d.getUTCMonth() - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12; // 0-based
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month + 1));
  const result = new Date(0);
  result.setUTCFullYear(year, month, day);
  result.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return result.getTime();
}

/** The report's last full month: the month before the UTC month of `at`. */
export function lastFullMonthOf(at: string): string {
  const utc = new Date(instantMs(at, 'request.at')).toISOString();
  return addMonths(monthOf(utc), -1);
}

/**
 * The first 6 and last 4 characters of an ID number with every character between them as '*':
 * '11010519491231002X' -> '110105********002X'. An ID of 10 characters or fewer would show
 * whole, so it is masked entirely (same length, all '*').
 */
export function maskIdNumber(idNumber: string): string {
  const chars = Array.from(idNumber);
  if (chars.length <= 10) return '*'.repeat(chars.length);
  return chars.slice(0, 6).join('') + '*'.repeat(chars.length - 10) + chars.slice(-4).join('');
}

// ------------------------------------------------------------------------- months and retention

/**
 * The months of an account up to `lastFullMonth`, one per month, oldest first. Should the file
 * hold a month twice, the one reported last (greatest `reportedOn`) wins; on equal dates the first
 * in the input.
 */
function monthsUpTo(account: FileAccount, lastFullMonth: string): FileMonth[] {
  const byMonth = new Map<string, FileMonth>();
  for (const m of account.months) {
    if (m.month > lastFullMonth) continue;
    const seen = byMonth.get(m.month);
    if (!seen || m.reportedOn > seen.reportedOn) byMonth.set(m.month, m);
  }
  return [...byMonth.values()].sort((a, b) => compareText(a.month, b.month));
}

/** A negative episode: months `start`..`end` (YYYY-MM) on file, all negative. */
export interface NegativeEpisode {
  start: string;
  end: string;
}

/**
 * The negative episodes of a list of months sorted oldest first, one per month: each is a maximal
 * run of consecutive calendar months, every one on file with a negative status
 * ({@link NEGATIVE_STATUSES}). A month not on file or not negative ends the run. The episode ends
 * at its last month.
 */
export function negativeEpisodes(sortedMonths: readonly TimelineMonth[]): NegativeEpisode[] {
  const episodes: NegativeEpisode[] = [];
  let current: NegativeEpisode | null = null;
  for (const m of sortedMonths) {
    if (!isNegative(m.state.status)) {
      current = null;
      continue;
    }
    if (current && addMonths(current.end, 1) === m.month) current.end = m.month;
    else {
      current = { start: m.month, end: m.month };
      episodes.push(current);
    }
  }
  return episodes;
}

/** True when an episode that ended in `end` is past retention as of `lastFullMonth`: it ended
 *  more than `negativeDataRetention_years` years (x 12 months) before the last full month. */
export function isPastRetention(end: string, lastFullMonth: string, profile: JurisdictionProfile): boolean {
  return monthsBetween(end, lastFullMonth) > profile.negativeDataRetention_years * 12;
}

/**
 * The months of an account that the report shows, oldest first, one per month: the months on file
 * up to `lastFullMonth`, less the months of every negative episode ({@link negativeEpisodes}) that
 * ended more than the profile's retention before the last full month
 * (`monthsBetween(end, lastFullMonth) > 12 * negativeDataRetention_years`). A hidden month is
 * dropped whole: its cell in the grid is '' (not reported) and it counts in no summary figure.
 * An episode is judged by its end only: one that started 7 years ago and ended 4 years ago is
 * shown whole.
 */
export function visibleMonths(
  account: FileAccount,
  lastFullMonth: string,
  profile: JurisdictionProfile,
  reportDate = `${addMonths(lastFullMonth, 1)}-01`,
): FileMonth[] {
  return visibleTimeline(account, lastFullMonth, profile, reportDate).months;
}

/**
 * {@link visibleMonths}, and the timeline shown in the grid: those months with the account's
 * profile months (src/report/history-profile.ts), judged by the same rules on the timeline as a
 * whole; and under the first-delinquency clock, every negative month once it ran out on
 * `reportDate` (src/report/retention-clock.ts).
 */
function visibleTimeline(
  account: FileAccount,
  lastFullMonth: string,
  profile: JurisdictionProfile,
  reportDate: string,
): { months: FileMonth[]; timeline: readonly TimelineMonth[] } {
  const months = monthsUpTo(account, lastFullMonth);
  const timeline = timelineWithHistory(months, account.historyMonths, lastFullMonth);
  const hidden = new Set<string>();
  for (const episode of negativeEpisodes(timeline)) {
    if (!isPastRetention(episode.end, lastFullMonth, profile)) continue;
    for (let m = episode.start; m <= episode.end; m = addMonths(m, 1)) hidden.add(m);
  }
  if (negativeDataExpired(account.terms, timeline, profile, reportDate))
    for (const m of timeline) if (isNegative(m.state.status)) hidden.add(m.month);
  if (hidden.size === 0) return { months, timeline };
  return {
    months: months.filter((m) => !hidden.has(m.month)),
    timeline: timeline.filter((m) => !hidden.has(m.month)),
  };
}

// ------------------------------------------------------------------------- accounts

/** An account as the report sees it, with what the summary needs. */
interface AccountView {
  file: FileAccount;
  report: ReportAccount;
  /** Shown months, oldest first. */
  visible: FileMonth[];
}

function buildAccount(
  account: FileAccount,
  lastFullMonth: string,
  profile: JurisdictionProfile,
  reportDate: string,
): AccountView {
  const all = monthsUpTo(account, lastFullMonth);
  const { months: visible, timeline } = visibleTimeline(account, lastFullMonth, profile, reportDate);
  const lastOnFile = all.at(-1);
  const lastVisible = visible.at(-1);
  // The state follows the latest month on file even when that month is hidden: a debt written off
  // long ago is still closed. Its details are shown only when the month itself is shown.
  const state = lastOnFile && CLOSING_STATUSES.includes(lastOnFile.state.status) ? 'closed' : 'open';
  const latestMonth = lastOnFile && lastVisible && lastVisible.month === lastOnFile.month ? lastOnFile : null;
  const latest = latestMonth
    ? {
        month: latestMonth.month,
        status: latestMonth.state.status,
        fiveClass: latestMonth.state.five_class,
        balanceMinor: latestMonth.state.balance_minor,
        usedLimitMinor: latestMonth.state.used_limit_minor ?? null,
        overdueAmountMinor: latestMonth.state.overdue_amount_minor,
        actualPaymentMinor: latestMonth.state.actual_payment_minor,
      }
    : null;

  const statusByMonth = new Map(timeline.map((m) => [m.month, m.state.status]));
  const openMonth = monthOf(account.terms.open_date);
  const grid: GridCell[] = [];
  for (const month of gridMonths(lastFullMonth)) {
    const status = statusByMonth.get(month);
    grid.push({ month, code: status ?? (month < openMonth ? '/' : '') });
  }

  return {
    file: account,
    visible,
    report: {
      category: account.terms.account_type,
      furnisher: { ...account.furnisher },
      accountNo: account.accountNo,
      terms: { ...account.terms },
      state,
      latest,
      grid,
    },
  };
}

/** The GRID_MONTHS months of a grid ending with `lastFullMonth`, oldest first: the same for
 *  every account of every report of a month, so the last list is kept. */
let gridMonthsKept: { last: string; months: readonly string[] } | undefined;
function gridMonths(lastFullMonth: string): readonly string[] {
  if (gridMonthsKept?.last !== lastFullMonth) {
    const months: string[] = [];
    for (let i = GRID_MONTHS - 1; i >= 0; i--) months.push(addMonths(lastFullMonth, -i));
    gridMonthsKept = { last: lastFullMonth, months };
  }
  return gridMonthsKept.months;
}

function compareAccounts(a: FileAccount, b: FileAccount): number {
  return (
    categoryRank(a.terms.account_type) - categoryRank(b.terms.account_type) ||
    compareText(a.furnisher.code, b.furnisher.code) ||
    compareText(a.accountNo, b.accountNo) ||
    a.accountId - b.accountId
  );
}

// ------------------------------------------------------------------------- summary

function accountsByCategory(views: readonly AccountView[]): CategoryCount[] {
  const out: CategoryCount[] = [];
  for (const category of ACCOUNT_TYPES) {
    const of = views.filter((v) => v.report.category === category);
    if (of.length === 0) continue;
    let earliest = of[0]!.file.terms.open_date;
    for (const v of of) if (v.file.terms.open_date < earliest) earliest = v.file.terms.open_date;
    out.push({
      category,
      label: CATEGORY_LABELS[category],
      accounts: of.length,
      open: of.filter((v) => v.report.state === 'open').length,
      firstBusinessMonth: monthOf(earliest),
    });
  }
  return out;
}

/**
 * Overdue summary: one entry per (category, currency) with at least one shown overdue month
 * (status 1-7), in category order then currency. Amounts of different currencies are never
 * compared, so a category whose overdue accounts are in two currencies has two entries.
 */
function overdueByCategory(views: readonly AccountView[]): OverdueSummary[] {
  const out: OverdueSummary[] = [];
  for (const category of ACCOUNT_TYPES) {
    const byCurrency = new Map<string, OverdueSummary>();
    for (const v of views) {
      if (v.report.category !== category) continue;
      const overdue = v.visible.filter((m) => isOverdue(m.state.status));
      if (overdue.length === 0) continue;
      const currency = v.file.terms.currency;
      let entry = byCurrency.get(currency);
      if (!entry) {
        entry = {
          category,
          label: CATEGORY_LABELS[category],
          accounts: 0,
          monthsOverdue: 0,
          worstStatus: '1',
          largestOverdueAmountMinor: 0,
          currency,
        };
        byCurrency.set(currency, entry);
      }
      entry.accounts += 1;
      entry.monthsOverdue += overdue.length;
      for (const m of overdue) {
        // '1'..'7' compare as text in the order of their severity.
        if (m.state.status > entry.worstStatus) entry.worstStatus = m.state.status;
        if (m.state.overdue_amount_minor > entry.largestOverdueAmountMinor)
          entry.largestOverdueAmountMinor = m.state.overdue_amount_minor;
      }
    }
    const currencies = [...byCurrency.keys()].sort(compareText);
    for (const c of currencies) out.push(byCurrency.get(c)!);
  }
  return out;
}

/**
 * The total credit limit of open revolving accounts of one currency, a shared limit counted once
 * (the rule lives with the indicators, which count limits the same way: src/risk/revolving-limit.ts).
 *
 * @example
 *   totalRevolvingLimit([]) // 0
 */
export const totalRevolvingLimit: (accounts: readonly FileAccount[]) => number = revolvingLimitTotal;

/**
 * The sum over accounts of each account's average used limit over its shown months within the 6
 * calendar months ending with its latest month (a month without a used limit counts 0; an account
 * without such months adds 0), rounded down once at the end. Computed exactly: each average is
 * scaled by 60 (a multiple of every possible count 1..6) in integers.
 */
function averageUsed6m(views: readonly AccountView[]): number {
  let scaled = 0n;
  for (const v of views) {
    const latest = v.report.latest;
    if (!latest) continue;
    const from = addMonths(latest.month, -5);
    const window = v.visible.filter((m) => m.month >= from && m.month <= latest.month);
    if (window.length === 0) continue;
    let sum = 0n;
    for (const m of window) sum += BigInt(m.state.used_limit_minor ?? 0);
    scaled += sum * BigInt(60 / window.length);
  }
  // Amounts are not negative, so integer division rounds down.
  return Number(scaled / 60n);
}

/** Credit and debt of open accounts: one entry per currency, currencies in order. */
function creditAndDebt(views: readonly AccountView[]): CreditLineSummary[] {
  const open = views.filter((v) => v.report.state === 'open');
  const currencies = [...new Set(open.map((v) => v.file.terms.currency as string))].sort(compareText);
  return currencies.map((currency) => {
    const of = open.filter((v) => v.file.terms.currency === currency);
    const revolving = of.filter((v) => REVOLVING_ACCOUNT_TYPES.includes(v.report.category));
    const loans = of.filter((v) => v.report.category === 'D1' || v.report.category === 'C1');
    return {
      currency,
      revolving: {
        accounts: revolving.length,
        totalLimitMinor: totalRevolvingLimit(revolving.map((v) => v.file)),
        usedMinor: revolving.reduce((sum, v) => sum + (v.report.latest?.usedLimitMinor ?? 0), 0),
        averageUsed6mMinor: averageUsed6m(revolving),
      },
      loans: {
        accounts: loans.length,
        totalAmountMinor: loans.reduce((sum, v) => sum + v.file.terms.amount_minor, 0),
        balanceMinor: loans.reduce((sum, v) => sum + (v.report.latest?.balanceMinor ?? 0), 0),
      },
    };
  });
}

interface DatedInquiry {
  ms: number;
  at: string;
  institutionCode: string;
  view: ReportInquiry;
  hard: boolean;
}

/**
 * Inquiry counts by window. An inquiry is in the window of N months when
 * `request.at - N calendar months <= inquiry.at <= request.at` ({@link minusCalendarMonths}):
 * an inquiry at exactly the boundary instant is inside. The inquiries counted are the file's
 * earlier inquiries and this report's own (at `request.at`, by the querying institution, for the
 * request's reason): the report is itself an inquiry, so every window counts it.
 */
function inquiryWindows(inquiries: readonly DatedInquiry[], requestMs: number): InquiryWindow[] {
  return INQUIRY_WINDOWS.map((months) => {
    const from = minusCalendarMonths(requestMs, months);
    const inside = inquiries.filter((q) => q.ms >= from && q.ms <= requestMs);
    const hard = inside.filter((q) => q.hard);
    return {
      months,
      hard: hard.length,
      soft: inside.length - hard.length,
      hardInstitutions: new Set(hard.map((q) => q.institutionCode)).size,
    };
  });
}

// ------------------------------------------------------------------------- personal information

function compareReported(a: ReportedValue, b: ReportedValue): number {
  return (
    compareText(b.lastReportedOn, a.lastReportedOn) ||
    compareText(a.furnisher.code, b.furnisher.code) ||
    compareText(b.firstReportedOn, a.firstReportedOn) ||
    compareText(a.value, b.value)
  );
}

/** Values of an attribute, newest (last reported) first; ties by furnisher code, then newest
 *  first report, then value. */
function sortedValues(file: PersonFile, attribute: string): ReportedValue[] {
  return [...(file.attributes[attribute] ?? [])].sort(compareReported);
}

function views(values: readonly ReportedValue[]): ReportedValueView[] {
  return values.map((v) => ({
    value: v.value,
    furnisher: v.furnisher.name,
    firstReportedOn: v.firstReportedOn,
    lastReportedOn: v.lastReportedOn,
  }));
}

function personalInformation(file: PersonFile): PersonalInformation {
  return {
    sex: sortedValues(file, 'sex')[0]?.value ?? null,
    birthDate: sortedValues(file, 'birth_date')[0]?.value ?? null,
    names: views(sortedValues(file, 'name')),
    mobiles: views(sortedValues(file, 'mobile')),
    addresses: views(sortedValues(file, 'address')),
    employers: views(sortedValues(file, 'employer')),
  };
}

// ------------------------------------------------------------------------- multi-lending

const ML_WINDOWS: readonly MultiLendingRow['window'][] = ['1m', '3m', '6m', '12m'];
const ML_GROUPS: readonly MultiLendingRow['group'][] = ['all', 'bank', 'non_bank'];

/** The multi-lending rows of the summary, from the indicators of src/risk (file as read). */
function multiLending(file: PersonFile | null, at: string): MultiLendingRow[] {
  const metrics = windowedMetrics(file, at, ML_WINDOWS);
  const rows: MultiLendingRow[] = [];
  for (const window of ML_WINDOWS)
    for (const group of ML_GROUPS) {
      const m = metrics.get(window)?.get(group);
      rows.push({
        window,
        group,
        hardInquiries: m?.inqHard ?? 0,
        inquiringInstitutions: m?.inqInst ?? 0,
        newAccounts: m?.acctNew ?? 0,
        newAccountInstitutions: m?.acctNewInst ?? 0,
        newAmountMinor: m?.amtNew_minor ?? 0,
      });
    }
  return rows;
}

// ------------------------------------------------------------------------- the report

/**
 * The credit report of `file` (null: the bureau does not know the person) for `request`, under
 * the rules of `profile`. See the module comment for time and retention; each summary figure is
 * documented on the function that computes it. With `score` (the served model, or null when none
 * is built), the summary carries the bureau score as of the last full month (docs/score.md).
 */
export function buildCreditReport(
  file: PersonFile | null,
  request: ReportRequest,
  profile: JurisdictionProfile,
  score?: ReportScoreInput,
): CreditReport {
  const requestMs = instantMs(request.at, 'request.at');
  const lastFullMonth = lastFullMonthOf(request.at);
  const reportDate = new Date(requestMs).toISOString().slice(0, 10);

  const accountViews = [...(file?.accounts ?? [])]
    .sort(compareAccounts)
    .map((a) => buildAccount(a, lastFullMonth, profile, reportDate));

  const own: DatedInquiry = {
    ms: requestMs,
    at: request.at,
    institutionCode: request.queriedBy.code,
    hard: isHardInquiry(request.reason),
    view: {
      at: request.at,
      institutionKind: request.queriedBy.kind,
      institutionName: request.queriedBy.name,
      reason: reasonView(request.reason),
    },
  };
  const inquiries: DatedInquiry[] = [
    own,
    ...(file?.inquiries ?? []).map((q) => ({
      ms: instantMs(q.at, 'an inquiry'),
      at: q.at,
      institutionCode: q.institution.code,
      hard: isHardInquiry(q.reason),
      view: {
        at: q.at,
        institutionKind: q.institution.kind,
        institutionName: q.institution.name,
        reason: reasonView(q.reason),
      },
    })),
  ];
  // Newest first; ties by institution code, then reason code, then the instant as written.
  const records = [...inquiries].sort(
    (a, b) =>
      b.ms - a.ms ||
      compareText(a.institutionCode, b.institutionCode) ||
      compareText(a.view.reason.code, b.view.reason.code) ||
      compareText(a.at, b.at),
  );

  const openFurnishers = new Set(
    accountViews.filter((v) => v.report.state === 'open').map((v) => v.file.furnisher.code),
  );

  return {
    header: {
      reportNumber: request.reportNumber,
      generatedAt: request.at,
      subject: {
        name: request.name,
        idType: file?.idType ?? profile.nationalId.type,
        idNumberMasked: maskIdNumber(request.idNumber),
      },
      queriedBy: { ...request.queriedBy },
      reason: reasonView(request.reason),
      personKnown: file !== null,
      objections: file?.objections ?? 0,
      fraudWarning: file?.fraud
        ? fraudWarningLines(computeFraudSignals(file.fraud, profile.fraudThresholds))
        : [],
    },
    personalInformation: file ? personalInformation(file) : null,
    summary: {
      accountsByCategory: accountsByCategory(accountViews),
      overdueByCategory: overdueByCategory(accountViews),
      creditAndDebt: creditAndDebt(accountViews),
      distinctOpenFurnishers: openFurnishers.size,
      inquiries: inquiryWindows(inquiries, requestMs),
      multiLending: multiLending(file, request.at),
      ...(score ? { score: reportScoreOf(file, lastFullMonth, score.model, profile.scoreFactors) } : {}),
    },
    accounts: accountViews.map((v) => v.report),
    inquiries: records.map((q) => q.view),
  };
}
