/**
 * Candidate pairs from the blocking rules, pass by pass. A pair already compared in an earlier
 * pass (same key there, in a block that was not too large) is not emitted again, which needs no
 * set of seen pairs: only the earlier passes' keys. Blocks larger than MAX_BLOCK_RECORDS are
 * skipped and counted.
 *
 * @example
 *   const candidates = candidatePairs(store, rulesForStore(store));
 *   candidates.count; // pairs to compare
 *   candidates.passes[0]; // { rule: 'names-phonetic', blocks: 812, pairs: 4170, ... }
 */
import type { BlockingRule } from './blocking-rules.js';
import { GrowableInt32Array, hashKey, KeyTable } from './growable.js';
import { MAX_BLOCK_RECORDS, MAX_CANDIDATE_PAIRS } from './limits.js';
import type { PersonStore } from './person-store.js';

/**
 * What one pass did.
 *
 * @example
 *   `${pass.rule}: ${pass.pairs} new pairs`;
 */
export interface BlockingPassReport {
  rule: string;
  /** Records that have a key under this rule. */
  keyedRecords: number;
  /** Blocks of two records or more. */
  blocks: number;
  largestBlock: number;
  /** Blocks over the size limit, not compared in this pass, and the records in them. */
  oversizedBlocks: number;
  oversizedRecords: number;
  /** Pairs emitted by this pass (not compared by an earlier one). */
  pairs: number;
  /** Pairs of this pass already emitted by an earlier one. */
  repeatedPairs: number;
}

/**
 * The candidate pairs (left[k] < right[k]) and the report of every pass.
 *
 * @example
 *   for (let k = 0; k < c.count; k++) compare(c.left[k]!, c.right[k]!);
 */
export interface CandidatePairs {
  left: Int32Array;
  right: Int32Array;
  count: number;
  passes: BlockingPassReport[];
}

/**
 * Block membership under one rule, in compressed rows: the records of block b are
 * members[offsets[b] .. offsets[b + 1]).
 *
 * @example
 *   const blocks = buildBlocks(store, rule);
 *   blocks.byKey.get(hashKey('smith|1956')); // block index, -1 when none
 */
export interface Blocks {
  /** Key hash of each record (0: no key). */
  keys: Uint32Array;
  /** Block index of each key hash. */
  byKey: KeyTable;
  offsets: Int32Array;
  members: Int32Array;
  keyedRecords: number;
}

/**
 * Groups the store's records by their key under `rule` (keys are hashed to 32 bits; two keys
 * that collide share a block, which only adds comparisons).
 *
 * @example
 *   buildBlocks(store, BLOCKING_RULES[0]!).offsets.length - 1; // blocks
 */
export function buildBlocks(store: PersonStore, rule: BlockingRule): Blocks {
  const n = store.size;
  const keys = new Uint32Array(n);
  const byKey = new KeyTable(n);
  const sizes: number[] = [];
  let keyedRecords = 0;
  for (let i = 0; i < n; i++) {
    const key = rule.key(store, i);
    if (key === '') continue;
    const h = hashKey(key);
    keys[i] = h;
    keyedRecords++;
    const block = byKey.get(h);
    if (block < 0) {
      byKey.set(h, sizes.length);
      sizes.push(1);
    } else sizes[block]!++;
  }
  const offsets = new Int32Array(sizes.length + 1);
  for (let b = 0; b < sizes.length; b++) offsets[b + 1] = offsets[b]! + sizes[b]!;
  const fill = offsets.slice(0, sizes.length);
  const members = new Int32Array(keyedRecords);
  for (let i = 0; i < n; i++) {
    if (keys[i] === 0) continue;
    const b = byKey.get(keys[i]!);
    members[fill[b]!++] = i;
  }
  return { keys, byKey, offsets, members, keyedRecords };
}

/**
 * Every candidate pair of the store under the rules, each pair once.
 *
 * @example
 *   candidatePairs(store, rules, { maxBlockRecords: 100 }).passes.map((p) => p.oversizedBlocks);
 */
export function candidatePairs(
  store: PersonStore,
  rules: readonly BlockingRule[],
  options: { maxBlockRecords?: number; maxPairs?: number } = {},
): CandidatePairs {
  const globalCap = options.maxBlockRecords ?? MAX_BLOCK_RECORDS;
  const maxPairs = options.maxPairs ?? MAX_CANDIDATE_PAIRS;
  const left = new GrowableInt32Array(Math.max(1024, store.size * 4));
  const right = new GrowableInt32Array(Math.max(1024, store.size * 4));
  const earlier: { keys: Uint32Array; blockSize: Int32Array; cap: number }[] = [];
  const passes: BlockingPassReport[] = [];
  for (const rule of rules) {
    const cap = Math.min(globalCap, rule.maxBlockRecords ?? globalCap);
    const blocks = buildBlocks(store, rule);
    const blockSize = new Int32Array(store.size);
    const report: BlockingPassReport = {
      rule: rule.name,
      keyedRecords: blocks.keyedRecords,
      blocks: 0,
      largestBlock: 0,
      oversizedBlocks: 0,
      oversizedRecords: 0,
      pairs: 0,
      repeatedPairs: 0,
    };
    const blockCount = blocks.offsets.length - 1;
    for (let b = 0; b < blockCount; b++) {
      const from = blocks.offsets[b]!;
      const to = blocks.offsets[b + 1]!;
      const size = to - from;
      for (let k = from; k < to; k++) blockSize[blocks.members[k]!] = size;
      if (size < 2) continue;
      report.blocks++;
      if (size > report.largestBlock) report.largestBlock = size;
      if (size > cap) {
        report.oversizedBlocks++;
        report.oversizedRecords += size;
        continue;
      }
      for (let x = from; x < to; x++) {
        const i = blocks.members[x]!;
        for (let y = x + 1; y < to; y++) {
          const j = blocks.members[y]!;
          let seen = false;
          for (const pass of earlier) {
            const key = pass.keys[i]!;
            if (key !== 0 && key === pass.keys[j] && pass.blockSize[i]! <= pass.cap) {
              seen = true;
              break;
            }
          }
          if (seen) {
            report.repeatedPairs++;
            continue;
          }
          if (left.length >= maxPairs)
            throw new Error(`more than ${maxPairs} candidate pairs: use a smaller block limit`);
          left.push(Math.min(i, j));
          right.push(Math.max(i, j));
          report.pairs++;
        }
      }
    }
    earlier.push({ keys: blocks.keys, blockSize, cap });
    passes.push(report);
  }
  return { left: left.toArray(), right: right.toArray(), count: left.length, passes };
}
