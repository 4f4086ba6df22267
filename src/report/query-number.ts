/**
 * Numbers of served queries: a letter (R report, P pre-lending check, F fraud check), the UTC time
 * to the second, 8 random hex characters. The random bytes come from a pool filled 4 KiB at a
 * time: one getrandom call per 1,024 numbers instead of one per number.
 *
 * @example
 *   queryNumber('R', new Date('2026-11-26T10:00:00Z')); // 'R20261126100000' + e.g. '9F3A0C1B'
 */
import { randomFillSync } from 'node:crypto';

/** The kinds of served query that carry a number. */
export type QueryNumberPrefix = 'R' | 'P' | 'F';

/** Random bytes drawn per fill of the pool. */
export const QUERY_NUMBER_POOL_BYTES = 4_096;
const SUFFIX_BYTES = 4;
const pool = Buffer.alloc(QUERY_NUMBER_POOL_BYTES);
let offset = QUERY_NUMBER_POOL_BYTES;

/** A query number for a query served at `at`. */
export function queryNumber(prefix: QueryNumberPrefix, at: Date): string {
  if (offset + SUFFIX_BYTES > QUERY_NUMBER_POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const suffix = pool.toString('hex', offset, offset + SUFFIX_BYTES).toUpperCase();
  offset += SUFFIX_BYTES;
  return `${prefix}${at.toISOString().replace(/\D/g, '').slice(0, 14)}${suffix}`;
}
