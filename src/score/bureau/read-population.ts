/**
 * The current population for monitoring: a sample of person files (every `step`-th person by id,
 * at most `samplePersons`) with their variables at the last month on file; persons without an
 * account opened by then are not scored and give no row.
 *
 * @example
 *   const { month, table } = await readPopulation(files, 'CNY', 50_000);
 *   monitorBureauScore(loaded, table, month);
 */
import type { Currency } from '../../domain/codes.js';
import { ScoreError } from '../score-error.js';
import { samplePersonsOption } from './build-bureau-score.js';
import { bureauFeatures } from './bureau-features.js';
import { FeatureTable } from './feature-table.js';
import { isScorable } from './outcome.js';
import type { PersonFileSource } from './ports.js';

/**
 * The sample and its month.
 *
 * @example
 *   const population: Population = await readPopulation(files, 'CNY', 1000);
 */
export interface Population {
  readonly month: string;
  readonly table: FeatureTable;
  readonly personsRead: number;
}

/**
 * Reads the population (see the module comment); `month` defaults to the last month on file.
 *
 * @example
 *   (await readPopulation(files, 'CNY', 1000)).table.rows;
 */
export async function readPopulation(
  files: PersonFileSource,
  currency: Currency,
  samplePersons: number | undefined,
  month?: string,
): Promise<Population> {
  const limit = samplePersonsOption(samplePersons);
  const history = await files.historyMonths();
  if (!history) throw new ScoreError('no monthly state is on file: no population to compare');
  const at = month ?? history.last;
  const step = Math.max(1, Math.ceil((await files.countPersons()) / limit));
  const table = new FeatureTable(limit);
  let personsRead = 0;
  for await (const batch of files.scan({ step, limit })) {
    for (const file of batch) if (isScorable(file, at)) table.push(bureauFeatures(file, at, currency));
    personsRead += batch.length;
  }
  return { month: at, table, personsRead };
}
