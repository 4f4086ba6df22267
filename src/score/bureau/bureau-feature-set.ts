/**
 * The candidate variables of the bureau score, each with its unit and its plain-language words:
 * the multi-lending indicators of the over-credit work (src/risk, docs/indicators.md) and
 * account-history variables computed here (bureau-features.ts). Training keeps those with enough
 * information value; a report names a variable by its `words` (and the person's group of values,
 * see bin-words.ts), never by its code.
 *
 * Amounts are integer minor units of the profile's currency (`_minor`), ratios 0..1 and beyond
 * (a line drawn over its limit), levels the status levels 0-9 of src/risk/status-levels.ts,
 * months whole calendar months.
 *
 * @example
 *   BUREAU_FEATURES.find((f) => f.name === 'util_rev_all')?.words; // 'Share of revolving credit limits in use'
 */
import type { IndicatorName, IndicatorUnit } from '../../risk/indicator-names.js';

/**
 * A candidate variable: `indicator` ones are read from computeIndicators, `history` ones are
 * computed by bureau-features.ts.
 *
 * @example
 *   const f: BureauFeature = { name: 'lender_open_all', source: 'indicator', unit: 'count', words: '...', missing: '...' };
 */
export interface BureauFeature {
  readonly name: string;
  readonly source: 'indicator' | 'history';
  readonly unit: IndicatorUnit;
  /** What the variable measures, for a person to read ("Lenders with open credit"). */
  readonly words: string;
  /** What a missing value means for this variable ("no revolving limit"). */
  readonly missing: string;
}

const indicator = (
  name: IndicatorName,
  unit: IndicatorUnit,
  words: string,
  missing = 'not known',
): BureauFeature => ({ name, source: 'indicator', unit, words, missing });
const history = (name: string, unit: IndicatorUnit, words: string, missing = 'not known'): BureauFeature => ({
  name,
  source: 'history',
  unit,
  words,
  missing,
});

/**
 * Every candidate variable of the bureau score (version 1 of the set), in a fixed order.
 *
 * @example
 *   BUREAU_FEATURES.length; // 36
 */
export const BUREAU_FEATURES: readonly BureauFeature[] = [
  // Multi-lending: applications and new credit (src/risk windows end at the observation point).
  indicator('inq_hard_1m_all', 'count', 'Credit applications (hard inquiries) in the last month'),
  indicator('inq_hard_3m_all', 'count', 'Credit applications (hard inquiries) in the last 3 months'),
  indicator('inq_hard_12m_all', 'count', 'Credit applications (hard inquiries) in the last 12 months'),
  indicator('inq_hard_3m_non_bank', 'count', 'Credit applications to non-bank lenders in the last 3 months'),
  indicator(
    'inq_inst_6m_all',
    'count',
    'Institutions that looked at your file for credit in the last 6 months',
  ),
  indicator('acct_new_3m_all', 'count', 'Accounts opened in the last 3 months'),
  indicator('acct_new_6m_all', 'count', 'Accounts opened in the last 6 months'),
  indicator('acct_new_12m_all', 'count', 'Accounts opened in the last 12 months'),
  indicator('acct_new_12m_non_bank', 'count', 'Accounts opened with non-bank lenders in the last 12 months'),
  indicator('acct_new_inst_12m_all', 'count', 'Lenders that opened accounts for you in the last 12 months'),
  indicator('amt_new_12m_all_minor', 'minor', 'Credit granted to you in the last 12 months'),
  // Multi-lending: the current picture.
  indicator('acct_open_all', 'count', 'Open accounts'),
  indicator('acct_open_non_bank', 'count', 'Open accounts with non-bank lenders'),
  indicator('lender_open_all', 'count', 'Lenders with open credit'),
  indicator('lender_open_non_bank', 'count', 'Non-bank lenders with open credit'),
  indicator('lender_open_online_microloan', 'count', 'Online microloan lenders with open credit'),
  indicator('bal_open_all_minor', 'minor', 'Balance owed on open accounts'),
  indicator('limit_rev_all_minor', 'minor', 'Total limit of open revolving credit'),
  indicator('pay_sched_all_minor', 'minor', 'Payments due each month'),
  indicator('util_rev_all', 'ratio', 'Share of revolving credit limits in use', 'no revolving limit'),
  indicator('amt_overdue_all_minor', 'minor', 'Amount overdue now'),
  indicator('dlq_open_all', 'count', 'Open accounts overdue now'),
  indicator('status_worst_now_all', 'level', 'Most overdue status of an open account now'),
  indicator('status_worst_24m_all', 'level', 'Most overdue status in the last 24 months'),
  indicator(
    'dlq_months_since_all',
    'months',
    'Months since the last overdue payment',
    'no overdue payment in the last 5 years',
  ),
  // Account history (bureau-features.ts).
  history('status_worst_12m_all', 'level', 'Most overdue status in the last 12 months'),
  history('dlq_months_12m_all', 'count', 'Overdue account-months in the last 12 months'),
  history('acct_overdue_31d_60m_all', 'count', 'Accounts more than 30 days overdue in the last 5 years'),
  history('acct_ever_all', 'count', 'Accounts on file, open or closed'),
  history('hist_oldest_months', 'months', 'Age of your oldest account', 'no account'),
  history('hist_newest_months', 'months', 'Time since your newest account was opened', 'no account'),
  history('util_rev_max', 'ratio', 'Highest use of a single revolving limit', 'no revolving limit'),
  history(
    'util_rev_avg_6m',
    'ratio',
    'Average use of revolving limits over the last 6 months',
    'no revolving limit',
  ),
  history(
    'rev_min_pay_share_6m',
    'ratio',
    'Share of card and credit line bills paid at the minimum or less',
    'no bill in the last 6 months',
  ),
  history(
    'loan_share_open',
    'ratio',
    'Share of open accounts that are loans rather than revolving credit',
    'no open account',
  ),
  history('bal_to_limit_all', 'ratio', 'Balance owed compared with total credit granted', 'no open credit'),
];

/**
 * The version of the candidate set, written into every model: features change only with it.
 *
 * @example
 *   model.features.set === BUREAU_FEATURE_SET; // a model trained on this set
 */
export const BUREAU_FEATURE_SET = 'bureau-features-v1';

const BY_NAME = new Map(BUREAU_FEATURES.map((f) => [f.name, f]));

/**
 * The definition of a candidate variable, or undefined for a name not in the set.
 *
 * @example
 *   bureauFeature('lender_open_all')?.unit; // 'count'
 */
export function bureauFeature(name: string): BureauFeature | undefined {
  return BY_NAME.get(name);
}
