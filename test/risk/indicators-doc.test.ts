/**
 * The indicator catalogue: names follow the grammar, are unique and match the computed values;
 * docs/indicators.md is what indicatorsMarkdown() produces now (regenerate it otherwise).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { computeIndicators } from '../../src/risk/compute-indicators.js';
import { INDICATOR_DEFINITIONS, INDICATOR_NAMES } from '../../src/risk/indicator-names.js';
import {
  INDICATORS_DOC_PATH,
  indicatorsMarkdown,
  REGENERATE_INDICATORS_DOC,
} from '../../src/risk/indicators-markdown.js';
import { GROUP_IDS } from '../../src/risk/institution-groups.js';
import { PRELENDING_RULES } from '../../src/risk/prelending-rules.js';
import { WINDOW_IDS } from '../../src/risk/time-windows.js';
import { AS_OF } from './risk-fixtures.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('docs/indicators.md is up to date', () => {
  let committed = '';
  try {
    committed = readFileSync(join(root, INDICATORS_DOC_PATH), 'utf8');
  } catch {
    assert.fail(`${INDICATORS_DOC_PATH} is missing: run ${REGENERATE_INDICATORS_DOC}`);
  }
  assert.ok(
    committed === indicatorsMarkdown(),
    `${INDICATORS_DOC_PATH} is out of date: run ${REGENERATE_INDICATORS_DOC}`,
  );
});

test('every name follows the grammar, once, with a definition and a unit', () => {
  const windows = WINDOW_IDS.join('|');
  const groups = GROUP_IDS.join('|');
  const grammar = new RegExp(
    `^(?:(?:inq_hard|inq_hard_raw|inq_inst|acct_new|acct_new_inst)_(?:${windows})_(?:${groups})` +
      `|amt_new_(?:${windows})_(?:${groups})_minor` +
      `|(?:acct_open|lender_open|dlq_open)_(?:${groups})` +
      `|(?:bal_open|limit_rev|pay_sched)_(?:${groups})_minor` +
      '|util_rev_all|amt_overdue_all_minor|status_worst_now_all|status_worst_24m_all|dlq_months_since_all|acct_open_other_ccy_all)$',
  );
  assert.equal(new Set(INDICATOR_NAMES).size, INDICATOR_NAMES.length);
  // 6 windowed metrics x 5 windows x 11 groups + 6 current metrics x 11 groups + 6 whole-file metrics.
  assert.equal(INDICATOR_NAMES.length, 6 * 5 * 11 + 6 * 11 + 6);
  for (const d of INDICATOR_DEFINITIONS) {
    assert.match(d.name, grammar);
    assert.equal(d.name.endsWith('_minor'), d.unit === 'minor', d.name);
    assert.ok(d.definition.length > 20 && !d.definition.includes('\n'), d.name);
  }
  const definitions = new Set(INDICATOR_DEFINITIONS.map((d) => d.definition));
  assert.equal(definitions.size, INDICATOR_DEFINITIONS.length, 'two indicators share a definition');
});

test('the computed values are exactly the catalogue, in its order', () => {
  assert.deepEqual(Object.keys(computeIndicators(null, AS_OF).values), [...INDICATOR_NAMES]);
});

test('the document names every indicator and every rule', () => {
  const markdown = indicatorsMarkdown();
  for (const d of INDICATOR_DEFINITIONS)
    assert.ok(markdown.includes(`| \`${d.name}\` | ${d.unit} |`), d.name);
  for (const r of PRELENDING_RULES) assert.ok(markdown.includes(`| \`${r.id}\` | ${r.source} |`), r.id);
  assert.ok(markdown.includes(`${INDICATOR_NAMES.length} indicators.`));
});
