/**
 * The segments appended to a base segment: J1 and J2 (associated consumers, repeatable), K1
 * original creditor, K2 purchased from / sold to, K3 mortgage, K4 specialized payment, L1 account
 * number change, N1 employment. They are always character data.
 *
 * @example
 *   SEGMENT_LAYOUTS.K1.length // 34
 */
import {
  ADDRESS_INDICATORS,
  AGENCY_IDENTIFIERS,
  CHANGE_INDICATORS,
  CONSUMER_INFORMATION_INDICATORS,
  CREDITOR_CLASSIFICATIONS,
  ECOA_CODES,
  GENERATION_CODES,
  PURCHASED_INDICATORS,
  RESIDENCE_CODES,
  SPECIALIZED_PAYMENT_INDICATORS,
  STATE_CODES,
} from './codes.js';
import { fieldsOf } from './field-builders.js';
import type { AppendedSegmentName, SegmentLayout } from './field-types.js';
import { defineLayout } from './field-types.js';

const j1 = fieldsOf('J1');
const j2 = fieldsOf('J2');
const req = { required: true };

export const J1_LAYOUT = defineLayout('J1', 100, [
  j1.id('segmentIdentifier', 1, 'J1'),
  j1.reserved('reserved1', 3, 1),
  j1.an('surname', 4, 25, 'Surname of the associated consumer.', req),
  j1.an('firstName', 29, 20, 'First name.', req),
  j1.an('middleName', 49, 20, 'Middle name or initial.'),
  j1.an('generationCode', 69, 1, 'Generation code: J, S, 2-9.', { codes: GENERATION_CODES }),
  j1.digits('socialSecurityNumber', 70, 9, 'Social Security Number.'),
  j1.date('dateBirth', 79, 8, 'Date of birth.'),
  j1.digits('telephoneNumber', 87, 10, 'Telephone number.'),
  j1.an('ecoaCode', 97, 1, 'ECOA code.', { ...req, codes: ECOA_CODES }),
  j1.an('consumerInformationIndicator', 98, 2, 'Consumer information indicator.', {
    codes: CONSUMER_INFORMATION_INDICATORS,
  }),
  j1.reserved('reserved2', 100, 1),
]);

export const J2_LAYOUT = defineLayout('J2', 200, [
  j2.id('segmentIdentifier', 1, 'J2'),
  j2.reserved('reserved1', 3, 1),
  j2.an('surname', 4, 25, 'Surname of the associated consumer.', req),
  j2.an('firstName', 29, 20, 'First name (may be blank for a business).'),
  j2.an('middleName', 49, 20, 'Middle name or initial.'),
  j2.an('generationCode', 69, 1, 'Generation code: J, S, 2-9.', { codes: GENERATION_CODES }),
  j2.digits('socialSecurityNumber', 70, 9, 'Social Security Number.'),
  j2.date('dateBirth', 79, 8, 'Date of birth.'),
  j2.digits('telephoneNumber', 87, 10, 'Telephone number.'),
  j2.an('ecoaCode', 97, 1, 'ECOA code.', { ...req, codes: ECOA_CODES }),
  j2.an('consumerInformationIndicator', 98, 2, 'Consumer information indicator.', {
    codes: CONSUMER_INFORMATION_INDICATORS,
  }),
  j2.an('countryCode', 100, 2, 'Country code.'),
  j2.an('firstLineAddress', 102, 32, 'First line of address.', req),
  j2.an('secondLineAddress', 134, 32, 'Second line of address.'),
  j2.an('city', 166, 20, 'City.', req),
  j2.an('state', 186, 2, 'State (USPS code).', { ...req, codes: STATE_CODES }),
  j2.an('zipCode', 188, 9, 'ZIP code.', req),
  j2.an('addressIndicator', 197, 1, 'Address indicator.', { codes: ADDRESS_INDICATORS }),
  j2.an('residenceCode', 198, 1, 'Residence code.', { codes: RESIDENCE_CODES }),
  j2.reserved('reserved2', 199, 2),
]);

const k1 = fieldsOf('K1');
export const K1_LAYOUT = defineLayout('K1', 34, [
  k1.id('segmentIdentifier', 1, 'K1'),
  k1.an('originalCreditorName', 3, 30, 'Name of the original creditor.', req),
  k1.num('creditorClassification', 33, 2, 'Creditor classification, 01-15.', {
    ...req,
    codes: CREDITOR_CLASSIFICATIONS,
  }),
]);

