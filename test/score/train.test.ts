import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { auc } from '../../src/score/auc.js';
import { compileScorecard } from '../../src/score/compile-scorecard.js';
import { datasetFromColumns, variableValue } from '../../src/score/dataset.js';
import { scalingConstants } from '../../src/score/scaling.js';
import { scoreRow } from '../../src/score/score-row.js';
import { trainScorecard } from '../../src/score/train.js';
import { validateModel } from '../../src/score/validate-model.js';
import { anyValue, randomDataset, syntheticApplicants, TRAIN } from './score-fixtures.js';

/** x = 0: 40 good, 10 bad; x = 1: 30 good, 20 bad. */
function twoBinData() {
  const x: number[] = [];
  const bad: number[] = [];
  for (const [value, goods, bads] of [
    [0, 40, 10],
    [1, 30, 20],
  ] as const)
    for (let i = 0; i < goods + bads; i++) {
      x.push(value);
      bad.push(i < bads ? 1 : 0);
    }
  return datasetFromColumns({ x }, bad);
}

test('by hand: WOE, IV, coefficient, intercept, points and AUC of a 2-bin scorecard', () => {
  const model = trainScorecard(twoBinData(), { ...TRAIN, ridge: 0 });
  const [variable] = model.variables;
  assert.ok(variable);
  assert.deepEqual(
    variable.bins.map((b) => [b.label, b.count, b.bad]),
    [
      ['< 0.5', 50, 10],
      ['>= 0.5', 50, 20],
      ['missing', 0, 0],
    ],
  );
  // WOE with 0.5 pseudo-rows a bin at the population's rate (70 good, 30 bad, 3 bins).
  const pg = 0.35;
  const pb = 0.15;
  const goods = 70 + 3 * pg;
  const bads = 30 + 3 * pb;
  const woe0 = Math.log((40 + pg) / goods / ((10 + pb) / bads));
  const woe1 = Math.log((30 + pg) / goods / ((20 + pb) / bads));
  const iv = ((40 + pg) / goods - (10 + pb) / bads) * woe0 + ((30 + pg) / goods - (20 + pb) / bads) * woe1;
  assert.ok(Math.abs(variable.bins[0]!.woe - woe0) < 1e-12);
  assert.ok(Math.abs(variable.bins[1]!.woe - woe1) < 1e-12);
  assert.equal(variable.bins[2]!.woe, 0);
  assert.ok(Math.abs(variable.iv - iv) < 1e-12);
  // The fit is saturated: each bin's log-odds ln(bad/good) is reproduced exactly.
  const beta = (Math.log(10 / 40) - Math.log(20 / 30)) / (woe0 - woe1);
  const intercept = Math.log(10 / 40) - beta * woe0;
  assert.ok(Math.abs(variable.coefficient - beta) < 1e-8, `${variable.coefficient} vs ${beta}`);
  assert.ok(Math.abs(model.intercept - intercept) < 1e-8);
  // Points: -(woe * beta + intercept / 1) * factor + offset / 1, so a bin's points are its
  // good:bad odds on the 600-at-50:1, 20-to-double scale.
  const { factor, offset } = scalingConstants({ baseScore: 600, baseOdds: 50, pdo: 20 });
  assert.ok(Math.abs(variable.bins[0]!.points - (offset + factor * Math.log(40 / 10))) <= 0.005 + 1e-6);
  assert.ok(Math.abs(variable.bins[1]!.points - (offset + factor * Math.log(30 / 20))) <= 0.005 + 1e-6);
  assert.ok(Math.abs(variable.bins[2]!.points - (offset - factor * intercept)) <= 0.005 + 1e-6);
  // AUC: bads in the riskier bin beat the goods of the safer one, ties count half.
  assert.ok(Math.abs(model.training.auc - (20 * 40 + 0.5 * (20 * 30 + 10 * 40)) / (30 * 70)) < 1e-12);
  assert.deepEqual(model.scoreRange, { min: variable.bins[1]!.points, max: variable.bins[0]!.points });
  assert.equal(scoreRow(model, { x: 0 }).score, variable.bins[0]!.points);
  assert.equal(scoreRow(model, { x: '1' }).score, variable.bins[1]!.points);
});

