/**
 * Clusters from links: union-find over the pairs whose weight reaches the threshold, applied
 * strongest link first. Two guards stop chains (A links B, B links C, A and C are different
 * persons) from gluing persons together, and both leave out the weakest links:
 * - average linkage: a link that would join two clusters, one of them with two records or more,
 *   is applied only when the mean weight over every pair across the two clusters also reaches
 *   the threshold (needs `pairWeight`; pairs across are at most the size limit squared);
 * - size: a link that would make a cluster larger than the size limit is refused.
 * Refused links are counted. Every record ends in exactly one cluster (a partition); clusters
 * are numbered in the order of their first record.
 *
 * @example
 *   const result = clusterLinks(4, Int32Array.of(0, 2), Int32Array.of(1, 3), Float64Array.of(20, 3), 10);
 *   result.clusterOf; // Int32Array [0, 0, 1, 2]
 */
import { MAX_CLUSTER_RECORDS } from './limits.js';

/**
 * Clusters and what the linking did.
 *
 * @example
 *   `${result.clusters} clusters, largest ${result.largest}`;
 */
export interface Clustering {
  /** Cluster number of each record, 0 .. clusters - 1. */
  clusterOf: Int32Array;
  clusters: number;
  largest: number;
  /** Links at or above the threshold, applied or not. */
  links: number;
  /** Links refused by the size limit. */
  refusedLinks: number;
  /** Links refused because the two clusters do not match on average. */
  refusedByAverage: number;
}

/**
 * Options of clusterLinks.
 *
 * @example
 *   const options: ClusterOptions = { maxClusterRecords: 20, pairWeight: scorer.weight };
 */
export interface ClusterOptions {
  maxClusterRecords?: number;
  /** Weight of any two records: enables the average-linkage guard. */
  pairWeight?: (i: number, j: number) => number;
}

/** Root of x, halving the path on the way. */
function find(parent: Int32Array, x: number): number {
  let node = x;
  while (parent[node] !== node) {
    const up = parent[parent[node]!]!;
    parent[node] = up;
    node = up;
  }
  return node;
}

/**
 * Clusters `records` records from the pairs (left[k], right[k]) of weight weights[k].
 *
 * @example
 *   clusterLinks(3, Int32Array.of(0), Int32Array.of(2), Float64Array.of(5), 0, { maxClusterRecords: 10 }).clusters; // 2
 */
export function clusterLinks(
  records: number,
  left: Int32Array,
  right: Int32Array,
  weights: Float64Array,
  threshold: number,
  options: ClusterOptions = {},
): Clustering {
  const maxClusterRecords = options.maxClusterRecords ?? MAX_CLUSTER_RECORDS;
  const pairWeight = options.pairWeight;
  if (left.length !== right.length || left.length !== weights.length)
    throw new Error('invariant: one weight per pair');
  const selected: number[] = [];
  for (let k = 0; k < weights.length; k++) if (weights[k]! >= threshold) selected.push(k);
  const byWeight = selected.sort((x, y) => weights[y]! - weights[x]! || x - y);
  const parent = new Int32Array(records);
  const size = new Int32Array(records).fill(1);
  /** Members of a cluster as a circular list through `next`. */
  const next = new Int32Array(records);
  for (let i = 0; i < records; i++) {
    parent[i] = i;
    next[i] = i;
  }
  const meanAcross = (a: number, b: number): number => {
    let sum = 0;
    let pairs = 0;
    let x = a;
    do {
      let y = b;
      do {
        sum += pairWeight!(x, y);
        pairs++;
        y = next[y]!;
      } while (y !== b);
      x = next[x]!;
    } while (x !== a);
    return sum / pairs;
  };
  let refusedLinks = 0;
  let refusedByAverage = 0;
  for (const k of byWeight) {
    const a = find(parent, left[k]!);
    const b = find(parent, right[k]!);
    if (a === b) continue;
    if (size[a]! + size[b]! > maxClusterRecords) {
      refusedLinks++;
      continue;
    }
    if (pairWeight !== undefined && size[a]! + size[b]! > 2 && meanAcross(a, b) < threshold) {
      refusedByAverage++;
      continue;
    }
    const [big, small] = size[a]! >= size[b]! ? [a, b] : [b, a];
    parent[small] = big;
    size[big]! += size[small]!;
    const after = next[big]!;
    next[big] = next[small]!;
    next[small] = after;
  }
  const clusterOf = new Int32Array(records);
  const numberOfRoot = new Int32Array(records).fill(-1);
  let clusters = 0;
  let largest = records > 0 ? 1 : 0;
  for (let i = 0; i < records; i++) {
    const root = find(parent, i);
    if (numberOfRoot[root] === -1) numberOfRoot[root] = clusters++;
    clusterOf[i] = numberOfRoot[root]!;
    if (size[root]! > largest) largest = size[root]!;
  }
  return { clusterOf, clusters, largest, links: selected.length, refusedLinks, refusedByAverage };
}
