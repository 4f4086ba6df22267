/**
 * Metro 2 validation throughput and memory, standalone (imports dist/: run `npm run build` first):
 *
 *   npm run build && node --expose-gc bench/metro2-validate.mjs
 *
 * Generates a character-format file of BENCH_METRO2_RECORDS data records (default 1,000,000, about
 * 450 MB; one record per line; 10% with a J1, 5% with a J2, 3% with K1, 2% with N1) into a temp
 * directory, streaming it to disk from a few hundred valid record templates whose account number,
 * balance and status vary, with a trailer that matches. Then a child process (same Node flags)
 * validates the file with validateMetro2 (streaming, every field check and rule), so that its peak
 * RSS (VmHWM) is that of validation alone; one JSON line is printed: records, seconds, records/s,
 * peak RSS and findings (expected 0).
 * Targets: >= 100,000 records/s on one core, peak RSS < 200 MB. The file is deleted at the end
 * (BENCH_METRO2_KEEP=1 keeps it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { validateMetro2 } from '../dist/formats/metro2/index.js';
import { generateMetro2File } from './metro2-generate.mjs';

const RECORDS = Number(process.env.BENCH_METRO2_RECORDS ?? 1_000_000);
const TODAY = '2025-06-30';
const MB = 1024 * 1024;

const procStatusKb = (field) => {
  const match = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) : null;
};

/** Validates `path` in this process and prints the measures as JSON (the child's part). */
async function validateOnly(path) {
  globalThis.gc?.();
  const rssBeforeMB = process.memoryUsage().rss / MB;
  const t0 = performance.now();
  const report = await validateMetro2(path, { today: TODAY });
  const seconds = (performance.now() - t0) / 1000;
  const s = report.summary;
  process.stdout.write(
    `${JSON.stringify({
      records: s.records,
      seconds,
      peakRssMB: (procStatusKb('VmHWM') ?? 0) / 1024,
      rssBeforeMB,
      errors: s.errors,
      warnings: s.warnings,
      unparseable: s.unparseable,
      firstFindings: report.findings.slice(0, 5),
    })}\n`,
  );
}

if (process.argv[2] === '--validate-only') {
  await validateOnly(process.argv[3]);
  process.exit(0);
}

const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const dir = mkdtempSync(join(tmpdir(), 'metro2-bench-'));
const path = join(dir, 'bench.dat');
try {
  const g0 = performance.now();
  await generateMetro2File(path, RECORDS);
  const generateSeconds = (performance.now() - g0) / 1000;
  const bytes = statSync(path).size;
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--validate-only', path],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (child.status !== 0) throw new Error(`validation child failed (${child.status})`);
  const v = JSON.parse(child.stdout);
  const result = {
    bench: 'metro2-validate',
    node: process.version,
    records: v.records,
    fileMB: round(bytes / MB),
    generateSeconds: round(generateSeconds, 2),
    seconds: round(v.seconds, 2),
    recordsPerSecond: Math.round(v.records / v.seconds),
    megabytesPerSecond: Math.round(bytes / MB / v.seconds),
    peakRssMB: round(v.peakRssMB),
    rssBeforeMB: round(v.rssBeforeMB),
    errors: v.errors,
    warnings: v.warnings,
    unparseable: v.unparseable,
    targets: { recordsPerSecond: 100_000, peakRssMB: 200 },
  };
  result.met =
    result.recordsPerSecond >= 100_000 && result.peakRssMB < 200 && v.records === RECORDS && v.errors === 0;
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (v.errors > 0) process.stderr.write(`unexpected findings: ${JSON.stringify(v.firstFindings)}\n`);
  if (!result.met) process.exitCode = 1;
} finally {
  if (process.env.BENCH_METRO2_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  else process.stderr.write(`kept ${path}\n`);
}
