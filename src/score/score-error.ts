/**
 * An input the scorecard engine cannot work with (a bad file, a bad option, a corrupt model):
 * the message says what and where (row and column), never a person's data.
 *
 * @example
 *   throw new ScoreError("row 17: 5 fields, the header has 6");
 */
export class ScoreError extends Error {
  override readonly name = 'ScoreError';
}
