/**
 * Reads a person file (CSV with a header row) into a PersonStore, streaming: only the store
 * grows, one row at a time.
 *
 * @example
 *   const { store, plan } = await readPersonCsv('dataset3.csv', {
 *     idColumn: 'rec_id', exclude: ['soc_sec_id'], map: [],
 *   });
 */
import { type ColumnOptions, type ColumnPlan, planColumns, rowToPerson } from './column-plan.js';
import { CsvError, readCsvFile } from './csv.js';
import { attributesOfRoles, PersonStore } from './person-store.js';

/**
 * A file read into a store.
 *
 * @example
 *   `${read.store.size} records, ${read.raggedRows} rows with a different field count`;
 */
export interface PersonFile {
  store: PersonStore;
  plan: ColumnPlan;
  headers: string[];
  /** Data rows whose field count differs from the header's (read anyway: absent fields are missing). */
  raggedRows: number;
}

/**
 * Reads `path`; throws ColumnPlanError for options that do not fit the header, CsvError for a
 * file that is not CSV or has no header.
 *
 * @example
 *   (await readPersonCsv('people.csv', { idColumn: 'id', exclude: [], map: [] })).store.size;
 */
export async function readPersonCsv(path: string, options: ColumnOptions): Promise<PersonFile> {
  let file: PersonFile | null = null;
  await readCsvFile(path, (row, index) => {
    if (index === 0) {
      const plan = planColumns(row, options);
      const store = new PersonStore(attributesOfRoles(plan.roles.map((r) => r.role)));
      file = { store, plan, headers: row, raggedRows: 0 };
      return;
    }
    const f = file!;
    if (row.length !== f.headers.length) f.raggedRows++;
    f.store.add(row[f.plan.idIndex] ?? '', rowToPerson(f.plan, row));
  });
  if (file === null) throw new CsvError(`${path} is empty: expected a header row`);
  return file;
}
