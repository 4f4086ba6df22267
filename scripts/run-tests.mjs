// Runs every test file under test/ with Node's own test runner (TypeScript through tsx).
// Node 20's runner takes no globs, so the files are listed here. Set TEST_ONLY=substring to filter.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function list(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...list(path));
    else if (name.endsWith('.test.ts')) files.push(path);
  }
  return files;
}

const only = process.env.TEST_ONLY;
const files = list('test').filter((f) => !only || f.includes(only));
const engine = process.env.DATABASE_URL ? 'postgresql' : 'sqlite';
process.stdout.write(`openbureau tests: ${files.length} files on ${engine}\n`);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: process.env },
);
process.exit(result.status ?? 1);
