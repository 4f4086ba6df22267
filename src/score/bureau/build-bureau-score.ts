/**
 * `openbureau score build`: reads a sample of person files from the store in one pass (every
 * `step`-th person by id, at most `samplePersons`), takes from each file the training row
 * (features at the training month, outcome in the 12 months after), the hold-out row (the same at
 * the later hold-out month) and the current row (features at the last month on file), trains the
 * scorecard, measures it on the hold-out, records the served-score distributions and stores the
 * model under its next version. Persons without an account opened by an observation month give
 * no row for it (no history: no score).
 *
 * @example
 *   const model = await buildBureauScore({ files, models, currency: 'CNY', now: () => new Date() }, { samplePersons: 50_000 });
 *   model.version; // 1 for the first build
 */
import type { Currency } from '../../domain/codes.js';
import { ScoreError } from '../score-error.js';
import { type BuildPlan, buildPlan } from './build-plan.js';
import { bureauFeatures } from './bureau-features.js';
import type { BureauScoreModel } from './bureau-score-model.js';
import { FeatureTable } from './feature-table.js';
import { DEFAULT_SAMPLE_PERSONS, MAX_SAMPLE_PERSONS } from './limits.js';
import { isAlreadyBad, isBadWithin, isScorable } from './outcome.js';
import type { PersonFileSource, ScoreModelStore } from './ports.js';
import { trainBureauScore } from './train-bureau-score.js';

/**
 * What a build needs.
 *
 * @example
 *   const deps: BuildDeps = { files, models, currency: profile.defaultCurrency, now: () => new Date() };
 */
export interface BuildDeps {
  readonly files: PersonFileSource;
  readonly models: ScoreModelStore;
  /** Currency of the amounts (the jurisdiction's). */
  readonly currency: Currency;
  readonly now: () => Date;
}

/**
 * Choices of a build; each has a default.
 *
 * @example
 *   const options: BuildOptions = { samplePersons: 20_000, holdoutMonth: '2025-09' };
 */
export interface BuildOptions {
  /** Most persons read (default DEFAULT_SAMPLE_PERSONS, at most MAX_SAMPLE_PERSONS). */
  readonly samplePersons?: number;
  readonly trainingMonth?: string;
  readonly holdoutMonth?: string;
  /** Called with the persons read so far (progress on a terminal). */
  readonly progress?: (personsRead: number) => void;
}

/**
 * Checks a sample size.
 *
 * @example
 *   samplePersonsOption(undefined); // DEFAULT_SAMPLE_PERSONS
 */
export function samplePersonsOption(value: number | undefined): number {
  const n = value ?? DEFAULT_SAMPLE_PERSONS;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SAMPLE_PERSONS)
    throw new ScoreError(`the sample is 1 to ${MAX_SAMPLE_PERSONS} persons, got ${n}`);
  return n;
}

/**
 * The plan of a build on this store (its months on file); ScoreError when nothing is on file.
 *
 * @example
 *   const plan = await planOf(files, {});
 */
export async function planOf(files: PersonFileSource, options: BuildOptions): Promise<BuildPlan> {
  const history = await files.historyMonths();
  if (!history) throw new ScoreError('no monthly state is on file: nothing to train on');
  return buildPlan(history, options);
}

/**
 * Builds, measures and stores a model (see the module comment); returns it as stored.
 *
 * @example
 *   (await buildBureauScore(deps, {})).holdout.auc;
 */
export async function buildBureauScore(deps: BuildDeps, options: BuildOptions): Promise<BureauScoreModel> {
  const samplePersons = samplePersonsOption(options.samplePersons);
  const plan = await planOf(deps.files, options);
  const personsOnFile = await deps.files.countPersons();
  const step = Math.max(1, Math.ceil(personsOnFile / samplePersons));
  const training = new FeatureTable(samplePersons);
  const holdout = new FeatureTable(samplePersons);
  const population = new FeatureTable(samplePersons);
  const holdoutAlreadyBad: number[] = [];
  let trainingAlreadyBad = 0;
  let personsRead = 0;
  for await (const files of deps.files.scan({ step, limit: samplePersons })) {
    for (const file of files) {
      if (isScorable(file, plan.trainingMonth)) {
        training.push(
          bureauFeatures(file, plan.trainingMonth, deps.currency),
          isBadWithin(file, plan.trainingMonth) ? 1 : 0,
        );
        if (isAlreadyBad(file, plan.trainingMonth)) trainingAlreadyBad++;
      }
      if (isScorable(file, plan.holdoutMonth)) {
        holdout.push(
          bureauFeatures(file, plan.holdoutMonth, deps.currency),
          isBadWithin(file, plan.holdoutMonth) ? 1 : 0,
        );
        holdoutAlreadyBad.push(isAlreadyBad(file, plan.holdoutMonth) ? 1 : 0);
      }
      if (isScorable(file, plan.populationMonth))
        population.push(bureauFeatures(file, plan.populationMonth, deps.currency));
    }
    personsRead += files.length;
    options.progress?.(personsRead);
  }
  const model = trainBureauScore(
    {
      training,
      trainingAlreadyBad,
      holdout,
      holdoutAlreadyBad: Uint8Array.from(holdoutAlreadyBad),
      population,
    },
    {
      createdAt: deps.now().toISOString(),
      currency: deps.currency,
      observation: {
        historyFrom: plan.historyFrom,
        historyTo: plan.historyTo,
        trainingMonth: plan.trainingMonth,
        holdoutMonth: plan.holdoutMonth,
      },
      sample: { personsMax: samplePersons, personsOnFile, step, personsRead },
      populationMonth: plan.populationMonth,
    },
  );
  return deps.models.save(model);
}
