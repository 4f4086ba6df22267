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
import { once } from 'node:events';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CHINA_PROFILE } from '../dist/domain/jurisdiction.js';
import {
  EXAMPLE_BASE,
  EXAMPLE_HEADER,
  EXAMPLE_SEGMENTS,
  encodeDataRecord,
  encodeHeader,
  encodeTrailer,
  TrailerTotals,
} from '../dist/formats/metro2/index.js';
import { furnishMetro2 } from '../dist/furnish/metro2-ingest.js';
import { createPiiCipher } from '../dist/identity/pii-cipher.js';
import { createFurnishStore } from '../dist/store/furnish-repository.js';
import { migrate } from '../dist/store/migrate.js';
import { openDatabase } from '../dist/store/open-database.js';

const RECORDS = Number(process.env.BENCH_M2_RECORDS ?? 1_000_000);
const NEXT_MONTH = process.env.BENCH_M2_NEXT_MONTH === '1';
const TEMPLATES = 500;
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

/** The n-th distinct SSN that checkSsn accepts: area from 101, group 01-99, serial 0001-9999. */
function ssnOf(n) {
  const serial = 1 + (n % 9999);
  const group = 1 + (Math.floor(n / 9999) % 99);
  const area = 101 + Math.floor(n / (9999 * 99));
  if (area >= 666) throw new Error('too many SSNs for this generator');
  return `${area}${String(group).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
}

/** A valid data record: statuses current, past due and paid, 10% with a J1, 5% with a J2. */
function template(i) {
  const status = i % 10 === 9 ? '71' : i % 10 === 8 ? '13' : '11';
  const base = {
    ...EXAMPLE_BASE,
    accountStatus: status,
    paymentRating: status === '13' ? '0' : '',
    currentBalance: status === '13' ? 0 : 1000 + i,
    amountPastDue: status === '71' ? 450 : 0,
    dateFirstDelinquency: status === '71' ? '2025-04-15' : null,
    dateClosed: status === '13' ? '2025-05-15' : null,
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
const SSN_AT = 297; // SSN, positions 298-306
const SEGMENT_SSN_AT = 69; // SSN in a J1 or J2 segment, positions 70-78
const SEGMENT_BYTES = { J1: 100, J2: 200, K1: 34, K2: 34, K3: 40, K4: 30, L1: 54, N1: 146 };
const DOAI_AT = 181; // date of account information, positions 182-189 (MMDDYYYY)
/** The example's reporting period, and the next one. */
const MONTHS = [
  { date: '2025-05-31', mmddyyyy: '05312025' },
  { date: '2025-06-30', mmddyyyy: '06302025' },
];

async function generate(path, month = 0) {
  const templates = Array.from({ length: TEMPLATES }, (_, i) => template(i));
  const totals = new TrailerTotals();
  const out = createWriteStream(path, { highWaterMark: MB });
  const LF = Buffer.from('\n');
  const write = async (bytes) => {
    if (!out.write(bytes)) await once(out, 'drain');
  };
  const period = MONTHS[month].date;
  const header = { ...EXAMPLE_HEADER, activityDate: period, dateCreated: period };
  await write(Buffer.concat([encodeHeader(header, { blocked: false }), LF]));
  const batch = [];
  let batchBytes = 0;
  for (let n = 0; n < RECORDS; n++) {
    const bytes = Buffer.from(templates[n % TEMPLATES]);
    bytes.write(`BENCH${String(n).padStart(10, '0')}`, ACCOUNT_AT, 'latin1');
    bytes.write(ssnOf(n), SSN_AT, 'latin1');
    bytes.write(MONTHS[month].mmddyyyy, DOAI_AT, 'latin1');
    if (bytes.toString('latin1', 123, 125) !== '13')
      bytes.write(String(1000 + (n % 90000)).padStart(9, '0'), BALANCE_AT, 'latin1');
    let offset = 426;
    while (offset < bytes.length) {
      const id = bytes.toString('latin1', offset, offset + 2);
      if (id === 'J1') bytes.write(ssnOf(RECORDS + n), offset + SEGMENT_SSN_AT, 'latin1');
      if (id === 'J2') bytes.write(ssnOf(2 * RECORDS + n), offset + SEGMENT_SSN_AT, 'latin1');
      offset += SEGMENT_BYTES[id];
    }
    totals.addBase(bytes, 0);
    offset = 426;
    while (offset < bytes.length) {
      const id = bytes.toString('latin1', offset, offset + 2);
      totals.addSegment(id, bytes, offset);
      offset += SEGMENT_BYTES[id];
    }
    batch.push(bytes, LF);
    batchBytes += bytes.length + 1;
    if (batchBytes >= MB) {
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
  await generate(path);
  const nextPath = join(dir, 'bench-next.dat');
  if (NEXT_MONTH) await generate(nextPath, 1);
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
