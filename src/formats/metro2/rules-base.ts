/**
 * The business rules of the base segment, beyond field types and code lists: payment rating,
 * balances and amounts past due by status, the date of first delinquency, charge-off amounts,
 * dates in order and not in the future, and consistency warnings. Each rule has an example that
 * breaks it, starting from the valid example file.
 *
 * @example
 *   BASE_RULES.map((r) => r.id) // ['B-IDENTIFICATION-NUMBER', ...]
 */
import {
  BANKRUPTCY_INDICATORS,
  CHARGE_OFF_STATUSES,
  COLLECTION_ACCOUNT_TYPES,
  DELINQUENT_RATINGS,
  DELINQUENT_STATUSES,
  isOneOf,
  PAST_DUE_STATUSES,
  RATED_STATUSES,
  ZERO_BALANCE_STATUSES,
} from './codes.js';
import type { BaseFieldName } from './layout-base.js';
import { day, none, one, recordRule, status } from './rule-helpers.js';
import type { RecordRule, RuleViolation } from './rule-types.js';

type B = BaseFieldName;
const base = ['base'] as const;
/** 01/01/1970: the Unix epoch, written by systems that store "no date" as time zero. */
const EPOCH = 19700101;
const DATE_FIELDS: readonly B[] = [
  'dateOpened',
  'dateAccountInformation',
  'dateFirstDelinquency',
  'dateClosed',
  'dateLastPayment',
];

/** Whether the record reports a delinquency: a delinquent status, or 05/13 with a delinquent rating. */
function delinquent(statusCode: string, rating: string): boolean {
  return (
    isOneOf(DELINQUENT_STATUSES, statusCode) ||
    ((statusCode === '05' || statusCode === '13') && isOneOf(DELINQUENT_RATINGS, rating))
  );
}

function notAfterDoai(id: string, field: B, what: string, description: string): RecordRule {
  return recordRule<B>({
    id,
    severity: 'error',
    segments: base,
    fields: [field, 'dateAccountInformation'],
    description,
    check(r) {
      const date = r.date(field);
      const doai = r.date('dateAccountInformation');
      return date > 0 && doai > 0 && date > doai
        ? one(field, `${what} ${day(date)} is after the date of account information ${day(doai)}`)
        : none;
    },
    example: {
      description: `${what} after the date of account information.`,
      change: { base: { [field]: '2025-06-15' } },
    },
  });
}

