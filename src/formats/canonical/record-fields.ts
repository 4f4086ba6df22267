/**
 * The fields of each record kind of the canonical furnishing format, as data. The structural
 * rules (required, type, unknown field), the JSON Schema in docs/ and the API all come from this
 * one table, so they cannot disagree.
 *
 * @example
 *   RECORD_FIELDS.month.find((f) => f.name === 'status')?.type // { kind: 'enum', values: [...] }
 */
import {
  ACCOUNT_TYPES,
  BUSINESS_TYPES,
  CURRENCIES,
  FIVE_LEVEL_CLASSES,
  GUARANTEE_TYPES,
  REPAYMENT_FREQUENCIES,
  REPAYMENT_METHODS,
  REPAYMENT_STATUSES,
  SEXES,
} from '../../domain/codes.js';
import {
  MAX_ACCOUNT_NO_CHARS,
  MAX_AMOUNT_MINOR,
  MAX_HISTORY_PROFILE_MONTHS,
  MAX_INSTALMENTS,
  MAX_OVERDUE_PERIODS,
  MAX_TEXT_CHARS,
} from './limits.js';
import type { AccountTerms, MonthState } from './record-types.js';

export const RECORD_KINDS = ['identity', 'account', 'month', 'correction', 'deletion'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export type FieldType =
  | { kind: 'text'; maxChars: number; pattern?: RegExp; patternDescription?: string }
  | { kind: 'enum'; values: readonly (string | number)[] }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'date' }
  | { kind: 'month' }
  | { kind: 'boolean' }
  | { kind: 'object' };

export interface FieldSpec {
  readonly name: string;
  readonly required: boolean;
  readonly type: FieldType;
  readonly description: string;
}

const text = (maxChars: number): FieldType => ({ kind: 'text', maxChars });
const amount: FieldType = { kind: 'integer', min: 0, max: MAX_AMOUNT_MINOR };
const ACCOUNT_NO: FieldSpec = {
  name: 'account_no',
  required: true,
  type: {
    kind: 'text',
    maxChars: MAX_ACCOUNT_NO_CHARS,
    pattern: /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/,
    patternDescription: 'letters, digits and . _ : / - (starting with a letter or digit)',
  },
  description: "The furnisher's own account number, unique within the furnisher.",
};
const FIXES: FieldSpec = {
  name: 'fixes',
  required: false,
  type: {
    kind: 'text',
    maxChars: 80,
    pattern: /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}#[1-9]\d{0,7}$/,
    patternDescription: 'BATCH_ID#LINE of the rejected record this record fixes',
  },
  description: 'Marks this record as the fix of an earlier rejected record (BATCH_ID#LINE).',
};
const KIND: FieldSpec = {
  name: 'kind',
  required: true,
  type: { kind: 'enum', values: ['identity', 'account', 'month', 'correction', 'deletion'] },
  description: 'The record kind.',
};
const ID_NUMBER: FieldSpec = {
  name: 'id_number',
  required: true,
  type: text(32),
  description: "The person's national ID number (China: 18-digit Resident Identity Card number).",
};
const NAME: FieldSpec = {
  name: 'name',
  required: true,
  type: text(60),
  description: "The person's full name as on the ID document.",
};
const REPORTED_ON: FieldSpec = {
  name: 'reported_on',
  required: true,
  type: { kind: 'date' },
  description: 'The date the furnisher reports these facts as true (YYYY-MM-DD).',
};
const MONTH: FieldSpec = {
  name: 'month',
  required: true,
  type: { kind: 'month' },
  description: 'The month the state describes (YYYY-MM).',
};
const REASON: FieldSpec = {
  name: 'reason',
  required: true,
  type: text(MAX_TEXT_CHARS),
  description: 'Why the furnisher corrects or deletes (kept with the old version).',
};

