/**
 * Ids handed out from blocks allocated in advance: a report pull needs two ids (its inquiry and
 * its request log row), and allocating each one is a write to the sequences row (on PostgreSQL a
 * commit of its own). `ensure` allocates, committed and outside the caller's transaction, so that
 * a rolled-back transaction never returns ids the block still hands out; `take` is then
 * synchronous. Ids left in a block when the process stops are gaps, which are harmless.
 *
 * @example
 *   const ids = idBlocks();
 *   await ids.ensure('inquiry', 1, (count) => store.allocateIds('inquiry', count));
 *   const inquiryId = ids.take('inquiry');
 */
import type { SequenceName } from './allocate-ids.js';

/** Ids allocated at a time per sequence (more when one call needs more). */
export const ID_BLOCK_SIZE = 256;

export interface IdBlocks {
  /** Makes sure `count` ids can be taken; `allocate(n)` returns the first of n new ids, committed. */
  ensure(name: SequenceName, count: number, allocate: (count: number) => Promise<number>): Promise<void>;
  /** The next id; fails fast when `ensure` did not provide for it. */
  take(name: SequenceName): number;
  /** The next id, allocating a block first when none is left (safe with concurrent callers). */
  next(name: SequenceName, allocate: (count: number) => Promise<number>): Promise<number>;
}

export function idBlocks(blockSize: number = ID_BLOCK_SIZE): IdBlocks {
  if (!Number.isInteger(blockSize) || blockSize < 1) throw new Error(`idBlocks: bad block size ${blockSize}`);
  const blocks = new Map<SequenceName, { next: number; end: number }>();
  const left = (name: SequenceName) => {
    const block = blocks.get(name);
    return block ? block.end - block.next : 0;
  };
  return {
    async next(name, allocate) {
      // A concurrent caller may take the ids this one ensured: try again until one is left.
      while (left(name) < 1) await this.ensure(name, 1, allocate);
      return this.take(name);
    },
    async ensure(name, count, allocate) {
      const block = blocks.get(name);
      if (block && block.end - block.next >= count) return;
      const size = Math.max(blockSize, count);
      const first = await allocate(size);
      if (!Number.isSafeInteger(first) || first < 1)
        throw new Error(`sequence ${name}: bad first id ${first}`);
      // Another caller may have refilled the block while this one waited: the larger remainder wins.
      const now = blocks.get(name);
      if (!now || now.end - now.next < size) blocks.set(name, { next: first, end: first + size });
    },
    take(name) {
      const block = blocks.get(name);
      if (!block || block.next >= block.end) throw new Error(`invariant: no id left in the ${name} block`);
      const id = block.next;
      block.next += 1;
      return id;
    },
  };
}