test('selection: noise dropped for low IV, a copy of a variable dropped for correlation, signs negative', () => {
  const model = trainScorecard(syntheticApplicants(3000, 7), TRAIN);
  const decision = (name: string) => model.candidates.find((c) => c.name === name)!;
  assert.deepEqual(model.variables.map((v) => v.name).sort(), ['age', 'debt', 'region']);
  assert.match(decision('noise').reason, /IV below 0.02/);
  assert.equal(decision('debt').iv, decision('debt_copy').iv);
  assert.match(decision('debt_copy').reason, /correlated with debt \(\|r\| = 1.00\)/);
  for (const variable of model.variables) assert.ok(variable.coefficient < 0, variable.name);
  for (let i = 1; i < model.candidates.length; i++)
    assert.ok(model.candidates[i - 1]!.iv >= model.candidates[i]!.iv, 'candidates by IV');
  assert.ok(model.training.auc > 0.7, `AUC ${model.training.auc}`);
  // Region: the rare island category (about 3%) is merged; unseen regions get the most neutral bin.
  const region = model.variables.find((v) => v.name === 'region')!;
  const unseen = region.bins[region.unseenBin!]!;
  assert.ok(region.bins.every((b) => Math.abs(b.woe) >= Math.abs(unseen.woe)));
  const result = scoreRow(model, { age: 30, debt: 2, region: 'atlantis' });
  assert.equal(result.points.find((p) => p.variable === 'region')!.bin, unseen.label);
});

test('nothing selected: an intercept-only model scores everyone alike', () => {
  const model = trainScorecard(syntheticApplicants(500, 3), { ...TRAIN, selection: { minIv: 100 } });
  assert.equal(model.variables.length, 0);
  assert.equal(model.scoreRange.min, model.scoreRange.max);
  assert.equal(scoreRow(model, { age: 20 }).score, model.basePoints);
  assert.deepEqual(scoreRow(model, {}).reasons, []);
  assert.equal(model.training.auc, 0.5);
  validateModel(JSON.parse(JSON.stringify(model)));
});

test('training refuses bad input with a clear message', () => {
  assert.throws(() => trainScorecard(datasetFromColumns({ x: [1, 2] }, [0, 0]), TRAIN), /bad and good/);
  assert.throws(() => trainScorecard(twoBinData(), { ...TRAIN, createdAt: 'yesterday' }), /ISO 8601/);
  assert.throws(
    () => trainScorecard(twoBinData(), { ...TRAIN, binning: { minBinShare: 0 } }),
    /minimum bin share/,
  );
  assert.throws(
    () => trainScorecard(twoBinData(), { ...TRAIN, selection: { maxCorrelation: 2 } }),
    /correlation/,
  );
  assert.throws(() => datasetFromColumns({ x: [1, Number.POSITIVE_INFINITY] }, [0, 1]), /finite/);
});

test('property: training is deterministic (byte-identical JSON) and writes a model that validates', () => {
  fc.assert(
    fc.property(randomDataset, (data) => {
      const first = JSON.stringify(trainScorecard(data, TRAIN));
      const second = JSON.stringify(trainScorecard(data, TRAIN));
      assert.equal(first, second);
      validateModel(JSON.parse(first));
    }),
    { numRuns: 60 },
  );
});

test('property: scoring never throws for any row and stays in the stated range; training scores agree', () => {
  fc.assert(
    fc.property(
      randomDataset,
      fc.array(fc.dictionary(fc.constantFrom('n0', 'n1', 'n2', 'c0', 'c1', 'other'), anyValue)),
      (data, rows) => {
        const model = trainScorecard(data, TRAIN);
        const { min, max } = model.scoreRange;
        for (const row of rows) {
          const result = scoreRow(model, row, 4);
          assert.ok(result.score >= min && result.score <= max, `${result.score} outside [${min}, ${max}]`);
          assert.ok(result.reasons.length <= 4);
        }
        const scorecard = compileScorecard(model);
        const risk = Array.from({ length: data.rows }, (_, i) => {
          const row = Object.fromEntries(data.variables.map((v) => [v.name, variableValue(v, i)]));
          const score = scoreRow(model, row).score;
          assert.equal(
            score,
            scorecard.scoreOf((name) => row[name]),
          );
          return -score;
        });
        assert.equal(auc(risk, data.bad), model.training.auc);
      },
    ),
    { numRuns: 60 },
  );
});
