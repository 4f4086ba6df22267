/**
 * `openbureau score build` and `openbureau score monitor`: the bureau score from the store's own
 * history (docs/score.md, "Bureau score").
 *
 *   openbureau score build [--sample N] [--training-month YYYY-MM] [--holdout-month YYYY-MM] [--json]
 *   openbureau score monitor [--sample N] [--month YYYY-MM] [--json]
 *
 * `build` trains on a sample of persons, prints the hold-out AUC and Gini and stores the model
 * under its next version (running servers serve it within a minute); `monitor` prints the
 * population stability index of the score and of each variable, training sample against the
 * current population. Exit code 0: done; 2: bad arguments, or nothing to build or monitor.
 *
 * @example
 *   openbureau score build --sample 50000
 *   openbureau score monitor
 */
import { parseArgs } from 'node:util';
import type { Bureau } from '../app/bureau.js';
import { type BuildOptions, buildBureauScore } from '../score/bureau/build-bureau-score.js';
import type { BureauScoreModel } from '../score/bureau/bureau-score-model.js';
import { DEFAULT_SAMPLE_PERSONS, PSI_SHIFT_ABOVE, PSI_STABLE_BELOW } from '../score/bureau/limits.js';
import { loadBureauScore } from '../score/bureau/loaded-score.js';
import { monitorBureauScore } from '../score/bureau/monitor.js';
import { readPopulation } from '../score/bureau/read-population.js';
import { bandCuts } from '../score/bureau/score-distribution.js';
import { ScoreError } from '../score/score-error.js';
import { createPersonFileSample } from '../store/person-file-sample.js';
import type { ScoreCommandOutput } from './score-command.js';

/**
 * Usage of the two subcommands (part of `openbureau score --help`).
 *
 * @example
 *   io.stdout.write(BUREAU_SCORE_USAGE);
 */
export const BUREAU_SCORE_USAGE = `       openbureau score build [--sample N] [--training-month YYYY-MM] [--holdout-month YYYY-MM] [--json]
       openbureau score monitor [--sample N] [--month YYYY-MM] [--json]

build: trains the bureau score on a sample of at most N persons of the store (default ${DEFAULT_SAMPLE_PERSONS}),
prints the AUC and Gini on the out-of-time hold-out and stores the model with its version.
monitor: population stability index of the score and of each variable, training against now.
`;

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: false,
    strict: true,
    options: {
      sample: { type: 'string' },
      'training-month': { type: 'string' },
      'holdout-month': { type: 'string' },
      month: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
}

const whole = (n: number): string => n.toLocaleString('en-US');
const percent = (part: number, all: number): string =>
  all === 0 ? '-' : `${((100 * part) / all).toFixed(1)}%`;
const fixed = (n: number): string => n.toFixed(3);

function sampleOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new ScoreError(`--sample expects a number of persons, got '${text}'`);
  return Number(text);
}

/** The deciles of a distribution, as the scores where each tenth starts. */
function deciles(counts: readonly number[]): string {
  return bandCuts(counts, 10).join(' ');
}

