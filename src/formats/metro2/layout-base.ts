/**
 * The base segment (426 bytes): positions from moov-io/metro2's specifications, cross-checked
 * against cfpb/Metro2's field list; CRRG field numbers in `crrg`.
 *
 * @example
 *   BASE_LAYOUT.byName.accountStatus.start // 124
 */
import {
  ACCOUNT_STATUSES,
  ACCOUNT_TYPES,
  ADDRESS_INDICATORS,
  COMPLIANCE_CONDITION_CODES,
  CONSUMER_INFORMATION_INDICATORS,
  CORRECTION_INDICATORS,
  ECOA_CODES,
  GENERATION_CODES,
  INTEREST_TYPES,
  PAYMENT_HISTORY_CHARACTERS,
  PAYMENT_RATINGS,
  PORTFOLIO_TYPES,
  PROCESSING_INDICATORS,
  RESIDENCE_CODES,
  SPECIAL_COMMENTS,
  STATE_CODES,
  TERMS_DURATION_CODES,
  TERMS_FREQUENCIES,
} from './codes.js';
import { fieldsOf } from './field-builders.js';
import { defineLayout } from './field-types.js';
import { FIXED_RECORD_BYTES } from './limits.js';

const f = fieldsOf('base');
const req = { required: true };

export const BASE_LAYOUT = defineLayout('base', FIXED_RECORD_BYTES, [
  {
    ...f.rdw('Record descriptor word: the length of the record with its appended segments, in bytes.'),
    crrg: '1',
  },
  f.num('processingIndicator', 5, 1, 'Processing indicator: always 1.', {
    crrg: '2',
    codes: PROCESSING_INDICATORS,
  }),
  f.timestamp('timeStamp', 6, 14, 'Date and time of the account update.', { crrg: '3' }),
  f.num(
    'correctionIndicator',
    20,
    1,
    'Correction indicator: 0 normal, 1 replaces the last update of the period.',
    {
      crrg: '4',
      codes: CORRECTION_INDICATORS,
    },
  ),
  f.an(
    'identificationNumber',
    21,
    20,
    "Furnisher's identification number (branch, office or credit central).",
    {
      ...req,
      crrg: '5',
    },
  ),
  f.an('cycleIdentifier', 41, 2, 'Cycle identifier, for cycle reporters.', { crrg: '6' }),
  f.an('consumerAccountNumber', 43, 30, 'Consumer account number: unique, stable, never the SSN.', {
    ...req,
    crrg: '7',
  }),
  f.an(
    'portfolioType',
    73,
    1,
    'Portfolio type: C line of credit, I installment, M mortgage, O open, R revolving, L lease.',
    {
      ...req,
      crrg: '8',
      codes: PORTFOLIO_TYPES,
    },
  ),
  f.an(
    'accountType',
    74,
    2,
    'Account type (e.g. 00 auto, 01 unsecured, 18 credit card, 26 mortgage, 48 collection).',
    {
      ...req,
      crrg: '9',
      codes: ACCOUNT_TYPES,
    },
  ),
  f.date('dateOpened', 76, 8, 'Date the account was opened.', { ...req, crrg: '10' }),
  f.money('creditLimit', 84, 9, 'Credit limit, whole dollars.', { crrg: '11' }),
  f.money('highestCredit', 93, 9, 'Highest credit or original loan amount, whole dollars.', { crrg: '12' }),
  f.an(
    'termsDuration',
    102,
    3,
    'Terms duration: LOC, REV, or a number of months (years for mortgages); 001 open.',
    {
      ...req,
      crrg: '13',
      codes: TERMS_DURATION_CODES,
      codesOrNumber: true,
    },
  ),
  f.an('termsFrequency', 105, 1, 'Terms frequency: D, P, W, B, E, M, L, Q, T, S, Y.', {
    crrg: '14',
    codes: TERMS_FREQUENCIES,
  }),
  f.money('scheduledMonthlyPaymentAmount', 106, 9, 'Scheduled monthly payment, whole dollars.', {
    crrg: '15',
  }),
  f.money('actualPaymentAmount', 115, 9, 'Actual payment received this period, whole dollars.', {
    crrg: '16',
  }),
  f.an('accountStatus', 124, 2, 'Account status (05, 11, 13, 61-65, 71-84, 88, 89, 93-97, DA, DF).', {
    ...req,
    crrg: '17A',
    codes: ACCOUNT_STATUSES,
  }),
  f.an('paymentRating', 126, 1, 'Payment rating: 0-6, G, L; only with statuses 05, 13, 65, 88, 89, 94, 95.', {
    crrg: '17B',
    codes: PAYMENT_RATINGS,
  }),
  f.an(
    'paymentHistoryProfile',
    127,
    24,
    '24-month payment history profile, previous month first: 0-6, B, D, E, G, H, J, K, L.',
    {
      ...req,
      crrg: '18',
      characters: PAYMENT_HISTORY_CHARACTERS,
    },
  ),
  f.an('specialComment', 151, 2, 'Special comment code.', { crrg: '19', codes: SPECIAL_COMMENTS }),
  f.an('complianceConditionCode', 153, 2, 'Compliance condition code (XA-XJ, XR).', {
    crrg: '20',
    codes: COMPLIANCE_CONDITION_CODES,
  }),
  f.money('currentBalance', 155, 9, 'Current balance, whole dollars (a credit balance is reported as 0).', {
    crrg: '21',
  }),
  f.money('amountPastDue', 164, 9, 'Amount past due, whole dollars.', { crrg: '22' }),
  f.money('originalChargeOffAmount', 173, 9, 'Original charge-off amount, whole dollars (statuses 64, 97).', {
    crrg: '23',
  }),
  f.date('dateAccountInformation', 182, 8, 'Date of account information: the "as of" date of this record.', {
    ...req,
    crrg: '24',
  }),
  f.date('dateFirstDelinquency', 190, 8, 'FCRA compliance / date of first delinquency.', { crrg: '25' }),
  f.date('dateClosed', 198, 8, 'Date closed.', { crrg: '26' }),
  f.date('dateLastPayment', 206, 8, 'Date of last payment.', { crrg: '27' }),
  f.an('interestTypeIndicator', 214, 1, 'Interest type: F fixed, V variable.', {
    crrg: '28',
    codes: INTEREST_TYPES,
  }),
  { ...f.reserved('reserved', 215, 17), crrg: '29' },
  f.an('surname', 232, 25, 'Surname of the consumer.', { ...req, crrg: '30' }),
  f.an('firstName', 257, 20, 'First name.', { ...req, crrg: '31' }),
  f.an('middleName', 277, 20, 'Middle name or initial.', { crrg: '32' }),
  f.an('generationCode', 297, 1, 'Generation code: J, S, 2-9.', { crrg: '33', codes: GENERATION_CODES }),
  f.digits('socialSecurityNumber', 298, 9, 'Social Security Number (9 digits; zero-filled when unknown).', {
    crrg: '34',
  }),
  f.date('dateBirth', 307, 8, 'Date of birth.', { crrg: '35' }),
  f.digits('telephoneNumber', 315, 10, 'Telephone number (10 digits).', { crrg: '36' }),
  f.an('ecoaCode', 325, 1, 'ECOA code: 1, 2, 3, 5, 7, T, W, X, Z.', {
    ...req,
    crrg: '37',
    codes: ECOA_CODES,
  }),
  f.an('consumerInformationIndicator', 326, 2, 'Consumer information indicator (bankruptcy and others).', {
    crrg: '38',
    codes: CONSUMER_INFORMATION_INDICATORS,
  }),
  f.an('countryCode', 328, 2, 'Country code (US for the United States).', { crrg: '39' }),
  f.an('firstLineAddress', 330, 32, 'First line of address.', { ...req, crrg: '40' }),
  f.an('secondLineAddress', 362, 32, 'Second line of address.', { crrg: '41' }),
  f.an('city', 394, 20, 'City.', { ...req, crrg: '42' }),
  f.an('state', 414, 2, 'State (USPS code).', { ...req, crrg: '43', codes: STATE_CODES }),
  f.an('zipCode', 416, 9, 'ZIP code: 5 or 9 digits, left-justified.', { ...req, crrg: '44' }),
  f.an('addressIndicator', 425, 1, 'Address indicator: C, Y, N, M, S, B, U, D, P.', {
    crrg: '45',
    codes: ADDRESS_INDICATORS,
  }),
  f.an('residenceCode', 426, 1, 'Residence code: O owns, R rents.', { crrg: '46', codes: RESIDENCE_CODES }),
]);
export type BaseFieldName = keyof typeof BASE_LAYOUT.byName;
