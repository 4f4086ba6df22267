/**
 * CSV (RFC 4180) reading and writing: quoted fields with embedded commas, quotes ("") and line
 * breaks, CRLF or LF line ends, a UTF-8 byte-order mark ignored, blank lines skipped. The
 * reader is pushed chunks of any size and hands out one row at a time, so a file is streamed,
 * never held whole. A quote inside an unquoted field is kept as a character; text after a
 * closing quote is kept too (lenient, as spreadsheets write it).
 *
 * @example
 *   const rows: string[][] = [];
 *   const parser = new CsvParser((row) => rows.push(row));
 *   parser.push('a,"b,\r\n""c"""\r\n');
 *   parser.end();
 *   rows; // [['a', 'b,\r\n"c"']]
 *   csvLine(['a', 'b,"c"']); // 'a,"b,""c"""\n'
 */
import { createReadStream } from 'node:fs';
import { MAX_CSV_FIELD_CHARS, MAX_CSV_FIELDS } from './limits.js';

/**
 * A CSV file that cannot be read: says which row and why (never the content).
 *
 * @example
 *   throw new CsvError('row 12: unterminated quoted field');
 */
export class CsvError extends Error {
  override readonly name = 'CsvError';
}

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * A push parser: feed chunks with push(), then end(); onRow gets each row's fields.
 *
 * @example
 *   const parser = new CsvParser((row, index) => console.log(index, row));
 */
export class CsvParser {
  /** Rows handed out so far. */
  rows = 0;
  private state = FIELD_START;
  private field = '';
  private row: string[] = [];
  private skipLineFeed = false;
  private first = true;
  /** Whether the current row has a quoted field (a row '""' is one empty field, not blank). */
  private quotedRow = false;

  constructor(private readonly onRow: (row: string[], index: number) => void) {}

  /** Parses one more chunk of text. */
  push(input: string): void {
    let chunk = input;
    if (this.first && chunk.length > 0) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let start = 0;
    const length = chunk.length;
    for (let i = 0; i < length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.skipLineFeed) {
        this.skipLineFeed = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (this.state === FIELD_START) {
        if (c === QUOTE) {
          this.state = QUOTED;
          this.quotedRow = true;
          start = i + 1;
          continue;
        }
        // The character belongs to an unquoted field.
        this.state = UNQUOTED;
        start = i;
      }
      switch (this.state) {
        case UNQUOTED:
          if (c === COMMA) {
            this.endField(this.field + chunk.slice(start, i));
            start = i + 1;
          } else if (c === LF || c === CR) {
            this.endField(this.field + chunk.slice(start, i));
            this.endRow();
            this.skipLineFeed = c === CR;
            start = i + 1;
          }
          break;
        case QUOTED:
          if (c === QUOTE) {
            this.append(chunk.slice(start, i));
            this.state = QUOTE_SEEN;
          }
          break;
        case QUOTE_SEEN:
          if (c === QUOTE) {
            this.append('"');
            this.state = QUOTED;
            start = i + 1;
          } else if (c === COMMA) {
            this.endField(this.field);
            start = i + 1;
          } else if (c === LF || c === CR) {
            this.endField(this.field);
            this.endRow();
            this.skipLineFeed = c === CR;
            start = i + 1;
          } else {
            this.state = UNQUOTED;
            start = i;
          }
          break;
      }
    }
    if (this.state === UNQUOTED || this.state === QUOTED) this.append(chunk.slice(start));
  }

  /** Ends the input: hands out the last row (a file need not end with a line break). */
  end(): void {
    if (this.state === QUOTED) throw new CsvError(`row ${this.rows + 1}: unterminated quoted field`);
    if (this.state !== FIELD_START || this.row.length > 0) {
      this.endField(this.field);
      this.endRow();
    }
  }

  private append(text: string): void {
    this.field += text;
    if (this.field.length > MAX_CSV_FIELD_CHARS)
      throw new CsvError(`row ${this.rows + 1}: a field longer than ${MAX_CSV_FIELD_CHARS} characters`);
  }

  private endField(value: string): void {
    if (value.length > MAX_CSV_FIELD_CHARS)
      throw new CsvError(`row ${this.rows + 1}: a field longer than ${MAX_CSV_FIELD_CHARS} characters`);
    this.row.push(value);
    if (this.row.length > MAX_CSV_FIELDS)
      throw new CsvError(`row ${this.rows + 1}: more than ${MAX_CSV_FIELDS} fields`);
    this.field = '';
    this.state = FIELD_START;
  }

  private endRow(): void {
    const row = this.row;
    this.row = [];
    const quoted = this.quotedRow;
    this.quotedRow = false;
    if (row.length === 1 && row[0] === '' && !quoted) return;
    this.onRow(row, this.rows++);
  }
}

/**
 * Streams a CSV file row by row (1 MiB chunks).
 *
 * @example
 *   await readCsvFile('people.csv', (row, index) => { if (index === 0) header = row; });
 */
export async function readCsvFile(
  path: string,
  onRow: (row: string[], index: number) => void,
): Promise<number> {
  const parser = new CsvParser(onRow);
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream) parser.push(chunk as string);
  parser.end();
  return parser.rows;
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field as CSV: quoted (quotes doubled) when it holds a comma, quote or line break.
 *
 * @example
 *   csvField('say "hi"'); // '"say ""hi"""'
 */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One row as a CSV line ending in LF. A row of one empty field is written '""' so that it is
 * not read back as a blank line.
 *
 * @example
 *   csvLine(['rec-1', 'c7']); // 'rec-1,c7\n'
 */
export function csvLine(fields: readonly string[]): string {
  if (fields.length === 1 && fields[0] === '') return '""\n';
  return `${fields.map(csvField).join(',')}\n`;
}
