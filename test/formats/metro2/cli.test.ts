/**
 * `openbureau metro2 validate|convert|print`: the JSON report's keys and counts, exit codes
 * (0 valid, 1 errors, 2 unreadable), conversion both ways (moov's JSON too), and the listing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, test } from 'node:test';
import { metro2Command } from '../../../src/cli/metro2-command.js';
import { EXAMPLE_TODAY } from '../../../src/formats/metro2/example-file.js';
import { MAX_FINDINGS_KEPT } from '../../../src/formats/metro2/limits.js';
import { computeTrailer } from '../../../src/formats/metro2/write-metro2.js';
import { bytesOf, CFPB, exampleFile, MOOV, skipWithoutShared } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'metro2-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await metro2Command(args, { stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

function write(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const today = ['--today', EXAMPLE_TODAY];

describe('openbureau metro2', () => {
  test('validate --json on a valid file: the stated keys, exit 0', async () => {
    const file = exampleFile();
    file.data[0]!.j1.push({
      surname: 'DOE',
      firstName: 'JOHN',
      middleName: '',
      generationCode: '',
      socialSecurityNumber: '401234568',
      dateBirth: '1979-02-02',
      telephoneNumber: null,
      ecoaCode: '2',
      consumerInformationIndicator: '',
    });
    file.trailer = computeTrailer(file);
    const path = write('valid.dat', bytesOf(file));
    const { code, stdout } = await run('validate', path, '--json', ...today);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    for (const key of [
      'records',
      'unparseable',
      'segments',
      'accountStatus',
      'currentBalanceTotal',
      'errors',
      'valid',
    ])
      assert.ok(key in report, key);
    assert.equal(report.records, 1);
    assert.equal(report.unparseable, 0);
    assert.deepEqual(report.segments, { J1: 1, J2: 0, K1: 0, K2: 0, K3: 0, K4: 0, L1: 0, N1: 0 });
    assert.deepEqual(report.accountStatus, { '11': 1 });
    assert.equal(report.currentBalanceTotal, 14500);
    assert.deepEqual(report.errors, []);
    assert.equal(report.valid, true);
    assert.equal(report.findingsLimit, MAX_FINDINGS_KEPT);
    assert.match(report.note, new RegExp(String(MAX_FINDINGS_KEPT)));
  });

  test('validate: errors exit 1 and are listed with their positions; without --json, grouped by rule', async () => {
    const file = exampleFile();
    Object.assign(file.data[0]!.base, { accountStatus: '13', paymentRating: '0', dateClosed: '2025-05-20' });
    file.trailer = computeTrailer(file);
    const path = write('invalid.dat', bytesOf(file));
    const json = await run('validate', path, '--json', ...today);
    assert.equal(json.code, 1);
    const report = JSON.parse(json.stdout);
    assert.equal(report.valid, false);
    const finding = report.errors.find((f: { rule: string }) => f.rule === 'B-ZERO-BALANCE');
    assert.deepEqual(
      { ...finding, message: undefined },
      {
        severity: 'error',
        rule: 'B-ZERO-BALANCE',
        recordNumber: 2,
        accountNumber: 'EX0000000001',
        segment: 'base',
        segmentNumber: null,
        field: 'currentBalance',
        filePosition: 427 + 155,
        recordPosition: 155,
        message: undefined,
      },
    );
    const text = await run('validate', path, ...today);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /NOT VALID/);
    assert.match(text.stdout, /\nB-ZERO-BALANCE \(error, 1\): /);
    assert.match(text.stdout, /record 2, account EX0000000001, base\.currentBalance, byte 582: status 13/);
  });

  test('validate: an unreadable file exits 2 (packed, not Metro 2, missing)', async () => {
    assert.equal((await run('validate', write('garbage.dat', 'hello world'), '--json')).code, 2);
    assert.equal((await run('validate', join(dir, 'missing.dat'))).code, 2);
    assert.equal((await run('validate')).code, 2);
    const packed = await run(
      'validate',
      write('packed.dat', Buffer.from([1, 0x72, 0, 0, 1, 0x6e, 0, 0])),
      '--json',
    );
    assert.equal(packed.code, 2);
    assert.equal(JSON.parse(packed.stdout).errors[0].rule, 'FILE-PACKED');
  });

  test('convert Metro 2 -> JSON -> Metro 2 gives the same bytes; print lists the records', async () => {
    const bytes = bytesOf(exampleFile());
    const dat = write('round.dat', bytes);
    const json = join(dir, 'round.json');
    const back = join(dir, 'back.dat');
    assert.equal((await run('convert', dat, json)).code, 0);
    const model = JSON.parse(readFileSync(json, 'utf8'));
    assert.equal(model.data[0].base.consumerAccountNumber, 'EX0000000001');
    assert.equal((await run('convert', json, back)).code, 0);
    assert.ok(readFileSync(back).equals(bytes));
    assert.equal((await run('convert', dat, join(dir, 'same.dat'))).code, 2);
    const printed = await run('print', dat, ...today);
    assert.equal(printed.code, 0);
    assert.match(printed.stdout, /record 2: account EX0000000001 at byte 428/);
    assert.match(printed.stdout, /currentBalance\s+14500/);
    const printedJson = await run('print', json, ...today);
    assert.equal(printedJson.stdout, printed.stdout);
  });

  test('the moov 10k JSON file converts to Metro 2 and validates', {
    skip: skipWithoutShared(MOOV),
    timeout: 60_000,
  }, async () => {
    const input = join(MOOV, 'pkg', 'server', 'testdata', '10k_record.json.gz');
    const out = join(dir, '10k.dat');
    const converted = await run('convert', input, out);
    assert.equal(converted.code, 1); // the JSON has values that do not fit (27-character identification numbers)
    assert.match(converted.stderr, /10000 data records written/);
    const report = JSON.parse((await run('validate', out, '--json', ...today)).stdout);
    assert.equal(report.records, 10_000);
    assert.equal(report.unparseable, 0);
    assert.equal(report.segments.J1, 753);
    assert.equal(report.segments.J2, 667);
    assert.equal(report.accountStatus['13'], 3933);
    assert.equal(report.errors.length, MAX_FINDINGS_KEPT);
    assert.equal(report.findingsTruncated, true);
    assert.equal(report.findingsByRule['T-TOTAL'], undefined);
    const direct = JSON.parse((await run('validate', input, '--json', ...today)).stdout);
    assert.equal(direct.format, 'json');
    assert.equal(direct.records, 10_000);
    assert.equal(direct.currentBalanceTotal, report.currentBalanceTotal);
  });

  test('a CFPB file: validate reports the unparseable line and still counts the rest', {
    skip: skipWithoutShared(CFPB),
  }, async () => {
    const { code, stdout } = await run(
      'validate',
      join(CFPB, 'm2_file_small_with_error.txt'),
      '--json',
      ...today,
    );
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.equal(report.records, 2);
    assert.equal(report.unparseable, 1);
    assert.equal(report.segments.K1, 1);
  });
});
