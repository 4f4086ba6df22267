// Accuracy on FEBRL dataset3 (5,000 records of 2,000 persons; ../shared/data/febrl/README.md),
// soc_sec_id excluded: pairwise precision and recall computed here from rec_id (rec-N-org and
// rec-N-dup-K are person N), each at least 0.99.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { dedupe } from '../../../src/identity/linkage/dedupe.js';
import { pairwiseScores } from '../../../src/identity/linkage/pairwise-scores.js';
import { readPersonCsv } from '../../../src/identity/linkage/read-persons.js';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DATASET = join(repositoryRoot, '..', 'shared', 'data', 'febrl', 'dataset3.csv');
const present = existsSync(DATASET);

test('FEBRL dataset3 without soc_sec_id: pairwise precision and recall >= 0.99', {
  skip: present ? false : `${DATASET} is absent`,
}, async () => {
  const { store, plan } = await readPersonCsv(DATASET, {
    idColumn: 'rec_id',
    exclude: ['soc_sec_id'],
    map: [],
  });
  assert.equal(store.size, 5000);
  assert.ok(!plan.roles.some((r) => r.role === 'national_id'), 'soc_sec_id must not be matched on');
  const result = dedupe(store);
  const truth = Int32Array.from(store.recordIds, (id) => {
    const match = /^rec-(\d+)-(?:org|dup-\d+)$/.exec(id.trim());
    assert.ok(match, `unexpected rec_id ${id}`);
    return Number(match[1]);
  });
  const scores = pairwiseScores(result.clustering.clusterOf, truth);
  process.stdout.write(
    `FEBRL dataset3: ${result.candidates.count} pairs compared, precision ${scores.precision.toFixed(4)}, recall ${scores.recall.toFixed(4)} (${scores.truePositives} of ${scores.truePairs} true pairs, ${scores.predictedPairs} predicted)\n`,
  );
  assert.equal(scores.truePairs, 6538);
  assert.ok(scores.precision >= 0.99, `precision ${scores.precision}`);
  assert.ok(scores.recall >= 0.99, `recall ${scores.recall}`);
});

if (!present) process.stdout.write(`FEBRL accuracy test skipped: ${DATASET} is absent\n`);
