/** Small datasets for the scorecard tests: hand-made and random (fast-check). */
import fc from 'fast-check';
import { type Dataset, datasetFromColumns } from '../../src/score/dataset.js';
import type { TrainOptions } from '../../src/score/train.js';

export const TRAIN: TrainOptions = {
  target: { column: 'bad', badValue: '1', description: 'test outcome' },
  createdAt: '2025-01-31T00:00:00.000Z',
};

/** A seeded stream of numbers in [0, 1) for building data (not the engine's generator). */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Synthetic applicants: risk rises with `debt`, falls with `age`, depends on `region`; `noise`
 *  carries nothing; `debt_copy` is `debt` again (correlated). */
export function syntheticApplicants(rows: number, seed: number): Dataset {
  const random = lcg(seed);
  const age: (number | null)[] = [];
  const debt: (number | null)[] = [];
  const region: (string | null)[] = [];
  const noise: number[] = [];
  const bad: number[] = [];
  const regions = ['north', 'south', 'east', 'west', 'island'];
  const regionRisk = [-0.5, 0.3, 0, 0.8, 1.5];
  for (let i = 0; i < rows; i++) {
    const a = 18 + Math.floor(random() * 50);
    const d = Math.round(random() * 100) / 10;
    const r = Math.floor(random() * (random() < 0.97 ? 4 : 5));
    const logit = -1.5 + 0.25 * d - 0.04 * (a - 40) + regionRisk[r]!;
    bad.push(random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0);
    age.push(random() < 0.05 ? null : a);
    debt.push(d);
    region.push(random() < 0.03 ? null : regions[r]!);
    noise.push(Math.floor(random() * 10));
  }
  return datasetFromColumns({ age, debt, region, noise, debt_copy: debt }, bad);
}

/** Random small datasets with both classes: numeric and categorical columns with missing values. */
export const randomDataset: fc.Arbitrary<Dataset> = fc
  .record({
    rows: fc.integer({ min: 12, max: 120 }),
    numeric: fc.integer({ min: 0, max: 3 }),
    categorical: fc.integer({ min: 0, max: 2 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map(({ rows, numeric, categorical, seed }) => {
    const random = lcg(seed);
    const columns: Record<string, (number | string | null)[]> = {};
    const bad: number[] = [];
    for (let i = 0; i < rows; i++) bad.push(i < 2 ? i : random() < 0.3 ? 1 : 0);
    for (let c = 0; c < numeric; c++)
      columns[`n${c}`] = bad.map((b) =>
        random() < 0.1 ? null : Math.round((random() * 20 + (random() < 0.5 ? b * 5 : 0)) * 10) / 10,
      );
    for (let c = 0; c < categorical; c++)
      columns[`c${c}`] = bad.map((b) =>
        random() < 0.1 ? null : 'abcdefg'[Math.floor(random() * (b ? 4 : 7))]!,
      );
    return datasetFromColumns(columns, bad);
  });

/** Arbitrary values a caller might pass for any variable. */
export const anyValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.double(),
  fc.integer({ min: -100, max: 100 }),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('a', 'b', 'g', ' 3 ', '1e3', 'NaN', '', 'Infinity'),
  fc.boolean(),
);
