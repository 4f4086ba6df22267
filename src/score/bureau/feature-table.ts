/**
 * Rows of bureau-score variables held as columns (one Float64Array per candidate variable, NaN
 * where a value is missing) with an optional 0/1 outcome: the training, hold-out and population
 * samples of `score build` and `score monitor`. Bounded: it refuses rows past its limit.
 *
 * @example
 *   const table = new FeatureTable(1000);
 *   table.push(bureauFeatures(file, '2025-06', 'CNY'), 1);
 *   table.dataset().rows; // 1
 */
import type { Dataset, NumericVariable } from '../dataset.js';
import { BUREAU_FEATURES } from './bureau-feature-set.js';
import type { BureauFeatureValues } from './bureau-features.js';

const INITIAL_CAPACITY = 1024;

/**
 * Growable columns of the candidate variables, with outcomes.
 *
 * @example
 *   new FeatureTable(10).rows; // 0
 */
export class FeatureTable {
  private columns: Float64Array[];
  private outcomes: Uint8Array;
  private count = 0;

  /** `maxRows`: the most rows it will hold (a RangeError past it). */
  constructor(readonly maxRows: number) {
    if (!Number.isInteger(maxRows) || maxRows < 1)
      throw new RangeError(`maxRows must be >= 1, got ${maxRows}`);
    const capacity = Math.min(INITIAL_CAPACITY, maxRows);
    this.columns = BUREAU_FEATURES.map(() => new Float64Array(capacity));
    this.outcomes = new Uint8Array(capacity);
  }

  /** Rows held. */
  get rows(): number {
    return this.count;
  }

  /** Bad rows held. */
  get bad(): number {
    let bad = 0;
    for (let i = 0; i < this.count; i++) bad += this.outcomes[i]!;
    return bad;
  }

  /** Adds a row (absent and null values are missing) with its outcome (1 bad, 0 good). */
  push(values: BureauFeatureValues, outcome: 0 | 1 = 0): void {
    if (this.count === this.maxRows) throw new RangeError(`more than ${this.maxRows} rows`);
    if (this.count === this.outcomes.length) this.grow();
    for (let j = 0; j < BUREAU_FEATURES.length; j++) {
      const value = values[BUREAU_FEATURES[j]!.name];
      this.columns[j]![this.count] = typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
    }
    this.outcomes[this.count] = outcome;
    this.count++;
  }

  /** The value of variable `name` in row `row` (NaN: missing; undefined: not a candidate). */
  value(name: string, row: number): number | undefined {
    const j = BUREAU_FEATURES.findIndex((f) => f.name === name);
    return j < 0 ? undefined : this.columns[j]![row];
  }

  /** The column of variable `name` (a view of the rows held), or undefined. */
  column(name: string): Float64Array | undefined {
    const j = BUREAU_FEATURES.findIndex((f) => f.name === name);
    return j < 0 ? undefined : this.columns[j]!.subarray(0, this.count);
  }

  /** The outcomes of the rows held (a view). */
  outcome(): Uint8Array {
    return this.outcomes.subarray(0, this.count);
  }

  /** The rows as the engine's dataset (every candidate numeric; copies). */
  dataset(): Dataset {
    const variables: NumericVariable[] = BUREAU_FEATURES.map((f, j) => ({
      kind: 'numeric',
      name: f.name,
      values: this.columns[j]!.slice(0, this.count),
    }));
    return { rows: this.count, bad: this.outcomes.slice(0, this.count), variables };
  }

  private grow(): void {
    const capacity = Math.min(this.maxRows, this.outcomes.length * 2);
    this.columns = this.columns.map((c) => {
      const next = new Float64Array(capacity);
      next.set(c);
      return next;
    });
    const outcomes = new Uint8Array(capacity);
    outcomes.set(this.outcomes);
    this.outcomes = outcomes;
  }
}
