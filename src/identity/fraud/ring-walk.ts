/**
 * Finds the fraud ring around a person: a breadth-first walk over shared mobiles, addresses and
 * employers (the value index), bounded by a depth (links followed from the person) and a number of
 * persons taken in. A value reported for more persons than its attribute's limit (a large
 * employer, a dormitory) is common, not a link, and is not followed. The graph is a port: the
 * store answers it inside the check's transaction, tests with a map. Persons are handles the port
 * gives; the walk keeps only counts.
 *
 * @example
 *   const walk = await walkRing(graph, personId, CHINA_FRAUD_THRESHOLDS.ring);
 *   walk.members // persons in the group, the person included
 */
import type { RingWalk } from './fraud-evidence.js';
import {
  RING_LINK_ATTRIBUTES,
  RING_MAX_DEPTH_CAP,
  RING_MAX_PERSONS_PER_VALUE_CAP,
  RING_MAX_PERSONS_VISITED_CAP,
  type RingLinkAttribute,
  type RingThresholds,
} from './fraud-thresholds.js';

/** A value that may link persons: its attribute and an opaque key (the keyed hash). */
export interface RingValue {
  attribute: RingLinkAttribute;
  key: string;
}

/** What the walk asks of the store. */
export interface RingGraph {
  /** The person's mobiles, addresses and employers reported in the look-back (bounded by the store). */
  valuesOf(person: number): Promise<RingValue[]>;
  /** Distinct persons with the value reported in the look-back, at most `limit` of them. */
  holdersOf(value: RingValue, limit: number): Promise<number[]>;
  /** How many of these persons are in default. */
  countInDefault(persons: readonly number[]): Promise<number>;
}

/**
 * The walk from `start`. Invariants: members <= maxPersonsVisited; depthReached <= maxDepth.
 *
 * @example
 *   (await walkRing(graph, 7, { ...CHINA_FRAUD_THRESHOLDS.ring, maxDepth: 1 })).depthReached // 0 or 1
 */
export async function walkRing(graph: RingGraph, start: number, limits: RingThresholds): Promise<RingWalk> {
  if (!Number.isInteger(limits.maxDepth) || limits.maxDepth < 1 || limits.maxDepth > RING_MAX_DEPTH_CAP)
    throw new RangeError(`ring walk: maxDepth must be 1..${RING_MAX_DEPTH_CAP}`);
  if (
    !Number.isInteger(limits.maxPersonsVisited) ||
    limits.maxPersonsVisited < 1 ||
    limits.maxPersonsVisited > RING_MAX_PERSONS_VISITED_CAP
  )
    throw new RangeError(`ring walk: maxPersonsVisited must be 1..${RING_MAX_PERSONS_VISITED_CAP}`);
  for (const a of RING_LINK_ATTRIBUTES) {
    const max = limits.maxPersonsPerValue[a];
    if (!Number.isInteger(max) || max < 2 || max > RING_MAX_PERSONS_PER_VALUE_CAP)
      throw new RangeError(`ring walk: maxPersonsPerValue.${a} must be 2..${RING_MAX_PERSONS_PER_VALUE_CAP}`);
  }

  const depthOf = new Map<number, number>([[start, 0]]);
  const seenValues = new Set<string>();
  const links: Record<RingLinkAttribute, number> = { mobile: 0, address: 0, employer: 0 };
  let commonValuesSkipped = 0;
  let truncated = false;
  let depthReached = 0;
  let frontier = [start];

  for (let depth = 0; depth < limits.maxDepth && frontier.length > 0 && !truncated; depth++) {
    const next: number[] = [];
    for (const person of frontier) {
      for (const value of await graph.valuesOf(person)) {
        const id = `${value.attribute}\0${value.key}`;
        if (seenValues.has(id)) continue;
        seenValues.add(id);
        const limit = limits.maxPersonsPerValue[value.attribute];
        const holders = await graph.holdersOf(value, limit + 1);
        if (holders.length > limit) {
          commonValuesSkipped += 1;
          continue;
        }
        if (new Set(holders).size >= 2) links[value.attribute] += 1;
        for (const holder of holders) {
          if (depthOf.has(holder)) continue;
          if (depthOf.size >= limits.maxPersonsVisited) {
            truncated = true;
            break;
          }
          depthOf.set(holder, depth + 1);
          depthReached = depth + 1;
          next.push(holder);
        }
        if (truncated) break;
      }
      if (truncated) break;
    }
    frontier = next;
  }

  const members = [...depthOf.keys()];
  if (members.length > limits.maxPersonsVisited || depthReached > limits.maxDepth)
    throw new Error('invariant: the ring walk went past its limits');
  const membersInDefault = await graph.countInDefault(members);
  if (!Number.isInteger(membersInDefault) || membersInDefault < 0 || membersInDefault > members.length)
    throw new Error('invariant: more members in default than members');
  return {
    members: members.length,
    membersInDefault,
    depthReached,
    links,
    commonValuesSkipped,
    truncated,
  };
}
