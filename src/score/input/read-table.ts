/**
 * Reads a data file by its name: `.arff` or `.arff.gz` as ARFF, anything else as CSV (either
 * may be gzipped).
 *
 * @example
 *   const table = await readTable('credit-g.arff');
 */
import { readArffTable } from './read-arff.js';
import { readCsvTable } from './read-csv.js';
import type { Table } from './table.js';

/**
 * Reads `path` as ARFF or CSV.
 *
 * @example
 *   (await readTable('data.csv.gz')).rows;
 */
export function readTable(path: string): Promise<Table> {
  return /\.arff(\.gz)?$/i.test(path) ? readArffTable(path) : readCsvTable(path);
}
