/**
 * Rules on the consumer of the base segment and the associated consumers of J1 and J2 segments:
 * an SSN or a date of birth, plausible SSNs, dates of birth not in the future, minors, and ZIP
 * codes that match their state.
 *
 * @example
 *   CONSUMER_RULES.find((r) => r.id === 'CONS-SSN-PLAUSIBLE')?.segments // ['base', 'J1', 'J2']
 */
import { ZIP_FIRST_DIGITS } from './codes.js';
import { MINOR_AGE_YEARS } from './limits.js';
import { day, none, one, recordRule, yearsBetween } from './rule-helpers.js';
import type { RecordRule } from './rule-types.js';

type Consumer = 'socialSecurityNumber' | 'dateBirth' | 'ecoaCode';
const consumers = ['base', 'J1', 'J2'] as const;
/** Numbers never issued although well formed (a wallet card sample, an advertising example). */
const KNOWN_INVALID_SSNS = [78_051_120, 123_456_789];
/** A 9-filled SSN: "unknown", like a zero-filled one. */
const UNKNOWN_SSN = 999_999_999;

/** Whether a 9-digit SSN field's value reports a number: not zero- or 9-filled (both mean "unknown"). */
export function reportsSsn(ssn: number): boolean {
  return ssn > 0 && ssn !== UNKNOWN_SSN;
}

/** Why a 9-digit SSN cannot have been issued, or null. */
export function ssnProblem(ssn: number): string | null {
  const area = Math.floor(ssn / 1_000_000);
  if (area === 0) return 'has area number 000';
  if (area === 666) return 'has area number 666';
  if (area >= 900) return 'has an area number from 900 (never issued as an SSN; ITINs start with 9)';
  if (Math.floor(ssn / 10_000) % 100 === 0) return 'has group number 00';
  if (ssn % 10_000 === 0) return 'has serial number 0000';
  if (KNOWN_INVALID_SSNS.includes(ssn)) return 'is a well-known number that was never issued';
  return null;
}

const ssnText = (ssn: number) => String(ssn).padStart(9, '0');

export const CONSUMER_RULES: readonly RecordRule[] = [
  recordRule<Consumer>({
    id: 'CONS-SSN-OR-DOB',
    severity: 'error',
    segments: consumers,
    fields: ['socialSecurityNumber', 'dateBirth', 'ecoaCode'],
    description:
      'A consumer (base, J1, J2) has an SSN or a date of birth, unless the ECOA code is W (business); zero- and 9-filled SSNs do not count.',
    check(r) {
      if (r.text('ecoaCode') === 'W') return none;
      return !reportsSsn(r.int('socialSecurityNumber')) && r.date('dateBirth') === 0
        ? one('socialSecurityNumber', 'neither an SSN nor a date of birth: at least one is required')
        : none;
    },
    example: {
      description: 'A J1 consumer without SSN and date of birth.',
      change: { j1: { socialSecurityNumber: null, dateBirth: null } },
    },
  }),
  recordRule<Consumer>({
    id: 'CONS-SSN-PLAUSIBLE',
    severity: 'error',
    segments: consumers,
    fields: ['socialSecurityNumber'],
    description:
      'A reported SSN could have been issued: area not 000, 666 or 900-999, group not 00, serial not 0000, not a well-known sample (zero- or 9-fill an unknown SSN).',
    check(r) {
      const ssn = r.int('socialSecurityNumber');
      if (!reportsSsn(ssn)) return none;
      const problem = ssnProblem(ssn);
      return problem ? one('socialSecurityNumber', `SSN ${ssnText(ssn)} ${problem}`) : none;
    },
    example: { description: 'SSN 666-12-3456.', change: { base: { socialSecurityNumber: '666123456' } } },
  }),
  recordRule<Consumer>({
    id: 'CONS-DOB-FUTURE',
    severity: 'error',
    segments: consumers,
    fields: ['dateBirth'],
    description: 'A date of birth is not after today.',
    check(r, context) {
      const dob = r.date('dateBirth');
      return dob > context.today ? one('dateBirth', `date of birth ${day(dob)} is in the future`) : none;
    },
    example: { description: 'Born in 2030.', change: { base: { dateBirth: '2030-01-01' } } },
  }),
  recordRule<Consumer>({
    id: 'CONS-MINOR',
    severity: 'warning',
    segments: consumers,
    fields: ['dateBirth'],
    description: `A consumer is at least ${MINOR_AGE_YEARS} years old on the date of account information.`,
    check(r, context) {
      const dob = r.date('dateBirth');
      const doai = context.base.date('dateAccountInformation');
      if (dob <= 0 || doai <= 0 || dob > context.today) return none;
      const age = yearsBetween(dob, doai);
      if (dob > doai)
        return one(
          'dateBirth',
          `date of birth ${day(dob)} is after the date of account information ${day(doai)}`,
        );
      return age < MINOR_AGE_YEARS ? one('dateBirth', `a minor: ${age} years old on ${day(doai)}`) : none;
    },
    example: { description: 'A J2 consumer born in 2020.', change: { j2: { dateBirth: '2020-01-02' } } },
  }),
  recordRule<'zipCode'>({
    id: 'ADDR-ZIP-FORMAT',
    severity: 'error',
    segments: ['base', 'J2', 'N1'],
    fields: ['zipCode'],
    description: 'A ZIP code is 5 or 9 digits, left-justified (blank when optional and unknown).',
    check(r) {
      const s = r.offset('zipCode');
      const buf = r.buf;
      let digits = 0;
      while (digits < 9 && buf[s + digits]! >= 0x30 && buf[s + digits]! <= 0x39) digits++;
      let rest = s + digits;
      while (rest < s + 9 && buf[rest] === 0x20) rest++;
      if ((digits === 5 || digits === 9 || (digits === 0 && rest === s + 9)) && rest === s + 9) return none;
      return one(
        'zipCode',
        `ZIP code ${JSON.stringify(r.text('zipCode'))} is not 5 or 9 digits, left-justified`,
      );
    },
    example: { description: 'ZIP code 6270.', change: { base: { zipCode: '6270' } } },
  }),
  recordRule<'zipCode' | 'state'>({
    id: 'ADDR-ZIP-STATE',
    severity: 'warning',
    segments: ['base', 'J2'],
    fields: ['zipCode', 'state'],
    description:
      "The first digit of the ZIP code is one of its state's (USPS national areas: IL 6, MI 4, TX 7 or 8...).",
    check(r) {
      const first = r.buf[r.offset('zipCode')]!;
      if (first < 0x30 || first > 0x39) return none;
      const state = r.text('state');
      const digits = ZIP_FIRST_DIGITS[state];
      if (!digits || digits.includes(String.fromCharCode(first))) return none;
      const zip = r.text('zipCode');
      return one(
        'zipCode',
        `ZIP code ${zip} is not in ${state} (${state} ZIP codes start with ${[...digits].join(' or ')})`,
      );
    },
    example: {
      description: 'ZIP code 72654 in Michigan.',
      change: { base: { state: 'MI', zipCode: '72654' } },
    },
  }),
];
