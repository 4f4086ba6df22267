/**
 * The thresholds of the fraud signals, kept in the jurisdiction profile (`fraudThresholds`).
 * Defaults follow DOMAIN.md section 6: 3 or more IDs, phones or addresses tied to one identity;
 * 4+ hard inquiries a day, 5+ a week, 7+ a month, 20+ a year (LexisNexis velocity); fraud rings
 * as connected groups of persons sharing a phone, an address or an employer, scored by size and
 * by the share of members in default. A signal fires when its observed value reaches its
 * threshold (`observed >= threshold`).
 *
 * @example
 *   CHINA_FRAUD_THRESHOLDS.idsPerMobile['3m'] // 3: a mobile under 3 or more IDs fires
 */
import type { IdentityWindowId, VelocityWindowId } from './fraud-windows.js';

/** A threshold per window. */
export type PerWindow<W extends string> = Readonly<Record<W, number>>;

/**
 * The attributes that link persons into rings.
 *
 * @example
 *   RING_LINK_ATTRIBUTES.includes('employer') // true
 */
export const RING_LINK_ATTRIBUTES = ['mobile', 'address', 'employer'] as const;
export type RingLinkAttribute = (typeof RING_LINK_ATTRIBUTES)[number];

/**
 * Hard caps on the ring walk, whatever a profile says (the walk is on the request path): links
 * from the person, persons taken in, persons per value.
 *
 * @example
 *   DEFAULT_FRAUD_THRESHOLDS.ring.maxPersonsVisited <= RING_MAX_PERSONS_VISITED_CAP // true
 */
export const RING_MAX_DEPTH_CAP = 6;
/** @see RING_MAX_DEPTH_CAP @example RING_MAX_PERSONS_VISITED_CAP // 500 */
export const RING_MAX_PERSONS_VISITED_CAP = 500;
/** @see RING_MAX_DEPTH_CAP @example RING_MAX_PERSONS_PER_VALUE_CAP // 200 */
export const RING_MAX_PERSONS_PER_VALUE_CAP = 200;

/** How fraud rings are found and when they fire. */
export interface RingThresholds {
  /** A ring fires with this many members or more (the person included), when at least one link is a shared mobile or address. */
  readonly minMembers: number;
  /** The ring-default signal fires when this share of a firing ring's members (percent) is in default. */
  readonly defaultShare_pct: number;
  /** Links followed from the person, at most (1: the persons sharing a value with the person). */
  readonly maxDepth: number;
  /** Persons taken into the ring, at most (the person included); the walk stops there. */
  readonly maxPersonsVisited: number;
  /** A value reported for more persons than this is common (a large employer, a dormitory), not a ring link. */
  readonly maxPersonsPerValue: Readonly<Record<RingLinkAttribute, number>>;
  /** Only values reported within this many months link persons. */
  readonly lookback_months: number;
  /** A member is in default with a month in this many months at 90+ days overdue or a default status. */
  readonly defaultLookback_months: number;
}

export interface FraudThresholds {
  /** Distinct mobiles reported for the ID. */
  readonly mobilesPerId: PerWindow<IdentityWindowId>;
  /** Distinct IDs (the person's included) one of the person's mobiles is reported under. */
  readonly idsPerMobile: PerWindow<IdentityWindowId>;
  /** Distinct names reported for the ID. */
  readonly namesPerId: PerWindow<IdentityWindowId>;
  /** Distinct IDs (the person's included) one of the person's addresses is reported under. */
  readonly idsPerAddress: PerWindow<IdentityWindowId>;
  /** Distinct IDs (the person's included) the person's name with birth date is reported under. */
  readonly idsPerNameBirthDate: PerWindow<IdentityWindowId>;
  /** New mobiles (after the person's first) first reported in the window. */
  readonly mobileChanges: PerWindow<IdentityWindowId>;
  /** Reported birth dates that differ from the one embedded in the ID. */
  readonly idBirthDateMismatches: number;
  /** Reported sexes that differ from the one embedded in the ID. */
  readonly idSexMismatches: number;
  /** Hard-inquiry applications (one institution on one day counts once). */
  readonly hardInquiries: PerWindow<VelocityWindowId>;
  readonly ring: RingThresholds;
}

