/**
 * A small seeded pseudo-random generator (mulberry32) for reproducible data (the demo market,
 * the linkage library's samples and generated people, the benchmarks' choices). Not for
 * security: it only makes the same data on every run for the same seed.
 *
 * @example
 *   const rng = new SeededRandom(42);
 *   rng.int(1, 6); // the same value for seed 42, every run
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError('SeededRandom: seed must be a finite number');
    this.state = Math.trunc(seed) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One item, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('SeededRandom.pick: no items');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** The index of one weight, with probability proportional to it. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** `count` distinct indexes, each draw proportional to the weights of those left. */
  weightedSample(weights: readonly number[], count: number): number[] {
    const left = weights.map((w, i) => ({ w, i }));
    const chosen: number[] = [];
    while (chosen.length < count && left.length > 0) {
      const at = this.weightedIndex(left.map((x) => x.w));
      chosen.push(left[at]!.i);
      left.splice(at, 1);
    }
    return chosen;
  }
}

/**
 * A seed for an independent stream `stream` of a generator seeded with `seed` (a 32-bit integer
 * hash), so that each person of the demo market draws from its own stream.
 *
 * @example
 *   new SeededRandom(deriveSeed(42, 7)).next();
 */
export function deriveSeed(seed: number, stream: number): number {
  let h = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (stream >>> 0), 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h ^ Math.imul(stream >>> 0, 0x27d4eb2f), 0x165667b1) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}
