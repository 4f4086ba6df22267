/**
 * What building, serving and monitoring the bureau score need from storage: person files read
 * in bulk (a sample, in person-id order), the range of months on file, and the models kept with
 * their versions. src/store implements them for both engines.
 *
 * @example
 *   const model = await buildBureauScore({ files: createPersonFileSample(db), models: createScoreModelStore(db), ... }, {});
 */
import type { PersonFile } from '../../report/report-types.js';
import type { BureauScoreModel } from './bureau-score-model.js';

/**
 * Person files in bulk, for scoring many persons: accounts with their monthly states and
 * inquiries (identity values are not read: the score does not use them).
 *
 * @example
 *   for await (const files of source.scan({ step: 3, limit: 10_000 })) for (const f of files) ...
 */
export interface PersonFileSource {
  /** The first and last month with a monthly state on file; null when none is. */
  historyMonths(): Promise<{ first: string; last: string } | null>;
  /** Persons on file. */
  countPersons(): Promise<number>;
  /** Every `step`-th person by person id (ids divisible by `step`), at most `limit`, in id order,
   *  in batches. */
  scan(options: { step: number; limit: number }): AsyncIterable<readonly PersonFile[]>;
}

/**
 * The stored models: a reference table of a few rows, one per build.
 *
 * @example
 *   const stored = await models.save(model); // stored.version: 1, 2, ...
 */
export interface ScoreModelStore {
  /** Stores a model under the next version; returns it with that version. */
  save(model: BureauScoreModel): Promise<BureauScoreModel>;
  /** The newest version, or null when none is stored. */
  latestVersion(): Promise<number | null>;
  /** The newest model (validated), or null. */
  latest(): Promise<BureauScoreModel | null>;
}
