/**
 * Errors that refuse a whole batch before anything is stored (the batch is not recorded). Each
 * carries a stable code and the HTTP status the API answers with.
 *
 * @example
 *   throw new FurnishError('too_many_records', 413, 'a batch holds at most 50000 records');
 */
export type FurnishErrorCode =
  | 'invalid_batch_id'
  | 'batch_too_large'
  | 'too_many_records'
  | 'empty_batch'
  | 'batch_id_conflict';

export class FurnishError extends Error {
  constructor(
    readonly code: FurnishErrorCode,
    readonly status: 400 | 409 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'FurnishError';
  }
}
