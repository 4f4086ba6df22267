/**
 * Probabilistic record linkage (Fellegi-Sunter): the public surface used by the identity
 * command, the bench and the bureau. See docs/identity-linkage.md.
 *
 * @example
 *   import { readPersonCsv, dedupe, createLinkIndex, linkRecord } from './identity/linkage/index.js';
 *   const { store } = await readPersonCsv('people.csv', { idColumn: 'id', exclude: [], map: [] });
 *   const result = dedupe(store);
 *   const index = createLinkIndex(store, result.model);
 *   linkRecord(index, { name: 'Mitchell Green', date_of_birth: '1956-04-09' }).matches;
 */
export { ATTRIBUTES, type AttributeName, type AttributeSpec } from './attributes.js';
export { type BlockingPassReport, candidatePairs } from './blocking.js';
export { BLOCKING_RULES, type BlockingRule, rulesForStore } from './blocking-rules.js';
export { type Clustering, clusterLinks } from './clusters.js';
export { type ColumnOptions, type ColumnPlan, ColumnPlanError, planColumns } from './column-plan.js';
export { patternLayout } from './comparison-vectors.js';
export { CsvError, CsvParser, csvField, csvLine, readCsvFile } from './csv.js';
export { type DedupeOptions, type DedupeResult, dedupe, defaultThreshold } from './dedupe.js';
export { type EmFit, trainEm } from './em.js';
export { jaroWinkler } from './jaro-winkler.js';
export * from './limits.js';
export { buildModel, type LinkageModel } from './model.js';
export { nysiis } from './nysiis.js';
export {
  addToIndex,
  createLinkIndex,
  explainLink,
  type LinkCandidate,
  type LinkIndex,
  type LinkResult,
  linkRecord,
} from './online-linker.js';
export { type PairwiseScores, pairwiseScores } from './pairwise-scores.js';
export { PersonStore } from './person-store.js';
export { type PersonFile, readPersonCsv } from './read-persons.js';
export { type PersonInput, ROLES, type Role } from './roles.js';
export {
  type AttributeEvidence,
  createScorer,
  explainPair,
  type MatchExplanation,
  type Scorer,
} from './scorer.js';
export { writeClusters } from './write-clusters.js';
