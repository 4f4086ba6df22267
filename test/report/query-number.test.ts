/** Query numbers: format, time, and no repeats across pool refills. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { QUERY_NUMBER_POOL_BYTES, queryNumber } from '../../src/report/query-number.js';

test('a query number is its letter, the UTC second and 8 hex characters', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('R' as const, 'P' as const, 'F' as const),
      fc.date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2199-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
      (prefix, at) => {
        const n = queryNumber(prefix, at);
        assert.match(n, /^[RPF]\d{14}[0-9A-F]{8}$/);
        assert.equal(n[0], prefix);
        assert.equal(n.slice(1, 15), at.toISOString().replace(/\D/g, '').slice(0, 14));
      },
    ),
  );
});

test('numbers of one second do not repeat across several refills of the pool', () => {
  const at = new Date('2026-11-26T10:00:00Z');
  const count = (3 * QUERY_NUMBER_POOL_BYTES) / 4 + 7;
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) seen.add(queryNumber('R', at));
  // 32 random bits: a repeat among 3,079 numbers has a probability of about 1 in 900,000.
  assert.equal(seen.size, count);
});
