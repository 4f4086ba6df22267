/**
 * A table read from a file, held by column: for each column its numbers (when every non-empty
 * value is a decimal number and the column is not declared categorical) and its category codes
 * (while it has at most MAX_CATEGORIES distinct values of at most MAX_CATEGORY_CHARS). Empty
 * values (after trimming) and nulls are missing. Memory: 12 bytes a cell.
 *
 * @example
 *   const builder = new TableBuilder('data.csv', ['age', 'region'], ['inferred', 'inferred']);
 *   builder.add(['31', 'north'], 2);
 *   const table = builder.finish(); // table.columns[0]!.numbers: Float64Array [31]
 */
import { MAX_CATEGORIES, MAX_CATEGORY_CHARS, MAX_CELLS, MAX_ROWS } from '../limits.js';
import { parseDecimal } from '../parse-decimal.js';
import { ScoreError } from '../score-error.js';

/**
 * How a column's type is known: declared by the file (ARFF) or inferred from its values.
 *
 * @example
 *   new TableBuilder('x.csv', ['a'], ['inferred' satisfies DeclaredKind]);
 */
export type DeclaredKind = 'numeric' | 'categorical' | 'inferred';

/**
 * A column of a table.
 *
 * @example
 *   table.columns.filter((c: TableColumn) => c.kind === 'numeric').map((c) => c.name);
 */
export interface TableColumn {
  readonly name: string;
  /** Numeric when every non-empty value is a number (and not declared categorical). */
  readonly kind: 'numeric' | 'categorical';
  /** Numeric columns: the values, NaN where missing. */
  readonly numbers: Float64Array | null;
  /** The category code of every row (-1 missing); null when the column has too many distinct
   *  values (or too long ones) to be categorical. */
  readonly codes: Int32Array | null;
  readonly categories: readonly string[] | null;
  /** Where the column first had a value that is not a number, e.g. 'row 7' (for messages). */
  readonly firstText: string | null;
}

/**
 * A table read from a file.
 *
 * @example
 *   const table: Table = await readTable('data.csv');
 */
export interface Table {
  readonly source: string;
  readonly rows: number;
  readonly columns: readonly TableColumn[];
  /** Where data row i is in the file, e.g. 'row 12' or 'line 40'. */
  readonly rowLabel: (row: number) => string;
}

class ColumnBuilder {
  numbers = new Float64Array(1024);
  codes = new Int32Array(1024);
  readonly categories: string[] = [];
  readonly codeOf = new Map<string, number>();
  numeric: boolean;
  categorical = true;
  firstText: string | null = null;

  constructor(
    readonly name: string,
    declared: DeclaredKind,
  ) {
    this.numeric = declared !== 'categorical';
  }

  add(row: number, value: string | null, where: string): void {
    if (row >= this.numbers.length) {
      const numbers = new Float64Array(this.numbers.length * 2);
      numbers.set(this.numbers);
      this.numbers = numbers;
      const codes = new Int32Array(this.codes.length * 2);
      codes.set(this.codes);
      this.codes = codes;
    }
    const text = value === null ? '' : value.trim();
    if (text === '') {
      this.numbers[row] = Number.NaN;
      this.codes[row] = -1;
      return;
    }
    if (this.numeric) {
      const number = parseDecimal(text);
      if (number === null) {
        this.numeric = false;
        this.firstText = where;
      } else this.numbers[row] = number;
    }
    if (!this.categorical) return;
    let code = this.codeOf.get(text);
    if (code === undefined) {
      if (this.categories.length >= MAX_CATEGORIES || text.length > MAX_CATEGORY_CHARS) {
        this.categorical = false;
        this.codeOf.clear();
        return;
      }
      code = this.categories.length;
      this.codeOf.set(text, code);
      this.categories.push(text);
    }
    this.codes[row] = code;
  }

  finish(rows: number): TableColumn {
    const numeric = this.numeric;
    return {
      name: this.name,
      kind: numeric ? 'numeric' : 'categorical',
      numbers: numeric ? this.numbers.slice(0, rows) : null,
      codes: this.categorical ? this.codes.slice(0, rows) : null,
      categories: this.categorical ? this.categories : null,
      firstText: this.firstText,
    };
  }
}

/**
 * Collects rows into columns, enforcing MAX_ROWS and MAX_CELLS.
 *
 * @example
 *   new TableBuilder('x.arff', ['a'], ['numeric']).add(['1'], 12); // 12: the file's line
 */
export class TableBuilder {
  private readonly columns: ColumnBuilder[];
  private rows = 0;
  private positions = new Int32Array(1024);

  constructor(
    private readonly source: string,
    names: readonly string[],
    declared: readonly DeclaredKind[],
    private readonly unit: 'row' | 'line' = 'row',
  ) {
    this.columns = names.map((name, i) => new ColumnBuilder(name, declared[i] ?? 'inferred'));
  }

  /** Adds a row; `position` is its row or line number in the file. */
  add(values: readonly (string | null)[], position: number): void {
    if (values.length !== this.columns.length)
      throw new ScoreError(
        `${this.unit} ${position}: ${values.length} values, the header has ${this.columns.length} columns`,
      );
    if (this.rows >= MAX_ROWS)
      throw new ScoreError(`${this.unit} ${position}: more than ${MAX_ROWS} data rows`);
    if ((this.rows + 1) * this.columns.length > MAX_CELLS)
      throw new ScoreError(
        `${this.unit} ${position}: more than ${MAX_CELLS} values (rows times columns); exclude columns or sample rows`,
      );
    if (this.rows >= this.positions.length) {
      const positions = new Int32Array(this.positions.length * 2);
      positions.set(this.positions);
      this.positions = positions;
    }
    this.positions[this.rows] = position;
    const where = `${this.unit} ${position}`;
    for (let c = 0; c < this.columns.length; c++) this.columns[c]!.add(this.rows, values[c]!, where);
    this.rows++;
  }

  /** The table. */
  finish(): Table {
    const positions = this.positions.slice(0, this.rows);
    const unit = this.unit;
    return {
      source: this.source,
      rows: this.rows,
      columns: this.columns.map((c) => c.finish(this.rows)),
      rowLabel: (row) => `${unit} ${positions[row]}`,
    };
  }
}
