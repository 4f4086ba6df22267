/**
 * Limits of the Metro 2 reader, validator and converter. Every limit has its unit in its name and
 * bounds memory: the reader never holds more than one chunk plus one record, however large the file.
 *
 * @example
 *   if (recordDescriptorWord > MAX_RECORD_BYTES) reportFramingLost();
 */

/** Length of a header, base segment or trailer in the character format, in bytes. */
export const FIXED_RECORD_BYTES = 426;
/** Length of a record or block descriptor word, in bytes (4 ASCII digits). */
export const DESCRIPTOR_BYTES = 4;
/** Longest record a 4-digit record descriptor word can declare, in bytes (base plus segments and padding). */
export const MAX_RECORD_BYTES = 9_999;
/** Longest block a 4-digit block descriptor word can declare, in bytes (descriptor included). */
export const MAX_BLOCK_BYTES = 9_999;
/** Longest line of a one-record-per-line file, in bytes: a block descriptor word and the longest record. */
export const MAX_LINE_BYTES = DESCRIPTOR_BYTES + MAX_RECORD_BYTES;
/** Bytes the reader looks at to decide the framing of a file (descriptor words, line breaks). */
export const DETECT_WINDOW_BYTES = MAX_LINE_BYTES + 2;
/** Size of the chunks read from a file, in bytes. */
export const READ_CHUNK_BYTES = 1024 * 1024;
/** Findings kept in memory for a validation report; beyond it only the counts per rule grow. */
export const MAX_FINDINGS_KEPT = 10_000;
/** Largest JSON file (whole-file JSON, or gzip-compressed JSON once inflated) read into memory, in bytes. */
export const MAX_JSON_INPUT_BYTES = 256 * 1024 * 1024;
/** Largest amount a 9-digit money field holds, in whole dollars. */
export const MAX_MONEY_DOLLARS = 999_999_999;
/** Earliest year of a date the validator accepts as a real date. */
export const MIN_DATE_YEAR = 1900;
/** Age under which a consumer is reported as a minor (warning), in years. */
export const MINOR_AGE_YEARS = 18;
