/**
 * The bureau score's variables of one person at the end of an observation month: the file is
 * first cut at that month (observation.ts), then the multi-lending indicators are computed on it
 * as of the month's last instant (src/risk/compute-indicators.ts) and the account-history
 * variables of bureau-feature-set.ts are computed from its monthly states. Pure: the same file
 * and month give the same values; nothing after the month can change them (a test holds this).
 *
 * Conventions: an account's months are those on file up to the month, one per month (the one
 * reported last wins, as in the indicators); monthly states only (payment history profile months
 * count in no figure, as in the report); money and utilisation over accounts in the currency.
 *
 * @example
 *   const values = bureauFeatures(file, '2025-06', 'CNY');
 *   values.util_rev_all; // 0.42, or null without a revolving limit
 */
import { addMonths, monthOf, monthsBetween } from '../../domain/calendar.js';
import type { Currency } from '../../domain/codes.js';
import type { PersonFile } from '../../report/report-types.js';
import { snapshotsAsOf } from '../../risk/account-snapshot.js';
import { computeIndicators } from '../../risk/compute-indicators.js';
import type { IndicatorName } from '../../risk/indicator-names.js';
import { statusLevel } from '../../risk/status-levels.js';
import { BUREAU_FEATURES } from './bureau-feature-set.js';
import { monthEndInstant, truncateFileAt } from './observation.js';

/**
 * One person's variables by name (null: not defined for this person, scored as missing).
 *
 * @example
 *   const v: BureauFeatureValues = bureauFeatures(file, '2025-06', 'CNY');
 */
export type BureauFeatureValues = Record<string, number | null>;

/**
 * Windows of the history variables, in months ending with the observation month: worst status
 * and overdue months (12), utilisation and minimum payments (6), accounts more than 30 days
 * overdue (60: 5 years, within China's retention); and the status level of "more than 30 days
 * overdue" (2: 31-60 days).
 *
 * @example
 *   addMonths('2025-06', -(STATUS_WINDOW_12M_months - 1)); // '2024-07', the window's first month
 */
export const STATUS_WINDOW_12M_months = 12;
export const REVOLVING_WINDOW_months = 6;
export const OVERDUE_LOOKBACK_months = 60;
export const OVERDUE_31D_LEVEL = 2;

const INDICATOR_FEATURES = BUREAU_FEATURES.filter((f) => f.source === 'indicator').map(
  (f) => f.name as IndicatorName,
);

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/**
 * The variables of a file already cut at `month` (see bureauFeatures).
 *
 * @example
 *   featuresOfTruncated(truncateFileAt(file, '2025-06'), '2025-06', 'CNY');
 */
export function featuresOfTruncated(cut: PersonFile, month: string, currency: Currency): BureauFeatureValues {
  const asOf = monthEndInstant(month);
  const indicators = computeIndicators(cut, asOf, { currency }).values;
  const values: BureauFeatureValues = {};
  for (const name of INDICATOR_FEATURES) values[name] = indicators[name] ?? null;

  const from12 = addMonths(month, -(STATUS_WINDOW_12M_months - 1));
  const from6 = addMonths(month, -(REVOLVING_WINDOW_months - 1));
  const fromOverdue = addMonths(month, -(OVERDUE_LOOKBACK_months - 1));
  let worst12 = 0;
  let dlqMonths12 = 0;
  let overdue31 = 0;
  let oldest: string | null = null;
  let newest: string | null = null;
  let utilMax: number | null = null;
  let used6 = 0;
  let limit6 = 0;
  let billed6 = 0;
  let minimum6 = 0;
  let open = 0;
  let openLoans = 0;
  let granted = 0;
  const snapshots = snapshotsAsOf(cut, Date.parse(asOf));
  for (const s of snapshots) {
    const opened = monthOf(s.account.terms.open_date);
    if (oldest === null || opened < oldest) oldest = opened;
    if (newest === null || opened > newest) newest = opened;
    const inCurrency = s.account.terms.currency === currency;
    const limit = s.account.terms.amount_minor;
    let overdue = false;
    for (const m of s.months) {
      const level = statusLevel(m.state.status);
      if (m.month >= from12) {
        if (level > worst12) worst12 = level;
        if (level >= 1) dlqMonths12++;
      }
      if (m.month >= fromOverdue && level >= OVERDUE_31D_LEVEL) overdue = true;
      if (s.revolving && m.month >= from6 && inCurrency) {
        used6 += m.state.used_limit_minor ?? m.state.balance_minor;
        limit6 += limit;
        if (m.state.scheduled_payment_minor > 0 && m.state.balance_minor > 0) {
          billed6++;
          if (m.state.actual_payment_minor <= m.state.scheduled_payment_minor) minimum6++;
        }
      }
    }
    if (overdue) overdue31++;
    if (!s.open) continue;
    open++;
    if (!s.revolving) openLoans++;
    if (s.revolving && s.latest && limit > 0) {
      const u = s.used_minor / limit;
      if (utilMax === null || u > utilMax) utilMax = u;
    }
    if (inCurrency) granted += limit;
  }
  values.status_worst_12m_all = worst12;
  values.dlq_months_12m_all = dlqMonths12;
  values.acct_overdue_31d_60m_all = overdue31;
  values.acct_ever_all = snapshots.length;
  values.hist_oldest_months = oldest === null ? null : monthsBetween(oldest, month);
  values.hist_newest_months = newest === null ? null : monthsBetween(newest, month);
  values.util_rev_max = utilMax;
  values.util_rev_avg_6m = ratio(used6, limit6);
  values.rev_min_pay_share_6m = ratio(minimum6, billed6);
  values.loan_share_open = ratio(openLoans, open);
  values.bal_to_limit_all = ratio(indicators.bal_open_all_minor ?? 0, granted);
  return values;
}

/**
 * The variables of `file` at the end of `month`, amounts in `currency` (see the module comment).
 *
 * @example
 *   bureauFeatures(file, '2025-06', 'CNY').lender_open_all; // 3
 */
export function bureauFeatures(file: PersonFile, month: string, currency: Currency): BureauFeatureValues {
  return featuresOfTruncated(truncateFileAt(file, month), month, currency);
}
