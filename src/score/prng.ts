/**
 * A seeded pseudo-random number generator (a Weyl sequence through a 32-bit mixing function):
 * the same seed gives the same numbers on every machine. Not for secrets; for fold assignment.
 *
 * @example
 *   const random = seededRandom(42);
 *   random.next(); // a number in [0, 1), the same for seed 42 every time
 *   random.int(10); // an integer in 0..9
 */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in 0..n-1 (n a positive integer). */
  int(n: number): number;
}

/**
 * Creates a generator from an integer seed (taken modulo 2^32).
 *
 * @example
 *   seededRandom(1).next() === seededRandom(1).next(); // true
 */
export function seededRandom(seed: number): SeededRandom {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  let state = Number(BigInt.asUintN(32, BigInt(seed))) | 0;
  const next = (): number => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 4294967296;
  };
  return {
    next,
    int(n: number): number {
      if (!Number.isInteger(n) || n <= 0) throw new RangeError(`n must be a positive integer, got ${n}`);
      return Math.floor(next() * n);
    },
  };
}

/**
 * Shuffles an array in place (Fisher-Yates) with a seeded generator.
 *
 * @example
 *   shuffleInPlace(Int32Array.from([0, 1, 2, 3]), seededRandom(7)); // the same order every run
 */
export function shuffleInPlace<T extends { length: number; [index: number]: number }>(
  items: T,
  random: SeededRandom,
): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const kept = items[i]!;
    items[i] = items[j]!;
    items[j] = kept;
  }
  return items;
}
