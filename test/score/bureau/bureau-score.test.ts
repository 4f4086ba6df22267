/**
 * The bureau score end to end without a store: a demo market in memory, built through the same
 * builder as `score build` (in-memory ports), then served: score 0-1000, percentile, factors (2 in
 * China, 4 in the US) in plain words, contributions that add up to the score, "--" with the reason
 * without a model or without history; the explanation; monitoring; the model's validation.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { CHINA_PROFILE, US_PROFILE } from '../../../src/domain/jurisdiction.js';
import { buildCreditReport } from '../../../src/report/build-credit-report.js';
import { renderReportHtml } from '../../../src/report/render-html.js';
import { renderReportText } from '../../../src/report/render-text.js';
import type { PersonFile, ReportRequest } from '../../../src/report/report-types.js';
import { buildBureauScore } from '../../../src/score/bureau/build-bureau-score.js';
import {
  type BureauScoreModel,
  bureauScoreModelJson,
  parseBureauScoreModel,
  validateBureauScoreModel,
} from '../../../src/score/bureau/bureau-score-model.js';
import { explainScore } from '../../../src/score/bureau/explain-score.js';
import { FeatureTable } from '../../../src/score/bureau/feature-table.js';
import { type LoadedBureauScore, loadBureauScore } from '../../../src/score/bureau/loaded-score.js';
import { createScoreModelSource } from '../../../src/score/bureau/model-source.js';
import { monitorBureauScore, psiReading } from '../../../src/score/bureau/monitor.js';
import { readPopulation } from '../../../src/score/bureau/read-population.js';
import { NO_FILE_REASON, NO_MODEL_REASON, reportScoreOf } from '../../../src/score/bureau/report-score.js';
import { ScoreError } from '../../../src/score/score-error.js';
import {
  account,
  MEMORY_AS_OF,
  memoryDemoFiles,
  memoryModels,
  memorySource,
  personFile,
  run,
} from './bureau-score-fixtures.js';

const NOW = new Date('2026-07-10T09:00:00.000Z');
let files: PersonFile[];
let model: BureauScoreModel;
let loaded: LoadedBureauScore;

before(async () => {
  files = memoryDemoFiles(3000);
  model = await buildBureauScore(
    { files: memorySource(files), models: memoryModels(), currency: 'CNY', now: () => NOW },
    {},
  );
  loaded = loadBureauScore(model);
});

describe('building', () => {
  test('observation months: hold-out 12 months before the last month, training 6 before it', () => {
    assert.equal(model.version, 1);
    assert.equal(model.observation.historyTo, MEMORY_AS_OF);
    assert.equal(model.observation.holdoutMonth, '2025-06');
    assert.equal(model.observation.trainingMonth, '2024-12');
    assert.equal(model.population.month, MEMORY_AS_OF);
    assert.equal(model.sample.personsRead, 3000);
    assert.equal(model.sample.step, 1);
    assert.equal(model.training.persons, model.scorecard.data.rows);
    assert.equal(
      model.population.scoreCounts.reduce((a, b) => a + b, 0),
      model.population.persons,
    );
  });

  test('the demo market is predictable out of time (hold-out AUC well above chance)', () => {
    assert.ok(model.holdout.auc > 0.8, `hold-out AUC ${model.holdout.auc}`);
    assert.ok(model.holdout.notAlreadyBad.auc > 0.7, `not already bad ${model.holdout.notAlreadyBad.auc}`);
    assert.ok(model.holdout.notAlreadyBad.persons < model.holdout.persons, 'some are already bad');
  });

  test('the same data and date give the same model, byte for byte', async () => {
    const again = await buildBureauScore(
      { files: memorySource(files), models: memoryModels(), currency: 'CNY', now: () => NOW },
      {},
    );
    assert.equal(bureauScoreModelJson(again), bureauScoreModelJson(model));
  });

  test('a sample: every step-th person, at most the limit', async () => {
    const sampled = await buildBureauScore(
      { files: memorySource(files), models: memoryModels(), currency: 'CNY', now: () => NOW },
      { samplePersons: 1500 },
    );
    assert.equal(sampled.sample.step, 2);
    assert.equal(sampled.sample.personsRead, 1500);
    await assert.rejects(
      buildBureauScore(
        { files: memorySource(files), models: memoryModels(), currency: 'CNY', now: () => NOW },
        { samplePersons: 0 },
      ),
      ScoreError,
    );
  });

  test('too few bad persons, or a hold-out without its 12 months of outcome: a clear error', async () => {
    await assert.rejects(
      buildBureauScore(
        { files: memorySource(files.slice(0, 100)), models: memoryModels(), currency: 'CNY', now: () => NOW },
        {},
      ),
      /at least 20 of each/,
    );
    await assert.rejects(
      buildBureauScore(
        { files: memorySource(files), models: memoryModels(), currency: 'CNY', now: () => NOW },
        { holdoutMonth: '2025-07' },
      ),
      /needs 12 months of outcome/,
    );
  });

  test('the stored text validates and reads back the same; a tampered one is refused', () => {
    const text = bureauScoreModelJson(model);
    assert.deepEqual(parseBureauScoreModel(text), model);
    const tampered = JSON.parse(text);
    tampered.population.scoreCounts[500] += 1;
    assert.throws(() => validateBureauScoreModel(tampered), /population.scoreCounts: counts add up/);
    const renamed = JSON.parse(text);
    renamed.scorecard.variables[0].name = 'something_else';
    renamed.scorecard.candidates = renamed.scorecard.candidates.map((c: { name: string }) =>
      c.name === model.scorecard.variables[0]!.name ? { ...c, name: 'something_else' } : c,
    );
    assert.throws(() => validateBureauScoreModel(renamed), /not a candidate variable/);
  });
});

function request(at = NOW.toISOString()): ReportRequest {
  return {
    reportNumber: 'R20260710090000ABCDEF12',
    at,
    name: '王芳',
    idNumber: '11010519491231002X',
    queriedBy: { code: 'bank-a', name: 'Bank A', kind: 'bank' },
    reason: '02',
  };
}

describe('serving', () => {
  test('every scored person: 0-1000, a percentile, contributions that add up to the score', () => {
    for (const file of files.slice(0, 400)) {
      const s = reportScoreOf(file, MEMORY_AS_OF, loaded, 2);
      if (!s.available) continue;
      assert.ok(s.score! >= 0 && s.score! <= 1000, `score ${s.score}`);
      assert.ok(s.percentile! >= 0 && s.percentile! <= 99, `percentile ${s.percentile}`);
      const sum = s.contributions.reduce((total, c) => total + c.points, 0);
      assert.ok(Math.abs(sum - s.score!) <= 0.5 + 0.05 * s.contributions.length, `${sum} vs ${s.score}`);
      for (const c of s.contributions) assert.ok(c.points >= 0 && c.points <= c.maxPoints, c.variable);
      assert.ok(s.factors.length <= 2, 'at most 2 factors');
      for (const f of s.factors) assert.ok(f.pointsLost > 0 && !f.text.includes('_'), f.text);
    }
  });

  test('China gives up to 2 factors, the US up to 4 key factors, in the same order', () => {
    let withFour = 0;
    for (const file of files.slice(0, 300)) {
      const cn = buildCreditReport(file, request(), CHINA_PROFILE, { model: loaded }).summary.score!;
      const us = buildCreditReport(file, request(), US_PROFILE, { model: loaded }).summary.score!;
      if (!cn.available) continue;
      assert.ok(cn.factors.length <= 2 && us.factors.length <= 4, 'at most 2 and 4');
      assert.deepEqual(us.factors.slice(0, cn.factors.length), cn.factors);
      assert.equal(us.score, cn.score);
      if (us.factors.length === 4) withFour++;
      const lost = us.factors.map((f) => f.pointsLost);
      assert.deepEqual(
        lost,
        [...lost].sort((a, b) => b - a),
        'most points lost first',
      );
    }
    assert.ok(withFour > 0, 'some US reports give 4 key factors');
  });

  test('a higher score, a percentile at least as high', () => {
    const scored = files
      .slice(0, 500)
      .map((f) => reportScoreOf(f, MEMORY_AS_OF, loaded, 2))
      .filter((s) => s.available)
      .sort((a, b) => a.score! - b.score!);
    for (let i = 1; i < scored.length; i++)
      assert.ok(scored[i]!.percentile! >= scored[i - 1]!.percentile!, `percentile of ${scored[i]!.score}`);
  });

  test('"--" with the reason: no model, no file, no account yet', () => {
    const file = files[0]!;
    assert.equal(reportScoreOf(file, MEMORY_AS_OF, null, 2).reason, NO_MODEL_REASON);
    assert.equal(reportScoreOf(file, MEMORY_AS_OF, null, 2).model, null);
    const noFile = reportScoreOf(null, MEMORY_AS_OF, loaded, 2);
    assert.equal(noFile.available, false);
    assert.equal(noFile.score, null);
    assert.equal(noFile.reason, NO_FILE_REASON);
    assert.deepEqual(noFile.model, { version: 1, createdAt: NOW.toISOString() });
    const newcomer = personFile([account('2026-07-02', [])]);
    const s = buildCreditReport(newcomer, request(), CHINA_PROFILE, { model: loaded }).summary.score!;
    assert.equal(s.available, false);
    assert.match(s.reason!, /no credit history: no account opened by the end of 2026-06/);
    assert.deepEqual(s.factors, []);
    assert.deepEqual(explainScore(s), [`There is no score (--): ${s.reason}.`]);
  });

  test('a report built without the score source has no score; the score is as of the last full month', () => {
    assert.equal(buildCreditReport(files[0]!, request(), CHINA_PROFILE).summary.score, undefined);
    const s = buildCreditReport(files[0]!, request(), CHINA_PROFILE, { model: loaded }).summary.score!;
    assert.equal(s.asOfMonth, '2026-06');
  });

  test('a person overdue now scores low, with the overdue among the factors', () => {
    const file = personFile([
      account('2025-01-10', [...run('2025-02', '2026-02', 'N'), ...run('2026-03', '2026-06', '4')]),
    ]);
    const clean = personFile([account('2025-01-10', run('2025-02', '2026-06', 'N'))]);
    const overdue = reportScoreOf(file, MEMORY_AS_OF, loaded, 4);
    const good = reportScoreOf(clean, MEMORY_AS_OF, loaded, 4);
    assert.ok(overdue.score! < good.score!, `${overdue.score} < ${good.score}`);
    assert.ok(overdue.score! < 300, `overdue now: ${overdue.score}`);
    const delinquency = [
      'amt_overdue_all_minor',
      'dlq_open_all',
      'status_worst_now_all',
      'status_worst_12m_all',
      'status_worst_24m_all',
      'dlq_months_12m_all',
      'dlq_months_since_all',
      'acct_overdue_31d_60m_all',
    ];
    assert.ok(
      overdue.factors.some((f) => delinquency.includes(f.variable)),
      overdue.factors.map((f) => f.variable).join(', '),
    );
  });

  test('the page and the terminal show the score, the percentile and the factors, or "--" with why', () => {
    const file = files.find((f) => reportScoreOf(f, MEMORY_AS_OF, loaded, 2).factors.length === 2)!;
    const report = buildCreditReport(file, request(), CHINA_PROFILE, { model: loaded });
    const s = report.summary.score!;
    const text = renderReportText(report);
    assert.ok(
      text.includes(
        `Credit score    ${s.score} of 1000 (higher is safer), higher than ${s.percentile}% of scored persons`,
      ),
      'the score line',
    );
    assert.ok(
      text.includes(`  1. ${s.factors[0]!.text}`) && text.includes(`  2. ${s.factors[1]!.text}`),
      'factors',
    );
    const page = renderReportHtml(report);
    assert.ok(page.includes(`id="score-value">${s.score}<`), 'the score on the page');
    assert.ok(
      page.indexOf('id="summary-score"') < page.indexOf('id="summary-accounts"'),
      'first in the summary',
    );
    const none = buildCreditReport(null, request(), CHINA_PROFILE, { model: null });
    assert.ok(
      renderReportText(none).includes(`Credit score    -- (${NO_MODEL_REASON})`),
      'the reason in the terminal',
    );
    assert.ok(renderReportHtml(none).includes('id="score-value">--<'), '-- on the page');
    const older = buildCreditReport(file, request(), CHINA_PROFILE);
    assert.ok(!renderReportText(older).includes('Credit score'), 'a report kept without a score shows none');
  });

  test('the explanation names every variable with its points, then the factors', () => {
    const s = files
      .map((f) => reportScoreOf(f, MEMORY_AS_OF, loaded, 2))
      .find((x) => x.factors.length === 2)!;
    const lines = explainScore(s);
    assert.match(
      lines[0]!,
      new RegExp(`^Your score is ${s.score} of 1000 \\(higher is safer\\): higher than ${s.percentile}%`),
    );
    for (const c of s.contributions)
      assert.ok(
        lines.some((l) => l.startsWith(`- ${c.words}: ${c.group}:`)),
        c.variable,
      );
    assert.ok(lines.includes('What lowered your score the most:'), 'the factors');
    assert.ok(lines.at(-1)!.startsWith(`2. ${s.factors[1]!.text}`), 'the second factor last');
  });

  test('the model source loads once, checks again after its interval, and takes a newer model', async () => {
    const store = memoryModels();
    let now = 0;
    let looks = 0;
    const counting = {
      ...store,
      latestVersion: async () => {
        looks++;
        return store.latestVersion();
      },
    };
    const source = createScoreModelSource(counting, { refreshInterval_ms: 1000, nowMs: () => now });
    assert.equal(await source.current(), null);
    await store.save(model);
    assert.equal(await source.current(), null, 'within the interval: not looked at again');
    now = 1000;
    assert.equal((await source.current())?.model.version, 1);
    assert.equal(looks, 2);
    const built = await store.save(model);
    assert.equal(source.use(built).model.version, 2, 'a build in this process is served at once');
  });
});

describe('monitoring', () => {
  test('the training sample against itself: every index 0, stable', async () => {
    const training = await readPopulation(
      memorySource(files),
      'CNY',
      undefined,
      model.observation.trainingMonth,
    );
    assert.equal(training.table.rows, model.training.persons);
    const report = monitorBureauScore(loaded, training.table, training.month);
    assert.ok(Math.abs(report.score.psi) < 1e-12, `score ${report.score.psi}`);
    for (const v of report.variables) {
      assert.ok(Math.abs(v.psi) < 1e-12, `${v.name} ${v.psi}`);
      assert.equal(v.reading, 'stable');
    }
    assert.equal(report.variables.length, model.scorecard.variables.length);
  });

  test('a population unlike the training one: a shift', () => {
    const table = new FeatureTable(100);
    for (let i = 0; i < 100; i++) table.push({});
    const report = monitorBureauScore(loaded, table, MEMORY_AS_OF);
    assert.equal(report.score.reading, 'shift');
    for (const v of report.variables) assert.notEqual(v.reading, 'stable', `${v.name} ${v.psi}`);
  });

  test('the reading: < 0.1 stable, 0.1-0.25 watch, > 0.25 shift', () => {
    assert.equal(psiReading(0.0999), 'stable');
    assert.equal(psiReading(0.1), 'watch');
    assert.equal(psiReading(0.25), 'watch');
    assert.equal(psiReading(0.2501), 'shift');
  });
});
