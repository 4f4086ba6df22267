/**
 * Reads a CSV file (RFC 4180; optionally gzipped) with a header row into a table; column types
 * are inferred (numeric when every non-empty value is a decimal number). Rows are numbered as
 * in the file with the header as row 1 (blank lines not counted). A row with a different number
 * of fields than the header is an error naming the row.
 *
 * @example
 *   const table = await readCsvTable('applications.csv');
 *   table.columns.find((c) => c.name === 'age')!.kind; // 'numeric'
 */
import { CsvError, CsvParser } from '../../identity/linkage/csv.js';
import { MAX_COLUMNS } from '../limits.js';
import { ScoreError } from '../score-error.js';
import { fileText } from './file-text.js';
import { type Table, TableBuilder } from './table.js';

/**
 * Reads `path` as CSV.
 *
 * @example
 *   (await readCsvTable('data.csv')).rows;
 */
export async function readCsvTable(path: string): Promise<Table> {
  let builder: TableBuilder | null = null;
  const parser = new CsvParser((fields, index) => {
    if (builder === null) {
      const names = fields.map((f) => f.trim());
      if (names.length > MAX_COLUMNS)
        throw new ScoreError(`row 1: ${names.length} columns, limit ${MAX_COLUMNS}`);
      names.forEach((name, c) => {
        if (name === '') throw new ScoreError(`row 1: column ${c + 1} has no name`);
        if (names.indexOf(name) !== c) throw new ScoreError(`row 1: two columns named '${name}'`);
      });
      builder = new TableBuilder(
        path,
        names,
        names.map(() => 'inferred'),
        'row',
      );
      return;
    }
    builder.add(fields, index + 1);
  });
  try {
    for await (const chunk of fileText(path)) parser.push(chunk);
    parser.end();
  } catch (error) {
    if (error instanceof CsvError) throw new ScoreError(error.message);
    throw error;
  }
  if (builder === null) throw new ScoreError(`${path}: empty file (no header row)`);
  return (builder as TableBuilder).finish();
}
