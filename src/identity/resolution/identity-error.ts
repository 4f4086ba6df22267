/**
 * An error of identity resolution's operations with a stable code and an HTTP status (the API
 * answers it as is). Messages never carry an ID, a name, a mobile or an address.
 *
 * @example
 *   throw new IdentityError('review_not_found', 404, 'no review 17');
 */
export class IdentityError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}
