/**
 * Validates a Metro 2 character file, streaming: every finding is counted (per severity and per
 * rule) and the first MAX_FINDINGS_KEPT are kept, so memory stays bounded on any file. No JSON
 * model is built; the checks read the bytes in place.
 *
 * @example
 *   const report = await validateMetro2('2025-05.dat');
 *   report.summary.errors === 0 // valid
 */
import type { Metro2Finding } from './finding-types.js';
import { type Metro2Source, openInput, withoutLineBreaks } from './input-stream.js';
import { MAX_FINDINGS_KEPT } from './limits.js';
import { type ReadOptions, todayOption } from './read-metro2.js';
import { type PipelineItem, RecordPipeline } from './record-pipeline.js';
import type { Metro2Summary } from './summary-types.js';

export interface Metro2ValidationReport {
  summary: Metro2Summary;
  /** The first `findingsLimit` findings, in file order. */
  findings: Metro2Finding[];
  /** More findings were found than kept (summary.findingsByRule counts them all). */
  findingsTruncated: boolean;
  findingsLimit: number;
}

/** Collects findings up to a limit. */
export class FindingCollector {
  readonly findings: Metro2Finding[] = [];
  truncated = false;
  constructor(readonly limit: number = MAX_FINDINGS_KEPT) {}

  add(findings: readonly Metro2Finding[]): void {
    for (const finding of findings) {
      if (this.findings.length < this.limit) this.findings.push(finding);
      else this.truncated = true;
    }
  }
}

/** Validates a file (path, Readable or async iterable of bytes). */
export async function validateMetro2(
  source: Metro2Source,
  options: ReadOptions & { findingsLimit?: number } = {},
): Promise<Metro2ValidationReport> {
  const collector = new FindingCollector(options.findingsLimit);
  const pipeline = new RecordPipeline(
    { validate: options.validate ?? true, today: todayOption(options.today) },
    (item: PipelineItem) => {
      if (item.findings.length > 0) collector.add(item.findings);
    },
  );
  const counter = { removed: 0 };
  for await (const chunk of openInput(source))
    pipeline.push(options.unwrap ? withoutLineBreaks(chunk, counter) : chunk);
  pipeline.end();
  if (counter.removed > 0)
    pipeline.fileFinding(
      'FILE-UNWRAPPED',
      `${counter.removed} CR and LF bytes removed before framing (unwrap)`,
    );
  return {
    summary: pipeline.summary,
    findings: collector.findings,
    findingsTruncated: collector.truncated,
    findingsLimit: collector.limit,
  };
}
