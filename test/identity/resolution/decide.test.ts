/**
 * The decision rule of identity resolution, as properties (fast-check): what each outcome
 * guarantees about the weights, that the order of candidates does not matter, that a stronger
 * best candidate never loses a link, that a far weaker candidate changes nothing, and that the
 * person named by the record's own valid ID keeps the record unless another is clearly better.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { decide, type WeightedCandidate } from '../../../src/identity/resolution/decide.js';
import { RESOLUTION_THRESHOLDS as T } from '../../../src/identity/resolution/thresholds.js';

const candidate = fc.record({
  personId: fc.integer({ min: 1, max: 50 }),
  total: fc.double({ min: -40, max: 90, noNaN: true }),
  nameAgrees: fc.boolean(),
});
/** Candidates with distinct person ids. */
const candidates = fc.uniqueArray(candidate, { selector: (c) => c.personId, maxLength: 8 });
const ranked = (cs: readonly WeightedCandidate[]) =>
  [...cs].sort((a, b) => b.total - a.total || a.personId - b.personId);

describe('decide (no person named by the record)', () => {
  test('link: the best, at or above link_bits, name agreeing, margin_bits ahead; review: at or above review_bits; else no match', () => {
    fc.assert(
      fc.property(candidates, (cs) => {
        const d = decide(cs, T);
        const [best, next] = ranked(cs);
        if (d.kind === 'link') {
          assert.equal(d.personId, best!.personId);
          assert.ok(d.weight >= T.link_bits && best!.nameAgrees);
          assert.ok(next === undefined || d.weight - next.total >= T.margin_bits);
        } else if (d.kind === 'review') {
          assert.equal(d.personId, best!.personId);
          assert.ok(d.weight >= T.review_bits);
        } else {
          assert.equal(d.kind, 'no_match');
          assert.ok(cs.every((c) => c.total < T.review_bits));
        }
      }),
    );
  });

  test('the order of the candidates does not matter', () => {
    fc.assert(
      fc.property(candidates, fc.integer(), (cs, seed) => {
        const shuffled = [...cs].sort(
          (a, b) => ((a.personId * 7919 + seed) % 97) - ((b.personId * 7919 + seed) % 97),
        );
        assert.deepEqual(decide(shuffled, T), decide(cs, T));
      }),
    );
  });

  test('a linked candidate stays linked when its weight grows', () => {
    fc.assert(
      fc.property(candidates, fc.double({ min: 0, max: 50, noNaN: true }), (cs, extra) => {
        const d = decide(cs, T);
        if (d.kind !== 'link') return;
        const stronger = cs.map((c) => (c.personId === d.personId ? { ...c, total: c.total + extra } : c));
        const again = decide(stronger, T);
        assert.equal(again.kind, 'link');
        assert.equal(again.kind === 'link' && again.personId, d.personId);
      }),
    );
  });

  test('a candidate far below the review threshold and the best changes no decision', () => {
    fc.assert(
      fc.property(candidates, fc.boolean(), (cs, nameAgrees) => {
        const best = ranked(cs)[0];
        const low = Math.min(T.review_bits, best?.total ?? T.review_bits) - T.margin_bits - 1;
        const extra = { personId: 1_000, total: low, nameAgrees };
        assert.deepEqual(decide([...cs, extra], T).kind, decide(cs, T).kind);
      }),
    );
  });

  test('no candidate: no match', () => {
    assert.deepEqual(decide([], T), { kind: 'no_match' });
  });
});

describe('decide (the record names a person by its own valid ID)', () => {
  test('another person takes the record only confidently and clearly ahead of the ID person; else review or by ID', () => {
    fc.assert(
      fc.property(candidates, fc.double({ min: -40, max: 90, noNaN: true }), (cs, own) => {
        const idPerson = 999;
        const all = [...cs, { personId: idPerson, total: own, nameAgrees: false }];
        const d = decide(all, T, idPerson);
        const others = ranked(cs);
        if (d.kind === 'link') {
          assert.notEqual(d.personId, idPerson);
          assert.ok(d.weight >= T.link_bits && d.weight - own >= T.margin_bits);
        } else if (d.kind === 'review') {
          assert.notEqual(d.personId, idPerson);
          assert.ok(d.weight >= T.review_bits && d.weight > own - T.margin_bits);
        } else {
          assert.deepEqual(d, { kind: 'by_id', personId: idPerson });
          assert.ok(
            others.every(
              (o) =>
                o.total < T.review_bits ||
                o.total <= own - T.margin_bits ||
                !o.nameAgrees ||
                o.total < T.link_bits,
            ),
          );
        }
      }),
    );
  });

  test('alone (no other candidate), the ID person keeps the record', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 90, noNaN: true }), (own) => {
        assert.deepEqual(decide([{ personId: 5, total: own, nameAgrees: false }], T, 5), {
          kind: 'by_id',
          personId: 5,
        });
      }),
    );
  });
});
