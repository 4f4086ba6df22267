/**
 * Checks one parsed record against every rule of its kind and returns all findings. Rules that
 * read a field that failed its structural check are skipped, so one bad field gives one finding.
 *
 * @example
 *   const findings = validateRecord(record, 12, context);
 */
import type { RecordKind } from '../formats/canonical/record-fields.js';
import type { Finding } from '../formats/canonical/record-types.js';
import type { RecordRule, RuleContext } from '../formats/canonical/rule-types.js';
import { RECORD_RULES } from '../formats/canonical/rules.js';

const STRUCTURAL = new Set(['REC-REQUIRED', 'REC-TYPE']);
/** Shared by every valid record; frozen so that no caller can add to it. */
const NO_FINDINGS = Object.freeze([]) as unknown as Finding[];

const RULES_BY_KIND = new Map<RecordKind, RecordRule[]>();
for (const rule of RECORD_RULES) {
  for (const kind of rule.kinds) {
    const list = RULES_BY_KIND.get(kind) ?? [];
    list.push(rule);
    RULES_BY_KIND.set(kind, list);
  }
}

export function validateRecord(
  record: Record<string, unknown> & { kind: RecordKind },
  line: number,
  context: RuleContext,
): Finding[] {
  let findings: Finding[] | undefined;
  let badFields: Set<string> | undefined;
  for (const rule of RULES_BY_KIND.get(record.kind) ?? []) {
    if (badFields && rule.fields.some((f) => badFields!.has(f))) continue;
    const violations = rule.check(record, context);
    if (violations.length === 0) continue;
    findings ??= [];
    for (const violation of violations) {
      findings.push({ line, field: violation.field, rule: rule.id, message: violation.message });
      if (STRUCTURAL.has(rule.id)) {
        badFields ??= new Set();
        badFields.add(violation.field);
      }
    }
  }
  return findings ?? NO_FINDINGS;
}
