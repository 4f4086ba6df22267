/**
 * Fraud planted in the demo market, so that the fraud signals fire on a few demo persons: two
 * rings of persons sharing mobiles, addresses and a made-up employer (one with half its members
 * in default), three IDs under one name and birth date (a synthetic identity), a borrower who
 * gives each lender another mobile, and one reported under three names. The planted persons are
 * ordinary demo persons at fixed places of the market whose identity is changed before their
 * lines are written; their identity records are recent, so that the 1-12 month windows see them.
 * Every record still passes the canonical rules (an ID that disagrees with the reported birth
 * date would be rejected, so none is planted). Markets of fewer than FRAUD_PLANT_MIN_PERSONS
 * persons get none; the plant is deterministic for the market's seed.
 *
 * @example
 *   const plant = plantFraud({ seed, p, persons, today }, person, usedIds); // undefined for most persons
 */
import { makeResidentId } from '../domain/resident-id.js';
import { deriveSeed, SeededRandom } from '../domain/seeded-random.js';
import { chineseName } from './chinese-names.js';
import { DEMO_REGIONS, type DemoPerson, demoAddress, demoMobile } from './demo-people.js';

/**
 * Markets smaller than this get no planted fraud (small test markets stay as they are).
 *
 * @example
 *   generateDemoMarket({ persons: 999, asOfMonth }).showcase.fraudRing // undefined
 */
export const FRAUD_PLANT_MIN_PERSONS = 1_000;
/**
 * Where each plant sits in the market (person indexes).
 *
 * @example
 *   FRAUD_PLANTS.ringWithDefaults[0] // 900: the market's showcase.fraudRing
 */
export const FRAUD_PLANTS = {
  /** Eight persons on two mobiles and two addresses, one employer; four in default. */
  ringWithDefaults: [900, 901, 902, 903, 904, 905, 906, 907],
  /** Six persons: one address, one mobile, one employer; nobody planted in default. */
  ring: [910, 911, 912, 913, 914, 915],
  /** Three IDs, one name and birth date. */
  syntheticIdentity: [920, 921, 922],
  /** Each lender gets another mobile. */
  mobileHopper: [930],
  /** Each lender reports another name. */
  manyNames: [931],
} as const;

const DEFAULTED: ReadonlySet<number> = new Set([900, 901, 903, 905]);
const PLANTED: ReadonlySet<number> = new Set(Object.values(FRAUD_PLANTS).flat());
/** Stream of the plant's own random numbers (apart from the market's). */
const PLANT_STREAM = 0x5eed_f00d;
const DAY_ms = 86_400_000;

export interface FraudPlantContext {
  seed: number;
  /** Index of the person in the market. */
  p: number;
  persons: number;
  /** 'YYYY-MM-DD' taken as today. */
  today: string;
}

/** How a planted person is furnished. */
export interface FraudPlant {
  /** Lenders the person borrows from (undefined: as the market draws it). */
  lenders?: number;
  /** The person falls into default: a loan overdue from early on and never cured. */
  defaulted: boolean;
  /** The person as the furnisher of this rank (0: the first by account) reports it. */
  identityAt(rank: number): DemoPerson;
  /** reported_on of the identity record of the furnisher of this rank (recent). */
  reportedOnAt(rank: number): string;
}

function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_ms).toISOString().slice(0, 10);
}

/** The market's own random numbers for the plant `group` (the same for every member). */
function groupRandom(seed: number, group: number): SeededRandom {
  return new SeededRandom(deriveSeed((seed ^ PLANT_STREAM) >>> 0, group));
}

/** Gives the person another ID with `birthDate` (the same sex), unused so far. */
function reissueId(person: DemoPerson, birthDate: string, usedIds: Set<string>, rng: SeededRandom): void {
  usedIds.delete(person.idNumber);
  const region = DEMO_REGIONS[rng.int(0, DEMO_REGIONS.length - 1)]!;
  for (let attempt = 0; ; attempt++) {
    const sequence = rng.int(0, 499) * 2 + (person.sex === 'M' ? 1 : 0);
    const id = makeResidentId(region.code, birthDate, sequence);
    if (!usedIds.has(id)) {
      person.idNumber = id;
      person.birthDate = birthDate;
      usedIds.add(id);
      return;
    }
    if (attempt > 1_000) throw new Error('demo: no free ID for a planted person');
  }
}

