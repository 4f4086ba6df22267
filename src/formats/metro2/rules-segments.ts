/**
 * Rules of the K2, K3, K4 and L1 segments (which fields go with which indicator), of the header
 * (dates), and of the trailer (totals that must agree among themselves).
 *
 * @example
 *   SEGMENT_RULES.map((r) => r.id) // ['K2-NAME', 'K3-ACCOUNT-NUMBER', ...]
 */
import { day, none, one, recordRule } from './rule-helpers.js';
import type { RecordRule, RuleViolation } from './rule-types.js';
import { TRAILER_TOTAL_NAMES } from './trailer-totals.js';

export const SEGMENT_RULES: readonly RecordRule[] = [
  recordRule<'purchasedIndicator' | 'purchasedName'>({
    id: 'K2-NAME',
    severity: 'error',
    segments: ['K2'],
    fields: ['purchasedIndicator', 'purchasedName'],
    description:
      'A K2 segment names who the account was purchased from or sold to (indicators 1, 2); with indicator 9 (remove) the name is blank.',
    check(r) {
      const indicator = r.int('purchasedIndicator');
      const blank = r.isEmpty('purchasedName');
      if (indicator === 9 && !blank)
        return one('purchasedName', 'indicator 9 (remove) with a name: expected blank');
      if ((indicator === 1 || indicator === 2) && blank)
        return one('purchasedName', `indicator ${indicator} needs the name purchased from or sold to`);
      return none;
    },
    example: {
      description: 'A K2 with indicator 2 and no name.',
      change: { k2: { purchasedIndicator: 2, purchasedName: '' } },
    },
  }),
  recordRule<'agencyIdentifier' | 'accountNumber'>({
    id: 'K3-ACCOUNT-NUMBER',
    severity: 'error',
    segments: ['K3'],
    fields: ['agencyIdentifier', 'accountNumber'],
    description:
      'A K3 segment has an agency account number with agency 01 (Fannie Mae) or 02 (Freddie Mac), and none with 00.',
    check(r) {
      const agency = r.int('agencyIdentifier');
      const blank = r.isEmpty('accountNumber');
      if (agency === 0 && !blank)
        return one('accountNumber', 'agency 00 (not applicable) with an account number: expected blank');
      if (agency > 0 && blank)
        return one('accountNumber', `agency 0${agency} needs the account number at the agency`);
      return none;
    },
    example: { description: 'Agency 00 with an account number.', change: { k3: { accountNumber: 'ERROR' } } },
  }),
  recordRule<
    | 'specializedPaymentIndicator'
    | 'deferredPaymentStartDate'
    | 'balloonPaymentDueDate'
    | 'balloonPaymentAmount'
  >({
    id: 'K4-DATES',
    severity: 'error',
    segments: ['K4'],
    fields: [
      'specializedPaymentIndicator',
      'deferredPaymentStartDate',
      'balloonPaymentDueDate',
      'balloonPaymentAmount',
    ],
    description:
      'A K4 segment with indicator 01 (balloon) has the balloon due date and amount; with 02 (deferred), the date deferred payments start.',
    check(r) {
      const indicator = r.int('specializedPaymentIndicator');
      const found: RuleViolation[] = [];
      if (indicator === 1) {
        if (r.date('balloonPaymentDueDate') === 0)
          found.push({
            field: 'balloonPaymentDueDate',
            message: 'a balloon payment (01) needs its due date',
          });
        if (r.int('balloonPaymentAmount') === 0)
          found.push({ field: 'balloonPaymentAmount', message: 'a balloon payment (01) needs its amount' });
      } else if (indicator === 2 && r.date('deferredPaymentStartDate') === 0)
        found.push({
          field: 'deferredPaymentStartDate',
          message: 'deferred payments (02) need the date they start',
        });
      return found.length === 0 ? none : found;
    },
    example: {
      description: 'A balloon payment without its amount.',
      change: { k4: { balloonPaymentAmount: 0 } },
    },
  }),
  recordRule<'changeIndicator' | 'newConsumerAccountNumber' | 'newIdentificationNumber'>({
    id: 'L1-CHANGE',
    severity: 'error',
    segments: ['L1'],
    fields: ['changeIndicator', 'newConsumerAccountNumber', 'newIdentificationNumber'],
    description:
      'An L1 segment gives what its indicator changes, and only that: 1 a new account number, 2 a new identification number, 3 both.',
    check(r) {
      const indicator = r.int('changeIndicator');
      const account = !r.isEmpty('newConsumerAccountNumber');
      const id = !r.isEmpty('newIdentificationNumber');
      const found: RuleViolation[] = [];
      const wantAccount = indicator === 1 || indicator === 3;
      const wantId = indicator === 2 || indicator === 3;
      if (wantAccount !== account)
        found.push({
          field: 'newConsumerAccountNumber',
          message: `change indicator ${indicator} ${wantAccount ? 'needs' : 'takes no'} new consumer account number`,
        });
      if (wantId !== id)
        found.push({
          field: 'newIdentificationNumber',
          message: `change indicator ${indicator} ${wantId ? 'needs' : 'takes no'} new identification number`,
        });
      return found.length === 0 ? none : found;
    },
    example: {
      description: 'Change indicator 1 with a new identification number too.',
      change: { l1: { newIdentificationNumber: 'NEWID00001' } },
    },
  }),
  recordRule<'activityDate' | 'dateCreated'>({
    id: 'H-DATE-FUTURE',
    severity: 'error',
    segments: ['header'],
    fields: ['activityDate', 'dateCreated'],
    description: "The header's activity date and date created are not after today.",
    check(r, context) {
      const found: RuleViolation[] = [];
      for (const field of ['activityDate', 'dateCreated'] as const) {
        const date = r.date(field);
        if (date > context.today) found.push({ field, message: `${field} ${day(date)} is in the future` });
      }
      return found.length === 0 ? none : found;
    },
    example: { description: 'Date created in 2031.', change: { header: { dateCreated: '2031-01-01' } } },
  }),
  recordRule<string>({
    id: 'T-STATUS-SUM',
    severity: 'error',
    segments: ['trailer'],
    fields: ['totalBaseRecords', ...TRAILER_TOTAL_NAMES.filter((n) => n.startsWith('totalStatusCode'))],
    description: "The trailer's status totals add up to its total of base records.",
    check(r) {
      let sum = 0;
      for (const name of TRAILER_TOTAL_NAMES) if (name.startsWith('totalStatusCode')) sum += r.int(name);
      const records = r.int('totalBaseRecords');
      return sum !== records
        ? one(
            'totalBaseRecords',
            `the status totals add up to ${sum}, the total of base records is ${records}`,
          )
        : none;
    },
    example: {
      description: 'A trailer counting status 97 once more.',
      change: { trailer: { totalStatusCode97: 1 } },
    },
  }),
  ...(['SocialNumbers', 'DatesBirth'] as const).map((what) =>
    recordRule<string>({
      id: what === 'SocialNumbers' ? 'T-SSN-SUM' : 'T-DOB-SUM',
      severity: 'error',
      segments: ['trailer'],
      fields: [
        `total${what}AllSegments`,
        `total${what}BaseSegments`,
        `total${what}J1Segments`,
        `total${what}J2Segments`,
      ],
      description: `The trailer's total of ${what === 'SocialNumbers' ? 'SSNs' : 'dates of birth'} in all segments is the sum of those in base, J1 and J2 segments.`,
      check(r) {
        const all = r.int(`total${what}AllSegments`);
        const sum =
          r.int(`total${what}BaseSegments`) +
          r.int(`total${what}J1Segments`) +
          r.int(`total${what}J2Segments`);
        return all !== sum
          ? one(
              `total${what}AllSegments`,
              `total${what}AllSegments is ${all}; base, J1 and J2 add up to ${sum}`,
            )
          : none;
      },
      example: {
        description: 'A trailer whose all-segments total is one more than its parts.',
        change: { trailer: { [`total${what}AllSegments`]: 2 } },
      },
    }),
  ),
];
