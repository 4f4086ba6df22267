/**
 * Furnishing throughput worker: one engine per process, so peak RSS belongs to that engine only.
 * Run by bench/run.mjs; by hand:
 *
 *   node --expose-gc bench/furnish-throughput.mjs --engine sqlite --out /tmp/result.json
 *   BENCH_DATABASE_URL=postgres://... node --expose-gc bench/furnish-throughput.mjs --engine postgres --out ...
 *
 * Setup (not timed): one furnisher opens BENCH_ACCOUNTS accounts (one person each) in batches of
 * SETUP_BATCH_RECORDS account records. Timed: BENCH_MONTHS months x BENCH_ACCOUNTS monthly
 * states, one batch per month (50,000 records when BENCH_ACCOUNTS is 50,000), each body generated
 * just before furnishBatch sees it. The result (throughput, RSS, verification) goes to --out as JSON.
 *
 * PostgreSQL runs in a fresh schema bench_<random>, dropped at the end. On PostgreSQL every
 * statement's round trip is timed (pg.Client#query wrapped here, not in src/) so the report can
 * say which statements the server time goes to.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { CHINA_PROFILE } from '../dist/domain/jurisdiction.js';
import { makeResidentId } from '../dist/domain/resident-id.js';
import { MAX_BATCH_RECORDS } from '../dist/formats/canonical/limits.js';
import { furnishBatch } from '../dist/furnish/furnish-batch.js';
import { createPiiCipher } from '../dist/identity/pii-cipher.js';
import { createFurnishStore } from '../dist/store/furnish-repository.js';
import { migrate } from '../dist/store/migrate.js';
import { openDatabase, pgIdentifier } from '../dist/store/open-database.js';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string' },
    out: { type: 'string' },
  },
});
const engine = args.engine;
if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine sqlite|postgres');
if (!args.out) throw new Error('--out FILE');

const intEnv = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name}: expected a positive integer`);
  return value;
};
const ACCOUNTS = intEnv('BENCH_ACCOUNTS', 50_000);
const MONTHS = intEnv('BENCH_MONTHS', 20);
const SETUP_BATCH_RECORDS = 10_000;
/** Random, so that the PostgreSQL advisory lock on the furnisher (database-wide, not per schema)
 *  never collides with a test run using furnisher 1 in another schema. */
const FURNISHER_ID = 100_000 + Math.floor(Math.random() * 900_000);
const RSS_SAMPLE_MS = 50;
if (MONTHS > 48) throw new Error('BENCH_MONTHS: at most 48');

const MB = 1024 * 1024;
// The IPC channel to bench/run.mjs (phase marks for its RSS sampler) must not keep this process alive.
process.channel?.unref();
const log = (message) => console.log(`  [${engine}] ${message}`);

// ---------------------------------------------------------------- memory sampling

let peakSampledRss = process.memoryUsage.rss();
const sampler = setInterval(() => {
  const rss = process.memoryUsage.rss();
  if (rss > peakSampledRss) peakSampledRss = rss;
}, RSS_SAMPLE_MS);
sampler.unref();
const sampleNow = () => {
  const rss = process.memoryUsage.rss();
  if (rss > peakSampledRss) peakSampledRss = rss;
  return rss;
};
function procStatusKb(field) {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
/** Resets VmHWM to the current RSS (Linux: "5" to clear_refs), so it measures the timed phase alone. */
function resetPeakRss() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
const mb = (bytes) => +(bytes / MB).toFixed(1);
const kbToMB = (kb) => (kb === null ? null : +(kb / 1024).toFixed(1));

// ---------------------------------------------------------------- PostgreSQL statement timing

const sqlTimes = new Map();
let timingSql = false;
/** Statement text with parameter lists folded, so one statement shape is one entry. */
function statementShape(text) {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\$\d+(, \$\d+)+/g, '$…')
    .replace(/\(\$…\)(, \(\$…\))+/g, '($…), …')
    .trim()
    .slice(0, 160);
}
function recordSql(text, startMs) {
  const key = statementShape(text);
  const entry = sqlTimes.get(key) ?? { calls: 0, ms: 0 };
  entry.calls += 1;
  entry.ms += performance.now() - startMs;
  sqlTimes.set(key, entry);
}
if (engine === 'postgres') {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function timedQuery(config, ...rest) {
    const text = typeof config === 'string' ? config : config?.text;
    if (!timingSql || typeof text !== 'string' || rest.some((a) => typeof a === 'function'))
      return query.call(this, config, ...rest);
    const start = performance.now();
    const result = query.call(this, config, ...rest);
    if (typeof result?.then === 'function') {
      result.then(
        () => recordSql(text, start),
        () => recordSql(text, start),
      );
    } else if (typeof result?.once === 'function') {
      // COPY FROM STDIN (pg-copy-streams): done when the stream finishes.
      result.once('finish', () => recordSql(text, start));
    }
    return result;
  };
}

