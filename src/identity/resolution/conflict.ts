/**
 * Whether a record with a valid ID conflicts with the person that ID belongs to: the record's name
 * agrees with none of the names on file for that person, or its birth date with none of the birth
 * dates on file. Checked in two steps, so that the usual record (a name already on file) costs one
 * keyed hash and a set lookup: only a name (or birth date) not on file as such is decrypted and
 * compared with the linkage library's levels (pinyin, one Han character, Jaro-Winkler, NYSIIS
 * all count as agreeing).
 *
 * @example
 *   quickConsistency({ nameHash, birthDateHash }, { names: [nameHash], birthDates: [] }); // 'consistent'
 */
import type { CandidateScore } from './compare-candidates.js';

/**
 * The first step's answer: consistent, or to be compared (suspect).
 *
 * @example
 *   const q: QuickAnswer = 'suspect';
 */
export type QuickAnswer = 'consistent' | 'suspect';

/**
 * Step one, on keyed hashes: consistent when the person has no name on file (nothing to conflict
 * with), or when the record's name is on file and its birth date is too (or either side has none).
 *
 * @example
 *   quickConsistency({ nameHash: 'a', birthDateHash: null }, { names: ['b'], birthDates: [] }); // 'suspect'
 */
export function quickConsistency(
  record: { nameHash: string; birthDateHash: string | null },
  onFile: { names: readonly string[]; birthDates: readonly string[] },
): QuickAnswer {
  if (onFile.names.length === 0) return 'consistent';
  if (!onFile.names.includes(record.nameHash)) return 'suspect';
  if (record.birthDateHash === null || onFile.birthDates.length === 0) return 'consistent';
  return onFile.birthDates.includes(record.birthDateHash) ? 'consistent' : 'suspect';
}

/** Date levels: missing, exact, swapped, one part differs, different. */
const DATE_DIFFERENT = 4;

/**
 * Step two, on the record scored against the person: a conflict when the names disagree or the
 * birth dates are different (a swapped day and month or one part off is a typo, not a conflict).
 *
 * @example
 *   conflictsWithPerson(scoreCandidates(probe, [person])[0]!); // true or false
 */
export function conflictsWithPerson(score: CandidateScore): boolean {
  const date = score.attributes.find((a) => a.attribute === 'date_of_birth');
  return !score.nameAgrees || date?.level === DATE_DIFFERENT;
}
