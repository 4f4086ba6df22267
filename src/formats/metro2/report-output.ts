/**
 * The two forms of a validation report: the JSON object of `openbureau metro2 validate --json`
 * (counts, the kept findings, and whether the file is valid) and a readable text with the
 * summary and the findings grouped by rule.
 *
 * @example
 *   process.stdout.write(JSON.stringify(reportJson(report, 'in.dat')));
 *   process.stdout.write(reportText(report, 'in.dat'));
 */
import { APPENDED_SEGMENTS } from './field-types.js';
import type { Metro2Finding } from './finding-types.js';
import { METRO2_RULES, RULE_BY_ID } from './rules.js';
import type { Metro2ValidationReport } from './validate-metro2.js';

/** Findings listed per rule in the text form. */
export const FINDINGS_SHOWN_PER_RULE = 20;

/** Whether the file is valid: readable, and no finding of severity error. */
export const isValid = (report: Metro2ValidationReport) =>
  report.summary.readable && report.summary.errors === 0;

export function reportJson(report: Metro2ValidationReport, file: string, format: 'metro2' | 'json') {
  const s = report.summary;
  return {
    file,
    format,
    readable: s.readable,
    framing: s.framing,
    header: s.header,
    trailer: s.trailer,
    records: s.records,
    unparseable: s.unparseable,
    segments: s.segments,
    accountStatus: s.accountStatus,
    currentBalanceTotal: s.currentBalanceTotal,
    errorCount: s.errors,
    warningCount: s.warnings,
    findingsByRule: s.findingsByRule,
    findingsLimit: report.findingsLimit,
    findingsTruncated: report.findingsTruncated,
    note: `errors lists the first ${report.findingsLimit} findings (errors and warnings) in file order; findingsByRule counts them all`,
    errors: report.findings,
    valid: isValid(report),
  };
}

function where(f: Metro2Finding): string {
  const parts: string[] = [];
  if (f.recordNumber > 0) parts.push(`record ${f.recordNumber}`);
  if (f.accountNumber) parts.push(`account ${f.accountNumber}`);
  const segment = f.segment === 'file' ? '' : `${f.segment}${f.segmentNumber ? `#${f.segmentNumber}` : ''}`;
  if (segment || f.field) parts.push([segment, f.field].filter(Boolean).join('.'));
  if (f.filePosition) parts.push(`byte ${f.filePosition}`);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

export function reportText(report: Metro2ValidationReport, file: string): string {
  const s = report.summary;
  const out: string[] = [];
  const valid = isValid(report);
  out.push(`${file}: ${!s.readable ? 'NOT READABLE' : valid ? 'valid' : 'NOT VALID'}`);
  if (s.readable) {
    out.push(
      `  framing: ${s.framing.mode === 'lines' ? 'one record per line' : 'by descriptor words'}${s.framing.blocked ? ', blocked' : ''}`,
      `  header: ${s.header ? 'yes' : 'no'}, trailer: ${s.trailer ? 'yes' : 'no'}`,
      `  data records: ${s.records}, not read: ${s.unparseable}`,
      `  segments: ${APPENDED_SEGMENTS.map((name) => `${name} ${s.segments[name]}`).join(', ')}`,
      `  account status: ${
        Object.entries(s.accountStatus)
          .map(([code, n]) => `${code} ${n}`)
          .join(', ') || 'none'
      }`,
      `  current balance total: ${s.currentBalanceTotal}`,
    );
  }
  out.push(`  findings: ${s.errors} errors, ${s.warnings} warnings`);
  if (report.findingsTruncated)
    out.push(`  (the first ${report.findingsLimit} findings are kept and listed; the counts cover all)`);
  const byRule = new Map<string, Metro2Finding[]>();
  for (const f of report.findings) {
    const list = byRule.get(f.rule) ?? [];
    list.push(f);
    byRule.set(f.rule, list);
  }
  for (const rule of METRO2_RULES) {
    const count = s.findingsByRule[rule.id];
    if (!count) continue;
    out.push('', `${rule.id} (${rule.severity}, ${count}): ${rule.description}`);
    const shown = (byRule.get(rule.id) ?? []).slice(0, FINDINGS_SHOWN_PER_RULE);
    for (const f of shown) out.push(`  ${where(f)}${f.message}`);
    if (count > shown.length) out.push(`  ... and ${count - shown.length} more`);
  }
  for (const id of Object.keys(s.findingsByRule))
    if (!RULE_BY_ID.has(id)) out.push('', `${id}: ${s.findingsByRule[id]} findings`);
  return `${out.join('\n')}\n`;
}
