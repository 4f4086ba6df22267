/**
 * Limits and fixed parameters of record linkage. Every limit has its unit in its name; the
 * command and the library enforce them where data enters.
 *
 * @example
 *   if (block.length > MAX_BLOCK_RECORDS) skipBlock();
 */

/** Records in one blocking block. A larger block is not compared in that pass (its pairs are
 *  left to the other passes) and is counted in the blocking report, so one very common key (say
 *  every "smith" born in 1970) cannot make the comparisons grow with n squared. */
export const MAX_BLOCK_RECORDS = 100;
/** Records in one cluster. Links are applied strongest first; a link that would join two
 *  clusters into one larger than this is refused (and counted), which stops chains of weak
 *  links from gluing many persons together. */
export const MAX_CLUSTER_RECORDS = 64;
/** Records one store can hold (record indexes are 32-bit). */
export const MAX_RECORDS = 50_000_000;
/** Candidate pairs one dedupe run keeps in memory (16 bytes each: 3.2 GB at this limit). */
export const MAX_CANDIDATE_PAIRS = 200_000_000;
/** Random record pairs drawn to estimate the u probabilities (fewer when the file has fewer
 *  pairs: then every pair is used). */
export const U_SAMPLE_PAIRS = 1_000_000;
/** Pseudo-count added to every level when u is estimated, so no level has u = 0. */
export const U_PSEUDO_COUNT = 1;
/** Expectation-maximisation stops after this many iterations ... */
export const EM_MAX_ITERATIONS = 200;
/** ... or when no probability changes by more than this between two iterations. */
export const EM_TOLERANCE_PROBABILITY = 1e-7;
/** Smallest m or u probability EM may produce (keeps every weight finite). */
export const EM_MIN_PROBABILITY = 1e-6;
/** Smallest m of any level: no attribute is so reliable that one disagreement may veto a match
 *  by more than log2(1 / 0.001), about 10 bits. */
export const MIN_M_PROBABILITY = 0.001;
/** Smallest relative frequency a value is given by the term-frequency adjustment: values rarer
 *  than this count as this rare (caps the weight of agreeing on a unique value). */
export const MIN_TERM_FREQUENCY = 1e-6;
/** Characters of one CSV field. */
export const MAX_CSV_FIELD_CHARS = 65_536;
/** Fields of one CSV row. */
export const MAX_CSV_FIELDS = 1_000;
/** Characters of a phonetic (NYSIIS) code; the original algorithm keeps 6. */
export const NYSIIS_CODE_CHARS = 6;
/** Characters of one normalised value kept for comparison (longer values are cut). */
export const MAX_VALUE_CHARS = 200;
