/**
 * A typed array that grows by doubling: compact storage for millions of pair ends or weights.
 *
 * @example
 *   const list = new GrowableInt32Array();
 *   list.push(7);
 *   list.view(); // Int32Array [7]
 */
export class GrowableInt32Array {
  length = 0;
  private data: Int32Array;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** The values pushed so far (a view: valid until the next push). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  /** A compact copy of the values. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * 32-bit FNV-1a hash of a string's UTF-16 code units; never 0 (0 means "no key").
 *
 * @example
 *   hashKey('smi|1956') !== 0; // true
 */
export function hashKey(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  h >>>= 0;
  return h === 0 ? 1 : h;
}

/**
 * A hash table from non-zero 32-bit keys to non-negative numbers (open addressing, linear
 * probing, doubling): several times faster and smaller than a Map for millions of keys.
 *
 * @example
 *   const table = new KeyTable();
 *   table.set(hashKey('smith|1956'), 3);
 *   table.get(hashKey('smith|1956')); // 3
 *   table.get(12345); // -1
 */
export class KeyTable {
  size = 0;
  private keys: Uint32Array;
  private values: Int32Array;
  private mask: number;

  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Uint32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The value of `key`, or -1. */
  get(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= this.mask;
      const k = this.keys[slot]!;
      if (k === key) return this.values[slot]!;
      if (k === 0) return -1;
      slot++;
    }
  }

  /** Sets the value of `key` (not 0). */
  set(key: number, value: number): void {
    if (key === 0) throw new Error('invariant: key 0 is reserved');
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    let slot = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= this.mask;
      const k = this.keys[slot]!;
      if (k === key) {
        this.values[slot] = value;
        return;
      }
      if (k === 0) {
        this.keys[slot] = key;
        this.values[slot] = value;
        this.size++;
        return;
      }
      slot++;
    }
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let s = 0; s < keys.length; s++) if (keys[s] !== 0) this.set(keys[s]!, values[s]!);
  }
}
