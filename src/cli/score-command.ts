/**
 * `openbureau score evaluate FILE --target COL --bad VALUE [--folds 10] [--seed N] [--exclude COL ...] [--json]`
 * cross-validates the scorecard procedure on a CSV or ARFF file and prints the AUC and Gini
 * (mean and spread over stratified folds) and every variable's information value and whether
 * it was selected; `openbureau score train FILE --target COL --bad VALUE --out MODEL.json
 * [--base-score 600 --base-odds 50 --pdo 20]` trains on all rows and writes the model
 * (docs/score.md). Exit code 0: done; 2: bad arguments, or input that cannot be read or used.
 * `openbureau score build` and `score monitor` (the bureau score from the store): see
 * score-bureau-command.ts.
 *
 * @example
 *   openbureau score evaluate credit-g.arff --target class --bad bad --folds 10
 *   openbureau score train credit-g.arff --target class --bad bad --out model.json
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Bureau } from '../app/bureau.js';
import type { BinningOptions } from '../score/binning/binning-options.js';
import { crossValidate } from '../score/cross-validate.js';
import { readTable } from '../score/input/read-table.js';
import { type PreparedDataset, tableToDataset } from '../score/input/table-to-dataset.js';
import { DEFAULT_FOLDS, DEFAULT_SEED } from '../score/limits.js';
import type { ScorecardModel } from '../score/model-format.js';
import { parseDecimal } from '../score/parse-decimal.js';
import { ScoreError } from '../score/score-error.js';
import { type TrainOptions, trainScorecard } from '../score/train.js';
import { withBureau } from './cli-bureau.js';
import { BUREAU_SCORE_USAGE, runScoreBuild, runScoreMonitor } from './score-bureau-command.js';

const USAGE = `usage: openbureau score evaluate FILE --target COL --bad VALUE [--folds 10] [--seed 1] [--exclude COL ...] [--json]
       openbureau score train FILE --target COL --bad VALUE --out MODEL.json
                              [--base-score 600] [--base-odds 50] [--pdo 20] [--description TEXT] [--created DATE]

FILE is CSV with a header row (column types inferred: numeric when every non-empty value is a
number) or ARFF (.arff); either may be gzipped. Rows whose COL equals VALUE are bad, the others good.
Both commands also take: --binning monotonic|optimal (numeric variables; default monotonic),
--max-bins N (8), --min-bin-share S (0.05), --min-iv V (0.02), --max-correlation R (0.7),
--exclude COL (repeatable). Exit code 0: done, 2: bad arguments or unreadable input.
${BUREAU_SCORE_USAGE}`;

/**
 * Where the command writes: the process's streams, or a test's buffers.
 *
 * @example
 *   await scoreCommand(args, { stdout: { write: (t: string) => (out += t) }, stderr: process.stderr });
 */