/** The account terms a furnisher reports when opening an account or updating its terms. */
export const ACCOUNT_TERM_FIELDS: readonly FieldSpec[] = [
  {
    name: 'account_type',
    required: true,
    type: { kind: 'enum', values: ACCOUNT_TYPES },
    description:
      'CRC account type: D1 loan, R1 revolving loan, R2 credit card, R3 quasi-credit card, R4 sub-account, C1 collection.',
  },
  {
    name: 'business_type',
    required: true,
    type: { kind: 'enum', values: BUSINESS_TYPES },
    description: 'What the credit is for.',
  },
  {
    name: 'currency',
    required: true,
    type: { kind: 'enum', values: CURRENCIES },
    description: 'ISO 4217 currency of every amount of the account.',
  },
  { name: 'open_date', required: true, type: { kind: 'date' }, description: 'Date the account was opened.' },
  {
    name: 'maturity_date',
    required: false,
    type: { kind: 'date' },
    description: 'Contractual end date (loans); absent for open-ended lines.',
  },
  {
    name: 'amount_minor',
    required: true,
    type: { kind: 'integer', min: 1, max: MAX_AMOUNT_MINOR },
    description: 'Loan amount (D1, C1) or credit limit (R1-R4), in minor units (fen, cents).',
  },
  {
    name: 'shared_limit_minor',
    required: false,
    type: amount,
    description: 'Credit limit shared with other accounts of the same line, in minor units.',
  },
  {
    name: 'repayment_method',
    required: true,
    type: { kind: 'enum', values: REPAYMENT_METHODS },
    description: 'How the credit is repaid.',
  },
  {
    name: 'repayment_frequency',
    required: true,
    type: { kind: 'enum', values: REPAYMENT_FREQUENCIES },
    description: 'How often repayments fall due.',
  },
  {
    name: 'instalments',
    required: false,
    type: { kind: 'integer', min: 1, max: MAX_INSTALMENTS },
    description: 'Number of instalments (loans repaid by instalments).',
  },
  {
    name: 'guarantee_type',
    required: true,
    type: { kind: 'enum', values: GUARANTEE_TYPES },
    description: 'Security of the credit.',
  },
  {
    name: 'joint_loan',
    required: true,
    type: { kind: 'boolean' },
    description: 'True when the credit is co-lent (joint loan with another institution).',
  },
  {
    name: 'first_delinquency_date',
    required: false,
    type: { kind: 'date' },
    description:
      'Date of first delinquency: the day the delinquency that led to the current negative status began (Metro 2 field 25). Starts the retention clock of the US profile; absent while the account is not delinquent.',
  },
];

/**
 * The names of the account terms, in ACCOUNT_TERM_FIELDS order (also the accounts table's term
 * columns).
 *
 * @example
 *   ACCOUNT_TERM_KEYS[0] // 'account_type'
 */
export const ACCOUNT_TERM_KEYS = ACCOUNT_TERM_FIELDS.map((f) => f.name) as readonly (keyof AccountTerms)[];

/** The character of a payment history profile for a month the furnisher has no history of. */
export const HISTORY_NO_DATA = '-';

/**
 * A month record's payment history profile: the statuses of the months before `month`, newest
 * first, one character per month (a status code, or '-' for no history).
 */
export const HISTORY_PROFILE_FIELD: FieldSpec = {
  name: 'payment_history_profile',
  required: false,
  type: {
    kind: 'text',
    maxChars: MAX_HISTORY_PROFILE_MONTHS,
    pattern: new RegExp(
      `^[${HISTORY_NO_DATA}${REPAYMENT_STATUSES.join('')}]{1,${MAX_HISTORY_PROFILE_MONTHS}}$`,
    ),
    patternDescription: `1 to ${MAX_HISTORY_PROFILE_MONTHS} characters, each a status code or ${HISTORY_NO_DATA} (no history that month)`,
  },
  description:
    "Payment history profile (Metro 2 field 18, in status codes): the statuses of the months before `month`, newest first (the first character is the month before `month`). Fills the report's months that have no monthly state on file; never replaces one.",
};

