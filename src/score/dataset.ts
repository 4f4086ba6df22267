/**
 * The engine's view of training data: a 0/1 outcome (1 = bad) and columns of variables, numeric
 * (NaN = missing) or categorical (category codes, -1 = missing). Readers build it from files;
 * tests and the bureau build it from columns.
 *
 * @example
 *   const data = datasetFromColumns({ age: [25, 40, null], region: ['n', 's', 'n'] }, [1, 0, 0]);
 *   data.variables[0]!.kind; // 'numeric'
 */
import { MAX_CATEGORIES, MAX_COLUMNS, MAX_ROWS } from './limits.js';
import { ScoreError } from './score-error.js';

/**
 * A numeric variable: one value a row, NaN where missing.
 *
 * @example
 *   const age: NumericVariable = { kind: 'numeric', name: 'age', values: Float64Array.from([31, Number.NaN]) };
 */
export interface NumericVariable {
  readonly kind: 'numeric';
  readonly name: string;
  readonly values: Float64Array;
}

/**
 * A categorical variable: one code a row into `categories`, -1 where missing.
 *
 * @example
 *   const region: CategoricalVariable = { kind: 'categorical', name: 'region', codes: Int32Array.from([0, -1]), categories: ['north'] };
 */
export interface CategoricalVariable {
  readonly kind: 'categorical';
  readonly name: string;
  readonly codes: Int32Array;
  readonly categories: readonly string[];
}

/**
 * A variable of the data.
 *
 * @example
 *   data.variables.filter((v: Variable) => v.kind === 'numeric');
 */
export type Variable = NumericVariable | CategoricalVariable;

/**
 * Rows with an outcome and variables.
 *
 * @example
 *   const data: Dataset = datasetFromColumns({ age: [31, 45] }, [1, 0]);
 */
export interface Dataset {
  readonly rows: number;
  /** 1 = bad, 0 = good. */
  readonly bad: Uint8Array;
  readonly variables: readonly Variable[];
}

/**
 * Checks the shape of a dataset: lengths, outcomes 0/1, codes in range, unique names.
 *
 * @example
 *   assertDataset(data); // throws ScoreError naming the variable and row at fault
 */
export function assertDataset(data: Dataset): void {
  if (!Number.isInteger(data.rows) || data.rows < 0 || data.rows > MAX_ROWS)
    throw new ScoreError(`dataset: ${data.rows} rows (limit ${MAX_ROWS})`);
  if (data.bad.length !== data.rows)
    throw new ScoreError(`dataset: ${data.rows} rows but ${data.bad.length} outcomes`);
  if (data.variables.length > MAX_COLUMNS)
    throw new ScoreError(`dataset: ${data.variables.length} variables (limit ${MAX_COLUMNS})`);
  for (let i = 0; i < data.rows; i++)
    if (data.bad[i]! > 1)
      throw new ScoreError(`dataset: row ${i} has outcome ${data.bad[i]}, expected 0 or 1`);
  const names = new Set<string>();
  for (const variable of data.variables) {
    if (names.has(variable.name)) throw new ScoreError(`dataset: two variables named '${variable.name}'`);
    names.add(variable.name);
    if (variable.kind === 'numeric') {
      if (variable.values.length !== data.rows)
        throw new ScoreError(`dataset: variable '${variable.name}' has ${variable.values.length} values`);
      for (let i = 0; i < data.rows; i++) {
        const value = variable.values[i]!;
        if (!Number.isFinite(value) && !Number.isNaN(value))
          throw new ScoreError(
            `dataset: variable '${variable.name}' row ${i} is ${value}, not a finite number`,
          );
      }
      continue;
    }
    if (variable.codes.length !== data.rows)
      throw new ScoreError(`dataset: variable '${variable.name}' has ${variable.codes.length} values`);
    if (variable.categories.length > MAX_CATEGORIES)
      throw new ScoreError(`dataset: variable '${variable.name}' has more than ${MAX_CATEGORIES} categories`);
    for (let i = 0; i < data.rows; i++) {
      const code = variable.codes[i]!;
      if (code < -1 || code >= variable.categories.length)
        throw new ScoreError(`dataset: variable '${variable.name}' row ${i} has category code ${code}`);
    }
  }
}

/**
 * The rows at `indices`, in that order (cross-validation folds).
 *
 * @example
 *   subsetDataset(data, Int32Array.from([0, 2])).rows; // 2
 */
export function subsetDataset(data: Dataset, indices: Int32Array): Dataset {
  const bad = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; k++) bad[k] = data.bad[indices[k]!]!;
  const variables = data.variables.map((variable): Variable => {
    if (variable.kind === 'numeric') {
      const values = new Float64Array(indices.length);
      for (let k = 0; k < indices.length; k++) values[k] = variable.values[indices[k]!]!;
      return { kind: 'numeric', name: variable.name, values };
    }
    const codes = new Int32Array(indices.length);
    for (let k = 0; k < indices.length; k++) codes[k] = variable.codes[indices[k]!]!;
    return { kind: 'categorical', name: variable.name, codes, categories: variable.categories };
  });
  return { rows: indices.length, bad, variables };
}

/**
 * The value of a variable in a row as a scorecard reads it: a number, a category, or null.
 *
 * @example
 *   variableValue(data.variables[0]!, 2); // null (missing)
 */
export function variableValue(variable: Variable, row: number): number | string | null {
  if (variable.kind === 'numeric') {
    const value = variable.values[row]!;
    return Number.isNaN(value) ? null : value;
  }
  const code = variable.codes[row]!;
  return code < 0 ? null : variable.categories[code]!;
}

/**
 * Builds a dataset from plain columns: a column of numbers (and nulls) is numeric, any other
 * is categorical (null, undefined and '' are missing). `bad` is 1 for bad rows, 0 for good.
 *
 * @example
 *   datasetFromColumns({ x: [0, 0, 1, 1] }, [0, 1, 0, 1]).rows; // 4
 */
export function datasetFromColumns(
  columns: Readonly<Record<string, readonly (number | string | null | undefined)[]>>,
  bad: readonly number[],
): Dataset {
  const rows = bad.length;
  const variables: Variable[] = [];
  for (const [name, column] of Object.entries(columns)) {
    if (column.length !== rows)
      throw new ScoreError(`column '${name}' has ${column.length} values, not ${rows}`);
    const numeric = column.every((v) => v === null || v === undefined || typeof v === 'number');
    if (numeric) {
      const values = Float64Array.from(column, (v) => (typeof v === 'number' ? v : Number.NaN));
      variables.push({ kind: 'numeric', name, values });
      continue;
    }
    const categories: string[] = [];
    const codeOf = new Map<string, number>();
    const codes = Int32Array.from(column, (v) => {
      if (v === null || v === undefined || v === '') return -1;
      const text = String(v);
      let code = codeOf.get(text);
      if (code === undefined) {
        code = categories.length;
        codeOf.set(text, code);
        categories.push(text);
      }
      return code;
    });
    variables.push({ kind: 'categorical', name, codes, categories });
  }
  const data: Dataset = { rows, bad: Uint8Array.from(bad), variables };
  for (let i = 0; i < rows; i++)
    if (bad[i] !== 0 && bad[i] !== 1) throw new ScoreError(`row ${i}: outcome ${bad[i]}, expected 0 or 1`);
  assertDataset(data);
  return data;
}
