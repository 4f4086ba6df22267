/**
 * `openbureau furnish FILE --format metro2 --as CODE`: a Metro 2 file furnished from the command
 * line (found by its header without --format), the parts printed, the same file again changes
 * nothing, exit codes 0 (all accepted), 1 (rejects), 2 (refused). The CLI runs in a process of its
 * own on an SQLite data folder of its own (on both test engines).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { m2Bytes, m2Record } from './metro2-fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'metro2-furnish-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  OPENBUREAU_DATA_DIR: dir,
  OPENBUREAU_MASTER_KEY: '07'.repeat(32),
  LOG_LEVEL: 'error',
};

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const script = `import { main } from './src/cli/main.ts'; process.exitCode = await main(${JSON.stringify(args)});`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

function write(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('openbureau furnish --format metro2', () => {
  test('a file is furnished, then replayed; rejects give exit 1; a refused file exit 2', () => {
    const added = cli(
      'institution',
      'add',
      '--name',
      'CLI Bank',
      '--kind',
      'bank',
      '--role',
      'furnisher',
      '--code',
      'cli-bank',
    );
    assert.equal(added.code, 0, added.stderr);

    const good = write(
      'good.dat',
      m2Bytes([
        m2Record(),
        m2Record({ base: { consumerAccountNumber: 'CLI-2', socialSecurityNumber: '401224567' } }),
      ]),
    );
    const first = cli('furnish', good, '--as', 'cli-bank', '--batch-id', 'cli-good');
    assert.equal(first.code, 0, first.stderr + first.stdout);
    assert.match(first.stdout, /^batch cli-good\.p1 \(records 2-3\): 6 lines, 6 accepted, 0 rejected$/m);
    const again = cli('furnish', good, '--as', 'cli-bank', '--batch-id', 'cli-good', '--json');
    assert.equal(again.code, 0, again.stderr);
    const json = JSON.parse(again.stdout);
    assert.deepEqual(
      json.parts.map((p: { replayed: boolean }) => p.replayed),
      [true],
    );

    const bad = write(
      'bad.dat',
      m2Bytes([m2Record({ base: { consumerAccountNumber: 'CLI-3', socialSecurityNumber: null } })]),
    );
    const rejected = cli('furnish', bad, '--format', 'metro2', '--as', 'cli-bank');
    assert.equal(rejected.code, 1, rejected.stderr);
    assert.match(
      rejected.stdout,
      /error M2-SSN-LINK \(record 2, account CLI-3, base\.socialSecurityNumber, byte 725\)/,
    );
    assert.match(rejected.stdout, /^batch file-[0-9a-f]{16}\.p1/m);

    const notMetro2 = write('not.dat', Buffer.from('HELLO\n'));
    const refused = cli('furnish', notMetro2, '--format', 'metro2', '--as', 'cli-bank');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /not a Metro 2 character file/);
  });
});
