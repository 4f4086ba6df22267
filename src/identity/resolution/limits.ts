/**
 * Limits of identity resolution: every read and every comparison it makes is bounded, so linking
 * one record costs the same on a store of 10,000 persons as on one of 1,000,000,000.
 *
 * @example
 *   if (holders.length > MAX_PERSONS_PER_BLOCK_KEY) skipKey(); // too common to tell anyone apart
 */

/** Persons compared with one record, at most (from every block key together). */
export const MAX_CANDIDATES_PER_RECORD = 20;
/** A block key (a mobile, an address, a name with a birth date) held by more persons than this is
 *  too common to be evidence (a shared office line, a dormitory, "王伟" born on a common date):
 *  it brings no candidates, and is counted as skipped. */
export const MAX_PERSONS_PER_BLOCK_KEY = 20;
/** Values of one attribute read (and decrypted) per candidate, the most recently reported first. */
export const MAX_VALUES_PER_ATTRIBUTE = 8;
/** Records of one batch that go through resolution; the rest are rejected as before (stated in
 *  the answer's findings). Resolution costs about a millisecond a record. */
export const MAX_RESOLUTIONS_PER_BATCH = 2_000;
/** Reviews listed per page, by default and at most. */
export const REVIEW_PAGE_DEFAULT = 50;
export const REVIEW_PAGE_MAX = 200;
/** Accounts one split may move. */
export const MAX_ACCOUNTS_PER_SPLIT = 500;
/** Rows of one table one merge or split may move (a person's file is far smaller). */
export const MAX_ROWS_MOVED_PER_TABLE = 500_000;
/** Characters of an operator's note. */
export const MAX_NOTE_CHARS = 1_000;
