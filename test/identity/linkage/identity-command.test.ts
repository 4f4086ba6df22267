import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { identityCommand } from '../../../src/cli/identity-command.js';
import { CsvParser, csvLine } from '../../../src/identity/linkage/csv.js';
import { entityOf, syntheticPeople } from './synthetic-people.js';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = ((chunk: string) => {
    stdout += chunk;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => {
    stderr += chunk;
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await identityCommand(args), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'identity-command-'));
const input = join(dir, 'people.csv');
const people = syntheticPeople(150, 8);
// FEBRL-style headers (leading spaces), CRLF, a quoted id with a comma, an unknown column, an
// identifier that looks like a phone number: it must not be matched on.
writeFileSync(
  input,
  [
    csvLine([
      'Record ID',
      ' First Name',
      ' Last_Name',
      ' DOB',
      ' street_number',
      ' address_1',
      ' City',
      ' ZIP',
      ' notes',
      ' cell',
    ]),
    ...people.map(({ id, person }, k) =>
      csvLine([
        k === 0 ? `${id},"quoted"` : id,
        person.given_name ?? '',
        person.surname ?? '',
        person.date_of_birth ?? '',
        person.street_number ?? '',
        person.address_1 ?? '',
        person.suburb ?? '',
        person.postcode ?? '',
        'free text',
        person.phone ?? '',
      ]),
    ),
  ]
    .join('')
    .replace(/\n/g, '\r\n'),
);

test('dedupe writes record_id,cluster_id for every row, in order, and reports what it did', async () => {
  const out = join(dir, 'out.csv');
  const { code, stdout } = await run([
    'dedupe',
    input,
    '--id-column',
    'record id',
    '--map',
    'cell=phone',
    '--out',
    out,
  ]);
  assert.equal(code, 0);
  assert.match(stdout, /read 150|read \d+ records/);
  assert.match(stdout, /roles: First Name=given_name, Last_Name=surname, DOB=date_of_birth/);
  assert.match(stdout, /not recognised \(ignored\): notes/);
  assert.match(stdout, /pairs compared: \d+/);
  assert.match(stdout, /clusters: \d+/);
  assert.match(stdout, /time: \d+\.\d s/);
  const rows: string[][] = [];
  const parser = new CsvParser((row) => rows.push(row));
  parser.push(readFileSync(out, 'utf8'));
  parser.end();
  assert.deepEqual(rows[0], ['record_id', 'cluster_id']);
  assert.equal(rows.length, people.length + 1);
  assert.equal(rows[1]![0], `${people[0]!.id},"quoted"`);
  for (let k = 2; k < rows.length; k++) assert.equal(rows[k]![0], people[k - 1]!.id);
  // Most records of one person share a cluster.
  const clusterOf = new Map(rows.slice(2).map(([id, cluster]) => [id!, cluster!]));
  let together = 0;
  let pairs = 0;
  for (const a of people.slice(1))
    for (const b of people.slice(1))
      if (a.id < b.id && entityOf(a.id) === entityOf(b.id)) {
        pairs++;
        if (clusterOf.get(a.id) === clusterOf.get(b.id)) together++;
      }
  assert.ok(together / pairs > 0.9, `${together} of ${pairs}`);
});

test('a threshold above every weight leaves every record alone', async () => {
  const out = join(dir, 'alone.csv');
  const { code } = await run([
    'dedupe',
    input,
    '--id-column',
    'Record ID',
    '--threshold',
    '1000',
    '--out',
    out,
  ]);
  assert.equal(code, 0);
  const clusters = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.slice(line.lastIndexOf(',') + 1));
  assert.equal(new Set(clusters).size, people.length);
});

test('bad arguments print the usage and exit 2', async () => {
  const out = join(dir, 'x.csv');
  for (const args of [
    [],
    ['merge'],
    ['dedupe', input, '--out', out],
    ['dedupe', input, '--id-column', 'Record ID'],
    ['dedupe', input, '--id-column', 'nope', '--out', out],
    ['dedupe', input, '--id-column', 'Record ID', '--map', 'cell=fax', '--out', out],
    ['dedupe', input, '--id-column', 'Record ID', '--threshold', 'high', '--out', out],
    ['dedupe', join(dir, 'missing.csv'), '--id-column', 'Record ID', '--out', out],
    ['dedupe', input, '--id-column', 'Record ID', '--bogus', '--out', out],
  ]) {
    const { code, stderr } = await run(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /usage: openbureau identity dedupe/);
  }
});
