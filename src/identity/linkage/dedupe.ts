/**
 * Deduplication of a store: blocking, comparison of the candidate pairs, u from random pairs,
 * m by EM session by session (training.ts), the share of matches among the compared pairs by
 * EM, u cleaned of the matches random pairs contain, weights with term-frequency adjustment,
 * clusters from the links at or above the threshold (defaultThreshold unless given).
 *
 * @example
 *   const result = dedupe(store);
 *   result.clustering.clusterOf; // cluster number per record
 *   result.candidates.count; // pairs compared
 */
import { type BlockingPassReport, candidatePairs } from './blocking.js';
import { type BlockingRule, rulesForStore } from './blocking-rules.js';
import { type Clustering, clusterLinks } from './clusters.js';
import { compareCandidates, decodePattern, patternLayout } from './comparison-vectors.js';
import { trainEm } from './em.js';
import { MAX_BLOCK_RECORDS, MAX_CLUSTER_RECORDS, U_PSEUDO_COUNT } from './limits.js';
import { buildModel, type LinkageModel } from './model.js';
import type { PersonStore } from './person-store.js';
import { createScorer } from './scorer.js';
import { trainM } from './training.js';
import { estimateU } from './u-sampling.js';

/** Lowest default threshold (bits), whatever the estimate of matches says. */
export const MIN_DEFAULT_THRESHOLD_BITS = 4;

/**
 * The default threshold: the weight at which a pair is as likely a match as not. Weights are
 * Bayes factors against a random pair (u comes from random pairs), so the prior is that of a
 * random pair: p = expected matching pairs (lambda times the pairs compared, the blocking
 * missing few) / all pairs, and the threshold is log2((1 - p) / p), at least
 * MIN_DEFAULT_THRESHOLD_BITS. About 11 bits for 5,000 records, 19 for 1,000,000.
 *
 * @example
 *   defaultThreshold({ matchShare: 0.5 } as LinkageModel, 2_000, 1_000); // log2(499500 / 1000 - 1) ≈ 8.96
 */
export function defaultThreshold(model: LinkageModel, pairsCompared: number, records: number): number {
  const allPairs = (records * (records - 1)) / 2;
  const matches = model.matchShare * pairsCompared;
  if (matches <= 0 || allPairs <= matches) return MIN_DEFAULT_THRESHOLD_BITS;
  return Math.max(MIN_DEFAULT_THRESHOLD_BITS, Math.log2(allPairs / matches - 1));
}

/**
 * Options of a dedupe run; every one has a default.
 *
 * @example
 *   dedupe(store, { threshold: 12 });
 */
export interface DedupeOptions {
  /** Link pairs whose weight (bits) is at least this. */
  threshold?: number;
  maxBlockRecords?: number;
  maxClusterRecords?: number;
  uSamplePairs?: number;
  seed?: number;
  rules?: readonly BlockingRule[];
}

/**
 * What a dedupe run found and how.
 *
 * @example
 *   `${result.candidates.count} pairs compared, ${result.clustering.clusters} clusters`;
 */
export interface DedupeResult {
  candidates: { count: number; passes: BlockingPassReport[] };
  model: LinkageModel;
  threshold: number;
  clustering: Clustering;
  /** Linked pairs (weight at least the threshold), with their weights. */
  links: { left: Int32Array; right: Int32Array; weights: Float64Array };
  /** Milliseconds per stage. */
  milliseconds: {
    blocking: number;
    comparing: number;
    uSampling: number;
    training: number;
    scoring: number;
    clustering: number;
  };
}

/**
 * u with the matches taken out: random pairs are matches with probability p (a file of many
 * duplicates, like FEBRL's 5,000 records of 2,000 persons, has p = 0.0005), which inflates u
 * of the closest levels; u' = (u - p m) / (1 - p), at least one pseudo-pair, renormalised.
 *
 * @example
 *   withoutMatches([[0, 0.01, 0.99]], [[0, 0.9, 0.1]], 0.005, 1e6)[0]; // [0, 0.0055…, 0.9944…]
 */
