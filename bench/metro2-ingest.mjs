/**
 * Metro 2 ingest throughput and memory, standalone (imports dist/: run `npm run build` first):
 *
 *   npm run build && node bench/metro2-ingest.mjs
 *
 * Generates a character-format file of BENCH_M2_RECORDS data records (default 1,000,000; one
 * record per line; every record a distinct consumer SSN and account number; 10% with a J1 and 5%
 * with a J2 segment, each associated consumer with an SSN of their own; statuses current, 30 days
 * past due and paid) into a temp directory, streaming it to disk, with a trailer that matches.
 * Then a child process (Node flags of `npm start`: --max-semi-space-size=8) creates a fresh SQLite
 * store in a temp directory and furnishes the file with furnishMetro2 (streaming read, every
 * Metro 2 field check and rule, the mapping, every canonical rule, one transaction per part of at
 * most 20,000 lines), so that its peak RSS (VmHWM) is that of the ingest alone. One JSON line is
 * printed: records, seconds, records/s, peak RSS, parts, lines accepted and rejected, and the rows
 * stored per table. Target: >= 30,000 records/s. With BENCH_M2_NEXT_MONTH=1 the child then
 * furnishes the next month's file of the same accounts (the steady state of a monthly furnisher:
 * persons and accounts on file, a new monthly state each) and reports it as `nextMonth`.
 * BENCH_CPU_PROF=1 writes a CPU profile of the child to bench/out/. The temp files are deleted at
 * the end (BENCH_M2_KEEP=1 keeps them).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CHINA_PROFILE } from '../dist/domain/jurisdiction.js';
import { furnishMetro2 } from '../dist/furnish/metro2-ingest.js';
import { createPiiCipher } from '../dist/identity/pii-cipher.js';
import { createFurnishStore } from '../dist/store/furnish-repository.js';
import { migrate } from '../dist/store/migrate.js';
import { openDatabase } from '../dist/store/open-database.js';
import { generateMetro2File } from './metro2-generate.mjs';

const RECORDS = Number(process.env.BENCH_M2_RECORDS ?? 1_000_000);
const NEXT_MONTH = process.env.BENCH_M2_NEXT_MONTH === '1';
const TARGET_RECORDS_PER_SECOND = 30_000;
const MB = 1024 * 1024;
const NODE_FLAGS = ['--max-semi-space-size=8'];
const TABLES = [
  'persons',
  'national_id_index',
  'identity_attributes',
  'accounts',
  'account_index',
  'account_months',
  'batches',
  'rejects',
];

const procStatusKb = (field) => {
  const match = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) : null;
};

/** Ingests `path` (then `nextPath`, if any) into a fresh SQLite store in `dir` and prints the measures
 *  as JSON (the child's part). */
async function ingestOnly(path, dir, nextPath) {
  const db = await openDatabase({ sqlitePath: join(dir, 'bench.sqlite') });
  await migrate(db);
  const deps = {
    store: createFurnishStore(db),
    cipher: createPiiCipher(randomBytes(32)),
    profile: CHINA_PROFILE,
  };
  globalThis.gc?.();
  const rssBeforeMB = process.memoryUsage().rss / MB;
  const t0 = performance.now();
  const result = await furnishMetro2(deps, { furnisherId: 1, batchId: 'bench', source: path });
  const seconds = (performance.now() - t0) / 1000;
  let nextMonth = null;
  if (nextPath) {
    const t1 = performance.now();
    const next = await furnishMetro2(deps, { furnisherId: 1, batchId: 'bench-next', source: nextPath });
    const nextSeconds = (performance.now() - t1) / 1000;
    nextMonth = {
      seconds: nextSeconds,
      recordsPerSecond: Math.round(next.records / nextSeconds),
      accepted: next.accepted,
      rejected: next.rejected,
    };
  }
  const rows = {};
  for (const table of TABLES) {
    const row = await db.db.selectFrom(table).select(db.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    rows[table] = Number(row.n);
  }
  await db.close();
  process.stdout.write(
    `${JSON.stringify({
      records: result.records,
      seconds,
      peakRssMB: (procStatusKb('VmHWM') ?? 0) / 1024,
      rssBeforeMB,
      parts: result.parts.length,
      lines: result.lines,
      accepted: result.accepted,
      rejected: result.rejected,
      errors: result.errors,
      warnings: result.warnings,
      rows,
      nextMonth,
      firstFindings: result.findings.slice(0, 5),
    })}\n`,
  );
}

if (process.argv[2] === '--ingest-only') {
  await ingestOnly(process.argv[3], process.argv[4], process.argv[5]);
  process.exit(0);
}

const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const dir = mkdtempSync(join(tmpdir(), 'metro2-ingest-bench-'));
const path = join(dir, 'bench.dat');
try {
  const g0 = performance.now();
  await generateMetro2File(path, RECORDS);
  const nextPath = join(dir, 'bench-next.dat');
  if (NEXT_MONTH) await generateMetro2File(nextPath, RECORDS, 1);
  const generateSeconds = (performance.now() - g0) / 1000;
  const bytes = statSync(path).size;
  const profileDir = fileURLToPath(new URL('./out/', import.meta.url));
  const profile = process.env.BENCH_CPU_PROF === '1';
  if (profile) mkdirSync(profileDir, { recursive: true });
  const child = spawnSync(
    process.execPath,
    [
      ...NODE_FLAGS,
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      fileURLToPath(import.meta.url),
      '--ingest-only',
      path,
      dir,
      ...(NEXT_MONTH ? [nextPath] : []),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`ingest child failed (${child.status})`);
  const v = JSON.parse(child.stdout);
  const result = {
    bench: 'metro2-ingest',
    engine: 'sqlite',
    node: process.version,
    records: v.records,
    fileMB: round(bytes / MB),
    generateSeconds: round(generateSeconds, 2),
    seconds: round(v.seconds, 2),
    recordsPerSecond: Math.round(v.records / v.seconds),
    peakRssMB: round(v.peakRssMB),
    rssBeforeMB: round(v.rssBeforeMB),
    parts: v.parts,
    lines: v.lines,
    accepted: v.accepted,
    rejected: v.rejected,
    errors: v.errors,
    warnings: v.warnings,
    rows: v.rows,
    ...(v.nextMonth ? { nextMonth: { ...v.nextMonth, seconds: round(v.nextMonth.seconds, 2) } } : {}),
    target: { recordsPerSecond: TARGET_RECORDS_PER_SECOND },
  };
  result.met =
    result.recordsPerSecond >= TARGET_RECORDS_PER_SECOND && v.records === RECORDS && v.rejected === 0;
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (v.rejected > 0 || v.errors > 0)
    process.stderr.write(`unexpected findings: ${JSON.stringify(v.firstFindings)}\n`);
  if (!result.met) process.exitCode = 1;
} finally {
  if (process.env.BENCH_M2_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  else process.stderr.write(`kept ${dir}\n`);
}
