/**
 * The structural check of every field of a record or segment, driven by its layout table:
 * digits, dates and timestamps, the Metro 2 character set (upper case), required fields, code
 * lists, reserved areas. Byte-wise: nothing is allocated unless a field fails.
 *
 * @example
 *   const failed = checkFields(BASE_LAYOUT, buf, start, flags, (field, rule, message) => ...);
 */
import { checkTimestamp, INVALID, isBlank, NINE, readDate, readText, ZERO } from './bytes.js';
import type { FieldSpec, SegmentLayout } from './field-types.js';

export type FieldReport = (field: FieldSpec, rule: string, message: string) => void;

/** Bytes allowed in alphanumeric fields: printable ASCII except the grave accent (moov's set). */
const ALLOWED = new Uint8Array(256);
for (let b = 0x20; b <= 0x7e; b++) ALLOWED[b] = b === 0x60 ? 0 : 1;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;

interface CompiledField {
  readonly spec: FieldSpec;
  readonly offset: number;
  readonly length: number;
  readonly codes: ReadonlySet<string> | null;
  readonly characters: Uint8Array | null;
}

const compiled = new WeakMap<SegmentLayout, readonly CompiledField[]>();

function compile(layout: SegmentLayout): readonly CompiledField[] {
  let fields = compiled.get(layout);
  if (!fields) {
    fields = layout.fields
      .filter((f) => f.type !== 'identifier' && f.type !== 'descriptor')
      .map((spec) => {
        let characters: Uint8Array | null = null;
        if (spec.characters) {
          characters = new Uint8Array(256);
          for (const c of spec.characters) characters[c.charCodeAt(0)] = 1;
        }
        return {
          spec,
          offset: spec.start - 1,
          length: spec.length,
          codes: spec.codes ? new Set(spec.codes) : null,
          characters,
        };
      });
    compiled.set(layout, fields);
  }
  return fields;
}

const show = (buf: Buffer, s: number, e: number) => JSON.stringify(buf.toString('latin1', s, e));

/** Checks every field of the segment at `start`; sets flags[indexOf(field)] = 1 for each field that
 *  fails with an error (rules reading it are then skipped). Returns the number of such fields. */
export function checkFields(
  layout: SegmentLayout,
  buf: Buffer,
  start: number,
  flags: Uint8Array,
  report: FieldReport,
): number {
  flags.fill(0);
  let failed = 0;
  const fields = compile(layout);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const spec = f.spec;
    const s = start + f.offset;
    const e = s + f.length;
    let error = false;
    switch (spec.type) {
      case 'numeric':
      case 'money':
      case 'digits': {
        let digits = true;
        let zero = true;
        let blank = true;
        for (let j = s; j < e; j++) {
          const b = buf[j]!;
          if (b < ZERO || b > NINE) {
            digits = false;
            if (b !== 0x20) blank = false;
          } else {
            blank = false;
            if (b !== ZERO) zero = false;
          }
        }
        if (!digits) {
          if (blank) {
            report(
              spec,
              'FIELD-BLANK-NUMERIC',
              `${spec.name} is blank-filled: read as zero (numbers are zero-filled)`,
            );
            if (spec.required) {
              report(spec, 'FIELD-REQUIRED', `${spec.name} is required`);
              error = true;
            }
          } else {
            report(
              spec,
              'FIELD-NUMERIC',
              `${spec.name} holds ${show(buf, s, e)}: expected ${f.length} digits`,
            );
            error = true;
          }
          break;
        }
        if (spec.required && zero) {
          report(spec, 'FIELD-REQUIRED', `${spec.name} is required (zero)`);
          error = true;
        } else if (f.codes && !(zero && !spec.required)) {
          const value = readText(buf, s, e);
          if (!f.codes.has(value)) {
            report(
              spec,
              'FIELD-CODE',
              `${spec.name} ${JSON.stringify(value)} is not one of ${[...f.codes].join(', ')}`,
            );
            error = true;
          }
        }
        break;
      }
      case 'date':
      case 'timestamp': {
        if (isBlank(buf, s, e)) {
          report(
            spec,
            'FIELD-BLANK-NUMERIC',
            `${spec.name} is blank-filled: read as not reported (dates are zero-filled)`,
          );
          if (spec.required) {
            report(spec, 'FIELD-REQUIRED', `${spec.name} is required`);
            error = true;
          }
          break;
        }
        const value = spec.type === 'date' ? readDate(buf, s) : checkTimestamp(buf, s);
        if (value === INVALID) {
          const form = spec.type === 'date' ? 'MMDDYYYY' : 'MMDDYYYYHHMMSS';
          report(spec, 'FIELD-DATE', `${spec.name} ${show(buf, s, e)} is not a ${form} date (or zeros)`);
          error = true;
        } else if (value === 0 && spec.required) {
          report(spec, 'FIELD-REQUIRED', `${spec.name} is required (zero-filled)`);
          error = true;
        }
        break;
      }
      case 'alphanumeric': {
        let bad = -1;
        let lower = false;
        let blank = true;
        for (let j = s; j < e; j++) {
          const b = buf[j]!;
          if (b !== 0x20) blank = false;
          if (ALLOWED[b] === 0) {
            if (bad < 0) bad = j;
          } else if (b >= LOWER_A && b <= LOWER_Z) lower = true;
        }
        if (bad >= 0) {
          report(
            spec,
            'FIELD-CHARSET',
            `${spec.name} holds byte 0x${buf[bad]!.toString(16).padStart(2, '0')} at position ${bad - start + 1}: outside the Metro 2 character set`,
          );
          error = true;
          break;
        }
        if (lower)
          report(spec, 'FIELD-UPPERCASE', `${spec.name} ${show(buf, s, e).trimEnd()} has lower-case letters`);
        if (blank) {
          if (spec.required) {
            report(spec, 'FIELD-REQUIRED', `${spec.name} is required`);
            error = true;
          }
          break;
        }
        if (f.characters) {
          for (let j = s; j < e; j++)
            if (f.characters[buf[j]!] === 0) {
              report(
                spec,
                'FIELD-CODE',
                `${spec.name} ${show(buf, s, e)} has ${JSON.stringify(String.fromCharCode(buf[j]!))} at its character ${j - s + 1}: allowed ${spec.characters}`,
              );
              error = true;
              break;
            }
        } else if (f.codes) {
          const value = readText(buf, s, e);
          if (!f.codes.has(value) && !(spec.codesOrNumber && /^\d+$/.test(value) && Number(value) > 0)) {
            const list = [...f.codes].join(', ') + (spec.codesOrNumber ? ' or a number' : '');
            report(spec, 'FIELD-CODE', `${spec.name} ${JSON.stringify(value)} is not one of ${list}`);
            error = true;
          }
        }
        break;
      }
      case 'reserved':
        if (!isBlank(buf, s, e))
          report(
            spec,
            'FIELD-RESERVED',
            `${spec.name} (positions ${spec.start}-${spec.start + spec.length - 1}) is not blank: its content is not kept`,
          );
        break;
    }
    if (error) {
      flags[layout.indexOf[spec.name as keyof typeof layout.indexOf]!] = 1;
      failed++;
    }
  }
  return failed;
}