export interface ScoreCommandOutput {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

function usage(io: ScoreCommandOutput, message?: string): number {
  if (message) io.stderr.write(`openbureau score: ${message}\n`);
  io.stderr.write(USAGE);
  return 2;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      target: { type: 'string' },
      bad: { type: 'string' },
      exclude: { type: 'string', multiple: true, default: [] },
      folds: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'base-score': { type: 'string' },
      'base-odds': { type: 'string' },
      pdo: { type: 'string' },
      description: { type: 'string' },
      created: { type: 'string' },
      binning: { type: 'string' },
      'max-bins': { type: 'string' },
      'min-bin-share': { type: 'string' },
      'min-iv': { type: 'string' },
      'max-correlation': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

type Values = ReturnType<typeof parse>['values'];

/** A numeric option, or undefined when absent; ScoreError when not a number. */
function numberOption(values: Values, name: keyof Values, integer = false): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const number = typeof text === 'string' ? parseDecimal(text) : null;
  if (number === null || (integer && !Number.isInteger(number)))
    throw new ScoreError(`--${name} expects ${integer ? 'an integer' : 'a number'}, got '${String(text)}'`);
  return number;
}

function trainOptions(values: Values, prepared: PreparedDataset): TrainOptions {
  const method = values.binning;
  if (method !== undefined && method !== 'monotonic' && method !== 'optimal')
    throw new ScoreError(`--binning expects 'monotonic' or 'optimal', got '${method}'`);
  const binning: Partial<BinningOptions> = {
    ...(method ? { numericMethod: method } : {}),
    ...(values['max-bins'] !== undefined ? { maxBins: numberOption(values, 'max-bins', true)! } : {}),
    ...(values['min-bin-share'] !== undefined ? { minBinShare: numberOption(values, 'min-bin-share')! } : {}),
  };
  const created = values.created ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(created))) throw new ScoreError(`--created expects a date, got '${created}'`);
  return {
    target: {
      column: prepared.target.column,
      badValue: prepared.target.badValue,
      description: values.description ?? `${prepared.target.column} = ${prepared.target.badValue}`,
    },
    createdAt: new Date(created).toISOString(),
    scaling: {
      ...(values['base-score'] !== undefined ? { baseScore: numberOption(values, 'base-score')! } : {}),
      ...(values['base-odds'] !== undefined ? { baseOdds: numberOption(values, 'base-odds')! } : {}),
      ...(values.pdo !== undefined ? { pdo: numberOption(values, 'pdo')! } : {}),
    },
    binning,
    selection: {
      ...(values['min-iv'] !== undefined ? { minIv: numberOption(values, 'min-iv')! } : {}),
      ...(values['max-correlation'] !== undefined
        ? { maxCorrelation: numberOption(values, 'max-correlation')! }
        : {}),
    },
  };
}

const fixed = (n: number, digits = 3): string => n.toFixed(digits);

function describeData(file: string, prepared: PreparedDataset): string {
  const { dataset, target } = prepared;
  const share = ((100 * target.bad) / dataset.rows).toFixed(1);
  return (
    `read ${file}: ${dataset.rows} rows, ${dataset.variables.length} variables ` +
    `(${prepared.numeric.length} numeric, ${prepared.categorical.length} categorical)` +
    (prepared.excluded.length > 0 ? `, excluded: ${prepared.excluded.join(', ')}` : '') +
    `\noutcome: ${target.column} = ${target.badValue}: ${target.bad} bad (${share}%), ${target.good} good\n`
  );
}

function describeVariables(model: ScorecardModel): string {
  const width = Math.max(8, ...model.candidates.map((c) => c.name.length));
  const lines = model.candidates.map(
    (c) =>
      `  ${c.name.padEnd(width)}  ${c.kind.padEnd(11)}  IV ${fixed(c.iv)}  ${String(c.bins).padStart(2)} bins  ${c.reason}`,
  );
  const selected = model.candidates.filter((c) => c.selected).length;
  const { minIv, maxCorrelation } = model.settings.selection;
  return (
    `variables by information value (all rows; bins include the missing bin):\n${lines.join('\n')}\n` +
    `selected: ${selected} of ${model.candidates.length} (IV >= ${minIv}, |correlation of WOE| <= ${maxCorrelation})\n`
  );
}