const k2 = fieldsOf('K2');
export const K2_LAYOUT = defineLayout('K2', 34, [
  k2.id('segmentIdentifier', 1, 'K2'),
  k2.num(
    'purchasedIndicator',
    3,
    1,
    'Purchased from / sold to indicator: 1 purchased from, 2 sold to, 9 remove.',
    {
      ...req,
      codes: PURCHASED_INDICATORS,
    },
  ),
  k2.an('purchasedName', 4, 30, 'Name the account was purchased from or sold to (blank with indicator 9).'),
  k2.reserved('reserved', 34, 1),
]);

const k3 = fieldsOf('K3');
export const K3_LAYOUT = defineLayout('K3', 40, [
  k3.id('segmentIdentifier', 1, 'K3'),
  k3.num('agencyIdentifier', 3, 2, 'Agency identifier: 00 not applicable, 01 Fannie Mae, 02 Freddie Mac.', {
    codes: AGENCY_IDENTIFIERS,
  }),
  k3.an('accountNumber', 5, 18, 'Account number at the agency (blank with agency 00).'),
  k3.an('mortgageIdentificationNumber', 23, 18, 'Mortgage identification number (MIN).'),
]);

const k4 = fieldsOf('K4');
export const K4_LAYOUT = defineLayout('K4', 30, [
  k4.id('segmentIdentifier', 1, 'K4'),
  k4.num('specializedPaymentIndicator', 3, 2, 'Specialized payment indicator: 01 balloon, 02 deferred.', {
    ...req,
    codes: SPECIALIZED_PAYMENT_INDICATORS,
  }),
  k4.date('deferredPaymentStartDate', 5, 8, 'Date the deferred payments start.'),
  k4.date('balloonPaymentDueDate', 13, 8, 'Date the balloon payment is due.'),
  k4.money('balloonPaymentAmount', 21, 9, 'Balloon payment amount, whole dollars.'),
  k4.reserved('reserved', 30, 1),
]);

const l1 = fieldsOf('L1');
export const L1_LAYOUT = defineLayout('L1', 54, [
  l1.id('segmentIdentifier', 1, 'L1'),
  l1.num('changeIndicator', 3, 1, 'Change indicator: 1 account number, 2 identification number, 3 both.', {
    ...req,
    codes: CHANGE_INDICATORS,
  }),
  l1.an('newConsumerAccountNumber', 4, 30, 'New consumer account number (indicators 1 and 3).'),
  l1.an('newIdentificationNumber', 34, 20, 'New identification number (indicators 2 and 3).'),
  l1.reserved('reserved', 54, 1),
]);

const n1 = fieldsOf('N1');
export const N1_LAYOUT = defineLayout('N1', 146, [
  n1.id('segmentIdentifier', 1, 'N1'),
  n1.an('employerName', 3, 30, 'Name of the employer.', req),
  n1.an('firstLineEmployerAddress', 33, 32, 'First line of the employer address.'),
  n1.an('secondLineEmployerAddress', 65, 32, 'Second line of the employer address.'),
  n1.an('employerCity', 97, 20, 'City of the employer.'),
  n1.an('employerState', 117, 2, 'State of the employer.', { codes: STATE_CODES }),
  n1.an('zipCode', 119, 9, 'ZIP code of the employer.'),
  n1.an('occupation', 128, 18, 'Occupation.'),
  n1.reserved('reserved', 146, 1),
]);

export type J1FieldName = keyof typeof J1_LAYOUT.byName;
export type J2FieldName = keyof typeof J2_LAYOUT.byName;
export type K1FieldName = keyof typeof K1_LAYOUT.byName;
export type K2FieldName = keyof typeof K2_LAYOUT.byName;
export type K3FieldName = keyof typeof K3_LAYOUT.byName;
export type K4FieldName = keyof typeof K4_LAYOUT.byName;
export type L1FieldName = keyof typeof L1_LAYOUT.byName;
export type N1FieldName = keyof typeof N1_LAYOUT.byName;

/** Every appended segment's layout, by its identifier. */
export const SEGMENT_LAYOUTS: Readonly<Record<AppendedSegmentName, SegmentLayout>> = {
  J1: J1_LAYOUT,
  J2: J2_LAYOUT,
  K1: K1_LAYOUT,
  K2: K2_LAYOUT,
  K3: K3_LAYOUT,
  K4: K4_LAYOUT,
  L1: L1_LAYOUT,
  N1: N1_LAYOUT,
};
