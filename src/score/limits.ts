/**
 * Limits and default parameters of the scorecard engine. Every limit has its unit in its name;
 * the readers, the engine and the command enforce them where data enters.
 *
 * @example
 *   if (rows > MAX_ROWS) throw new ScoreError(`more than ${MAX_ROWS} rows`);
 */

/** Bytes of one input file (for a gzipped file: bytes after decompression). */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024 * 1024;
/** Characters of one line of an ARFF file. */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;
/** Data rows of one input file. */
export const MAX_ROWS = 5_000_000;
/** Columns of one input file. */
export const MAX_COLUMNS = 1_000;
/** Rows times columns of one input file: 12 bytes a cell are held in memory (1.2 GB here). */
export const MAX_CELLS = 100_000_000;
/** Distinct values of a column read as categories; a text column with more is an identifier
 *  or free text and must be excluded. */
export const MAX_CATEGORIES = 1_000;
/** Characters of one category value. */
export const MAX_CATEGORY_CHARS = 200;

/** Fine classes that a variable is cut into before they are grouped into bins. */
export const DEFAULT_PRE_BINS = 20;
/** Upper limit of the fine classes (the grouping is cubic in this number). */
export const MAX_PRE_BINS = 50;
/** Bins of one variable, not counting the missing-value bin. */
export const DEFAULT_MAX_BINS = 8;
/** Upper limit of the bins of one variable. */
export const MAX_BINS = 20;
/** Smallest share of the training rows in a bin (the missing-value bin is exempt). */
export const DEFAULT_MIN_BIN_SHARE = 0.05;
/** Categories with a smaller share of the rows are merged into one "rare" group. */
export const DEFAULT_RARE_CATEGORY_SHARE = 0.01;
/** Pseudo-rows added to every bin, at the population's bad rate, before weight of evidence is
 *  computed: an empty bin gets WOE 0 and no bin gets an infinite WOE. */
export const WOE_SMOOTHING_ROWS = 0.5;

/** Variables with a smaller information value are not used. */
export const DEFAULT_MIN_IV = 0.02;
/** Of two variables whose WOE values correlate more than this (absolute Pearson), the one
 *  with the lower information value is dropped. */
export const DEFAULT_MAX_CORRELATION = 0.7;

/** L2 penalty on the coefficients (not the intercept): the log-likelihood less ridge / 2 times
 *  the sum of squared coefficients, as a normal prior of variance 1 would. It keeps the fit
 *  finite when a bin has no bad rows on small data and is negligible beyond a few thousand rows. */
export const DEFAULT_RIDGE = 1;
/** Newton (IRLS) iterations before the fit is declared not converged. */
export const IRLS_MAX_ITERATIONS = 100;
/** The fit has converged when a full Newton step moves no coefficient by more than this times
 *  (1 + the coefficient's size). */
export const IRLS_TOLERANCE = 1e-9;

/** Score of a person at the base odds. */
export const DEFAULT_BASE_SCORE = 600;
/** Good:bad odds that get the base score. */
export const DEFAULT_BASE_ODDS = 50;
/** Points that double the good:bad odds. */
export const DEFAULT_PDO = 20;

/** Cross-validation folds. */
export const DEFAULT_FOLDS = 10;
/** Upper limit of the folds. */
export const MAX_FOLDS = 100;
/** Seed of the fold assignment. */
export const DEFAULT_SEED = 1;

/** Share that an empty bin is given when a population stability index is computed. */
export const PSI_MIN_SHARE = 1e-4;
/** Shares are asserted to sum to 1 within this. */
export const SHARE_SUM_TOLERANCE = 1e-9;
