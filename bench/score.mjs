/**
 * Bureau score benchmark, standalone (imports dist/: run `npm run build` first):
 *
 *   npm run build && node --expose-gc bench/score.mjs
 *   BENCH_SCORE_PERSONS=100000 node bench/score.mjs      # a quick run
 *
 * Without a store: a pool of BENCH_SCORE_POOL (default 20,000) demo persons is generated in
 * memory (30 months of history, src/demo, as `npm start` does, turned into person files by
 * demoPersonFiles), and a model is built on the pool with the same builder as `openbureau score
 * build` (in-memory ports). Then:
 *
 * 1. Batch scoring: BENCH_SCORE_PERSONS (default 1,000,000) persons scored one after the other,
 *    each from its person file (the pool's files in turn: every person's variables are computed
 *    anew from the file, nothing is cached) - cutting the file at the month, the multi-lending
 *    indicators, the history variables, the scorecard - as persons/s on one core. The store's
 *    reads are not included (the report benchmark measures them).
 * 2. The latency the score adds to a report: buildCreditReport of BENCH_SCORE_REPORTS (default
 *    10,000) pool persons, each built without and with the score (interleaved, the order
 *    alternating, after a warm-up): p50 and p99 of each and their differences; and the p50 and
 *    p99 of the score's own step (reportScoreOf: cut, variables, scorecard, percentile, words).
 *
 * One JSON line: figures, targets (>= 10,000 persons/s on one core: 1,000,000 persons in under
 * 100 s; the p99 of a report with the score at most 1 ms above the p99 without) and met.
 */
import { performance } from 'node:perf_hooks';
import { demoMarketChunks } from '../dist/demo/demo-market.js';
import { demoPersonFiles } from '../dist/demo/demo-person-files.js';
import { CHINA_PROFILE } from '../dist/domain/jurisdiction.js';
import { buildCreditReport } from '../dist/report/build-credit-report.js';
import { buildBureauScore } from '../dist/score/bureau/build-bureau-score.js';
import { bureauFeatures } from '../dist/score/bureau/bureau-features.js';
import { loadBureauScore } from '../dist/score/bureau/loaded-score.js';
import { reportScoreOf } from '../dist/score/bureau/report-score.js';

const POOL = Number(process.env.BENCH_SCORE_POOL ?? 20_000);
const PERSONS = Number(process.env.BENCH_SCORE_PERSONS ?? 1_000_000);
const REPORTS = Number(process.env.BENCH_SCORE_REPORTS ?? 10_000);
const WARMUP = 1_000;
const AS_OF = '2026-06';
const TODAY = '2026-07-10';
const REPORT_AT = '2026-07-10T09:00:00.000Z';
const TARGETS = { personsPerSecond: 10_000, addedP99Ms: 1 };
const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------- the pool and its model

const g0 = performance.now();
const files = [];
for (const chunk of demoMarketChunks({
  seed: 20260101,
  persons: POOL,
  months: 30,
  asOfMonth: AS_OF,
  today: TODAY,
}))
  for (const file of demoPersonFiles(chunk)) files.push(file);
const generateSeconds = (performance.now() - g0) / 1000;

let first = '';
let last = '';
for (const f of files)
  for (const a of f.accounts)
    for (const m of a.months) {
      if (first === '' || m.month < first) first = m.month;
      if (m.month > last) last = m.month;
    }
const source = {
  historyMonths: async () => ({ first, last }),
  countPersons: async () => files.length,
  async *scan({ step, limit }) {
    const chosen = files.filter((f) => f.personId % step === 0).slice(0, limit);
    for (let i = 0; i < chosen.length; i += 500) yield chosen.slice(i, i + 500);
  },
};
const models = {
  save: async (model) => ({ ...model, version: 1 }),
  latestVersion: async () => null,
  latest: async () => null,
};
const b0 = performance.now();
const model = await buildBureauScore(
  { files: source, models, currency: 'CNY', now: () => new Date(REPORT_AT) },
  { samplePersons: POOL },
);
const buildSeconds = (performance.now() - b0) / 1000;
const loaded = loadBureauScore(model);

// ---------------------------------------------------------------- 1. batch scoring

globalThis.gc?.();
let checksum = 0;
const t0 = performance.now();
for (let i = 0; i < PERSONS; i++) {
  const values = bureauFeatures(files[i % files.length], AS_OF, 'CNY');
  checksum += loaded.scale.toServed(loaded.compiled.scoreOf((name) => values[name]));
}
const seconds = (performance.now() - t0) / 1000;

// ---------------------------------------------------------------- 2. added report latency

const request = (i) => ({
  reportNumber: 'R20260710090000ABCDEF12',
  at: REPORT_AT,
  name: '王芳',
  idNumber: files[i].idNumber,
  queriedBy: { code: 'bank-a', name: 'Bank A', kind: 'bank' },
  reason: '02',
});
const scoreInput = { model: loaded };
for (let i = 0; i < WARMUP; i++) {
  buildCreditReport(files[i % files.length], request(i % files.length), CHINA_PROFILE);
  buildCreditReport(files[i % files.length], request(i % files.length), CHINA_PROFILE, scoreInput);
}
globalThis.gc?.();
const without = new Float64Array(REPORTS);
const withScore = new Float64Array(REPORTS);
const scoreStep = new Float64Array(REPORTS);
let scored = 0;
const timed = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
for (let i = 0; i < REPORTS; i++) {
  const k = i % files.length;
  const r = request(k);
  const plain = () => buildCreditReport(files[k], r, CHINA_PROFILE);
  const scoredReport = () => {
    if (buildCreditReport(files[k], r, CHINA_PROFILE, scoreInput).summary.score?.available) scored++;
  };
  if (i % 2 === 0) {
    without[i] = timed(plain);
    withScore[i] = timed(scoredReport);
  } else {
    withScore[i] = timed(scoredReport);
    without[i] = timed(plain);
  }
  scoreStep[i] = timed(() => reportScoreOf(files[k], AS_OF, loaded, 2));
}
const quantile = (values, q) => {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (n) => Math.round(n * 1000) / 1000;

const result = {
  bench: 'score',
  node: process.version,
  pool: files.length,
  generateSeconds: round(generateSeconds, 1),
  buildSeconds: round(buildSeconds, 2),
  holdoutAuc: round(model.holdout.auc, 4),
  holdoutAucNotAlreadyBad: round(model.holdout.notAlreadyBad.auc, 4),
  variables: model.scorecard.variables.length,
  persons: PERSONS,
  seconds: round(seconds, 2),
  personsPerSecond: Math.round(PERSONS / seconds),
  meanScore: round(checksum / PERSONS, 1),
  reports: REPORTS,
  reportsScored: scored,
  reportP50Ms: ms(quantile(without, 0.5)),
  reportP99Ms: ms(quantile(without, 0.99)),
  reportWithScoreP50Ms: ms(quantile(withScore, 0.5)),
  reportWithScoreP99Ms: ms(quantile(withScore, 0.99)),
  addedP50Ms: ms(quantile(withScore, 0.5) - quantile(without, 0.5)),
  addedP99Ms: ms(quantile(withScore, 0.99) - quantile(without, 0.99)),
  scoreStepP50Ms: ms(quantile(scoreStep, 0.5)),
  scoreStepP99Ms: ms(quantile(scoreStep, 0.99)),
  targets: TARGETS,
};
result.met = result.personsPerSecond >= TARGETS.personsPerSecond && result.addedP99Ms <= TARGETS.addedP99Ms;
process.stdout.write(`${JSON.stringify(result)}\n`);
if (!result.met) process.exitCode = 1;
