/**
 * Limits of the canonical furnishing format. Every limit has its unit in its name, is enforced
 * where the data enters, and is tested at its edge.
 *
 * @example
 *   if (lines.length > MAX_BATCH_RECORDS) reject();
 */

/** Records (non-blank lines) in one batch. Larger loads are several batches. A batch is held in
 *  memory while it is checked and applied: this and MAX_BATCH_BYTES bound that memory (about
 *  60 MB of transient heap for a full batch of monthly states; BENCHMARKS.md). */
export const MAX_BATCH_RECORDS = 20_000;
/** Bytes of one batch body (JSON Lines, UTF-8). */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024;
/** Bytes of one line (one record). */
export const MAX_LINE_BYTES = 16 * 1024;
/** Largest amount in minor units (1e15 fen = 10 trillion yuan): far below 2^53, so exact. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000_000;
/** Longest free-text field (name, address, employer, reason), in characters. */
export const MAX_TEXT_CHARS = 200;
/** Longest account number, in characters. */
export const MAX_ACCOUNT_NO_CHARS = 64;
/** Most instalments of one loan (50 years monthly). */
export const MAX_INSTALMENTS = 600;
/** Most overdue periods counted on one monthly state. */
export const MAX_OVERDUE_PERIODS = 999;
/** Months one payment history profile describes (Metro 2 field 18: 24 months). */
export const MAX_HISTORY_PROFILE_MONTHS = 24;
/** Longest batch id, in characters. */
export const MAX_BATCH_ID_CHARS = 64;
/** Shape of a batch id chosen by the furnisher. */
export const BATCH_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