export function withoutMatches(
  u: readonly (readonly number[])[],
  m: readonly (readonly number[])[],
  matchRate: number,
  samplePairs: number,
): number[][] {
  const floor = U_PSEUDO_COUNT / Math.max(1, samplePairs);
  const p = Math.min(0.5, Math.max(0, matchRate));
  return u.map((row, a) => {
    const cleaned = row.map((value, l) => (l === 0 ? 0 : Math.max(floor, (value - p * m[a]![l]!) / (1 - p))));
    const total = cleaned.reduce((sum, value) => sum + value, 0);
    return cleaned.map((value) => value / total);
  });
}

/**
 * Deduplicates the records of `store`.
 *
 * @example
 *   dedupe(store).clustering.clusters;
 */
export function dedupe(store: PersonStore, options: DedupeOptions = {}): DedupeResult {
  let clock = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const elapsed = now - clock;
    clock = now;
    return elapsed;
  };
  const rules = rulesForStore(store, options.rules);
  const candidates = candidatePairs(store, rules, {
    maxBlockRecords: options.maxBlockRecords ?? MAX_BLOCK_RECORDS,
  });
  const blocking = lap();
  const layout = patternLayout(store);
  const { codes, histogram } = compareCandidates(layout, candidates);
  const comparing = lap();
  const { u, pairs } = estimateU(store, layout, { samplePairs: options.uSamplePairs, seed: options.seed });
  const uSampling = lap();
  const codesSeen = [...histogram.keys()];
  const patterns = codesSeen.map((code) => decodePattern(layout, code));
  const counts = codesSeen.map((code) => histogram.get(code)!);
  const trained = trainM(store, layout, u, { seed: options.seed });
  const m = trained.m;
  if (trained.untrained.length > 0) {
    // No session could train these columns: EM over all candidate pairs, u fitted alongside.
    const fallback = trainEm(patterns, counts, layout.levelCounts, u, { estimateU: true, startM: m });
    for (const a of trained.untrained) m[a] = fallback.m[a]!;
  }
  const first = trainEm(patterns, counts, layout.levelCounts, u, { fixM: true, startM: m });
  const allPairs = (store.size * (store.size - 1)) / 2;
  const uClean = withoutMatches(u, m, (first.matchShare * candidates.count) / Math.max(1, allPairs), pairs);
  const share = trainEm(patterns, counts, layout.levelCounts, uClean, { fixM: true, startM: m });
  const model = buildModel(layout, m, uClean, {
    matchShare: share.matchShare,
    training: trained.sessions,
    uSamplePairs: pairs,
  });
  const training = lap();
  const scorer = createScorer(layout, model);
  const threshold = options.threshold ?? defaultThreshold(model, candidates.count, store.size);
  const weights = new Float64Array(candidates.count);
  for (let k = 0; k < candidates.count; k++)
    weights[k] = scorer.weightOfPattern(codes[k]!, candidates.left[k]!, candidates.right[k]!);
  const scoring = lap();
  const clustering = clusterLinks(store.size, candidates.left, candidates.right, weights, threshold, {
    maxClusterRecords: options.maxClusterRecords ?? MAX_CLUSTER_RECORDS,
    pairWeight: scorer.weight,
  });
  const linked: number[] = [];
  for (let k = 0; k < weights.length; k++) if (weights[k]! >= threshold) linked.push(k);
  const links = {
    left: Int32Array.from(linked, (k) => candidates.left[k]!),
    right: Int32Array.from(linked, (k) => candidates.right[k]!),
    weights: Float64Array.from(linked, (k) => weights[k]!),
  };
  return {
    candidates: { count: candidates.count, passes: candidates.passes },
    model,
    threshold,
    clustering,
    links,
    milliseconds: { blocking, comparing, uSampling, training, scoring, clustering: lap() },
  };
}
