/**
 * The ring walk on graphs in memory: with room enough it finds the connected group (a union-find
 * oracle over the same links, common values left out); it never takes more persons or follows
 * more links than its limits; a value shared by more persons than its limit is not followed; it
 * counts members in default; bad limits are refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  DEFAULT_FRAUD_THRESHOLDS,
  type RingLinkAttribute,
  type RingThresholds,
} from '../../../src/identity/fraud/fraud-thresholds.js';
import { type RingGraph, type RingValue, walkRing } from '../../../src/identity/fraud/ring-walk.js';

/** A graph of persons and the values they hold; `inDefault` persons are in default. */
function memoryGraph(
  holdings: ReadonlyMap<number, readonly RingValue[]>,
  inDefault: ReadonlySet<number> = new Set(),
) {
  const holders = new Map<string, number[]>();
  for (const [person, values] of holdings)
    for (const v of values) {
      const id = `${v.attribute}|${v.key}`;
      const list = holders.get(id) ?? [];
      if (!list.includes(person)) list.push(person);
      holders.set(id, list);
    }
  let calls = 0;
  const graph: RingGraph = {
    async valuesOf(person) {
      calls += 1;
      return [...(holdings.get(person) ?? [])];
    },
    async holdersOf(value, limit) {
      calls += 1;
      return (holders.get(`${value.attribute}|${value.key}`) ?? []).slice(0, limit);
    },
    async countInDefault(persons) {
      return persons.filter((p) => inDefault.has(p)).length;
    },
  };
  return { graph, holders, calls: () => calls };
}

const LIMITS: RingThresholds = {
  ...DEFAULT_FRAUD_THRESHOLDS.ring,
  maxDepth: 6,
  maxPersonsVisited: 500,
  maxPersonsPerValue: { mobile: 4, address: 4, employer: 4 },
};

const v = (attribute: RingLinkAttribute, key: string): RingValue => ({ attribute, key });

test('a chain of five sharing mobiles and addresses; a large employer is not a link', async () => {
  const bigEmployer = v('employer', 'E-big');
  const holdings = new Map<number, RingValue[]>([
    [1, [v('mobile', 'm1'), bigEmployer]],
    [2, [v('mobile', 'm1'), v('address', 'a1'), bigEmployer]],
    [3, [v('address', 'a1'), v('mobile', 'm2'), bigEmployer]],
    [4, [v('mobile', 'm2'), v('employer', 'E-small'), bigEmployer]],
    [5, [v('employer', 'E-small'), bigEmployer]],
    [6, [bigEmployer]],
    [7, [v('mobile', 'm-alone')]],
  ]);
  const { graph } = memoryGraph(holdings, new Set([2, 5, 7]));
  const walk = await walkRing(graph, 1, LIMITS);
  assert.equal(walk.members, 5, 'persons 1-5');
  assert.equal(walk.membersInDefault, 2);
  assert.deepEqual(walk.links, { mobile: 2, address: 1, employer: 1 });
  assert.equal(walk.commonValuesSkipped, 1, 'the employer of six');
  assert.equal(walk.depthReached, 4);
  assert.equal(walk.truncated, false);

  const shallow = await walkRing(graph, 1, { ...LIMITS, maxDepth: 2 });
  assert.equal(shallow.members, 3, 'two links from person 1: persons 1, 2, 3');
  assert.equal(shallow.depthReached, 2);

  const capped = await walkRing(graph, 1, { ...LIMITS, maxPersonsVisited: 3 });
  assert.equal(capped.members, 3);
  assert.equal(capped.truncated, true);

  const alone = await walkRing(graph, 7, LIMITS);
  assert.deepEqual([alone.members, alone.membersInDefault, alone.depthReached], [1, 1, 0]);
});

test('bad limits are refused before anything is read', async () => {
  const { graph, calls } = memoryGraph(new Map());
  await assert.rejects(walkRing(graph, 1, { ...LIMITS, maxDepth: 0 }), /maxDepth/);
  await assert.rejects(walkRing(graph, 1, { ...LIMITS, maxPersonsVisited: 10_000 }), /maxPersonsVisited/);
  await assert.rejects(
    walkRing(graph, 1, { ...LIMITS, maxPersonsPerValue: { mobile: 1, address: 4, employer: 4 } }),
    /maxPersonsPerValue/,
  );
  assert.equal(calls(), 0);
});

/** The group of `start` by union-find over values held by at most their limit of persons. */
function oracle(holders: ReadonlyMap<string, number[]>, start: number, limits: RingThresholds): number {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const [id, persons] of holders) {
    const attribute = id.split('|')[0] as RingLinkAttribute;
    if (persons.length > limits.maxPersonsPerValue[attribute]) continue;
    for (const p of persons.slice(1)) parent.set(find(p), find(persons[0]!));
  }
  const root = find(start);
  const all = new Set<number>([start]);
  for (const persons of holders.values()) for (const p of persons) all.add(p);
  return [...all].filter((p) => find(p) === root).length;
}

const arbHoldings = fc
  .array(
    fc.tuple(
      fc.integer({ min: 1, max: 25 }),
      fc.constantFrom<RingLinkAttribute>('mobile', 'address', 'employer'),
      fc.integer({ min: 1, max: 12 }),
    ),
    { maxLength: 60 },
  )
  .map((rows) => {
    const holdings = new Map<number, RingValue[]>();
    for (const [person, attribute, key] of rows)
      holdings.set(person, [...(holdings.get(person) ?? []), v(attribute, `${attribute}${key}`)]);
    return holdings;
  });

test('property: with room enough the walk finds the connected group of the union-find oracle', async () => {
  await fc.assert(
    fc.asyncProperty(arbHoldings, fc.integer({ min: 1, max: 25 }), async (holdings, start) => {
      const { graph, holders } = memoryGraph(holdings);
      const walk = await walkRing(graph, start, LIMITS);
      assert.equal(walk.members, oracle(holders, start, LIMITS));
      assert.equal(walk.truncated, false);
    }),
  );
});

test('property: the walk stays within its limits of persons and depth', async () => {
  await fc.assert(
    fc.asyncProperty(
      arbHoldings,
      fc.integer({ min: 1, max: 25 }),
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 8 }),
      async (holdings, start, maxDepth, maxPersonsVisited) => {
        const { graph, holders } = memoryGraph(holdings);
        const walk = await walkRing(graph, start, { ...LIMITS, maxDepth, maxPersonsVisited });
        assert.ok(walk.members <= maxPersonsVisited);
        assert.ok(walk.depthReached <= maxDepth);
        assert.ok(walk.members <= oracle(holders, start, LIMITS));
        if (!walk.truncated && walk.depthReached < maxDepth)
          assert.equal(
            walk.members,
            oracle(holders, start, LIMITS),
            'stopped by neither limit: the whole group',
          );
      },
    ),
  );
});