function describeBuild(model: BureauScoreModel, seconds: number): string {
  const o = model.observation;
  const t = model.training;
  const h = model.holdout;
  const s = model.sample;
  const lines = [
    `history on file: ${o.historyFrom} to ${o.historyTo}; ${whole(s.personsOnFile)} persons, ${whole(s.personsRead)} read (every ${s.step === 1 ? 'person' : `${s.step}th person`}, at most ${whole(s.personsMax)})`,
    `outcome: ${o.outcome}`,
    `training:  observation ${o.trainingMonth}: ${whole(t.persons)} scorable persons, ${whole(t.bad)} bad (${percent(t.bad, t.persons)}), ${whole(t.alreadyBad)} of them already bad then`,
    `hold-out:  observation ${o.holdoutMonth} (out of time): ${whole(h.persons)} scorable persons, ${whole(h.bad)} bad (${percent(h.bad, h.persons)})`,
    'variables by information value (training rows):',
    ...model.scorecard.candidates.map((c) => `  ${c.name.padEnd(30)} IV ${fixed(c.iv)}  ${c.reason}`),
    `scorecard: ${model.scorecard.variables.length} variables; points ${model.scorecard.scoreRange.min} to ${model.scorecard.scoreRange.max} mapped onto 0-1000 (higher is safer)`,
    `training AUC ${fixed(t.auc)}, Gini ${fixed(t.gini)} (on its own rows: optimistic)`,
    `hold-out AUC ${fixed(h.auc)}, Gini ${fixed(h.gini)} (all ${whole(h.persons)} scorable persons)`,
    `hold-out AUC ${fixed(h.notAlreadyBad.auc)}, Gini ${fixed(h.notAlreadyBad.gini)} (the ${whole(h.notAlreadyBad.persons)} not already 90+ overdue at ${o.holdoutMonth})`,
    `scored population at ${model.population.month}: ${whole(model.population.persons)} persons; deciles start at ${deciles(model.population.scoreCounts)}`,
    `stored model version ${model.version} (${model.createdAt}); servers pick it up within a minute`,
    `time: ${seconds.toFixed(1)} s`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `score build` on an open bureau; returns the exit code.
 *
 * @example
 *   await runScoreBuild(bureau, ['--sample', '20000'], io);
 */
export async function runScoreBuild(bureau: Bureau, args: string[], io: ScoreCommandOutput): Promise<number> {
  const { values } = parse(args);
  const options: BuildOptions = {
    ...(values.sample !== undefined ? { samplePersons: sampleOption(values.sample)! } : {}),
    ...(values['training-month'] ? { trainingMonth: values['training-month'] } : {}),
    ...(values['holdout-month'] ? { holdoutMonth: values['holdout-month'] } : {}),
  };
  const started = performance.now();
  const model = await buildBureauScore(
    {
      files: createPersonFileSample(bureau.database),
      models: bureau.scoreModels,
      currency: bureau.profile.defaultCurrency,
      now: () => new Date(),
    },
    options,
  );
  bureau.scoreSource.use(model);
  const seconds = (performance.now() - started) / 1000;
  if (values.json) {
    const { scorecard, population, trainingScoreCounts, ...summary } = model;
    io.stdout.write(
      `${JSON.stringify({ ...summary, variables: scorecard.variables.map((v) => v.name), seconds }, null, 2)}\n`,
    );
  } else io.stdout.write(describeBuild(model, seconds));
  return 0;
}

/**
 * `score monitor` on an open bureau; returns the exit code.
 *
 * @example
 *   await runScoreMonitor(bureau, [], io);
 */
export async function runScoreMonitor(
  bureau: Bureau,
  args: string[],
  io: ScoreCommandOutput,
): Promise<number> {
  const { values } = parse(args);
  const model = await bureau.scoreModels.latest();
  if (!model) throw new ScoreError('no score model has been built yet: run openbureau score build');
  const loaded = loadBureauScore(model);
  const population = await readPopulation(
    createPersonFileSample(bureau.database),
    model.features.currency,
    sampleOption(values.sample),
    values.month,
  );
  const report = monitorBureauScore(loaded, population.table, population.month);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(5, ...report.variables.map((v) => v.name.length));
  const row = (name: string, psi: number, reading: string, words: string) =>
    `  ${name.padEnd(width)}  PSI ${fixed(psi)}  ${reading.padEnd(6)}  ${words}`;
  const lines = [
    `model version ${report.model.version} (built ${report.model.createdAt}), training sample at ${report.model.trainingMonth}: ${whole(report.trainingPersons)} persons`,
    `current population at ${report.month}: ${whole(report.persons)} scorable persons of ${whole(population.personsRead)} read`,
    'population stability index, training sample -> now:',
    row(
      'score',
      report.score.psi,
      report.score.reading,
      `served score, over the ${report.score.groups.length} deciles of the training scores`,
    ),
    ...report.variables.map((v) => row(v.name, v.psi, v.reading, v.words)),
    `reading: below ${PSI_STABLE_BELOW} stable, ${PSI_STABLE_BELOW} to ${PSI_SHIFT_ABOVE} watch, above ${PSI_SHIFT_ABOVE} shift (rebuild: openbureau score build)`,
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
