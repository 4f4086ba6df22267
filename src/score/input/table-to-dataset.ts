/**
 * Turns a table into the engine's dataset: the target column becomes the outcome (1 where its
 * value equals the bad value, compared as text, or as numbers when both are numbers), every
 * other column not excluded becomes a variable. Errors name the column and the row.
 *
 * @example
 *   const { dataset, target } = tableToDataset(table, { target: 'class', bad: 'bad', exclude: ['id'] });
 *   target.bad; // 300
 */
import type { Dataset, Variable } from '../dataset.js';
import { parseDecimal } from '../parse-decimal.js';
import { ScoreError } from '../score-error.js';
import type { Table } from './table.js';

/**
 * Which column is the outcome, its bad value, and which columns to leave out.
 *
 * @example
 *   const spec: DatasetSpec = { target: 'class', bad: 'bad', exclude: ['id'] };
 */
export interface DatasetSpec {
  readonly target: string;
  readonly bad: string;
  readonly exclude?: readonly string[];
}

/**
 * A dataset and what went into it.
 *
 * @example
 *   const { dataset, target }: PreparedDataset = tableToDataset(table, spec);
 */
export interface PreparedDataset {
  readonly dataset: Dataset;
  readonly target: {
    readonly column: string;
    readonly badValue: string;
    readonly bad: number;
    readonly good: number;
  };
  readonly numeric: string[];
  readonly categorical: string[];
  readonly excluded: string[];
}

/**
 * Builds the dataset (see the file comment).
 *
 * @example
 *   tableToDataset(table, { target: 'default', bad: '1' }).dataset.rows;
 */
export function tableToDataset(table: Table, spec: DatasetSpec): PreparedDataset {
  const names = table.columns.map((c) => c.name);
  const known = (name: string, what: string): void => {
    if (!names.includes(name))
      throw new ScoreError(
        `${what} '${name}' is not a column of ${table.source} (columns: ${names.join(', ')})`,
      );
  };
  known(spec.target, 'target');
  const excluded = [...new Set(spec.exclude ?? [])];
  for (const name of excluded) known(name, 'excluded column');
  const target = table.columns.find((c) => c.name === spec.target)!;
  if (!target.codes || !target.categories)
    throw new ScoreError(`target column '${spec.target}' has too many distinct values to be an outcome`);
  const badText = spec.bad.trim();
  const badNumber = parseDecimal(badText);
  const isBad = target.categories.map((value) => {
    if (value === badText) return true;
    const number = parseDecimal(value);
    return badNumber !== null && number !== null && number === badNumber;
  });
  const bad = new Uint8Array(table.rows);
  let bads = 0;
  for (let i = 0; i < table.rows; i++) {
    const code = target.codes[i]!;
    if (code < 0)
      throw new ScoreError(`${table.rowLabel(i)}, column '${spec.target}': the outcome is missing`);
    if (isBad[code]) {
      bad[i] = 1;
      bads++;
    }
  }
  const seen = target.categories.slice(0, 10).join(', ');
  if (bads === 0)
    throw new ScoreError(`no row has ${spec.target} = '${spec.bad}' (values include: ${seen}); check --bad`);
  if (bads === table.rows) throw new ScoreError(`every row has ${spec.target} = '${spec.bad}': no good rows`);
  const variables: Variable[] = [];
  const numeric: string[] = [];
  const categorical: string[] = [];
  for (const column of table.columns) {
    if (column.name === spec.target || excluded.includes(column.name)) continue;
    if (column.kind === 'numeric' && column.numbers) {
      variables.push({ kind: 'numeric', name: column.name, values: column.numbers });
      numeric.push(column.name);
    } else if (column.codes && column.categories) {
      variables.push({
        kind: 'categorical',
        name: column.name,
        codes: column.codes,
        categories: column.categories,
      });
      categorical.push(column.name);
    } else
      throw new ScoreError(
        `column '${column.name}' is not numeric (from ${column.firstText ?? 'its first row'}) and has too many ` +
          `distinct or too long values to be categorical; leave it out with --exclude '${column.name}'`,
      );
  }
  return {
    dataset: { rows: table.rows, bad, variables },
    target: { column: spec.target, badValue: spec.bad, bad: bads, good: table.rows - bads },
    numeric,
    categorical,
    excluded,
  };
}