/** The facts of one monthly state of an account. */
export const MONTH_STATE_FIELDS: readonly FieldSpec[] = [
  { name: 'balance_minor', required: true, type: amount, description: 'Outstanding balance at month end.' },
  {
    name: 'used_limit_minor',
    required: false,
    type: amount,
    description: 'Used credit limit at month end (revolving accounts R1-R4 only).',
  },
  {
    name: 'scheduled_payment_minor',
    required: true,
    type: amount,
    description: 'Amount due this month.',
  },
  {
    name: 'actual_payment_minor',
    required: true,
    type: amount,
    description: 'Amount actually paid this month.',
  },
  {
    name: 'overdue_periods',
    required: true,
    type: { kind: 'integer', min: 0, max: MAX_OVERDUE_PERIODS },
    description: 'Number of repayment periods currently overdue.',
  },
  { name: 'overdue_amount_minor', required: true, type: amount, description: 'Amount currently overdue.' },
  {
    name: 'status',
    required: true,
    type: { kind: 'enum', values: REPAYMENT_STATUSES },
    description: 'Repayment status code of the month: N, 1-7, C, G, D, Z, *, #, B, M.',
  },
  {
    name: 'five_class',
    required: true,
    type: { kind: 'enum', values: FIVE_LEVEL_CLASSES },
    description:
      'Five-level classification: 1 normal, 2 special mention, 3 substandard, 4 doubtful, 5 loss, 9 unclassified.',
  },
];

/**
 * The names of a monthly state's fields, in MONTH_STATE_FIELDS order.
 *
 * @example
 *   MONTH_STATE_KEYS[0] // 'balance_minor'
 */
export const MONTH_STATE_KEYS = MONTH_STATE_FIELDS.map((f) => f.name) as readonly (keyof MonthState)[];

/** The fields of every record kind. */
export const RECORD_FIELDS: Readonly<Record<RecordKind, readonly FieldSpec[]>> = {
  identity: [
    KIND,
    ID_NUMBER,
    NAME,
    REPORTED_ON,
    { name: 'birth_date', required: false, type: { kind: 'date' }, description: 'Birth date as reported.' },
    {
      name: 'sex',
      required: false,
      type: { kind: 'enum', values: SEXES },
      description: 'Sex as reported: M or F.',
    },
    { name: 'mobile', required: false, type: text(20), description: 'Mobile phone number.' },
    { name: 'address', required: false, type: text(MAX_TEXT_CHARS), description: 'Residential address.' },
    { name: 'employer', required: false, type: text(MAX_TEXT_CHARS), description: 'Employer name.' },
    FIXES,
  ],
  account: [
    KIND,
    {
      name: 'action',
      required: true,
      type: { kind: 'enum', values: ['open', 'update'] },
      description: 'open: a new account (or the same terms again); update: new terms for an account on file.',
    },
    ACCOUNT_NO,
    ID_NUMBER,
    NAME,
    REPORTED_ON,
    ...ACCOUNT_TERM_FIELDS,
    FIXES,
  ],
  month: [KIND, ACCOUNT_NO, MONTH, REPORTED_ON, ...MONTH_STATE_FIELDS, HISTORY_PROFILE_FIELD, FIXES],
  correction: [
    KIND,
    ACCOUNT_NO,
    { ...MONTH, required: false, description: 'The month to correct; absent to correct the account terms.' },
    {
      name: 'set',
      required: true,
      type: { kind: 'object' },
      description:
        'The corrected fields and their values (account term fields, or monthly state fields with month).',
    },
    REASON,
    REPORTED_ON,
    FIXES,
  ],
  deletion: [
    KIND,
    ACCOUNT_NO,
    { ...MONTH, required: false, description: 'The month to delete; absent to delete the whole account.' },
    REASON,
    REPORTED_ON,
    FIXES,
  ],
};

/** Looks a field up by record kind and name. */
export function fieldSpec(kind: RecordKind, name: string): FieldSpec | undefined {
  return RECORD_FIELDS[kind].find((f) => f.name === name);
}