// ---------------------------------------------------------------- synthetic data

const REGIONS = ['110105', '310101', '440106', '330106', '510104', '420102', '320102', '370102'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英'.split('');
const DAY_MS = 86_400_000;
const BIRTH_EPOCH = Date.UTC(1960, 0, 1);
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const pad = (n, width) => String(n).padStart(width, '0');

/** Month i of the timed run (0 = 2023-01) as YYYY-MM, and a reported_on in the following month. */
function monthAt(i) {
  const y = 2023 + Math.floor(i / 12);
  const m = (i % 12) + 1;
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return { month: `${y}-${pad(m, 2)}`, reportedOn: `${ny}-${pad(nm, 2)}-05` };
}

/** Account i: one person each; 3 in 4 are 36-month loans (D1), 1 in 4 credit cards (R2). */
function accountOf(i) {
  const card = i % 4 === 3;
  const openMonth = 1 + (i % 12);
  return {
    no: `BA-${pad(i + 1, 8)}`,
    card,
    openMonth,
    openDate: `2022-${pad(openMonth, 2)}-${pad(1 + (i % 28), 2)}`,
    amount: card ? 2_000_000 + (i % 20) * 500_000 : 1_200_000 + (i % 97) * 120_000,
  };
}

/** Person i (the holder of account i): a unique, valid resident ID and a name. */
function personOf(i) {
  const region = REGIONS[i % REGIONS.length];
  const birth = isoDate(BIRTH_EPOCH + (Math.floor(i / REGIONS.length) % 12_000) * DAY_MS);
  const seq = 1 + Math.floor(i / (REGIONS.length * 12_000));
  return {
    idNumber: makeResidentId(region, birth, seq),
    name: SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13) % GIVEN.length],
  };
}

function accountLine(i) {
  const a = accountOf(i);
  const p = personOf(i);
  const record = {
    kind: 'account',
    action: 'open',
    account_no: a.no,
    id_number: p.idNumber,
    name: p.name,
    reported_on: '2023-01-05',
    account_type: a.card ? 'R2' : 'D1',
    business_type: a.card ? 'credit_card' : 'consumer',
    currency: 'CNY',
    open_date: a.openDate,
    amount_minor: a.amount,
    repayment_method: a.card ? 'minimum_payment' : 'equal_instalment',
    repayment_frequency: 'monthly',
    guarantee_type: 'unsecured',
    joint_loan: false,
  };
  if (!a.card) {
    record.maturity_date = `2025-${pad(a.openMonth, 2)}-${pad(1 + (i % 28), 2)}`;
    record.instalments = 36;
  }
  return JSON.stringify(record);
}

/**
 * The delinquency of account i in month m: 1 in 20 accounts (cards and loans) goes through one
 * episode of 1-3 months (status 1, 2, 3) starting in month i % 17, then cures (pays the arrears).
 */
function overdueOf(i, m) {
  const delinquent = i % 40 === 7 || i % 40 === 22;
  const length = 1 + (i % 3);
  const k = m - (i % 17);
  return {
    overdue: delinquent && k >= 0 && k < length ? k + 1 : 0,
    cured: delinquent && k === length,
    length,
  };
}

/**
 * Monthly state of account i in month m: a few overdue (see overdueOf, with overdue periods and
 * amounts to match), idle credit cards '*' (nothing due), everything else N.
 */
