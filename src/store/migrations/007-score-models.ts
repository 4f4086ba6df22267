/**
 * Migration 7: the bureau score's models (docs/score.md), one row per `openbureau score build`:
 * its version (1, 2, ... in build order), when it was built, its observation months, and the
 * model as JSON (bins, points, hold-out figures, score distributions; at most 1 MiB). A few small
 * rows read by every server: a reference table under Citus.
 *
 * @example
 *   await scoreModels.up(db);
 */
import { createTable, type TableSpec } from './001-core-tables.js';
import type { Migration } from './migration.js';

const TABLES: readonly TableSpec[] = [
  {
    name: 'score_models',
    columns: [
      ['version', 'bigint'],
      ['created_at', 'text'],
      /** Observation months of the training and hold-out rows (YYYY-MM). */
      ['training_month', 'text'],
      ['holdout_month', 'text'],
      /** The model (src/score/bureau/bureau-score-model.ts), validated when it is loaded. */
      ['model_json', 'text'],
    ],
    primaryKey: ['version'],
  },
];

export const scoreModels: Migration = {
  version: 7,
  name: 'score-models',
  async up(db) {
    for (const spec of TABLES) await createTable(db, spec);
  },
};
