/**
 * Stratified fold assignment for cross-validation: the bad rows and the good rows are each
 * shuffled with a seeded generator and dealt out in turn, so every fold has the same share of
 * bad rows (within one row) and the same seed gives the same folds.
 *
 * @example
 *   const fold = stratifiedFolds(Uint8Array.from([1, 0, 0, 1, 0, 0]), 2, 1);
 *   // fold[i] in 0..1; each fold holds one bad row and two good rows
 */
import { MAX_FOLDS } from './limits.js';
import { seededRandom, shuffleInPlace } from './prng.js';
import { ScoreError } from './score-error.js';

/**
 * The fold (0..folds-1) of every row.
 *
 * @example
 *   stratifiedFolds(bad, 10, 1); // Uint8Array of fold numbers
 */
export function stratifiedFolds(bad: Uint8Array, folds: number, seed: number): Uint8Array {
  if (!Number.isInteger(folds) || folds < 2 || folds > MAX_FOLDS)
    throw new ScoreError(`folds must be an integer from 2 to ${MAX_FOLDS}, got ${folds}`);
  let bads = 0;
  for (const y of bad) bads += y;
  const goods = bad.length - bads;
  if (bads < folds || goods < folds)
    throw new ScoreError(
      `${folds} folds need at least ${folds} bad and ${folds} good rows; the data has ${bads} bad and ${goods} good`,
    );
  const random = seededRandom(seed);
  const fold = new Uint8Array(bad.length);
  for (const cls of [1, 0]) {
    const members = new Int32Array(cls === 1 ? bads : goods);
    let n = 0;
    for (let i = 0; i < bad.length; i++) if (bad[i] === cls) members[n++] = i;
    shuffleInPlace(members, random);
    for (let k = 0; k < members.length; k++) fold[members[k]!] = k % folds;
  }
  return fold;
}
