/**
 * Edits of the written example file used by the examples of the structural rules: they change
 * the bytes where the JSON model cannot (descriptor words, line breaks, stray bytes).
 *
 * @example
 *   editLine(text, 1, (line) => `${line}K1ABC`) // the base line with a truncated K1, its RDW fixed
 */
import { encodeSegment } from './encode.js';
import { EXAMPLE_J1, EXAMPLE_K1 } from './example-file.js';
import type { SegmentLayout } from './field-types.js';
import { J1_LAYOUT, K1_LAYOUT } from './layout-segments.js';

function segmentText(layout: SegmentLayout, value: object): string {
  const out = Buffer.alloc(layout.length);
  encodeSegment(layout, value, out, 0, 1, () => {
    throw new Error('example segment does not fit');
  });
  return out.toString('latin1');
}

/** The valid example K1 and J1 segments as text. */
export const K1_TEXT = segmentText(K1_LAYOUT, EXAMPLE_K1);
export const J1_TEXT = segmentText(J1_LAYOUT, EXAMPLE_J1);

/** Replaces line `index` (0: header) of an LF-separated file; sets its record descriptor word to
 *  its new length unless `keepRdw`. */
export function editLine(
  text: string,
  index: number,
  edit: (line: string) => string,
  keepRdw = false,
): string {
  const lines = text.split('\n');
  const changed = edit(lines[index]!);
  lines[index] = keepRdw ? changed : String(changed.length).padStart(4, '0') + changed.slice(4);
  return lines.join('\n');
}

/** The file without line breaks (fixed-length). */
export const joined = (text: string) => text.replace(/\n/g, '');

/** The file wrapped at `width` columns. */
export const wrapped = (text: string, width: number) =>
  joined(text)
    .match(new RegExp(`.{1,${width}}`, 'gs'))!
    .join('\n');
