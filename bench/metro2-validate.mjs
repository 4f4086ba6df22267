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
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  EXAMPLE_BASE,
  EXAMPLE_HEADER,
  EXAMPLE_SEGMENTS,
  encodeDataRecord,
  encodeHeader,
  encodeTrailer,
  TrailerTotals,
  validateMetro2,
} from '../dist/formats/metro2/index.js';

const RECORDS = Number(process.env.BENCH_METRO2_RECORDS ?? 1_000_000);
const TEMPLATES = 500;
const TODAY = '2025-06-30';
const MB = 1024 * 1024;

const procStatusKb = (field) => {
  const match = readFileSync('/proc/self/status', 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) : null;
};

/** A valid data record: statuses current, past due and paid, with some segments. */
function template(i) {
  const status = i % 10 === 9 ? '71' : i % 10 === 8 ? '13' : '11';
  const base = {
    ...EXAMPLE_BASE,
    consumerAccountNumber: `BENCH${String(i).padStart(10, '0')}`,
    accountStatus: status,
    paymentRating: status === '13' ? '0' : '',
    currentBalance: status === '13' ? 0 : 1000 + i,
    amountPastDue: status === '71' ? 450 : 0,
    dateFirstDelinquency: status === '71' ? '2025-04-15' : null,
    dateClosed: status === '13' ? '2025-05-15' : null,
    socialSecurityNumber: String(401121001 + i),
  };
  const record = { base, j1: [], j2: [], k1: null, k2: null, k3: null, k4: null, l1: null, n1: null };
  if (i % 10 === 3) record.j1.push({ ...EXAMPLE_SEGMENTS.j1 });
  if (i % 20 === 5) record.j2.push({ ...EXAMPLE_SEGMENTS.j2 });
  if (i % 100 < 3) record.k1 = { ...EXAMPLE_SEGMENTS.k1 };
  if (i % 50 === 7) record.n1 = { ...EXAMPLE_SEGMENTS.n1 };
  return encodeDataRecord(record, { blocked: false });
}

const ACCOUNT_AT = 42; // consumer account number, positions 43-72
const BALANCE_AT = 154; // current balance, positions 155-163

async function generate(path) {
  const templates = Array.from({ length: TEMPLATES }, (_, i) => template(i));
  const totals = new TrailerTotals();
  const out = createWriteStream(path, { highWaterMark: 1024 * 1024 });
  const LF = Buffer.from('\n');
  const write = async (bytes) => {
    if (!out.write(bytes)) await once(out, 'drain');
  };
  await write(Buffer.concat([encodeHeader({ ...EXAMPLE_HEADER }, { blocked: false }), LF]));
  const batch = [];
  let batchBytes = 0;
  for (let n = 0; n < RECORDS; n++) {
    const bytes = Buffer.from(templates[n % TEMPLATES]);
    bytes.write(`BENCH${String(n).padStart(10, '0')}`, ACCOUNT_AT, 'latin1');
    if (bytes.toString('latin1', 123, 125) !== '13')
      bytes.write(String(1000 + (n % 90000)).padStart(9, '0'), BALANCE_AT, 'latin1');
    totals.addBase(bytes, 0);
    let offset = 426;
    while (offset < bytes.length) {
      const id = bytes.toString('latin1', offset, offset + 2);
      const length = { J1: 100, J2: 200, K1: 34, K2: 34, K3: 40, K4: 30, L1: 54, N1: 146 }[id];
      totals.addSegment(id, bytes, offset);
      offset += length;
    }
    batch.push(bytes, LF);
    batchBytes += bytes.length + 1;
    if (batchBytes >= 1024 * 1024) {
      await write(Buffer.concat(batch));
      batch.length = 0;
      batchBytes = 0;
    }
  }
  if (batch.length > 0) await write(Buffer.concat(batch));
  const trailer = { blockDescriptorWord: null, recordDescriptorWord: 426, ...totals.values() };
  await write(Buffer.concat([encodeTrailer(trailer, { blocked: false }), LF]));
  out.end();
  await once(out, 'finish');
}

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
  await generate(path);
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
