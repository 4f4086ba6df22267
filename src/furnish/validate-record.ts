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
  const findings: Finding[] = [];
  const badFields = new Set<string>();
  for (const rule of RULES_BY_KIND.get(record.kind) ?? []) {
    if (rule.fields.some((f) => badFields.has(f))) continue;
    for (const violation of rule.check(record, context)) {
      findings.push({ line, field: violation.field, rule: rule.id, message: violation.message });
      if (STRUCTURAL.has(rule.id)) badFields.add(violation.field);
    }
  }
  return findings;
}
