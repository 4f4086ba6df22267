/**
 * Code lists of the Metro 2 format, as data (from moov-io/metro2's constants and CFPB's lookups,
 * both derived from the CDIA Credit Reporting Resource Guide; see ../shared/reference/METRO2.md).
 *
 * @example
 *   ACCOUNT_STATUSES.includes('97') // true
 */

const range = (from: number, to: number, width = 2): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(width, '0'));

/** Portfolio type (field 8): C line of credit, I installment, M mortgage, O open, R revolving, L lease. */
export const PORTFOLIO_TYPES = ['C', 'I', 'M', 'O', 'R', 'L'] as const;

/** Account type (field 9). */
export const ACCOUNT_TYPES = [
  ...range(0, 8),
  '0A',
  '0C',
  '0F',
  '0G',
  ...range(10, 13),
  '15',
  ...range(17, 20),
  '25',
  '26',
  '29',
  '2A',
  '2C',
  '37',
  '3A',
  '43',
  '47',
  '48',
  '4D',
  '50',
  '5A',
  '5B',
  ...range(65, 75),
  '6A',
  '6B',
  '6D',
  '77',
  '7A',
  '7B',
  '89',
  '8A',
  '8B',
  ...range(90, 93),
  '95',
  '9A',
  '9B',
] as const;

/** Account types of collection agencies and debt buyers: reported with portfolio type O. */
export const COLLECTION_ACCOUNT_TYPES = ['48', '0C', '77'] as const;

/** Terms duration codes (field 13) besides a number of months (years for mortgages). */
export const TERMS_DURATION_CODES = ['LOC', 'REV'] as const;
/** Terms frequency (field 14). */
export const TERMS_FREQUENCIES = ['D', 'P', 'W', 'B', 'E', 'M', 'L', 'Q', 'T', 'S', 'Y'] as const;

/** Account status (field 17A); the trailer has a total for each. */
export const ACCOUNT_STATUSES = [
  '05',
  '11',
  '13',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '78',
  '80',
  '82',
  '83',
  '84',
  '88',
  '89',
  '93',
  '94',
  '95',
  '96',
  '97',
  'DA',
  'DF',
] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Statuses that carry a payment rating (17B); every other status has it blank. */
export const RATED_STATUSES = ['05', '13', '65', '88', '89', '94', '95'] as const;
/** Paid or closed statuses: the current balance is zero. */
export const ZERO_BALANCE_STATUSES = ['13', '61', '62', '63', '64', '65'] as const;
/** Past-due statuses (30 to 180+ days): an amount is past due. */
export const PAST_DUE_STATUSES = ['71', '78', '80', '82', '83', '84'] as const;
/** Statuses that require a date of first delinquency. */
export const DELINQUENT_STATUSES = [
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '78',
  '80',
  '82',
  '83',
  '84',
  '88',
  '89',
  '93',
  '94',
  '95',
  '96',
  '97',
] as const;
/** Charge-off statuses: an original charge-off amount is reported. */
export const CHARGE_OFF_STATUSES = ['64', '97'] as const;
/** Delete statuses: the account is removed; business rules on amounts and dates do not apply. */
export const DELETE_STATUSES = ['DA', 'DF'] as const;

/** Payment rating (17B). */
export const PAYMENT_RATINGS = ['0', '1', '2', '3', '4', '5', '6', 'G', 'L'] as const;
/** Payment ratings of a delinquency (a date of first delinquency is reported with them). */
export const DELINQUENT_RATINGS = ['1', '2', '3', '4', '5', '6', 'G', 'L'] as const;
/** Characters of the 24-month payment history profile (field 18). */
export const PAYMENT_HISTORY_CHARACTERS = '0123456BDEGHJKL';

/** Special comment (field 19): moov's list plus AL (student loan assigned to government). */
export const SPECIAL_COMMENTS = [
  'B',
  'C',
  'H',
  'I',
  'M',
  'O',
  'S',
  'V',
  'AB',
  'AC',
  'AH',
  'AI',
  'AL',
  'AM',
  'AN',
  'AO',
  'AP',
  'AS',
  'AT',
  'AU',
  'AV',
  'AW',
  'AX',
  'AZ',
  'BA',
  'BB',
  'BC',
  'BD',
  'BE',
  'BF',
  'BG',
  'BH',
  'BI',
  'BJ',
  'BK',
  'BL',
  'BN',
  'BO',
  'BP',
  'BS',
  'BT',
  'CH',
  'CI',
  'CJ',
  'CK',
  'CL',
  'CM',
  'CN',
  'CO',
  'CP',
  'CS',
  'DE',
] as const;

