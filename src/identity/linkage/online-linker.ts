/**
 * Online linking: one incoming person against the persons held, through an index from blocking
 * keys to record indexes (the same rules as the batch dedupe, blocks over MAX_BLOCK_RECORDS
 * skipped). Candidates are scored with the trained model; the best come back with their
 * weights, and any candidate can be explained attribute by attribute. The incoming person is
 * not added unless addToIndex is called.
 *
 * @example
 *   const index = createLinkIndex(store, model);
 *   const result = linkRecord(index, { name: 'Mitchell Green', date_of_birth: '1956-04-09' });
 *   result.matches[0]; // { record: 17, recordId: 'rec-1496-org', weight: 38.2 }
 *   explainLink(index, person, result.matches[0]!.record).attributes;
 */
import { buildBlocks } from './blocking.js';
import { BLOCKING_RULES, type BlockingRule, rulesForStore } from './blocking-rules.js';
import { patternLayout } from './comparison-vectors.js';
import { hashKey, type KeyTable } from './growable.js';
import { MAX_BLOCK_RECORDS } from './limits.js';
import type { LinkageModel } from './model.js';
import type { PersonStore } from './person-store.js';
import type { PersonInput } from './roles.js';
import { createScorer, type MatchExplanation, type Scorer } from './scorer.js';

/** Matches returned by default. */
const DEFAULT_MATCHES_RETURNED = 5;

interface RuleIndex {
  rule: BlockingRule;
  byKey: KeyTable;
  offsets: Int32Array;
  members: Int32Array;
  /** Records added after the index was built, by key. */
  added: Map<number, number[]>;
}

/**
 * The index of a store for online linking.
 *
 * @example
 *   const index: LinkIndex = createLinkIndex(store, model);
 */
export interface LinkIndex {
  readonly store: PersonStore;
  readonly scorer: Scorer;
  readonly maxBlockRecords: number;
  readonly rules: readonly RuleIndex[];
}

/**
 * One candidate and its weight (log2 Bayes factor).
 *
 * @example
 *   if (candidate.weight >= threshold) link(candidate.recordId);
 */
export interface LinkCandidate {
  record: number;
  recordId: string;
  weight: number;
}

/**
 * The outcome of linking one person.
 *
 * @example
 *   `${result.compared} compared, best ${result.matches[0]?.weight}`;
 */
export interface LinkResult {
  /** Records compared (distinct candidates from every rule). */
  compared: number;
  /** Blocks left out for their size. */
  skippedBlocks: number;
  /** The best candidates, strongest first. */
  matches: LinkCandidate[];
}

/**
 * Builds the index of `store` under `model` (trained on the same attributes).
 *
 * @example
 *   createLinkIndex(store, dedupe(store).model);
 */
export function createLinkIndex(
  store: PersonStore,
  model: LinkageModel,
  options: { rules?: readonly BlockingRule[]; maxBlockRecords?: number } = {},
): LinkIndex {
  const scorer = createScorer(patternLayout(store), model);
  const rules = rulesForStore(store, options.rules ?? BLOCKING_RULES).map((rule): RuleIndex => {
    const { byKey, offsets, members } = buildBlocks(store, rule);
    return { rule, byKey, offsets, members, added: new Map() };
  });
  return { store, scorer, maxBlockRecords: options.maxBlockRecords ?? MAX_BLOCK_RECORDS, rules };
}

function candidatesOf(index: LinkIndex, probe: number): { candidates: number[]; skippedBlocks: number } {
  const seen = new Set<number>();
  let skippedBlocks = 0;
  for (const r of index.rules) {
    const key = r.rule.key(index.store, probe);
    if (key === '') continue;
    const h = hashKey(key);
    const block = r.byKey.get(h);
    const added = r.added.get(h);
    const from = block < 0 ? 0 : r.offsets[block]!;
    const to = block < 0 ? 0 : r.offsets[block + 1]!;
    if (
      to - from + (added?.length ?? 0) >
      Math.min(index.maxBlockRecords, r.rule.maxBlockRecords ?? Infinity)
    ) {
      skippedBlocks++;
      continue;
    }
    for (let k = from; k < to; k++) seen.add(r.members[k]!);
    if (added) for (const record of added) seen.add(record);
  }
  return { candidates: [...seen], skippedBlocks };
}

/**
 * Links one person: the best `limit` candidates (default 5) with weight at least `minWeight`.
 *
 * @example
 *   linkRecord(index, { given_name: 'Mitchell', surname: 'Green', postcode: '2119' }, { limit: 1 });
 */
export function linkRecord(
  index: LinkIndex,
  person: PersonInput,
  options: { limit?: number; minWeight?: number } = {},
): LinkResult {
  const limit = options.limit ?? DEFAULT_MATCHES_RETURNED;
  const minWeight = options.minWeight ?? Number.NEGATIVE_INFINITY;
  return index.store.withProbe(person, (probe) => {
    const { candidates, skippedBlocks } = candidatesOf(index, probe);
    const matches: LinkCandidate[] = [];
    for (const record of candidates) {
      const weight = index.scorer.weight(probe, record);
      if (weight >= minWeight) matches.push({ record, recordId: index.store.recordIds[record]!, weight });
    }
    matches.sort((a, b) => b.weight - a.weight || a.record - b.record);
    return { compared: candidates.length, skippedBlocks, matches: matches.slice(0, limit) };
  });
}

/**
 * Why `person` and a held record get their weight, attribute by attribute (the values shown
 * are normalised).
 *
 * @example
 *   explainLink(index, person, 17).attributes.map((a) => `${a.attribute} ${a.label} ${a.weight}`);
 */
export function explainLink(index: LinkIndex, person: PersonInput, record: number): MatchExplanation {
  if (record < 0 || record >= index.store.size) throw new Error(`no record ${record}`);
  return index.store.withProbe(person, (probe) => index.scorer.explain(probe, record));
}

/**
 * Adds a person to the store and the index; returns its record index.
 *
 * @example
 *   addToIndex(index, 'furnisher-7/acct-1', person);
 */
export function addToIndex(index: LinkIndex, recordId: string, person: PersonInput): number {
  const record = index.store.add(recordId, person);
  for (const r of index.rules) {
    const key = r.rule.key(index.store, record);
    if (key === '') continue;
    const h = hashKey(key);
    const list = r.added.get(h);
    if (list) list.push(record);
    else r.added.set(h, [record]);
  }
  return record;
}