function monthLine(i, m, month, reportedOn) {
  const a = accountOf(i);
  const { overdue, cured, length } = overdueOf(i, m);
  let record;
  if (a.card) {
    const idle = i % 16 === 3;
    const used = idle ? 0 : Math.floor((a.amount * (10 + ((i * 31 + m * 17) % 70))) / 100);
    const scheduled = idle ? 0 : Math.max(10_000, Math.floor(used / 10));
    record = {
      kind: 'month',
      account_no: a.no,
      month,
      reported_on: reportedOn,
      balance_minor: used,
      used_limit_minor: used,
      scheduled_payment_minor: scheduled,
      actual_payment_minor: overdue > 0 ? 0 : cured ? scheduled * (length + 1) : scheduled,
      overdue_periods: overdue,
      overdue_amount_minor: overdue * scheduled,
      status: overdue > 0 ? String(overdue) : idle ? '*' : 'N',
      five_class: overdue >= 3 ? 3 : overdue > 0 ? 2 : 1,
    };
  } else {
    const instalment = Math.floor(a.amount / 36);
    const paid = 12 - a.openMonth + 1 + m; // instalments due since opening
    record = {
      kind: 'month',
      account_no: a.no,
      month,
      reported_on: reportedOn,
      balance_minor: a.amount - instalment * Math.min(35, paid),
      scheduled_payment_minor: instalment,
      actual_payment_minor: overdue > 0 ? 0 : cured ? instalment * (length + 1) : instalment,
      overdue_periods: overdue,
      overdue_amount_minor: overdue * instalment,
      status: overdue > 0 ? String(overdue) : 'N',
      five_class: overdue >= 3 ? 3 : overdue > 0 ? 2 : 1,
    };
  }
  return JSON.stringify(record);
}