const THREE = { '1m': 3, '3m': 3, '6m': 3, '12m': 3 } as const;

/**
 * The defaults of DOMAIN.md section 6.
 *
 * @example
 *   DEFAULT_FRAUD_THRESHOLDS.hardInquiries['1d'] // 4
 */
export const DEFAULT_FRAUD_THRESHOLDS: FraudThresholds = {
  mobilesPerId: THREE,
  idsPerMobile: THREE,
  namesPerId: THREE,
  idsPerAddress: THREE,
  // One other ID with the same name and birth date already fires (common names: read the count).
  idsPerNameBirthDate: { '1m': 2, '3m': 2, '6m': 2, '12m': 2 },
  mobileChanges: { '1m': 2, '3m': 2, '6m': 3, '12m': 3 },
  idBirthDateMismatches: 1,
  idSexMismatches: 1,
  hardInquiries: { '1d': 4, '7d': 5, '1m': 7, '12m': 20 },
  ring: {
    minMembers: 5,
    defaultShare_pct: 30,
    maxDepth: 3,
    maxPersonsVisited: 100,
    maxPersonsPerValue: { mobile: 10, address: 20, employer: 30 },
    lookback_months: 12,
    defaultLookback_months: 24,
  },
};

/**
 * China's profile: the defaults.
 *
 * @example
 *   CHINA_PROFILE.fraudThresholds === CHINA_FRAUD_THRESHOLDS // true
 */
export const CHINA_FRAUD_THRESHOLDS: FraudThresholds = DEFAULT_FRAUD_THRESHOLDS;

/**
 * The US profile: the defaults (the velocity figures are LexisNexis's, from the US market). An SSN
 * embeds no birth date or sex, so the ID-facts signals never fire there.
 *
 * @example
 *   US_PROFILE.fraudThresholds.hardInquiries['12m'] // 20
 */
export const US_FRAUD_THRESHOLDS: FraudThresholds = DEFAULT_FRAUD_THRESHOLDS;

/**
 * Checks a thresholds object (a profile written by hand): every threshold a whole number >= 1,
 * ring limits within their caps. Throws a RangeError naming the first bad field.
 *
 * @example
 *   checkFraudThresholds(DEFAULT_FRAUD_THRESHOLDS); // fine
 */
export function checkFraudThresholds(t: FraudThresholds): void {
  const whole = (name: string, value: number, max = Number.MAX_SAFE_INTEGER) => {
    if (!Number.isInteger(value) || value < 1 || value > max)
      throw new RangeError(`fraud thresholds: ${name} must be a whole number from 1 to ${max}, got ${value}`);
  };
  for (const key of [
    'mobilesPerId',
    'idsPerMobile',
    'namesPerId',
    'idsPerAddress',
    'idsPerNameBirthDate',
    'mobileChanges',
    'hardInquiries',
  ] as const)
    for (const [window, value] of Object.entries(t[key])) whole(`${key}.${window}`, value);
  whole('idBirthDateMismatches', t.idBirthDateMismatches);
  whole('idSexMismatches', t.idSexMismatches);
  whole('ring.minMembers', t.ring.minMembers, RING_MAX_PERSONS_VISITED_CAP);
  whole('ring.defaultShare_pct', t.ring.defaultShare_pct, 100);
  whole('ring.maxDepth', t.ring.maxDepth, RING_MAX_DEPTH_CAP);
  whole('ring.maxPersonsVisited', t.ring.maxPersonsVisited, RING_MAX_PERSONS_VISITED_CAP);
  for (const a of RING_LINK_ATTRIBUTES)
    whole(`ring.maxPersonsPerValue.${a}`, t.ring.maxPersonsPerValue[a], RING_MAX_PERSONS_PER_VALUE_CAP);
  whole('ring.lookback_months', t.ring.lookback_months, 120);
  whole('ring.defaultLookback_months', t.ring.defaultLookback_months, 120);
}
