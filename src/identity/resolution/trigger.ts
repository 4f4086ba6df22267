/**
 * Which rejected records identity resolution may rescue, and why: an identity or account record
 * whose only faults are its national ID (failing its check, missing, or contradicting the record's
 * own birth date or sex), with at most the account-person mismatch that a bad ID causes besides.
 * A record with any other fault is rejected as before, resolution or not.
 *
 * @example
 *   resolutionReason('identity', [{ line: 3, field: 'id_number', rule: 'ID-CHECK-CHAR', message: '…' }]);
 *   // 'id_invalid'
 */
import type { Finding } from '../../formats/canonical/record-types.js';

/**
 * Why a record went through resolution.
 *
 * - id_invalid: the ID fails its check (shape, region, embedded date, check character).
 * - id_missing: no ID.
 * - id_contradicts_record: a valid ID whose embedded birth date or sex differs from the record's.
 * - id_conflicts_person: a valid ID of a person on file whose names (or birth dates) all differ
 *   from the record's.
 *
 * @example
 *   const reason: ResolutionReason = 'id_missing';
 */
export type ResolutionReason = 'id_invalid' | 'id_missing' | 'id_contradicts_record' | 'id_conflicts_person';

const INVALID_RULES: ReadonlySet<string> = new Set([
  'ID-SHAPE',
  'ID-REGION',
  'ID-BIRTH-DATE',
  'ID-CHECK-CHAR',
]);
const CONTRADICTION_RULES: ReadonlySet<string> = new Set(['ID-BIRTH-MISMATCH', 'ID-SEX-MISMATCH']);
/** Allowed beside an ID fault: an account on file "for another person" because the ID is bad. */
const CONSEQUENCE_RULES: ReadonlySet<string> = new Set(['ACC-PERSON-MISMATCH']);

/**
 * The finding a held record gets besides its own (cites no other person, says nothing of them).
 *
 * @example
 *   REVIEW_RULE_ID; // 'IDR-REVIEW'
 */
export const REVIEW_RULE_ID = 'IDR-REVIEW';

/**
 * The reason to resolve a record with these findings, or null when resolution cannot help.
 *
 * @example
 *   resolutionReason('month', findings); // null: only identity and account records name a person
 */
export function resolutionReason(kind: string, findings: readonly Finding[]): ResolutionReason | null {
  if (kind !== 'identity' && kind !== 'account') return null;
  if (findings.length === 0) return null;
  let reason: ResolutionReason | null = null;
  for (const f of findings) {
    if ((f.rule === 'REC-REQUIRED' || f.rule === 'REC-TYPE') && f.field === 'id_number') {
      reason = f.rule === 'REC-REQUIRED' ? 'id_missing' : 'id_invalid';
    } else if (INVALID_RULES.has(f.rule)) {
      if (reason !== 'id_missing') reason = 'id_invalid';
    } else if (CONTRADICTION_RULES.has(f.rule)) {
      reason ??= 'id_contradicts_record';
    } else if (!CONSEQUENCE_RULES.has(f.rule)) return null;
  }
  return reason;
}
