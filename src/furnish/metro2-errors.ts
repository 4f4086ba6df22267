/**
 * Why a Metro 2 file is refused as a whole, before any part of it is stored: a batch id with no
 * room for the part suffix, a file that is not Metro 2 character data, a header whose dates cannot
 * be read, a file without data records. Each carries a stable code and the HTTP status.
 *
 * @example
 *   throw new Metro2IngestError('metro2_unreadable', 'not a Metro 2 character file: ...');
 */
export type Metro2IngestErrorCode =
  | 'invalid_batch_id'
  | 'metro2_unreadable'
  | 'metro2_header_unreadable'
  | 'empty_file'
  | 'too_many_parts';

export class Metro2IngestError extends Error {
  constructor(
    readonly code: Metro2IngestErrorCode,
    message: string,
    readonly status: 400 | 413 = 400,
  ) {
    super(message);
    this.name = 'Metro2IngestError';
  }
}
