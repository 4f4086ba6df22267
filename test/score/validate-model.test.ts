import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScorecardModel } from '../../src/score/model-format.js';
import { trainScorecard } from '../../src/score/train.js';
import { validateModel } from '../../src/score/validate-model.js';
import { syntheticApplicants, TRAIN } from './score-fixtures.js';

const model = trainScorecard(syntheticApplicants(1500, 5), TRAIN);
const text = JSON.stringify(model);

/** A model file as plain JSON, to be spoilt. */
interface LooseBin {
  [key: string]: unknown;
  points: number;
  count: number;
  bad: number;
  lower: number;
  categories: string[];
}
interface LooseVariable {
  [key: string]: unknown;
  name: string;
  kind: string;
  bins: LooseBin[];
}
interface LooseModel {
  [key: string]: unknown;
  variables: LooseVariable[];
  scoreRange: { max: number };
  scaling: { factor: number };
  training: { auc: number };
}

/** The model with one change made to a fresh copy. */
function corrupt(change: (m: LooseModel) => void): unknown {
  const copy = JSON.parse(text);
  change(copy);
  return copy;
}

test('a model survives the JSON round trip and validates', () => {
  const loaded = validateModel(JSON.parse(text));
  assert.deepEqual(loaded, model as ScorecardModel);
  assert.equal(loaded.format, 'openbureau-scorecard');
  assert.equal(loaded.version, 1);
  assert.equal(loaded.createdAt, TRAIN.createdAt);
  assert.equal(loaded.scaling.odds, 'good:bad');
});

test('a corrupt model is refused with the path of the fault', () => {
  const cases: [string, (m: LooseModel) => void, RegExp][] = [
    [
      'an empty object',
      (m) => {
        for (const key of Object.keys(m)) delete m[key];
      },
      /format/,
    ],
    ['another format', (m) => (m.format = 'pmml'), /format: expected 'openbureau-scorecard'/],
    ['a newer version', (m) => (m.version = 2), /reads version 1, the file is version 2/],
    [
      'an edited point',
      (m) => (m.variables[0]!.bins[0]!.points += 5),
      /variables\[0\]\.bins\[0\]\.points: .* scaling formula/,
    ],
    [
      'a string for a WOE',
      (m) => (m.variables[1]!.bins[1]!.woe = 'high'),
      /variables\[1\]\.bins\[1\]\.woe: expected a finite number/,
    ],
    [
      'a null coefficient (NaN in JSON)',
      (m) => (m.variables[0]!.coefficient = null),
      /coefficient: expected a finite number/,
    ],
    [
      'no missing bin',
      (m) => m.variables[0]!.bins.pop(),
      /bins\[\d+\]\.kind: the last bin must be 'missing'/,
    ],
    [
      'a gap between ranges',
      (m) => {
        const numeric = m.variables.find((v) => v.kind === 'numeric')!;
        numeric.bins[1]!.lower += 0.5;
      },
      /without a gap/,
    ],
    [
      'a category in two bins',
      (m) => {
        const region = m.variables.find((v) => v.name === 'region')!;
        region.bins[1]!.categories.push(region.bins[0]!.categories[0]!);
      },
      /is in two bins/,
    ],
    [
      'more bad rows than rows',
      (m) => (m.variables[0]!.bins[0]!.bad = m.variables[0]!.bins[0]!.count + 1),
      /bad rows of/,
    ],
    ['a wrong score range', (m) => (m.scoreRange.max += 1), /scoreRange\.max/],
    ['a wrong factor', (m) => (m.scaling.factor = 20), /scaling\.factor/],
    ['a missing target', (m) => delete m.target, /target: expected an object/],
    ['a bad date', (m) => (m.createdAt = 'soon'), /createdAt/],
    ['an AUC above 1', (m) => (m.training.auc = 1.5), /training\.auc/],
    ['a bad unseen bin', (m) => (m.variables.find((v) => v.name === 'region')!.unseenBin = 99), /unseenBin/],
    ['a repeated variable', (m) => m.variables.push(m.variables[0]!), /repeated name|scaling formula/],
  ];
  for (const [what, change, message] of cases)
    assert.throws(() => validateModel(corrupt(change)), message, what);
  assert.throws(() => validateModel(null), /model: \(root\): expected an object/);
  assert.throws(() => validateModel([]), /expected an object/);
});
