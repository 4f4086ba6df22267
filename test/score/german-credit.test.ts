// The German Credit data (1,000 applicants, 30% bad) as Debian's weka package ships it:
// `apt-get install weka` puts it at /usr/share/doc/weka/examples/credit-g.arff (older packages
// gzip it). OPENBUREAU_CREDIT_G may name another copy. Without the file the test is skipped.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { crossValidate } from '../../src/score/cross-validate.js';
import { readTable } from '../../src/score/input/read-table.js';
import { tableToDataset } from '../../src/score/input/table-to-dataset.js';
import { TRAIN } from './score-fixtures.js';

const CANDIDATES = [
  process.env.OPENBUREAU_CREDIT_G,
  '/usr/share/doc/weka/examples/credit-g.arff',
  '/usr/share/doc/weka/examples/credit-g.arff.gz',
  '/usr/share/weka/data/credit-g.arff',
].filter((p): p is string => typeof p === 'string' && p !== '');
const path = CANDIDATES.find((p) => existsSync(p));
const skip = path
  ? false
  : `German Credit data not found (${CANDIDATES.join(', ')}): apt-get install weka, or set OPENBUREAU_CREDIT_G`;

test('German Credit: 10-fold cross-validated AUC >= 0.77', { skip }, async () => {
  const table = await readTable(path!);
  const prepared = tableToDataset(table, { target: 'class', bad: 'bad' });
  assert.equal(prepared.dataset.rows, 1000);
  assert.equal(prepared.target.bad, 300);
  assert.equal(prepared.numeric.length, 7);
  assert.equal(prepared.categorical.length, 13);
  const cv = crossValidate(prepared.dataset, {
    folds: 10,
    seed: 1,
    train: { ...TRAIN, target: { column: 'class', badValue: 'bad', description: 'class = bad' } },
  });
  process.stdout.write(
    `German Credit, 10 folds, seed 1: AUC ${cv.auc.mean.toFixed(4)} ± ${cv.auc.sd.toFixed(4)}, Gini ${cv.gini.mean.toFixed(4)}\n`,
  );
  assert.ok(cv.auc.mean >= 0.77, `mean AUC ${cv.auc.mean}`);
  for (const fold of cv.folds) assert.equal(fold.rows, 100);
});
