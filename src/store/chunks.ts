/**
 * Splits a list into chunks, to keep every statement under the engines' parameter limits
 * (SQLite 32,766; PostgreSQL 65,535).
 *
 * @example
 *   for (const part of chunks(ids, 500)) await db.selectFrom('persons').where('person_id', 'in', part)...
 */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`chunk size must be a positive integer, got ${size}`);
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Rows per multi-row INSERT or IN list: at most ~25 columns x 500 rows = 12,500 parameters. */
export const ROWS_PER_STATEMENT = 500;
