/**
 * A human-readable listing of a Metro 2 file: one block per record with its position, its
 * non-empty fields by name, its segments, and its findings under it.
 *
 * @example
 *   for await (const line of printLines(readMetro2('in.dat'))) process.stdout.write(line);
 */
import type { Metro2Finding } from './finding-types.js';
import type { Metro2Item } from './read-metro2.js';

const NAME_WIDTH = 34;

function fields(values: object, indent: string): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === '' || value === 0) continue;
    lines.push(
      `${indent}${name.padEnd(NAME_WIDTH)} ${typeof value === 'string' ? value : JSON.stringify(value)}\n`,
    );
  }
  return lines.join('');
}

function findingLines(findings: readonly Metro2Finding[]): string {
  return findings
    .map(
      (f) =>
        `  ! ${f.severity} ${f.rule}${f.segmentNumber ? ` ${f.segment}#${f.segmentNumber}` : ''}${f.field ? ` ${f.field}` : ''}${f.recordPosition ? ` (position ${f.recordPosition})` : ''}: ${f.message}\n`,
    )
    .join('');
}

/** The listing, a few lines at a time. */
export async function* printLines(items: AsyncIterable<Metro2Item>): AsyncGenerator<string> {
  for await (const item of items) {
    switch (item.kind) {
      case 'header':
        yield `record ${item.recordNumber}: header at byte ${item.filePosition}\n${fields(item.header, '  ')}${findingLines(item.findings)}\n`;
        break;
      case 'data': {
        const { base, ...segments } = item.record;
        let text = `record ${item.recordNumber}: account ${base.consumerAccountNumber} at byte ${item.filePosition}\n${fields(base, '  ')}`;
        for (const [key, value] of Object.entries(segments)) {
          const list = Array.isArray(value) ? value : value ? [value] : [];
          list.forEach((segment, i) => {
            text += `  ${key.toUpperCase()}${list.length > 1 ? ` #${i + 1}` : ''}\n${fields(segment, '    ')}`;
          });
        }
        yield `${text}${findingLines(item.findings)}\n`;
        break;
      }
      case 'trailer':
        yield `record ${item.recordNumber}: trailer at byte ${item.filePosition}\n${fields(item.trailer, '  ')}${findingLines(item.findings)}\n`;
        break;
      case 'unparseable':
        yield `record ${item.recordNumber}: not read (${item.length} bytes at byte ${item.filePosition})\n${findingLines(item.findings)}\n`;
        break;
      case 'findings':
        yield findingLines(item.findings);
        break;
      case 'end': {
        const s = item.summary;
        yield `${s.records} data records, ${s.unparseable} not read, ${s.errors} errors, ${s.warnings} warnings\n`;
        break;
      }
    }
  }
}