function plainPlant(
  person: DemoPerson,
  today: string,
  p: number,
  extra: Partial<FraudPlant> = {},
): FraudPlant {
  return {
    defaulted: false,
    identityAt: () => person,
    reportedOnAt: (rank) => daysBefore(today, 5 + ((p + 3 * rank) % 40)),
    ...extra,
  };
}

/**
 * Changes a planted person's identity (in place) and says how to furnish it; undefined for a
 * person without a plant.
 *
 * @example
 *   plantFraud({ seed: 1, p: 900, persons: 10_000, today: '2026-01-15' }, person, usedIds)?.defaulted // true
 */
export function plantFraud(
  context: FraudPlantContext,
  person: DemoPerson,
  usedIds: Set<string>,
): FraudPlant | undefined {
  const { seed, p, persons, today } = context;
  if (persons < FRAUD_PLANT_MIN_PERSONS || !PLANTED.has(p)) return undefined;
  const own = new SeededRandom(deriveSeed((seed ^ PLANT_STREAM) >>> 0, p));
  const region = DEMO_REGIONS[6]!; // 深圳市南山区: where the made-up companies are
  // Their names carry 市, which the market's own employers never do: no ordinary person works there.
  // A planted person keeps one mobile and one address (the plant decides which).
  delete person.newMobile;
  delete person.newAddress;

  const ringA: readonly number[] = FRAUD_PLANTS.ringWithDefaults;
  if (ringA.includes(p)) {
    const g = groupRandom(seed, 1);
    const mobiles = [demoMobile(g), demoMobile(g)];
    const addresses = [demoAddress(g, region), demoAddress(g, region)];
    const i = p - ringA[0]!;
    person.mobile = mobiles[i % 2]!;
    person.address = addresses[i < 4 ? 0 : 1]!;
    person.employer = '深圳市鼎盛汇金网络科技有限公司';
    return plainPlant(person, today, p, { defaulted: DEFAULTED.has(p) });
  }
  const ringB: readonly number[] = FRAUD_PLANTS.ring;
  if (ringB.includes(p)) {
    const g = groupRandom(seed, 2);
    const mobile = demoMobile(g);
    const address = demoAddress(g, region);
    const i = p - ringB[0]!;
    // Persons 0-2 share the address, 2-5 the mobile: one group even where no employer is reported.
    if (i <= 2) person.address = address;
    if (i >= 2) person.mobile = mobile;
    person.employer = '深圳市启航恒达商贸有限公司';
    return plainPlant(person, today, p);
  }
  const synthetic: readonly number[] = FRAUD_PLANTS.syntheticIdentity;
  if (synthetic.includes(p)) {
    const g = groupRandom(seed, 3);
    person.sex = 'F';
    person.name = chineseName(g, 'F');
    reissueId(person, '1993-06-15', usedIds, own);
    return plainPlant(person, today, p);
  }
  if (p === FRAUD_PLANTS.mobileHopper[0]) {
    const hops = [person.mobile, demoMobile(own), demoMobile(own), demoMobile(own), demoMobile(own)];
    const dates = [80, 40, 12, 3, 1];
    return plainPlant(person, today, p, {
      lenders: 4,
      identityAt: (rank) => ({ ...person, mobile: hops[Math.min(rank, hops.length - 1)]! }),
      reportedOnAt: (rank) => daysBefore(today, dates[Math.min(rank, dates.length - 1)]!),
    });
  }
  if (p === FRAUD_PLANTS.manyNames[0]) {
    const names = [
      person.name,
      `${person.name.slice(0, 1)}小${person.name.slice(1)}`,
      chineseName(own, person.sex),
    ];
    return plainPlant(person, today, p, {
      lenders: 3,
      identityAt: (rank) => ({ ...person, name: names[Math.min(rank, names.length - 1)]! }),
    });
  }
  return undefined;
}