/** Compliance condition code (field 20). */
export const COMPLIANCE_CONDITION_CODES = [
  'XA',
  'XB',
  'XC',
  'XD',
  'XE',
  'XF',
  'XG',
  'XH',
  'XJ',
  'XR',
] as const;
/** Interest type indicator (field 28). */
export const INTEREST_TYPES = ['F', 'V'] as const;
/** Generation code (field 33, J1, J2). */
export const GENERATION_CODES = ['J', 'S', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
/** ECOA code (field 37, J1, J2): 1 individual, 2 joint, 3 authorised user, 5 co-maker or guarantor,
 *  7 maker, T terminated, W business, X deceased, Z delete consumer. */
export const ECOA_CODES = ['1', '2', '3', '5', '7', 'T', 'W', 'X', 'Z'] as const;
/** Consumer information indicator (field 38, J1, J2): bankruptcy petitions, discharges, dismissals
 *  and withdrawals (A-P), removals (Q, S), reaffirmation (R, V), location (T, U), obsolete W-Y,
 *  undesignated bankruptcy (Z), personal receivership (1A), lease assumption (2A). */
export const CONSUMER_INFORMATION_INDICATORS = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''),
  '1A',
  '2A',
] as const;
/** Indicators of a bankruptcy: a current account may carry a date of first delinquency with them. */
export const BANKRUPTCY_INDICATORS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'V',
  'W',
  'X',
  'Y',
  'Z',
  '1A',
] as const;
/** Address indicator (field 45, J2). */
export const ADDRESS_INDICATORS = ['C', 'Y', 'N', 'M', 'S', 'B', 'U', 'D', 'P'] as const;
/** Residence code (field 46, J2). */
export const RESIDENCE_CODES = ['O', 'R'] as const;

/** USPS state and territory codes, military included (field 43, J2, N1). */
export const STATE_CODES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'AS',
  'FM',
  'GU',
  'MH',
  'MP',
  'PR',
  'PW',
  'VI',
  'AA',
  'AE',
  'AP',
] as const;

/** First digit of the ZIP codes of each state (USPS national areas 0-9). Military: AA 3, AE 0, AP 9. */
export const ZIP_FIRST_DIGITS: Readonly<Record<string, string>> = {
  CT: '0',
  MA: '0',
  ME: '0',
  NH: '0',
  NJ: '0',
  PR: '0',
  RI: '0',
  VT: '0',
  VI: '0',
  AE: '0',
  DE: '1',
  NY: '01',
  PA: '1',
  DC: '2',
  MD: '2',
  NC: '2',
  SC: '2',
  VA: '2',
  WV: '2',
  AL: '3',
  FL: '3',
  GA: '3',
  MS: '3',
  TN: '3',
  AA: '3',
  IN: '4',
  KY: '4',
  MI: '4',
  OH: '4',
  IA: '5',
  MN: '5',
  MT: '5',
  ND: '5',
  SD: '5',
  WI: '5',
  IL: '6',
  KS: '6',
  MO: '6',
  NE: '6',
  AR: '7',
  LA: '7',
  OK: '7',
  TX: '78',
  AZ: '8',
  CO: '8',
  ID: '8',
  NM: '8',
  NV: '8',
  UT: '8',
  WY: '8',
  AK: '9',
  CA: '9',
  HI: '9',
  OR: '9',
  WA: '9',
  AS: '9',
  GU: '9',
  MP: '9',
  MH: '9',
  FM: '9',
  PW: '9',
  AP: '9',
};

/** Creditor classification (K1), 01-15. */
export const CREDITOR_CLASSIFICATIONS = range(1, 15);
/** Purchased from / sold to indicator (K2): 1 purchased from, 2 sold to, 9 remove. */
export const PURCHASED_INDICATORS = ['1', '2', '9'] as const;
/** Agency identifier (K3): 00 not applicable, 01 Fannie Mae, 02 Freddie Mac. */
export const AGENCY_IDENTIFIERS = ['00', '01', '02'] as const;
/** Specialized payment indicator (K4): 01 balloon, 02 deferred. */
export const SPECIALIZED_PAYMENT_INDICATORS = ['01', '02'] as const;
/** Change indicator (L1): 1 account number, 2 identification number, 3 both. */
export const CHANGE_INDICATORS = ['1', '2', '3'] as const;
/** Processing indicator (field 2): always 1. */
export const PROCESSING_INDICATORS = ['1'] as const;
/** Correction indicator (field 4): 0 normal, 1 correction of the last update for the same period. */
export const CORRECTION_INDICATORS = ['0', '1'] as const;

const CODE_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Whether `value` is one of `codes` (a type guard for literal code lists); a Set lookup. */
export function isOneOf<T extends string>(codes: readonly T[], value: string): value is T {
  let set = CODE_SETS.get(codes);
  if (!set) {
    set = new Set(codes);
    CODE_SETS.set(codes, set);
  }
  return set.has(value);
}
