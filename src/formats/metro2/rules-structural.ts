/**
 * The structural rules: how a file is framed, how records and segments are laid out, what each
 * field holds, and what JSON input must look like. The reader (frame-scanner.ts, segment-scan.ts),
 * the field checker (field-check.ts) and the JSON reader enforce them; they are listed here as data
 * so that findings cite them and docs/metro2-rules.md documents them with an example each.
 *
 * @example
 *   STRUCTURAL_RULES.find((r) => r.id === 'FRAME-RDW')?.severity // 'error'
 */
import { editLine, J1_TEXT, joined, K1_TEXT, wrapped } from './example-edits.js';
import { MAX_FINDINGS_KEPT, MAX_JSON_INPUT_BYTES, MAX_RECORD_BYTES } from './limits.js';
import type { StructuralRule } from './rule-types.js';

const HEADER = 0;
const BASE = 1;
const TRAILER = 2;

export const STRUCTURAL_RULES: readonly StructuralRule[] = [
  {
    id: 'FILE-FORMAT',
    kind: 'file',
    severity: 'error',
    description:
      'The file is Metro 2 in the character format: it starts with a record descriptor word (4 digits), with HEADER at byte 5, or at byte 9 after a block descriptor word. Otherwise nothing is read.',
    example: { description: 'Five letters before the file.', file: (t) => `ERROR${t}` },
  },
  {
    id: 'FILE-PACKED',
    kind: 'file',
    severity: 'error',
    description:
      'The file is not in the packed format (binary descriptor words and numbers): packed files are recognised and refused as a whole.',
    example: {
      description: 'A packed header: block descriptor word 370 and record descriptor word 366 in binary.',
      file: (t) => `\x01\x72\x00\x00\x01\x6e\x00\x00${t.slice(4, 370)}`,
    },
  },
  {
    id: 'FILE-HEADER',
    kind: 'file',
    severity: 'error',
    description: 'The first record is a header record.',
    example: { description: 'The header is left out.', change: { header: null } },
  },
  {
    id: 'FILE-HEADER-REPEATED',
    kind: 'file',
    severity: 'error',
    description:
      'A file has one header record: a later header is not read (several headers per file are not supported).',
    example: { description: 'The header twice.', file: (t) => `${t.split('\n')[HEADER]}\n${t}` },
  },
  {
    id: 'FILE-TRAILER',
    kind: 'file',
    severity: 'error',
    description: 'The last record is a trailer record.',
    example: { description: 'The trailer is left out.', change: { trailer: null } },
  },
  {
    id: 'FILE-AFTER-TRAILER',
    kind: 'file',
    severity: 'error',
    description: 'Nothing follows the trailer record (records after it are still read and checked).',
    example: { description: 'A data record after the trailer.', file: (t) => `${t}${t.split('\n')[BASE]}\n` },
  },
  {
    id: 'FILE-UNWRAPPED',
    kind: 'file',
    severity: 'warning',
    description:
      'Read with unwrap (--unwrap), a file wrapped at a fixed width has every CR and LF byte removed before it is framed; this says how many. Byte positions then count the bytes without them.',
    example: {
      description: 'The file wrapped at 80 columns, read with unwrap.',
      file: (t) => wrapped(t, 80),
      unwrap: true,
    },
  },
  {
    id: 'FRAME-WRAPPED',
    kind: 'frame',
    severity: 'error',
    description:
      'No line break inside the first record: such a file looks wrapped at a fixed width and is not read (read it with unwrap to remove the line breaks).',
    example: { description: 'The file wrapped at 80 columns.', file: (t) => wrapped(t, 80) },
  },
  {
    id: 'FRAME-LINE-BREAK',
    kind: 'frame',
    severity: 'error',
    description:
      'In a file framed by descriptor words, no CR or LF byte inside a record: the record is not read (bytes inside a record are never removed).',
    example: {
      description: 'A fixed-length file with a line break inside the data record.',
      file: (t) => {
        const j = joined(t);
        return `${j.slice(0, 526)}\n${j.slice(526)}`;
      },
    },
  },
  {
    id: 'FRAME-RDW',
    kind: 'frame',
    severity: 'error',
    description:
      'The record descriptor word is 4 digits and equals the length of the record (in a one-record-per-line file: the line without its block descriptor word).',
    example: {
      description: 'The data record declares 6 bytes.',
      file: (t) => editLine(t, BASE, (l) => `0006${l.slice(4)}`, true),
    },
  },
  {
    id: 'FRAME-BDW',
    kind: 'frame',
    severity: 'error',
    description:
      'In a blocked file, the block descriptor word is 4 digits and equals the length of its block: its records plus 4.',
    example: {
      description: 'A blocked file whose data record has block descriptor word 0431 instead of 0430.',
      blocked: true,
      file: (t) => editLine(t, BASE, (l) => `0431${l.slice(4)}`, true),
    },
  },
  {
    id: 'FRAME-LENGTH',
    kind: 'frame',
    severity: 'error',
    description: `A record is at least 426 bytes and at most ${MAX_RECORD_BYTES}, and the file does not end inside one: otherwise it is not read.`,
    example: {
      description: 'The data record cut to 300 bytes.',
      file: (t) => editLine(t, BASE, (l) => l.slice(0, 300)),
    },
  },
  {
    id: 'FRAME-SHORT-LINE',
    kind: 'frame',
    severity: 'warning',
    description:
      'In a one-record-per-line file, a line shorter than 426 bytes (trailing blanks trimmed) is read with the missing bytes as blanks, if it reaches the end of its last required field.',
    example: {
      description: 'The trailer line without its 19 trailing blanks.',
      file: (t) => editLine(t, TRAILER, (l) => l.trimEnd(), true),
    },
  },
  {
    id: 'FRAME-BLANK-LINE',
    kind: 'frame',
    severity: 'warning',
    description: 'No blank lines in a one-record-per-line file (they are skipped).',
    example: { description: 'An empty line after the header.', file: (t) => t.replace('\n', '\n\n') },
  },
  {
    id: 'FRAME-LOST',
    kind: 'frame',
    severity: 'error',
    description:
      'In a file framed by descriptor words, every descriptor word is a plausible length: otherwise the rest of the file cannot be cut into records and is not read.',
    example: {
      description: 'A fixed-length file whose data record has XXXX as record descriptor word.',
      file: (t) => {
        const j = joined(t);
        return `${j.slice(0, 426)}XXXX${j.slice(430)}`;
      },
    },
  },
  {
    id: 'FRAME-FIXED-LENGTH',
    kind: 'frame',
    severity: 'warning',
    description:
      'In a fixed-length file (no block descriptor words, no line breaks), every record has the length of the header.',
    example: {
      description: 'A fixed-length file whose data record is padded to 500 bytes.',
      file: (t) => joined(editLine(t, BASE, (l) => l.padEnd(500))),
    },
  },
  {
    id: 'FRAME-HEADER-LENGTH',
    kind: 'frame',
    severity: 'warning',
    description:
      'The header record is 426 bytes, or as long as the data records of a file padded to one length.',
    example: {
      description: 'A header padded to 470 bytes.',
      change: { header: { recordDescriptorWord: 470 } },
    },
  },
  {
    id: 'SEG-UNKNOWN',
    kind: 'segment',
    severity: 'error',
    description:
      'After the 426 bytes of the base segment, a record holds only J1, J2, K1, K2, K3, K4, L1 and N1 segments and blank padding: otherwise it is not read.',
    example: {
      description: 'Stray text after the base segment.',
      file: (t) => editLine(t, BASE, (l) => `${l}CCTNUMBER`),
    },
  },
  {
    id: 'SEG-LENGTH',
    kind: 'segment',
    severity: 'error',
    description:
      'An appended segment is whole: one cut short by the end of the record makes the record unreadable.',
    example: {
      description: 'A K1 segment cut to 5 bytes.',
      file: (t) => editLine(t, BASE, (l) => `${l}${K1_TEXT.slice(0, 5)}`),
    },
  },
  {
    id: 'SEG-ORDER',
    kind: 'segment',
    severity: 'warning',
    description:
      'Appended segments come in the order J1, J2, K1, K2, K3, K4, L1, N1 (the writer writes them so).',
    example: {
      description: 'A K1 before a J1.',
      file: (t) => editLine(t, BASE, (l) => `${l}${K1_TEXT}${J1_TEXT}`),
    },
  },
  {
    id: 'SEG-DUPLICATE',
    kind: 'segment',
    severity: 'error',
    description:
      'A record has at most one K1, K2, K3, K4, L1 and N1 segment (J1 and J2 repeat): a second one is ignored.',
    example: {
      description: 'Two K1 segments.',
      file: (t) => editLine(t, BASE, (l) => `${l}${K1_TEXT}${K1_TEXT}`),
    },
  },
  {
    id: 'SEG-NOT-APPLICABLE',
    kind: 'segment',
    severity: 'error',
    description: 'Header and trailer records carry no appended segments: bytes after their 426 are blank.',
    example: {
      description: 'A J1 segment after the header.',
      file: (t) => editLine(t, HEADER, (l) => `${l}${J1_TEXT}`),
    },
  },
  {
    id: 'FIELD-NUMERIC',
    kind: 'field',
    severity: 'error',
    description: 'A numeric field holds digits only (zero-filled, right-justified).',
    example: {
      description: 'Current balance 00002A233.',
      raw: { segment: 'base', field: 'currentBalance', bytes: '00002A233' },
    },
  },
  {
    id: 'FIELD-BLANK-NUMERIC',
    kind: 'field',
    severity: 'warning',
    description:
      'A numeric or date field is zero-filled when empty, not blank-filled (blank is read as zero, or as a date not reported). Such a file is not written back byte for byte.',
    example: {
      description: 'Current balance blank.',
      raw: { segment: 'base', field: 'currentBalance', bytes: '         ' },
    },
  },
  {
    id: 'FIELD-DATE',
    kind: 'field',
    severity: 'error',
    description: 'A date is a real MMDDYYYY date from 1900 (a timestamp MMDDYYYYHHMMSS), or zero-filled.',
    example: {
      description: 'Date opened 13/32/2019.',
      raw: { segment: 'base', field: 'dateOpened', bytes: '13322019' },
    },
  },
  {
    id: 'FIELD-CHARSET',
    kind: 'field',
    severity: 'error',
    description:
      'An alphanumeric field holds printable ASCII only (no control characters, no bytes above 0x7E, no grave accent).',
    example: {
      description: 'A surname with the latin1 byte É.',
      raw: { segment: 'base', field: 'surname', bytes: 'DO\u00c9' },
    },
  },
  {
    id: 'FIELD-UPPERCASE',
    kind: 'field',
    severity: 'warning',
    description: 'Alphanumeric fields are upper case.',
    example: { description: 'Surname Doe.', change: { base: { surname: 'Doe' } } },
  },
  {
    id: 'FIELD-REQUIRED',
    kind: 'field',
    severity: 'error',
    description: 'A required field is not blank (text) or zero (numbers, dates).',
    example: { description: 'No identification number.', change: { base: { identificationNumber: '' } } },
  },
  {
    id: 'FIELD-CODE',
    kind: 'field',
    severity: 'error',
    description:
      'A coded field holds one of its codes (docs/metro2-format.schema.json lists them), or is blank when optional.',
    example: { description: 'Portfolio type A.', change: { base: { portfolioType: 'A' } } },
  },
  {
    id: 'FIELD-RESERVED',
    kind: 'field',
    severity: 'warning',
    description: 'Reserved areas are blank (their content is not kept in the JSON model).',
    example: {
      description: 'An X in the reserved area of the base segment.',
      raw: { segment: 'base', field: 'reserved', bytes: 'X' },
    },
  },
  {
    id: 'T-TOTAL',
    kind: 'trailer',
    severity: 'error',
    description:
      'Each total of the trailer equals the total recomputed from the data records (records, statuses, segments, ECOA Z, SSNs, dates of birth, telephone numbers; block count: data records + 2, one record per block). Each mismatch is a finding.',
    example: {
      description: 'The trailer counts 2 base records for 1.',
      change: { trailer: { totalBaseRecords: 2 } },
    },
  },
  {
    id: 'JSON-SYNTAX',
    kind: 'json',
    severity: 'error',
    description: `JSON input is valid JSON of at most ${MAX_JSON_INPUT_BYTES} bytes (gzip allowed).`,
    example: { description: 'Truncated JSON.', json: '{"header": {"recordDescriptorWord": 426' },
  },
  {
    id: 'JSON-SHAPE',
    kind: 'json',
    severity: 'error',
    description:
      'JSON input is one object with header (object or null), data (an array of data records, each with a base object) and trailer (object or null).',
    example: {
      description: 'One data record instead of a file.',
      json: '{"base": {"consumerAccountNumber": "1"}, "j1": []}',
    },
  },
  {
    id: 'JSON-UNKNOWN-KEY',
    kind: 'json',
    severity: 'warning',
    description: 'JSON input has no keys besides those of the format (an unknown key is ignored).',
    example: {
      description: 'An address key in the base segment.',
      jsonChange: { base: { address: '1 ELSEWHERE' } },
    },
  },
  {
    id: 'JSON-TYPE',
    kind: 'json',
    severity: 'error',
    description:
      'Each JSON value has its type: integers for numbers, strings for text, SSN, telephone, ZIP and dates (moov-io/metro2 JSON is also read: numbers for SSN and telephone, RFC 3339 dates).',
    example: {
      description: 'Current balance as a string.',
      jsonChange: { base: { currentBalance: '2233' } },
    },
  },
  {
    id: 'JSON-VALUE',
    kind: 'json',
    severity: 'error',
    description:
      'Each JSON value fits its field: text no longer than the field, numbers whole and in range, real dates.',
    example: {
      description: 'A 30-character surname (the field has 25).',
      jsonChange: { base: { surname: 'X'.repeat(30) } },
    },
  },
  {
    id: 'JSON-RDW',
    kind: 'json',
    severity: 'warning',
    description:
      'A record descriptor word given in JSON is at least the length of the record, and a block descriptor word at most the limit (the writer computes both; a larger record descriptor word pads the record with blanks, up to the limit).',
    example: {
      description: 'Record descriptor word 300 for a 426-byte record.',
      jsonChange: { base: { recordDescriptorWord: 300 } },
    },
  },
];

/** Findings kept by a validation report (the counts per rule go on). */
export const FINDINGS_LIMIT_NOTE = `the first ${MAX_FINDINGS_KEPT} findings are kept; counts per rule cover all`;
