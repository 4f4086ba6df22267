/**
 * Limits and defaults of the bureau score (building, serving, monitoring). Every limit has its
 * unit in its name; the builder, the store and the report enforce them.
 *
 * @example
 *   if (samplePersons > MAX_SAMPLE_PERSONS) throw new RangeError('sample too large');
 */

/** Persons read by `score build` and `score monitor` unless told otherwise. */
export const DEFAULT_SAMPLE_PERSONS = 50_000;
/** Upper limit of the persons sampled: three rows of 36 variables each are held in memory
 *  (8 bytes a value: about 170 MB at this limit). */
export const MAX_SAMPLE_PERSONS = 200_000;
/** Persons read from the store per query batch (an `in (...)` list of their ids). */
export const SCAN_BATCH_persons = 500;
/** Months between the training observation month and the hold-out one (out of time). */
export const HOLDOUT_AFTER_TRAINING_months = 6;
/** Fewest bad rows, and fewest good rows, that training and the hold-out each need. */
export const MIN_OUTCOME_ROWS = 20;
/** Smallest share of training rows in a bin of the bureau score (the engine's default is 5%):
 *  1% lets the few persons overdue now form bins of their own (80 rows of 8,000). */
export const BUREAU_MIN_BIN_SHARE = 0.01;

/** The served score runs from SCORE_MIN (riskiest) to SCORE_MAX (safest). */
export const SCORE_MIN = 0;
export const SCORE_MAX = 1000;

/** Bytes of a stored model's JSON (its bins, points and two score distributions). */
export const MAX_MODEL_JSON_BYTES = 1_048_576;
/** A serving process checks the store for a newer model at most this often. */
export const MODEL_REFRESH_INTERVAL_ms = 60_000;

/** Population stability index readings: below STABLE is stable, up to SHIFT is worth watching,
 *  above SHIFT the population has shifted. */
export const PSI_STABLE_BELOW = 0.1;
export const PSI_SHIFT_ABOVE = 0.25;
/** Score bands of the score's stability index: deciles of the training scores. */
export const PSI_SCORE_BANDS = 10;
