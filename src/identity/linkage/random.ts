/**
 * The seeded generator of the linkage library as a function (domain/seeded-random.ts,
 * mulberry32): the same seed gives the same u sample, so a dedupe run is reproducible.
 *
 * @example
 *   const next = seededRandom(42);
 *   next(); // a number in [0, 1)
 */
import { SeededRandom } from '../../domain/seeded-random.js';

export function seededRandom(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}
