/**
 * Builders of hand-made person files for the risk tests: institutions of each kind, accounts with
 * their terms and months, inquiries. Every default is stated here so that the expected figures in
 * the tests can be worked out by hand.
 *
 * @example
 *   const file = personFile([account(PLAT1, 'D1', '2025-07-01', 1_000_000)], [inquiry(PLAT1, '02', AS_OF)]);
 */
import type { InquiryReason } from '../../src/consent/inquiry-reasons.js';
import { addMonths } from '../../src/domain/calendar.js';
import type { AccountType, RepaymentStatus } from '../../src/domain/codes.js';
import type { AccountTerms, MonthState } from '../../src/formats/canonical/record-types.js';
import type {
  FileAccount,
  FileInquiry,
  FileMonth,
  InstitutionRef,
  PersonFile,
} from '../../src/report/report-types.js';

/** The instant most tests are as of. Windows start at (exclusive):
 *  7d 2025-07-08T10:00Z, 1m 2025-06-15T10:00Z, 3m 2025-04-15T10:00Z, 6m 2025-01-15T10:00Z,
 *  12m 2024-07-15T10:00Z. */
export const AS_OF = '2025-07-15T10:00:00.000Z';

export const BANK1: InstitutionRef = { code: 'BANK1', name: 'Bank One', kind: 'bank' };
export const BANK2: InstitutionRef = { code: 'BANK2', name: 'Bank Two', kind: 'bank' };
export const PLAT1: InstitutionRef = { code: 'PLAT1', name: 'Platform One', kind: 'online_microloan' };
export const PLAT2: InstitutionRef = { code: 'PLAT2', name: 'Platform Two', kind: 'online_microloan' };
export const PLAT3: InstitutionRef = { code: 'PLAT3', name: 'Platform Three', kind: 'online_microloan' };
export const CF1: InstitutionRef = { code: 'CF1', name: 'Consumer Finance One', kind: 'consumer_finance' };
export const CARD1: InstitutionRef = { code: 'CARD1', name: 'Card Issuer One', kind: 'credit_card_issuer' };

let nextAccountId = 1;

/** Terms: CNY, consumer (D1) or credit_card (revolving) business, monthly, unsecured. */
export function account(
  furnisher: InstitutionRef,
  type: AccountType,
  open_date: string,
  amount_minor: number,
  months: FileMonth[] = [],
  extra: Partial<AccountTerms> = {},
): FileAccount {
  const id = nextAccountId++;
  return {
    accountId: id,
    furnisher,
    accountNo: `ACC-${id}`,
    terms: {
      account_type: type,
      business_type: type === 'D1' || type === 'C1' ? 'consumer' : 'credit_card',
      currency: 'CNY',
      open_date,
      amount_minor,
      repayment_method: type === 'D1' ? 'equal_instalment' : 'minimum_payment',
      repayment_frequency: 'monthly',
      guarantee_type: 'unsecured',
      joint_loan: false,
      ...extra,
    },
    months,
  };
}

/** A monthly state: everything 0, class 1, reported on the 5th of the next month unless told. */
export function month(
  m: string,
  status: RepaymentStatus,
  state: Partial<MonthState> = {},
  reportedOn = `${addMonths(m, 1)}-05`,
): FileMonth {
  return {
    month: m,
    reportedOn,
    state: {
      balance_minor: 0,
      scheduled_payment_minor: 0,
      actual_payment_minor: 0,
      overdue_periods: 0,
      overdue_amount_minor: 0,
      status,
      five_class: 1,
      ...state,
    },
  };
}

export function inquiry(institution: InstitutionRef, reason: InquiryReason, at: string): FileInquiry {
  return { at, institution, reason };
}

export function personFile(accounts: FileAccount[], inquiries: FileInquiry[] = []): PersonFile {
  return {
    personId: 1,
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    attributes: {},
    accounts,
    inquiries,
    objections: 0,
  };
}

/** Expected values of one metric: by group, a value per window (7d, 1m, 3m, 6m, 12m) or one value. */
export type ExpectedTable = Record<string, Partial<Record<string, number | number[]>>>;

/**
 * Every indicator's expected value: 0 (null for util_rev_all and dlq_months_since_all) unless the
 * table says otherwise. Keys of the table are metrics (`inq_hard`, `bal_open`, ...) or full names.
 */
export function expectedValues(
  names: readonly string[],
  table: ExpectedTable,
  whole: Record<string, number | null> = {},
) {
  const windows = ['7d', '1m', '3m', '6m', '12m'];
  const out: Record<string, number | null> = {};
  for (const name of names) out[name] = name === 'util_rev_all' || name === 'dlq_months_since_all' ? null : 0;
  for (const [metric, groups] of Object.entries(table))
    for (const [group, value] of Object.entries(groups)) {
      const unit = ['amt_new', 'bal_open', 'limit_rev', 'pay_sched'].includes(metric) ? '_minor' : '';
      if (Array.isArray(value))
        for (const [i, v] of value.entries()) out[`${metric}_${windows[i]}_${group}${unit}`] = v;
      else out[`${metric}_${group}${unit}`] = value ?? 0;
    }
  for (const [name, value] of Object.entries(whole)) out[name] = value;
  for (const name of Object.keys(out)) if (!names.includes(name)) throw new Error(`no indicator ${name}`);
  return out;
}
