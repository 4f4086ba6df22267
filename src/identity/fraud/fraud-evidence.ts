/**
 * What the fraud signals are computed from: the person's own reported identity values (opaque
 * keys, never the values, except a birth date or a sex to compare with the ID), the reports of
 * the person's mobiles, addresses and name with birth date under other IDs (from the value index:
 * an opaque holder number per other person, a furnisher code, dates), the person's inquiries, and
 * the ring walk's counts. Signals turn it into counts, dates and furnisher codes: no other
 * person's ID, name, mobile or address is in it to leak.
 *
 * @example
 *   const signals = computeFraudSignals(evidence, profile.fraudThresholds);
 */
import type { InquiryReason } from '../../consent/inquiry-reasons.js';
import type { RingLinkAttribute } from './fraud-thresholds.js';

/** Identity attributes furnishers report. */
export type ReportedAttribute = 'name' | 'birth_date' | 'sex' | 'mobile' | 'address' | 'employer';

/** Attributes looked up under other IDs. */
export type SharedAttribute = 'mobile' | 'address' | 'name_birth_date';

/** One value on the person's own file, as one furnisher reported it. */
export interface OwnReport {
  attribute: ReportedAttribute;
  /** Tells values apart (the value's keyed hash); never shown. */
  key: string;
  /** birth_date and sex only: the value as reported, to compare with the ID. */
  value?: string;
  /** Code of the furnisher. */
  furnisher: string;
  /** `YYYY-MM-DD`. */
  firstReportedOn: string;
  lastReportedOn: string;
}

/** One report of the value under another person. */
export interface OtherReport {
  /** Tells other persons apart within this evidence (1, 2, ...); never shown, never a person id. */
  holder: number;
  furnisher: string;
  firstReportedOn: string;
  lastReportedOn: string;
}

/** One of the person's values and its reports under other persons. */
export interface SharedValue {
  attribute: SharedAttribute;
  /** The person's own reports of the value (a name with birth date: of the name and the birth date). */
  own: { firstReportedOn: string; lastReportedOn: string; furnishers: string[] };
  others: OtherReport[];
  /** True when more reports exist than were read: counts are lower bounds. */
  truncated: boolean;
}

/** An inquiry on the person's file. */
export interface InquiryRecord {
  /** ISO-8601 instant. */
  at: string;
  /** Code of the institution that asked. */
  institution: string;
  reason: InquiryReason;
}

/** What the bounded ring walk found (counts only). */
export interface RingWalk {
  /** Persons in the group found, the person included. */
  members: number;
  /** Of them, in default (see RingThresholds.defaultLookback_months). */
  membersInDefault: number;
  /** Links followed from the person, at most. */
  depthReached: number;
  /** Shared values that linked two or more members, by attribute. */
  links: Readonly<Record<RingLinkAttribute, number>>;
  /** Values shared by more persons than the limit: not followed. */
  commonValuesSkipped: number;
  /** True when the walk stopped at its limit of persons (the group may be larger). */
  truncated: boolean;
}

export interface FraudEvidence {
  /** ISO-8601 instant the check is made at; windows end here. */
  asOf: string;
  /** False when the bureau does not know the ID: nothing else is read. */
  onFile: boolean;
  /** What the ID number itself says (resident ID: birth date and sex; an SSN: nothing). */
  idFacts: { birthDate?: string; sex?: 'M' | 'F' };
  own: OwnReport[];
  shared: SharedValue[];
  inquiries: InquiryRecord[];
  ring: RingWalk | null;
  /** True when a bound cut a read of the person's own file short. */
  truncated: boolean;
}

/**
 * The evidence of a person the bureau does not know.
 *
 * @example
 *   computeFraudSignals(unknownPersonEvidence(at, {}), thresholds).some((s) => s.fired) // false
 */
export function unknownPersonEvidence(asOf: string, idFacts: FraudEvidence['idFacts']): FraudEvidence {
  return { asOf, onFile: false, idFacts, own: [], shared: [], inquiries: [], ring: null, truncated: false };
}
