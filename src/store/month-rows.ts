/**
 * Conversions between the domain's month state and the account_months columns.
 *
 * @example
 *   const columns = monthColumns(state); // { balance_minor, ..., used_limit_minor: null }
 */

import { MONTH_STATE_FIELDS } from '../formats/canonical/record-fields.js';
import type { AccountTerms, MonthState } from '../formats/canonical/record-types.js';
import type { AccountTermsColumns, MonthStateColumns } from './schema-types.js';

/** Column names of a monthly state: the format's field names (src/formats). */
export const MONTH_STATE_COLUMNS: readonly (keyof MonthStateColumns)[] = MONTH_STATE_FIELDS.map(
  (f) => f.name as keyof MonthStateColumns,
);

export function monthColumns(state: MonthState): MonthStateColumns {
  return {
    balance_minor: state.balance_minor,
    used_limit_minor: state.used_limit_minor ?? null,
    scheduled_payment_minor: state.scheduled_payment_minor,
    actual_payment_minor: state.actual_payment_minor,
    overdue_periods: state.overdue_periods,
    overdue_amount_minor: state.overdue_amount_minor,
    status: state.status,
    five_class: state.five_class,
  };
}

export function monthStateFromColumns(row: MonthStateColumns): MonthState {
  const state: MonthState = {
    balance_minor: Number(row.balance_minor),
    scheduled_payment_minor: Number(row.scheduled_payment_minor),
    actual_payment_minor: Number(row.actual_payment_minor),
    overdue_periods: Number(row.overdue_periods),
    overdue_amount_minor: Number(row.overdue_amount_minor),
    status: row.status as MonthState['status'],
    five_class: Number(row.five_class) as MonthState['five_class'],
  };
  if (row.used_limit_minor !== null) state.used_limit_minor = Number(row.used_limit_minor);
  return state;
}

export function termColumns(terms: AccountTerms): AccountTermsColumns {
  return {
    account_type: terms.account_type,
    business_type: terms.business_type,
    currency: terms.currency,
    open_date: terms.open_date,
    maturity_date: terms.maturity_date ?? null,
    amount_minor: terms.amount_minor,
    shared_limit_minor: terms.shared_limit_minor ?? null,
    repayment_method: terms.repayment_method,
    repayment_frequency: terms.repayment_frequency,
    instalments: terms.instalments ?? null,
    guarantee_type: terms.guarantee_type,
    joint_loan: terms.joint_loan ? 1 : 0,
    first_delinquency_date: terms.first_delinquency_date ?? null,
  };
}

export function termsFromColumns(row: AccountTermsColumns): AccountTerms {
  const terms: AccountTerms = {
    account_type: row.account_type as AccountTerms['account_type'],
    business_type: row.business_type as AccountTerms['business_type'],
    currency: row.currency as AccountTerms['currency'],
    open_date: row.open_date,
    amount_minor: Number(row.amount_minor),
    repayment_method: row.repayment_method as AccountTerms['repayment_method'],
    repayment_frequency: row.repayment_frequency as AccountTerms['repayment_frequency'],
    guarantee_type: row.guarantee_type as AccountTerms['guarantee_type'],
    joint_loan: Number(row.joint_loan) === 1,
  };
  if (row.maturity_date !== null) terms.maturity_date = row.maturity_date;
  if (row.shared_limit_minor !== null) terms.shared_limit_minor = Number(row.shared_limit_minor);
  if (row.instalments !== null) terms.instalments = Number(row.instalments);
  if (row.first_delinquency_date !== null) terms.first_delinquency_date = row.first_delinquency_date;
  return terms;
}
