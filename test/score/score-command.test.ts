import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { scoreCommand } from '../../src/cli/score-command.js';
import { validateModel } from '../../src/score/validate-model.js';
import { lcg } from './score-fixtures.js';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await scoreCommand(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'score-command-'));
const input = join(dir, 'loans.csv');
const random = lcg(21);
const lines = ['loan_id,utilisation,months_on_book,channel,status'];
for (let i = 0; i < 1500; i++) {
  const utilisation = Math.round(random() * 100);
  const months = Math.floor(random() * 60);
  const channel = ['branch', 'online', 'broker'][Math.floor(random() * 3)]!;
  const logit = -2 + 0.03 * utilisation - 0.02 * months + (channel === 'broker' ? 0.7 : 0);
  const status = random() < 1 / (1 + Math.exp(-logit)) ? 'default' : 'paying';
  lines.push(`L${i},${random() < 0.04 ? '' : utilisation},${months},${channel},${status}`);
}
writeFileSync(input, `${lines.join('\n')}\n`);
const base = [input, '--target', 'status', '--bad', 'default', '--exclude', 'loan_id'];

test('score evaluate prints the cross-validated AUC and Gini and the variables by IV', async () => {
  const { code, stdout, stderr } = await run(['evaluate', ...base, '--folds', '5', '--seed', '3']);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /1500 rows, 3 variables \(2 numeric, 1 categorical\), excluded: loan_id/);
  assert.match(stdout, /outcome: status = default: \d+ bad/);
  assert.match(stdout, /5-fold stratified cross-validation \(seed 3\)/);
  assert.match(stdout, /AUC {3}0\.\d{3} ± 0\.\d{3}/);
  assert.match(stdout, /Gini {2}0\.\d{3} ± 0\.\d{3}/);
  assert.match(stdout, /utilisation +numeric +IV \d\.\d{3} +\d+ bins +selected/);
});

test('score evaluate --json: the same figures, machine-readable and repeatable', async () => {
  const first = await run(['evaluate', ...base, '--folds', '4', '--json']);
  assert.equal(first.code, 0, first.stderr);
  const report = JSON.parse(first.stdout);
  assert.equal(report.folds, 4);
  assert.equal(report.perFold.length, 4);
  assert.ok(report.auc.mean > 0.65 && report.auc.mean < 0.95, `AUC ${report.auc.mean}`);
  assert.ok(Math.abs(report.gini.mean - (2 * report.auc.mean - 1)) < 1e-12);
  assert.deepEqual(report.variables.map((v: { name: string }) => v.name).sort(), [
    'channel',
    'months_on_book',
    'utilisation',
  ]);
  const second = await run(['evaluate', ...base, '--folds', '4', '--json']);
  assert.equal(second.stdout, first.stdout);
});

test('score train writes a model that validates, the same bytes for the same input and date', async () => {
  const out = join(dir, 'model.json');
  const args = [
    'train',
    ...base,
    '--out',
    out,
    '--created',
    '2025-03-01',
    '--base-score',
    '500',
    '--pdo',
    '40',
  ];
  const { code, stdout, stderr } = await run(args);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /scale: 500 points at 50:1 good:bad odds, 40 points to double the odds/);
  assert.match(stdout, /wrote .*model\.json/);
  const text = readFileSync(out, 'utf8');
  const model = validateModel(JSON.parse(text));
  assert.equal(model.createdAt, '2025-03-01T00:00:00.000Z');
  assert.equal(model.scaling.baseScore, 500);
  assert.equal(model.target.description, 'status = default');
  assert.equal((await run(args)).code, 0);
  assert.equal(readFileSync(out, 'utf8'), text);
});

test('bad arguments and unreadable input exit with 2 and say why', async () => {
  const cases: [string[], RegExp][] = [
    [[], /usage/],
    [['explain'], /unknown subcommand 'explain'/],
    [['evaluate', input, '--bad', 'x'], /--target COL is required/],
    [['evaluate', input, '--target', 'status'], /--bad VALUE is required/],
    [['train', ...base], /--out MODEL.json is required/],
    [['evaluate', ...base, '--folds', 'ten'], /--folds expects an integer, got 'ten'/],
    [['evaluate', ...base, '--folds', '1'], /folds must be an integer from 2/],
    [['evaluate', ...base, '--binning', 'best'], /--binning expects 'monotonic' or 'optimal'/],
    [['evaluate', ...base, '--colour'], /Unknown option '--colour'/],
    [['evaluate', join(dir, 'nothing.csv'), '--target', 'a', '--bad', 'b'], /cannot read .*nothing\.csv/],
    [['evaluate', input, '--target', 'status', '--bad', 'late'], /no row has status = 'late'/],
    [
      ['evaluate', input, '--target', 'status', '--bad', 'default'],
      /column 'loan_id' .* --exclude 'loan_id'/,
    ],
    [['train', ...base, '--out', join(dir, 'no', 'such', 'dir.json')], /cannot write/],
  ];
  for (const [args, message] of cases) {
    const { code, stderr } = await run(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, message);
  }
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /openbureau score train FILE/);
});
