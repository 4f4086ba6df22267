/**
 * Jurisdiction profiles: the rules that differ by country live here, not in the code that uses
 * them. China (CN) is the default.
 *
 * @example
 *   const profile = jurisdictionProfile('CN');
 *   profile.nationalId.check('11010519491231002X', '2026-01-01').ok // true
 */

import {
  CHINA_FRAUD_THRESHOLDS,
  type FraudThresholds,
  US_FRAUD_THRESHOLDS,
} from '../identity/fraud/fraud-thresholds.js';
import { CHINA_OVERCREDIT_RULES, type OverCreditRules } from '../risk/overcredit-rules.js';
import type { Currency } from './codes.js';
import { checkResidentId } from './resident-id.js';
import { checkSsn } from './ssn.js';

/** What a national ID check says: the normalised ID and what it embeds, or the problem. */
export type NationalIdCheck =
  | { ok: true; id: string; birthDate?: string; sex?: 'M' | 'F' }
  | { ok: false; problem: string; message: string };

export interface JurisdictionProfile {
  /** ISO 3166 country code. */
  readonly code: 'CN' | 'US';
  readonly name: string;
  readonly defaultCurrency: Currency;
  readonly nationalId: {
    /** Stored ID type, e.g. 'resident_id'. */
    readonly type: string;
    /** What people call it. */
    readonly label: string;
    check(raw: string, today: string): NationalIdCheck;
  };
  /** Shape of a mobile number as furnished. */
  readonly mobilePattern: RegExp;
  readonly mobileDescription: string;
  /** Negative data is no longer shown this many years after its clock starts (see negativeDataClock). */
  readonly negativeDataRetention_years: number;
  /**
   * When the retention clock starts: when the negative event ended (China), or at the date of
   * first delinquency, plus `negativeDataClockOffset_days` for collections and charge-offs (US
   * FCRA 605(c): 180 days).
   */
  readonly negativeDataClock: 'event_end' | 'first_delinquency';
  readonly negativeDataClockOffset_days: number;
  /** Days within which the bureau must answer an objection. */
  readonly disputeReply_days: number;
  /** Free reports a person may pull on themselves per calendar year. */
  readonly freeSelfReportsPerYear: number;
  /** Statutory over-credit limits the pre-lending check applies (null: the country sets none). */
  readonly overCreditRules: OverCreditRules | null;
  /** Thresholds and limits of the fraud signals (docs/fraud-signals.md). */
  readonly fraudThresholds: FraudThresholds;
  /** Factors a report gives with the bureau score: China's report up to 2, US key factors up to 4. */
  readonly scoreFactors: number;
}

/** China: PBOC Credit Reporting Industry Regulation (2013) and Business Measures (2021). */
export const CHINA_PROFILE: JurisdictionProfile = {
  code: 'CN',
  name: 'China (mainland)',
  defaultCurrency: 'CNY',
  nationalId: {
    type: 'resident_id',
    label: '18-digit Resident Identity Card number',
    check(raw, today) {
      const result = checkResidentId(raw, today);
      if (!result.ok) return { ok: false, problem: result.problem, message: result.message };
      return { ok: true, id: result.id, birthDate: result.facts.birthDate, sex: result.facts.sex };
    },
  },
  mobilePattern: /^1[3-9]\d{9}$/,
  mobileDescription: 'an 11-digit mainland mobile number starting with 13-19',
  negativeDataRetention_years: 5,
  negativeDataClock: 'event_end',
  negativeDataClockOffset_days: 0,
  disputeReply_days: 20,
  freeSelfReportsPerYear: 2,
  overCreditRules: CHINA_OVERCREDIT_RULES,
  fraudThresholds: CHINA_FRAUD_THRESHOLDS,
  scoreFactors: 2,
};

/** United States: FCRA (15 U.S.C. 1681); Metro 2 furnishers link persons by SSN. */
export const US_PROFILE: JurisdictionProfile = {
  code: 'US',
  name: 'United States',
  defaultCurrency: 'USD',
  nationalId: {
    type: 'ssn',
    label: 'Social Security Number (9 digits)',
    check(raw) {
      const result = checkSsn(raw);
      return result.ok
        ? { ok: true, id: result.id }
        : { ok: false, problem: result.problem, message: result.message };
    },
  },
  mobilePattern: /^\d{10}$/,
  mobileDescription: 'a 10-digit US telephone number',
  // FCRA 605(a): 7 years; for collections and charge-offs from the date of first delinquency + 180 days.
  negativeDataRetention_years: 7,
  negativeDataClock: 'first_delinquency',
  negativeDataClockOffset_days: 180,
  // FCRA 611(a)(1): reinvestigate within 30 days.
  disputeReply_days: 30,
  // FCRA 612(a): one free disclosure per 12 months from each nationwide bureau.
  freeSelfReportsPerYear: 1,
  // Lenders' own policies apply; US law sets no per-person cap on consumer credit.
  overCreditRules: null,
  fraudThresholds: US_FRAUD_THRESHOLDS,
  // FCRA 609(f)(1)(C) and 615(a): up to 4 key factors that adversely affected the score.
  scoreFactors: 4,
};

const PROFILES = { CN: CHINA_PROFILE, US: US_PROFILE } as const;
export type JurisdictionCode = keyof typeof PROFILES;

/** The profile for a country code; throws on an unknown code (fail fast on bad configuration). */
export function jurisdictionProfile(code: string): JurisdictionProfile {
  const profile = (PROFILES as Record<string, JurisdictionProfile>)[code];
  if (!profile)
    throw new Error(`unknown jurisdiction '${code}': known are ${Object.keys(PROFILES).join(', ')}`);
  return profile;
}