export const BASE_RULES: readonly RecordRule[] = [
  recordRule<B>({
    id: 'B-IDENTIFICATION-NUMBER',
    severity: 'error',
    segments: base,
    fields: ['identificationNumber'],
    description: 'The identification number is not all zeros or all nines.',
    check(r) {
      if (!r.isAll('identificationNumber', 0x30) && !r.isAll('identificationNumber', 0x39)) return none;
      const id = r.text('identificationNumber');
      return one('identificationNumber', `identification number ${id} is all ${id[0]}s`);
    },
    example: {
      description: 'Identification number 000000.',
      change: { base: { identificationNumber: '000000' } },
    },
  }),
  recordRule<B>({
    id: 'B-PAYMENT-RATING-REQUIRED',
    severity: 'error',
    segments: base,
    fields: ['accountStatus', 'paymentRating'],
    description: 'Statuses 05, 13, 65, 88, 89, 94 and 95 carry a payment rating.',
    check(r) {
      const s = r.text('accountStatus');
      return isOneOf(RATED_STATUSES, s) && r.text('paymentRating') === ''
        ? one('paymentRating', `${status(s)} needs a payment rating (0-6, G, L)`)
        : none;
    },
    example: {
      description: 'Status 13 without a payment rating.',
      change: { base: { accountStatus: '13', currentBalance: 0, dateClosed: '2025-05-15' } },
    },
  }),
  recordRule<B>({
    id: 'B-PAYMENT-RATING-BLANK',
    severity: 'error',
    segments: base,
    fields: ['accountStatus', 'paymentRating'],
    description: 'Every status but 05, 13, 65, 88, 89, 94 and 95 has the payment rating blank.',
    check(r) {
      const s = r.text('accountStatus');
      const rating = r.text('paymentRating');
      return !isOneOf(RATED_STATUSES, s) && rating !== ''
        ? one('paymentRating', `${status(s)} has payment rating ${rating}: expected blank`)
        : none;
    },
    example: { description: 'Status 11 with payment rating 1.', change: { base: { paymentRating: '1' } } },
  }),
  recordRule<B>({
    id: 'B-ZERO-BALANCE',
    severity: 'error',
    segments: base,
    fields: ['accountStatus', 'currentBalance'],
    description: 'Statuses 13 and 61-65 (paid or closed) have a current balance of 0.',
    check(r) {
      const s = r.text('accountStatus');
      const balance = r.int('currentBalance');
      return isOneOf(ZERO_BALANCE_STATUSES, s) && balance > 0
        ? one('currentBalance', `${status(s)} with a current balance of ${balance}: expected 0`)
        : none;
    },
    example: {
      description: 'Status 13 with a balance.',
      change: { base: { accountStatus: '13', paymentRating: '0', dateClosed: '2025-05-15' } },
    },
  }),
  recordRule<B>({
    id: 'B-PAST-DUE-CURRENT',
    severity: 'error',
    segments: base,
    fields: ['accountStatus', 'amountPastDue'],
    description: 'Status 11 (current) has an amount past due of 0.',
    check(r) {
      const pastDue = r.int('amountPastDue');
      return r.text('accountStatus') === '11' && pastDue > 0
        ? one('amountPastDue', `${status('11')} with ${pastDue} past due: expected 0`)
        : none;
    },
    example: { description: 'Status 11 with 450 past due.', change: { base: { amountPastDue: 450 } } },
  }),
  recordRule<B>({
    id: 'B-PAST-DUE-DELINQUENT',
    severity: 'error',
    segments: base,
    fields: ['accountStatus', 'amountPastDue'],
    description: 'Statuses 71-84 (30 to 180+ days past due) have an amount past due above 0.',
    check(r) {
      const s = r.text('accountStatus');
      return isOneOf(PAST_DUE_STATUSES, s) && r.int('amountPastDue') === 0
        ? one('amountPastDue', `${status(s)} with nothing past due: expected an amount above 0`)
        : none;
    },
    example: {
      description: 'Status 71 with nothing past due.',
      change: { base: { accountStatus: '71', dateFirstDelinquency: '2025-04-01' } },
    },
  }),
  recordRule<B>({
    id: 'B-PAST-DUE-OVER-BALANCE',
    severity: 'warning',
    segments: base,
    fields: ['amountPastDue', 'currentBalance'],
    description: 'The amount past due is not above the current balance.',
    check(r) {
      const pastDue = r.int('amountPastDue');
      const balance = r.int('currentBalance');
      return pastDue > balance
        ? one('amountPastDue', `${pastDue} past due is more than the current balance of ${balance}`)
        : none;
    },
    example: {
      description: 'Status 71 with 20000 past due on a balance of 14500.',
      change: { base: { accountStatus: '71', amountPastDue: 20000, dateFirstDelinquency: '2025-04-01' } },
    },
  }),
  recordRule<B>({
    id: 'B-DOFD-REQUIRED',
    severity: 'error',
    segments: base,
    fields: ['accountStatus', 'paymentRating', 'dateFirstDelinquency'],
    description:
      'A date of first delinquency is reported with statuses 61-65 and 71-97, and with 05 or 13 when the payment rating is a delinquency (1-6, G, L).',
    check(r) {
      const s = r.text('accountStatus');
      return delinquent(s, r.text('paymentRating')) && r.date('dateFirstDelinquency') === 0
        ? one('dateFirstDelinquency', `${status(s)} needs a date of first delinquency`)
        : none;
    },
    example: {
      description: 'Status 78 without a date of first delinquency.',
      change: { base: { accountStatus: '78', amountPastDue: 900 } },
    },
  }),
  recordRule<B>({
    id: 'B-DOFD-ABSENT',
    severity: 'error',
    segments: base,
    fields: ['accountStatus', 'paymentRating', 'dateFirstDelinquency', 'consumerInformationIndicator'],
    description:
      'Otherwise (status 11, or 05 and 13 rated current) the date of first delinquency is zero-filled, unless the consumer information indicator reports a bankruptcy.',
    check(r) {
      const s = r.text('accountStatus');
      if (s !== '11' && s !== '05' && s !== '13') return none;
      const dofd = r.date('dateFirstDelinquency');
      if (dofd === 0 || delinquent(s, r.text('paymentRating'))) return none;
      if (isOneOf(BANKRUPTCY_INDICATORS, r.text('consumerInformationIndicator'))) return none;
      return one(
        'dateFirstDelinquency',
        `${status(s)} with a date of first delinquency (${day(dofd)}): expected zeros`,
      );
    },
    example: {
      description: 'Status 11 with a date of first delinquency.',
      change: { base: { dateFirstDelinquency: '2024-11-01' } },
    },
  }),
  recordRule<B>({
    id: 'B-CHARGE-OFF-AMOUNT',
    severity: 'error',
    segments: base,
    fields: ['accountStatus', 'originalChargeOffAmount'],
    description: 'Statuses 64 and 97 (charged off) report the original charge-off amount.',
    check(r) {
      const s = r.text('accountStatus');
      return isOneOf(CHARGE_OFF_STATUSES, s) && r.int('originalChargeOffAmount') === 0
        ? one('originalChargeOffAmount', `${status(s)} needs the original charge-off amount`)
        : none;
    },
    example: {
      description: 'Status 97 without an original charge-off amount.',
      change: { base: { accountStatus: '97', amountPastDue: 14500, dateFirstDelinquency: '2024-09-01' } },
    },
  }),
  recordRule<B>({
    id: 'B-DATE-FUTURE',
    severity: 'error',
    segments: base,
    fields: [...DATE_FIELDS, 'timeStamp'],
    description:
      'No date of the base segment is after today: date opened, of account information, of first delinquency, closed, of last payment, and the time stamp.',
    check(r, context) {
      const found: RuleViolation[] = [];
      for (const field of [...DATE_FIELDS, 'timeStamp' as const]) {
        const date = r.date(field);
        if (date > context.today) found.push({ field, message: `${field} ${day(date)} is in the future` });
      }
      return found.length === 0 ? none : found;
    },
    example: {
      description: 'Date of last payment in 2031.',
      change: { base: { dateLastPayment: '2031-01-01' } },
    },
  }),
  notAfterDoai(
    'B-OPENED-AFTER-DOAI',
    'dateOpened',
    'date opened',
    'The account was opened on or before the date of account information.',
  ),
  notAfterDoai(
    'B-CLOSED-AFTER-DOAI',
    'dateClosed',
    'date closed',
    'The date closed is not after the date of account information.',
  ),
  notAfterDoai(
    'B-LAST-PAYMENT-AFTER-DOAI',
    'dateLastPayment',
    'date of last payment',
    'The date of last payment is not after the date of account information.',
  ),
  recordRule<B>({
    id: 'B-DOFD-AFTER-DOAI',
    severity: 'error',
    segments: base,
    fields: ['dateFirstDelinquency', 'dateAccountInformation'],
    description: 'The date of first delinquency is not after the date of account information.',
    check(r) {
      const dofd = r.date('dateFirstDelinquency');
      const doai = r.date('dateAccountInformation');
      return dofd > 0 && doai > 0 && dofd > doai
        ? one(
            'dateFirstDelinquency',
            `date of first delinquency ${day(dofd)} is after the date of account information ${day(doai)}`,
          )
        : none;
    },
    example: {
      description: 'Status 71 delinquent since after the date of account information.',
      change: { base: { accountStatus: '71', amountPastDue: 450, dateFirstDelinquency: '2025-06-10' } },
    },
  }),
  recordRule<B>({
    id: 'B-DOFD-BEFORE-OPENED',
    severity: 'warning',
    segments: base,
    fields: ['dateFirstDelinquency', 'dateOpened', 'accountType'],
    description:
      'The date of first delinquency is not before the date opened (except for collection accounts, which report the original delinquency, and 01/01/1970: see B-DATE-EPOCH).',
    check(r) {
      const dofd = r.date('dateFirstDelinquency');
      const opened = r.date('dateOpened');
      if (isOneOf(COLLECTION_ACCOUNT_TYPES, r.text('accountType')) || dofd === EPOCH) return none;
      return dofd > 0 && opened > 0 && dofd < opened
        ? one(
            'dateFirstDelinquency',
            `date of first delinquency ${day(dofd)} is before the date opened ${day(opened)}`,
          )
        : none;
    },
    example: {
      description: 'Status 71 delinquent since before the account was opened.',
      change: { base: { accountStatus: '71', amountPastDue: 450, dateFirstDelinquency: '2022-01-01' } },
    },
  }),
  recordRule<B>({
    id: 'B-DATE-EPOCH',
    severity: 'warning',
    segments: base,
    fields: [...DATE_FIELDS, 'dateBirth'],
    description:
      'No date is 01/01/1970, the placeholder of systems that store "no date" as time zero: zero-fill it.',
    check(r) {
      const found: RuleViolation[] = [];
      for (const field of [...DATE_FIELDS, 'dateBirth' as const])
        if (r.date(field) === EPOCH)
          found.push({
            field,
            message: `${field} 1970-01-01 looks like a "no date" placeholder: zero-fill it`,
          });
      return found.length === 0 ? none : found;
    },
    example: { description: 'Date closed 1970-01-01.', change: { base: { dateClosed: '1970-01-01' } } },
  }),
  recordRule<B>({
    id: 'B-DOAI-AFTER-ACTIVITY',
    severity: 'warning',
    segments: base,
    fields: ['dateAccountInformation'],
    description:
      "The date of account information is not after the header's activity date (the end of the reporting period).",
    check(r, context) {
      const doai = r.date('dateAccountInformation');
      return context.activityDate > 0 && doai > context.activityDate
        ? one(
            'dateAccountInformation',
            `date of account information ${day(doai)} is after the activity date ${day(context.activityDate)} of the header`,
          )
        : none;
    },
    example: {
      description: 'A header activity date before the date of account information.',
      change: { header: { activityDate: '2025-05-30' } },
    },
  }),
  recordRule<B>({
    id: 'B-COLLECTION-PORTFOLIO',
    severity: 'warning',
    segments: base,
    fields: ['accountType', 'portfolioType'],
    description:
      'Collection agency and debt buyer accounts (account types 48, 0C, 77) have portfolio type O.',
    check(r) {
      const type = r.text('accountType');
      const portfolio = r.text('portfolioType');
      return isOneOf(COLLECTION_ACCOUNT_TYPES, type) && portfolio !== 'O'
        ? one(
            'portfolioType',
            `account type ${type} (collection) with portfolio type ${portfolio}: expected O`,
          )
        : none;
    },
    example: {
      description: 'Account type 48 with portfolio type I.',
      change: { base: { accountType: '48' } },
    },
  }),
  recordRule<B>({
    id: 'B-TERMS-PORTFOLIO',
    severity: 'warning',
    segments: base,
    fields: ['termsDuration', 'portfolioType'],
    description: 'Terms duration LOC goes with portfolio type C (line of credit), REV with R (revolving).',
    check(r) {
      const terms = r.text('termsDuration');
      const portfolio = r.text('portfolioType');
      const expected = terms === 'LOC' ? 'C' : terms === 'REV' ? 'R' : portfolio;
      return portfolio !== expected
        ? one(
            'termsDuration',
            `terms duration ${terms} with portfolio type ${portfolio}: expected portfolio type ${expected}`,
          )
        : none;
    },
    example: {
      description: 'Terms LOC on an installment account.',
      change: { base: { termsDuration: 'LOC' } },
    },
  }),
  recordRule<B>({
    id: 'B-PHP-B-TRAILING',
    severity: 'warning',
    segments: base,
    fields: ['paymentHistoryProfile'],
    description: 'In the payment history profile, B (no history before this month) is only followed by B.',
    check(r) {
      const s = r.offset('paymentHistoryProfile');
      const buf = r.buf;
      let b = s;
      while (b < s + 24 && buf[b] !== 0x42) b++;
      for (let i = b; i < s + 24; i++)
        if (buf[i] !== 0x42) {
          const php = r.text('paymentHistoryProfile');
          return one('paymentHistoryProfile', `payment history profile ${php} has history after a B`);
        }
      return none;
    },
    example: {
      description: 'Payment history 0B0 followed by Bs.',
      change: { base: { paymentHistoryProfile: '0B0BBBBBBBBBBBBBBBBBBBBB' } },
    },
  }),
];