function body(from, to, lineOf) {
  const lines = new Array(to - from);
  for (let i = from; i < to; i++) lines[i - from] = lineOf(i);
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

// ---------------------------------------------------------------- database

async function openBenchDatabase() {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'openbureau-bench-'));
    const sqlitePath = join(dir, 'bench.sqlite');
    const db = await openDatabase({ sqlitePath });
    return {
      db,
      location: sqlitePath,
      size: () => ['', '-wal'].reduce((n, suffix) => n + statSizeOrZero(sqlitePath + suffix), 0),
      async dispose() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is not set');
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const db = await openDatabase({ databaseUrl: url, pgSchema: schema });
  return {
    db,
    location: db.location,
    async size() {
      const r = await db.pool.query(
        `select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as n
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = $1 and c.relkind = 'r'`,
        [schema],
      );
      return Number(r.rows[0].n);
    },
    async dispose() {
      await db.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${pgIdentifier(schema)} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

function statSizeOrZero(path) {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

async function countRows(db, table) {
  const row = await db.db.selectFrom(table).select(db.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---------------------------------------------------------------- run

async function furnishChecked(deps, batchId, bodyBuffer, expected) {
  const result = await furnishBatch(deps, { furnisherId: FURNISHER_ID, batchId, body: bodyBuffer });
  if (result.replayed) throw new Error(`batch ${batchId} was a replay`);
  if (result.batch.rejected !== 0 || result.batch.accepted !== expected) {
    const sample = result.findings
      .slice(0, 5)
      .map((f) => `line ${f.line} ${f.rule} ${f.field}: ${f.message}`)
      .join('\n    ');
    throw new Error(
      `batch ${batchId}: accepted ${result.batch.accepted}/${expected}, rejected ${result.batch.rejected}\n    ${sample}`,
    );
  }
  return result;
}

async function main() {
  const bench = await openBenchDatabase();
  const { db } = bench;
  const result = { engine, location: bench.location, accounts: ACCOUNTS, months: MONTHS };
  try {
    await migrate(db);
    const deps = {
      store: createFurnishStore(db),
      cipher: createPiiCipher(randomBytes(32)),
      profile: CHINA_PROFILE,
    };

    // Setup, not timed: accounts (and their persons) at one furnisher.
    const setupStart = performance.now();
    let setupBatches = 0;
    for (let from = 0; from < ACCOUNTS; from += SETUP_BATCH_RECORDS) {
      const to = Math.min(ACCOUNTS, from + SETUP_BATCH_RECORDS);
      await furnishChecked(deps, `setup-${pad(setupBatches, 4)}`, body(from, to, accountLine), to - from);
      setupBatches += 1;
    }
    result.setup = {
      batches: setupBatches,
      accountRecords: ACCOUNTS,
      seconds: (performance.now() - setupStart) / 1000,
    };
    log(
      `setup: ${ACCOUNTS} accounts in ${setupBatches} batches, ${result.setup.seconds.toFixed(1)} s (not timed)`,
    );
    const setupPeak = { vmHwmMB: kbToMB(procStatusKb('VmHWM')), sampledRssMB: mb(peakSampledRss) };
    globalThis.gc?.();
    const rssAfterSetup = sampleNow();
    const peakReset = resetPeakRss();
    peakSampledRss = process.memoryUsage.rss();
    process.send?.({ phase: 'timed' });

    // Timed: one batch per month, every account.
    const checkpoints = new Map(
      [0.25, 0.5, 0.75, 1].map((f) => [Math.max(1, Math.round(MONTHS * f)), `${Math.round(f * 100)}%`]),
    );
    const perBatch = [];
    const rssAt = [];
    let furnishMs = 0;
    let generateMs = 0;
    let bodyBytes = 0;
    const load = [loadavg()[0]];
    // Same clock as the timestamps of a --cpu-prof profile (monotonic, microseconds).
    const profileFromUs = Number(process.hrtime.bigint() / 1000n);
    const cpuStart = process.cpuUsage();
    timingSql = true;
    for (let m = 0; m < MONTHS; m++) {
      const { month, reportedOn } = monthAt(m);
      // A month of every account, in batches of at most MAX_BATCH_RECORDS (the furnishing limit).
      let monthFurnishMs = 0;
      let monthBytes = 0;
      let lastBatchId = '';
      for (let from = 0, part = 1; from < ACCOUNTS; from += MAX_BATCH_RECORDS, part++) {
        const to = Math.min(ACCOUNTS, from + MAX_BATCH_RECORDS);
        const g0 = performance.now();
        const partBody = body(from, to, (i) => monthLine(i, m, month, reportedOn));
        const g1 = performance.now();
        const batch = await furnishChecked(deps, `months-${month}-${part}`, partBody, to - from);
        const g2 = performance.now();
        generateMs += g1 - g0;
        furnishMs += g2 - g1;
        monthFurnishMs += g2 - g1;
        bodyBytes += partBody.length;
        monthBytes += partBody.length;
        lastBatchId = batch.batch.batchId;
      }
      const rss = sampleNow();
      const { heapUsed, heapTotal, external } = process.memoryUsage();
      perBatch.push({
        month,
        lastBatchId,
        records: ACCOUNTS,
        bytes: monthBytes,
        furnishMs: Math.round(monthFurnishMs),
        recordsPerSecond: Math.round(ACCOUNTS / (monthFurnishMs / 1000)),
        rssMB: mb(rss),
        heapUsedMB: mb(heapUsed),
        heapTotalMB: mb(heapTotal),
        externalMB: mb(external),
      });
      const label = checkpoints.get(m + 1);
      if (label) {
        // RSS as it is, then the heap that survives a full GC: what would grow if memory leaked.
        globalThis.gc?.();
        const after = process.memoryUsage();
        rssAt.push({
          at: label,
          months: m + 1,
          records: (m + 1) * ACCOUNTS,
          rssMB: mb(rss),
          rssAfterGcMB: mb(after.rss),
          heapUsedAfterGcMB: mb(after.heapUsed),
          heapTotalAfterGcMB: mb(after.heapTotal),
          externalAfterGcMB: mb(after.external),
        });
      }
      log(
        `month ${month}: ${ACCOUNTS} records in ${Math.ceil(ACCOUNTS / MAX_BATCH_RECORDS)} batches, ${monthFurnishMs.toFixed(0)} ms ` +
          `(${Math.round(ACCOUNTS / (monthFurnishMs / 1000))} rec/s), rss ${mb(rss).toFixed(0)} MB, ` +
          `heap ${mb(heapUsed).toFixed(0)}/${mb(heapTotal).toFixed(0)} MB`,
      );
    }
    timingSql = false;
    const cpu = process.cpuUsage(cpuStart);
    process.send?.({ phase: 'after' });
    load.push(loadavg()[0]);
    result.profileWindowUs = { from: profileFromUs, to: Number(process.hrtime.bigint() / 1000n) };
    const records = ACCOUNTS * MONTHS;
    result.timed = {
      batches: MONTHS * Math.ceil(ACCOUNTS / MAX_BATCH_RECORDS),
      recordsPerBatch: Math.min(ACCOUNTS, MAX_BATCH_RECORDS),
      records,
      bodyBytes,
      furnishSeconds: furnishMs / 1000,
      generateSeconds: generateMs / 1000,
      recordsPerSecond: Math.round(records / (furnishMs / 1000)),
      recordsPerSecondWithGeneration: Math.round(records / ((furnishMs + generateMs) / 1000)),
      /** CPU time of this Node process over the timed phase (generation included; server excluded). */
      processCpuSeconds: (cpu.user + cpu.system) / 1e6,
      loadAverage1m: { start: load[0], end: load[1] },
      perBatch,
    };
    if (engine === 'postgres') {
      result.timed.statements = [...sqlTimes]
        .map(([statement, t]) => ({ statement, calls: t.calls, ms: Math.round(t.ms) }))
        .sort((x, y) => y.ms - x.ms);
    }

    // Verification.
    const batches = await db.db
      .selectFrom('batches')
      .select([db.db.fn.sum('accepted').as('accepted'), db.db.fn.sum('rejected').as('rejected')])
      .where('batch_id', 'like', 'months-%')
      .executeTakeFirstOrThrow();
    let expectedOverdue = 0;
    for (let i = 0; i < ACCOUNTS; i++)
      for (let m = 0; m < MONTHS; m++) if (overdueOf(i, m).overdue) expectedOverdue++;
    const overdueOnFile = await db.db
      .selectFrom('account_months')
      .select(db.db.fn.countAll().as('n'))
      .where('status', 'in', ['1', '2', '3'])
      .where('overdue_periods', '>', 0)
      .where('overdue_amount_minor', '>', 0)
      .executeTakeFirstOrThrow();
    const verify = {
      expectedMonthRows: records,
      expectedOverdueRows: expectedOverdue,
      overdueRows: Number(overdueOnFile.n),
      accountMonths: await countRows(db, 'account_months'),
      accountMonthVersions: await countRows(db, 'account_month_versions'),
      accounts: await countRows(db, 'accounts'),
      persons: await countRows(db, 'persons'),
      batchesOnFile: await countRows(db, 'batches'),
      acceptedOnFile: Number(batches.accepted),
      rejectedOnFile: Number(batches.rejected),
      rejects: await countRows(db, 'rejects'),
    };
    verify.ok =
      verify.accountMonths === records &&
      verify.overdueRows === expectedOverdue &&
      verify.accountMonthVersions === 0 &&
      verify.accounts === ACCOUNTS &&
      verify.persons === ACCOUNTS &&
      verify.batchesOnFile === setupBatches + MONTHS * Math.ceil(ACCOUNTS / MAX_BATCH_RECORDS) &&
      verify.acceptedOnFile === records &&
      verify.rejectedOnFile === 0 &&
      verify.rejects === 0;
    result.verify = verify;
    result.databaseBytes = await bench.size();

    const timedVmHwmMB = kbToMB(procStatusKb('VmHWM'));
    result.memory = {
      setupPeak,
      rssAfterSetupMB: mb(rssAfterSetup),
      rssAt,
      /** Timed phase, sampled in this process every 50 ms and after each batch: blind while a batch
       *  keeps the event loop busy (all of a SQLite batch), hence also externalSampler (bench/run.mjs). */
      inProcessSampledPeakMB: mb(peakSampledRss),
      /** Timed phase: VmHWM (kernel peak RSS), reset after setup when the kernel allows it. */
      vmHwmMB: timedVmHwmMB,
      vmHwmResetAfterSetup: peakReset,
      /** Whole process, setup included. */
      processPeakRssMB: Math.max(setupPeak.vmHwmMB ?? 0, timedVmHwmMB ?? 0, mb(peakSampledRss)),
      sampleEveryMs: RSS_SAMPLE_MS,
    };
    log(
      `verify: account_months ${verify.accountMonths}/${records}, rejects ${verify.rejects}, ` +
        `${verify.ok ? 'OK' : 'FAILED'}`,
    );
  } finally {
    clearInterval(sampler);
    await bench.dispose();
  }
  writeFileSync(args.out, JSON.stringify(result, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