function evaluate(
  io: ScoreCommandOutput,
  file: string,
  values: Values,
  prepared: PreparedDataset,
  started: number,
): number {
  const folds = numberOption(values, 'folds', true) ?? DEFAULT_FOLDS;
  const seed = numberOption(values, 'seed', true) ?? DEFAULT_SEED;
  const options = trainOptions(values, prepared);
  const cv = crossValidate(prepared.dataset, { folds, seed, train: options });
  const model = trainScorecard(prepared.dataset, options);
  if (values.json) {
    const report = {
      file,
      rows: prepared.dataset.rows,
      target: prepared.target,
      folds,
      seed,
      auc: cv.auc,
      gini: cv.gini,
      perFold: cv.folds,
      variables: model.candidates,
    };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const out = io.stdout;
  out.write(describeData(file, prepared));
  out.write(
    `${folds}-fold stratified cross-validation (seed ${seed}), each fold binned and selected anew:\n`,
  );
  out.write(
    `  AUC   ${fixed(cv.auc.mean)} ± ${fixed(cv.auc.sd)} (folds from ${fixed(cv.auc.min)} to ${fixed(cv.auc.max)})\n`,
  );
  out.write(`  Gini  ${fixed(cv.gini.mean)} ± ${fixed(cv.gini.sd)}\n`);
  out.write('  (± is the standard deviation over folds)\n');
  out.write(describeVariables(model));
  out.write(`time: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

function train(
  io: ScoreCommandOutput,
  file: string,
  values: Values,
  prepared: PreparedDataset,
  started: number,
): number {
  const out = values.out;
  if (!out) throw new ScoreError('--out MODEL.json is required');
  const model = trainScorecard(prepared.dataset, trainOptions(values, prepared));
  try {
    writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
  } catch (error) {
    throw new ScoreError(`cannot write ${out}: ${(error as Error).message}`);
  }
  if (values.json) {
    const summary = {
      out,
      training: model.training,
      scoreRange: model.scoreRange,
      variables: model.variables.map((v) => v.name),
    };
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  }
  const s = model.scaling;
  const w = io.stdout;
  w.write(describeData(file, prepared));
  w.write(describeVariables(model));
  w.write(
    `scale: ${s.baseScore} points at ${s.baseOdds}:1 good:bad odds, ${s.pdo} points to double the odds; ` +
      `scores from ${model.scoreRange.min} to ${model.scoreRange.max} (higher is safer)\n`,
  );
  for (const variable of model.variables) {
    w.write(`  ${variable.name} (coefficient ${fixed(variable.coefficient)}):\n`);
    for (const bin of variable.bins)
      w.write(
        `    ${bin.label.padEnd(36)} ${String(bin.count).padStart(7)} rows  bad ${bin.badRate === null ? '  -  ' : `${(100 * bin.badRate).toFixed(1)}%`.padStart(6)}  WOE ${fixed(bin.woe).padStart(6)}  ${bin.points.toFixed(2).padStart(8)} points\n`,
      );
  }
  w.write(
    `training AUC ${fixed(model.training.auc)}, Gini ${fixed(model.training.gini)} (optimistic: see score evaluate)\n`,
  );
  w.write(`wrote ${out}\ntime: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

/**
 * Runs `openbureau score ...`; returns the exit code. Writes to `io` (default: the process's
 * standard output and error).
 *
 * @example
 *   process.exitCode = await scoreCommand(['evaluate', 'data.csv', '--target', 'default', '--bad', '1']);
 */
export async function scoreCommand(
  args: string[],
  io: ScoreCommandOutput = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (sub === 'build' || sub === 'monitor') return bureauScore(sub, rest, io);
  if (sub !== 'evaluate' && sub !== 'train')
    return usage(io, sub === undefined ? undefined : `unknown subcommand '${sub}'`);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) return usage(io, 'expected one input file');
  if (values.target === undefined) return usage(io, '--target COL is required');
  if (values.bad === undefined) return usage(io, '--bad VALUE is required');
  if (sub === 'train' && !values.out) return usage(io, '--out MODEL.json is required');
  const started = performance.now();
  try {
    const table = await readTable(file);
    const prepared = tableToDataset(table, {
      target: values.target,
      bad: values.bad,
      exclude: values.exclude,
    });
    return sub === 'evaluate'
      ? evaluate(io, file, values, prepared, started)
      : train(io, file, values, prepared, started);
  } catch (error) {
    if (error instanceof ScoreError) {
      io.stderr.write(`openbureau score: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * `score build` / `score monitor` on the bureau of the environment (DATABASE_URL, data folder);
 * `bureau` replaces it (tests). Exit code 2 on bad arguments or a ScoreError.
 *
 * @example
 *   await bureauScore('monitor', ['--json'], io);
 */
export async function bureauScore(
  sub: 'build' | 'monitor',
  args: string[],
  io: ScoreCommandOutput,
  bureau?: Bureau,
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const run = (b: Bureau) => (sub === 'build' ? runScoreBuild(b, args, io) : runScoreMonitor(b, args, io));
  try {
    return await (bureau ? run(bureau) : withBureau(run));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (error instanceof ScoreError || (code?.startsWith('ERR_PARSE_ARGS') ?? false)) {
      io.stderr.write(`openbureau score ${sub}: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
