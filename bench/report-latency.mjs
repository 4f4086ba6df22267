/**
 * Report latency and throughput worker: one engine per process. Run by bench/run.mjs; by hand:
 *
 *   node --expose-gc bench/report-latency.mjs --engine sqlite --out /tmp/report.json
 *   BENCH_DATABASE_URL=postgres://... node --expose-gc bench/report-latency.mjs --engine postgres --out ...
 *
 * Setup (not timed): the demo market of BENCH_REPORT_PERSONS persons (default 100,000) is built
 * through the real furnishing pipeline (ensureDemoMarket, a temp data folder), then
 * BENCH_REPORT_CONSENTS persons (default 2,000), drawn with a seeded PRNG from the persons on file,
 * get a consent to a bank lender (purpose 02, valid 300 days). Their ID numbers and names are read
 * back from the store (decrypted with the bureau's key) rather than generated a second time.
 *
 * Timed, in-process: BENCH_REPORT_PULLS pullReport calls (default 5,000, after 200 warm-up), one
 * at a time, on random persons of that set (slow pulls are matched with SQLite WAL checkpoints and
 * GC pauses); then a pass of BENCH_REPORT_BREAKDOWN_PULLS (default 1,000) with the store wrapped to
 * time each step of a pull (consent read, file read, build, inquiry, report, log, commit) and each
 * statement (wrapped here, not in src/).
 *
 * Timed, over HTTP: the server is `openbureau start --no-demo` in a process of its own on the
 * same store (the Node flags of `npm start`, LOG_LEVEL=warn). The load generator is wrk when it
 * is installed (Debian package wrk; one thread), else this file again with --load-client (Node,
 * keep-alive Agent; BENCH_REPORT_LOAD=node forces it): BENCH_REPORT_CLIENTS connections (default
 * 32) post /v1/reports back to back for BENCH_REPORT_SECONDS (default 20) after
 * BENCH_REPORT_WARMUP_SECONDS (default 3). Every answer must be 200.
 *
 * Verified afterwards: the inquiries (and reports, and served request-log entries) added since
 * setup equal the reports served. PostgreSQL runs in a fresh schema bench_<random>, dropped at the
 * end. The result goes to --out as JSON.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SeededRandom } from '../dist/domain/seeded-random.js';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string' },
    out: { type: 'string' },
    'load-client': { type: 'boolean', default: false },
  },
});

const intEnv = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name}: expected a positive integer`);
  return value;
};

const MB = 1024 * 1024;
const mb = (bytes) => +(bytes / MB).toFixed(1);

/** Percentiles (ms, 3 decimals) of an array of latencies in ms. */
function latencyStats(latencies, seconds) {
  const sorted = Float64Array.from(latencies).sort();
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
  const r3 = (x) => (x === null ? null : +x.toFixed(3));
  let sum = 0;
  for (const x of sorted) sum += x;
  return {
    count: sorted.length,
    meanMs: r3(sorted.length ? sum / sorted.length : null),
    p50Ms: r3(at(50)),
    p90Ms: r3(at(90)),
    p99Ms: r3(at(99)),
    p999Ms: r3(at(99.9)),
    maxMs: r3(sorted.length ? sorted[sorted.length - 1] : null),
    reportsPerSecond: Math.round(sorted.length / seconds),
  };
}

/** A seeded generator for the choice of persons (the same sequence every run). */
function seeded(seed) {
  const random = new SeededRandom(seed);
  return { next: () => random.next(), below: (n) => Math.floor(random.next() * n) };
}

/** Garbage-collection pauses, kept with their start time so that a phase can take its window. */
function gcRecorder() {
  const entries = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      entries.push({ start: e.startTime, ms: e.duration, kind: e.detail?.kind });
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    /** Pauses between two performance.now() readings (call after the event loop has turned once). */
    between(from, to) {
      const inside = entries.filter((e) => e.start >= from && e.start <= to);
      const kinds = { 1: 'scavenge', 2: 'markSweepCompact', 4: 'incremental', 8: 'weakCallbacks' };
      const byKind = {};
      for (const e of inside) {
        const k = kinds[e.kind] ?? String(e.kind);
        const entry = byKind[k] ?? { count: 0, ms: 0, maxMs: 0 };
        entry.count += 1;
        entry.ms += e.ms;
        entry.maxMs = Math.max(entry.maxMs, e.ms);
        byKind[k] = entry;
      }
      for (const v of Object.values(byKind)) {
        v.ms = +v.ms.toFixed(1);
        v.maxMs = +v.maxMs.toFixed(2);
      }
      return {
        count: inside.length,
        ms: +inside.reduce((n, e) => n + e.ms, 0).toFixed(1),
        maxMs: +Math.max(0, ...inside.map((e) => e.ms)).toFixed(2),
        byKind,
      };
    },
    entriesBetween: (from, to) => entries.filter((e) => e.start >= from && e.start <= to),
    stop: () => observer.disconnect(),
  };
}

/** Statement text with whitespace and parameter lists folded, so one statement shape is one entry. */
function statementShape(text) {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\$\d+(, \$\d+)+/g, '$…')
    .replace(/\?(, \?)+/g, '?…')
    .trim()
    .slice(0, 160);
}

/**
 * Times every statement while on (wrapping here, not in src/): on SQLite better-sqlite3's
 * prepare (Kysely prepares each statement on every call) and the statement's run; on PostgreSQL
 * each query's round trip (pg.Client#query).
 */
function statementTimer(database) {
  const stats = new Map();
  const entry = (sql) => {
    const key = statementShape(sql);
    let e = stats.get(key);
    if (!e) {
      e = { calls: 0, ms: 0, prepares: 0, prepareMs: 0 };
      stats.set(key, e);
    }
    return e;
  };
  let restore;
  if (database.engine === 'sqlite') {
    const sqlite = database.sqlite;
    const prepare = sqlite.prepare;
    sqlite.prepare = function timedPrepare(sql) {
      const e = entry(sql);
      const t0 = performance.now();
      const stmt = prepare.call(this, sql);
      e.prepares += 1;
      e.prepareMs += performance.now() - t0;
      const timed = (fn) => (params) => {
        const t = performance.now();
        try {
          return fn.call(stmt, params);
        } finally {
          e.calls += 1;
          e.ms += performance.now() - t;
        }
      };
      return { reader: stmt.reader, all: timed(stmt.all), run: timed(stmt.run), get: timed(stmt.get) };
    };
    restore = () => {
      delete sqlite.prepare;
    };
  } else {
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function timedQuery(config, ...rest) {
      const text = typeof config === 'string' ? config : config?.text;
      if (typeof text !== 'string' || rest.some((a) => typeof a === 'function'))
        return query.call(this, config, ...rest);
      const e = entry(text);
      const t = performance.now();
      const done = () => {
        e.calls += 1;
        e.ms += performance.now() - t;
      };
      const result = query.call(this, config, ...rest);
      result?.then?.(done, done);
      return result;
    };
    restore = () => {
      pg.Client.prototype.query = query;
    };
  }
  return {
    /** Stops timing; the statements by time, per pull. */
    stop(pulls) {
      restore();
      return [...stats]
        .map(([statement, e]) => ({
          statement,
          perPull: +(e.calls / pulls).toFixed(2),
          meanUs: Math.round((1000 * e.ms) / Math.max(1, e.calls)),
          msPerPull: +(e.ms / pulls).toFixed(3),
          preparePerPullMs: +(e.prepareMs / pulls).toFixed(3),
        }))
        .sort((a, b) => b.msPerPull + b.preparePerPullMs - (a.msPerPull + a.preparePerPullMs));
    },
  };
}

if (args['load-client']) await loadClient();
else await worker();

// ================================================================ the load generator (child)

/**
 * Receives its job over IPC: { url, apiKey, requests: [{ id_number, name, purpose, consent_id }],
 * clients, warmupSeconds, seconds, seed }; answers with the latencies' summary and the errors.
 */
async function loadClient() {
  const job = await new Promise((resolve) => process.once('message', resolve));
  const url = new URL('/v1/reports', job.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });
  const bodies = job.requests.map((r) => Buffer.from(JSON.stringify(r)));
  const rng = seeded(job.seed);
  const headers = (length) => ({
    authorization: `Bearer ${job.apiKey}`,
    'content-type': 'application/json',
    accept: 'application/json',
    'content-length': length,
  });

  const post = (body) =>
    new Promise((resolve) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: headers(body.length),
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
          res.on('error', (error) => resolve({ status: 0, error: error.code ?? error.message }));
        },
      );
      req.on('error', (error) => resolve({ status: 0, error: error.code ?? error.message }));
      req.end(body);
    });

  const start = performance.now();
  const measureFrom = start + job.warmupSeconds * 1000;
  const stopAt = measureFrom + job.seconds * 1000;
  const latencies = [];
  const statuses = {};
  const errorSamples = [];
  let sent = 0;
  let ok = 0;
  let checked = 0;
  let bodyBytes = 0;
  let badBodies = 0;
  const cpuStart = process.cpuUsage();

  async function client() {
    while (performance.now() < stopAt) {
      const body = bodies[rng.below(bodies.length)];
      const t0 = performance.now();
      sent += 1;
      const res = await post(body);
      const t1 = performance.now();
      const key = res.error ? `error ${res.error}` : String(res.status);
      statuses[key] = (statuses[key] ?? 0) + 1;
      if (res.status === 200) {
        ok += 1;
        bodyBytes += res.body.length;
        // Every 50th answer is parsed: a report with its number (the rest are only counted).
        if (ok % 50 === 0) {
          checked += 1;
          try {
            if (!/^R\d{14}[0-9A-F]{8}$/.test(JSON.parse(res.body.toString('utf8')).header.reportNumber))
              badBodies += 1;
          } catch {
            badBodies += 1;
          }
        }
      } else if (errorSamples.length < 5) {
        errorSamples.push(res.error ?? `${res.status} ${res.body.toString('utf8').slice(0, 300)}`);
      }
      if (t1 >= measureFrom && t1 <= stopAt) latencies.push(t1 - t0);
    }
  }
  await Promise.all(Array.from({ length: job.clients }, client));
  const cpu = process.cpuUsage(cpuStart);
  agent.destroy();
  const result = {
    clients: job.clients,
    warmupSeconds: job.warmupSeconds,
    seconds: job.seconds,
    sent,
    ok,
    errors: sent - ok,
    statuses,
    errorSamples,
    checkedBodies: checked,
    badBodies,
    meanResponseBytes: ok ? Math.round(bodyBytes / ok) : 0,
    measured: latencyStats(latencies, job.seconds),
    clientCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
  };
  process.send(result, () => process.disconnect());
}

// ================================================================ the worker (server side)

async function worker() {
  const engine = args.engine;
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine sqlite|postgres');
  if (!args.out) throw new Error('--out FILE');
  const PERSONS = intEnv('BENCH_REPORT_PERSONS', 100_000);
  const CONSENTS = Math.min(intEnv('BENCH_REPORT_CONSENTS', 2_000), PERSONS);
  const PULLS = intEnv('BENCH_REPORT_PULLS', 5_000);
  const WARMUP_PULLS = intEnv('BENCH_REPORT_WARMUP_PULLS', 200);
  const BREAKDOWN_PULLS = intEnv('BENCH_REPORT_BREAKDOWN_PULLS', 1_000);
  const SECONDS = intEnv('BENCH_REPORT_SECONDS', 20);
  const WARMUP_SECONDS = intEnv('BENCH_REPORT_WARMUP_SECONDS', 3);
  const CLIENTS = intEnv('BENCH_REPORT_CLIENTS', 32);
  const PRELENDING = process.env.BENCH_PRELENDING !== '0';
  const SEED = 20261126;
  const CONSENT_DAYS = 300;

  const { fromParts } = await import('../dist/app/bureau.js');
  const { readConfig } = await import('../dist/app/config.js');
  const { ensureDemoMarket } = await import('../dist/demo/load-demo.js');
  const { CHINA_PROFILE } = await import('../dist/domain/jurisdiction.js');
  const { createPiiCipher } = await import('../dist/identity/pii-cipher.js');
  const { personHashes, pullReport } = await import('../dist/report/pull-report.js');
  const { migrate } = await import('../dist/store/migrate.js');
  const { openDatabase, pgIdentifier } = await import('../dist/store/open-database.js');

  // The IPC channel to bench/run.mjs (phase marks for its RSS sampler) must not keep this process alive.
  process.channel?.unref();
  const log = (message) => console.log(`  [${engine}] ${message}`);
  const phase = (name) => process.send?.({ phase: name });
  const hwmMB = () => {
    try {
      const m = readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
      return m ? +(Number(m[1]) / 1024).toFixed(1) : null;
    } catch {
      return null;
    }
  };
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);

  // ---------------------------------------------------------------- database

  const dataDir = mkdtempSync(join(tmpdir(), 'openbureau-report-bench-'));
  const config = readConfig({ OPENBUREAU_DATA_DIR: dataDir });
  let database;
  let schema;
  const url = process.env.BENCH_DATABASE_URL;
  if (engine === 'sqlite') {
    database = await openDatabase({ sqlitePath: config.sqlitePath });
  } else {
    if (!url) throw new Error('BENCH_DATABASE_URL is not set');
    schema = `bench_${randomBytes(6).toString('hex')}`;
    database = await openDatabase({ databaseUrl: url, pgSchema: schema });
  }
  const dispose = async () => {
    await database.close().catch(() => {});
    if (schema) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${pgIdentifier(schema)} cascade`);
      } finally {
        await client.end();
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const count = async (table, where) => {
    let q = database.db.selectFrom(table).select(database.db.fn.countAll().as('n'));
    if (where) q = q.where(...where);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const databaseBytes = async () => {
    if (engine === 'sqlite') {
      return ['', '-wal'].reduce((n, suffix) => {
        try {
          return n + statSync(config.sqlitePath + suffix).size;
        } catch {
          return n;
        }
      }, 0);
    }
    const r = await database.pool.query(
      `select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as n
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = $1 and c.relkind = 'r'`,
      [schema],
    );
    return Number(r.rows[0].n);
  };

  const result = { engine, location: database.location, persons: PERSONS };
  try {
    await migrate(database);
    const masterKey = randomBytes(32);
    const bureau = fromParts(config, database, createPiiCipher(masterKey), CHINA_PROFILE);

    // ---------------------------------------------------------------- setup (not timed)

    const setupStart = performance.now();
    const demo = await ensureDemoMarket(bureau, {
      log: (m) => log(`${((performance.now() - setupStart) / 1000).toFixed(0).padStart(4)} s  ${m}`),
      persons: PERSONS,
    });
    if (!demo) throw new Error('ensureDemoMarket built nothing');
    if (demo.stats.rejected !== 0) throw new Error(`demo market: ${demo.stats.rejected} records rejected`);
    const marketSeconds = (performance.now() - setupStart) / 1000;
    const marketPeakMB = hwmMB();
    const bank = demo.institutions.find((i) => i.kind === 'bank' && i.roles.includes('lender'));
    if (!bank) throw new Error('the demo market has no bank lender');
    const lender = await bureau.institutions.findByCode(bank.code);

    // Persons: CONSENTS distinct person ids drawn from those on file, their ID and name decrypted.
    const rng = seeded(SEED);
    const allIds = (
      await database.db.selectFrom('persons').select('person_id').orderBy('person_id').execute()
    ).map((r) => Number(r.person_id));
    for (let i = 0; i < CONSENTS; i++) {
      const j = i + rng.below(allIds.length - i);
      [allIds[i], allIds[j]] = [allIds[j], allIds[i]];
    }
    const chosen = allIds.slice(0, CONSENTS);
    const persons = [];
    for (let from = 0; from < chosen.length; from += 500) {
      const ids = chosen.slice(from, from + 500);
      const rows = await database.db
        .selectFrom('persons')
        .select(['person_id', 'id_hash', 'id_enc'])
        .where('person_id', 'in', ids)
        .execute();
      const names = await database.db
        .selectFrom('identity_attributes')
        .select(['person_id', 'value_enc', 'last_reported_on'])
        .where('attribute', '=', 'name')
        .where('person_id', 'in', ids)
        .execute();
      const nameOf = new Map();
      for (const n of names) {
        const prev = nameOf.get(Number(n.person_id));
        if (!prev || n.last_reported_on > prev.last_reported_on) nameOf.set(Number(n.person_id), n);
      }
      const byId = new Map(rows.map((r) => [Number(r.person_id), r]));
      for (const id of ids) {
        const row = byId.get(id);
        const name = nameOf.get(id);
        if (!row || !name) throw new Error(`person ${id}: no identity or name on file`);
        const idNumber = bureau.cipher.decrypt(row.id_enc);
        const hashes = personHashes(bureau.cipher, idNumber, bureau.cipher.decrypt(name.value_enc));
        if (hashes.idHash !== row.id_hash)
          throw new Error(`person ${id}: the decrypted ID does not hash back`);
        persons.push({ personId: id, idNumber, name: bureau.cipher.decrypt(name.value_enc), ...hashes });
      }
    }
    const granted = new Date(Date.now() - 60_000);
    const expires = new Date(granted.getTime() + CONSENT_DAYS * 86_400_000);
    for (const [i, p] of persons.entries()) {
      p.consentId = `c_bench_${String(i).padStart(5, '0')}_${randomBytes(6).toString('base64url')}`;
      await bureau.consents.create({
        consentId: p.consentId,
        lenderId: lender.institutionId,
        idHash: p.idHash,
        nameHash: p.nameHash,
        purpose: '02',
        grantedAt: granted.toISOString(),
        expiresAt: expires.toISOString(),
        evidenceRef: 'bench e-signature',
        createdAt: granted.toISOString(),
        revokedAt: null,
      });
    }
    result.setup = {
      market: demo.stats,
      marketSeconds: +marketSeconds.toFixed(1),
      marketPeakRssMB: marketPeakMB,
      seconds: +((performance.now() - setupStart) / 1000).toFixed(1),
      personsOnFile: await count('persons'),
      accounts: await count('accounts'),
      accountMonths: await count('account_months'),
      consents: persons.length,
      lender: bank.code,
      databaseBytes: await databaseBytes(),
    };
    log(
      `setup: ${result.setup.personsOnFile} persons, ${result.setup.accounts} accounts, ` +
        `${result.setup.accountMonths} months in ${result.setup.marketSeconds} s (peak RSS ${marketPeakMB} MB); ` +
        `${persons.length} consents to ${bank.code} (not timed)`,
    );

    const before = {
      inquiries: await count('inquiries'),
      reports: await count('reports'),
      servedRequests: await count('report_requests', ['outcome', '=', 'served']),
    };
    let servedInProcess = 0;
    const pull = async (p) => {
      const outcome = await pullReport(bureau.reportDeps, {
        lender,
        idNumber: p.idNumber,
        name: p.name,
        purpose: '02',
        consentId: p.consentId,
      });
      if (!outcome.ok) throw new Error(`report refused for person ${p.personId}: ${outcome.refusal}`);
      servedInProcess += 1;
      return outcome.report;
    };
    globalThis.gc?.();

    // ---------------------------------------------------------------- in-process

    phase('inProcess');
    const gc = gcRecorder();
    // SQLite: the WAL's checkpoint sequence number (header bytes 12-15) goes up when the WAL is
    // restarted after a checkpoint, which the commit that fills it runs: read between pulls.
    const walFd = engine === 'sqlite' ? openSync(`${config.sqlitePath}-wal`, 'r') : undefined;
    const walHeader = Buffer.alloc(16);
    const walSequence = () => {
      if (walFd === undefined) return 0;
      readSync(walFd, walHeader, 0, 16, 0);
      return walHeader.readUInt32BE(12);
    };
    const pick = seeded(SEED + 1);
    for (let i = 0; i < WARMUP_PULLS; i++) await pull(persons[pick.below(persons.length)]);
    const latencies = new Float64Array(PULLS);
    const starts = new Float64Array(PULLS);
    const walSeq = new Uint32Array(PULLS + 1);
    let accountsSeen = 0;
    let inquiriesSeen = 0;
    const inProcessWindow = { from: nowUs() };
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const t0 = performance.now();
    for (let i = 0; i < PULLS; i++) {
      const p = persons[pick.below(persons.length)];
      const a = performance.now();
      const report = await pull(p);
      latencies[i] = performance.now() - a;
      starts[i] = a;
      walSeq[i] = walSequence();
      accountsSeen += report.accounts.length;
      inquiriesSeen += report.inquiries.length;
    }
    const t1 = performance.now();
    const inProcessSeconds = (t1 - t0) / 1000;
    inProcessWindow.to = nowUs();
    const cpu1 = process.cpuUsage(cpu0);
    const elu = performance.eventLoopUtilization(elu0).utilization;
    await pull(persons[pick.below(persons.length)]); // the WAL restart after a checkpoint in the last pull
    walSeq[PULLS] = walSequence();
    if (walFd !== undefined) closeSync(walFd);
    await new Promise((resolve) => setTimeout(resolve, 20)); // GC entries arrive on a later turn
    // Pulls over SLOW_MS: how many ran a WAL checkpoint (SQLite) or overlapped a GC pause over 1 ms.
    const SLOW_MS = 5;
    const gcPauses = gc.entriesBetween(t0, t1).filter((e) => e.ms > 1);
    const slow = { overMs: SLOW_MS, pulls: 0, withCheckpoint: 0, withGcPause: 0, neither: 0 };
    let checkpoints = 0;
    for (let i = 0; i < PULLS; i++) {
      const checkpoint = walSeq[i + 1] !== walSeq[i];
      if (checkpoint) checkpoints += 1;
      if (latencies[i] <= SLOW_MS) continue;
      const end = starts[i] + latencies[i];
      const paused = gcPauses.some((e) => e.start < end && e.start + e.ms > starts[i]);
      slow.pulls += 1;
      if (checkpoint) slow.withCheckpoint += 1;
      if (paused) slow.withGcPause += 1;
      if (!checkpoint && !paused) slow.neither += 1;
    }
    result.inProcess = {
      warmupPulls: WARMUP_PULLS,
      pulls: PULLS,
      seconds: +inProcessSeconds.toFixed(2),
      ...latencyStats(latencies, inProcessSeconds),
      processCpuSeconds: +((cpu1.user + cpu1.system) / 1e6).toFixed(2),
      eventLoopUtilization: +elu.toFixed(3),
      meanAccountsPerReport: +(accountsSeen / PULLS).toFixed(2),
      meanInquiriesPerReport: +(inquiriesSeen / PULLS).toFixed(2),
      gc: gc.between(t0, t1),
      ...(engine === 'sqlite' ? { walCheckpoints: checkpoints } : {}),
      slow,
    };
    log(
      `in-process: ${PULLS} pulls in ${inProcessSeconds.toFixed(1)} s: p50 ${result.inProcess.p50Ms} ms, ` +
        `p90 ${result.inProcess.p90Ms}, p99 ${result.inProcess.p99Ms}, max ${result.inProcess.maxMs}; ` +
        `${result.inProcess.reportsPerSecond} reports/s`,
    );

    // Where the time of a pull goes: the store wrapped to time each step (a pass of its own).
    result.breakdown = await breakdown(bureau, pullReport, lender, persons, pick, BREAKDOWN_PULLS);
    servedInProcess += BREAKDOWN_PULLS;
    log(
      `in-process steps (mean ms): ${Object.entries(result.breakdown.meanMs)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );

    // ---------------------------------------------------------------- over HTTP

    gc.stop();
    phase('http');
    // The server is `openbureau start` itself, in a process of its own on this store (with the
    // Node flags of `npm start`, requests logged at warn), so that what is measured is what an
    // operator runs, not this worker's heap after building the market.
    const servedBefore = await count('report_requests', ['outcome', '=', 'served']);
    const serverProcess = await startServer({ dataDir, masterKey, engine, url, schema });
    const address = serverProcess.url;
    const requests = persons.map((p) => ({
      id_number: p.idNumber,
      name: p.name,
      purpose: '02',
      consent_id: p.consentId,
    }));
    const wrkPath = process.env.BENCH_REPORT_LOAD === 'node' ? null : findWrk();
    const child = wrkPath
      ? null
      : spawn(process.execPath, [fileURLToPath(import.meta.url), '--load-client'], {
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
    let cpuAtStart;
    let loadStart;
    let serverCpuSeconds;
    const warmupTimer = setTimeout(() => {
      cpuAtStart = serverProcess.cpuSeconds();
      loadStart = loadavg()[0];
    }, WARMUP_SECONDS * 1000);
    const measureEnd = setTimeout(
      () => {
        serverCpuSeconds = +(serverProcess.cpuSeconds() - cpuAtStart).toFixed(2);
      },
      (WARMUP_SECONDS + SECONDS) * 1000,
    );
    const job = {
      url: address,
      apiKey: bank.apiKey,
      requests,
      clients: CLIENTS,
      warmupSeconds: WARMUP_SECONDS,
      seconds: SECONDS,
      seed: SEED + 2,
    };
    let load;
    let reportsServedByServer;
    try {
      load = wrkPath
        ? await wrkLoad(wrkPath, job)
        : await new Promise((resolve, reject) => {
            child.once('message', resolve);
            child.once('error', reject);
            child.once('exit', (code) =>
              reject(new Error(`load client exited with code ${code} before answering`)),
            );
            child.send(job);
          });
      if (wrkPath && PRELENDING) {
        // Pre-lending checks on the same server and persons (purpose 02, the same consents): a
        // proposed RMB 20,000 loan over 12 months, income declared. Served reports are counted
        // first (the pulls in flight settle), then the checks.
        await new Promise((resolve) => setTimeout(resolve, 500));
        reportsServedByServer = (await count('report_requests', ['outcome', '=', 'served'])) - servedBefore;
        const cpu0 = serverProcess.cpuSeconds();
        const checks = await wrkLoad(wrkPath, {
          ...job,
          path: '/v1/prelending-checks',
          requests: requests.map((r) => ({
            ...r,
            proposal: {
              product_kind: 'other',
              amount_fen: 2_000_000,
              term_months: 12,
              repayment: 'equal_instalment',
            },
            declared_income_fen: [12_000_000, 11_000_000, 10_000_000],
          })),
        });
        delete checks._cpuStart;
        checks.serverCpuSeconds = +(serverProcess.cpuSeconds() - cpu0).toFixed(2);
        result.prelending = checks;
      }
    } finally {
      clearTimeout(warmupTimer);
      clearTimeout(measureEnd);
      // SIGTERM: the server finishes the pulls in flight, closes the store and exits.
      await serverProcess.stop();
    }
    if (child)
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()));
    if (wrkPath) delete load._cpuStart;
    // Served over HTTP = request-log rows 'served' written by the server process. The load
    // generator saw fewer answers: the ones in flight when each of its runs stopped are served
    // but not received (at most one per connection and run).
    const servedAll = (await count('report_requests', ['outcome', '=', 'served'])) - servedBefore;
    const servedByServer = reportsServedByServer ?? servedAll;
    if (result.prelending) {
      result.prelending.ok = servedAll - servedByServer;
      result.prelending.servedNotReceived =
        result.prelending.ok - (result.prelending.sent - result.prelending.errors);
      log(
        `pre-lending checks over HTTP: ${CLIENTS} clients, ${SECONDS} s: ${result.prelending.measured.reportsPerSecond} checks/s, ` +
          `p50 ${result.prelending.measured.p50Ms} ms, p99 ${result.prelending.measured.p99Ms} ms; ` +
          `${result.prelending.ok} served, ${result.prelending.errors} errors`,
      );
    }
    load.receivedOk = load.ok ?? load.sent - load.errors;
    load.ok = servedByServer;
    load.servedNotReceived = servedByServer - load.receivedOk;
    result.http = {
      server: `openbureau start (${serverProcess.flags.join(' ') || 'no Node flags'}, LOG_LEVEL=warn), pid of its own`,
      ...load,
      serverCpuSeconds,
      serverCpuPerReportMs: load.measured.count
        ? +((serverCpuSeconds * 1000) / load.measured.count).toFixed(3)
        : null,
      serverPeakRssMB: serverProcess.peakRssMB(),
      loadAverage1m: { start: loadStart, end: loadavg()[0] },
    };
    log(
      `http: ${CLIENTS} clients, ${SECONDS} s: ${load.measured.reportsPerSecond} reports/s, ` +
        `p50 ${load.measured.p50Ms} ms, p99 ${load.measured.p99Ms} ms, max ${load.measured.maxMs} ms; ` +
        `${load.ok} served (${load.servedNotReceived} in flight at a stop), ${load.errors} errors; ` +
        `server CPU ${serverCpuSeconds} s`,
    );
    result.profileWindowsUs = { inProcess: inProcessWindow };

    // ---------------------------------------------------------------- verification

    const after = {
      inquiries: await count('inquiries'),
      reports: await count('reports'),
      servedRequests: await count('report_requests', ['outcome', '=', 'served']),
    };
    const served = servedInProcess + load.ok;
    const checksServed = result.prelending?.ok ?? 0;
    const verify = {
      reportsServed: served,
      checksServed,
      servedInProcess,
      servedOverHttp: load.ok,
      httpErrors: load.errors,
      badBodies: load.badBodies,
      inquiriesAdded: after.inquiries - before.inquiries,
      reportsAdded: after.reports - before.reports,
      servedRequestsAdded: after.servedRequests - before.servedRequests,
      inquiriesOnFile: after.inquiries,
    };
    verify.ok =
      // Every report and every check is an inquiry (the bench's persons are all on file); only
      // reports are kept.
      verify.inquiriesAdded === served + checksServed &&
      verify.reportsAdded === served &&
      verify.servedRequestsAdded === served + checksServed &&
      (result.prelending?.errors ?? 0) === 0 &&
      load.errors === 0 &&
      load.badBodies === 0 &&
      load.servedNotReceived >= 0 &&
      load.servedNotReceived <= 2 * CLIENTS;
    result.verify = verify;
    result.databaseBytesAfter = await databaseBytes();
    result.memory = { processPeakRssMB: hwmMB(), rssAtEndMB: mb(process.memoryUsage.rss()) };
    log(
      `verify: ${verify.inquiriesAdded} inquiries added for ${served} reports served ` +
        `(${verify.servedInProcess} in-process, ${verify.servedOverHttp} over HTTP), ` +
        `${load.errors} HTTP errors: ${verify.ok ? 'OK' : 'FAILED'}`,
    );
  } finally {
    await dispose();
  }
  writeFileSync(args.out, JSON.stringify(result, null, 2));
}

/**
 * Pulls with the report store wrapped, timing each step: the gate (ID check, hashes, consent
 * read), the transaction that reads the person's file and records the inquiry and the request
 * (on SQLite: the report thread, with its commit), opening the file and building, serializing and
 * encrypting the report, and keeping it (another commit). The steps add up to the pull.
 */
async function breakdown(bureau, pullReport, lender, persons, pick, pulls) {
  const base = bureau.reportDeps.store;
  let marks;
  const mark = (name) => marks.push([name, performance.now()]);
  const store = {
    ...base,
    findConsent: (id) => base.findConsent(id),
    readFileAndRecord: async (request) => {
      mark('consent gate');
      const file = await base.readFileAndRecord(request);
      mark('read file + record inquiry and request (one transaction)');
      return file;
    },
    saveReport: async (report) => {
      mark('open file + build + JSON + encrypt');
      await base.saveReport(report);
      mark('keep report (commit)');
    },
  };
  const deps = { ...bureau.reportDeps, store };
  const totals = new Map();
  let jsonBytes = 0;
  const statements = statementTimer(bureau.database);
  for (let i = 0; i < pulls; i++) {
    const p = persons[pick.below(persons.length)];
    marks = [['start', performance.now()]];
    const outcome = await pullReport(deps, {
      lender,
      idNumber: p.idNumber,
      name: p.name,
      purpose: '02',
      consentId: p.consentId,
    });
    mark('return');
    if (!outcome.ok) throw new Error(`report refused: ${outcome.refusal}`);
    jsonBytes += Buffer.byteLength(outcome.json);
    for (let k = 1; k < marks.length; k++) {
      const [name, t] = marks[k];
      totals.set(name, (totals.get(name) ?? 0) + t - marks[k - 1][1]);
    }
  }
  const meanMs = {};
  let all = 0;
  for (const [name, ms] of totals) {
    meanMs[name] = +(ms / pulls).toFixed(3);
    all += ms;
  }
  return {
    pulls,
    meanMs,
    meanTotalMs: +(all / pulls).toFixed(3),
    meanReportJsonBytes: Math.round(jsonBytes / pulls),
    // On SQLite the transaction's statements run in the report thread, on a connection of its
    // own: only the main connection's statements (the consent read) are timed here.
    statements: statements.stop(pulls),
  };
}

/** wrk's path, when it is installed (Debian package wrk): the lighter load generator. */
function findWrk() {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const path = join(dir || '.', 'wrk');
    try {
      if (statSync(path).isFile()) return path;
    } catch {}
  }
  return null;
}

/**
 * The load with wrk (one thread, `clients` connections): a warm-up run, then the measured run.
 * Bodies are taken in a fixed pseudo-random order; latency percentiles are wrk's own.
 */
async function wrkLoad(wrkPath, job) {
  const dir = mkdtempSync(join(tmpdir(), 'openbureau-wrk-'));
  const lua = join(dir, 'post.lua');
  const bodies = job.requests.map((r) => JSON.stringify(JSON.stringify(r)));
  writeFileSync(
    lua,
    `local bodies = {\n${bodies.join(',\n')}\n}
local n = ${job.seed % 100_000}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Bearer ${job.apiKey}"
request = function()
  n = (n * 1103515245 + 12345) % 2147483648
  return wrk.format(nil, "${job.path ?? '/v1/reports'}", nil, bodies[(n % #bodies) + 1])
end
local shown = 0
response = function(status, headers, body)
  if status ~= 200 and shown < 3 then
    shown = shown + 1
    io.write("NOT200 " .. status .. " " .. string.sub(body, 1, 300) .. "\\n")
  end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    summary.bytes, e.connect, e.read, e.write, e.status, e.timeout, latency.mean, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max))
end
`,
  );
  const notOk = [];
  const run = (seconds) =>
    new Promise((resolve, reject) => {
      const child = spawn(
        wrkPath,
        ['-t1', `-c${job.clients}`, `-d${seconds}s`, '--timeout', '10s', '-s', lua, job.url],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
      });
      child.on('error', reject);
      child.on('exit', (code) => {
        const lines = out.split('\n');
        const line = lines.find((l) => l.startsWith('RESULT '));
        notOk.push(...lines.filter((l) => l.startsWith('NOT200 ')).slice(0, 3));
        if (code !== 0 || !line) return reject(new Error(`wrk exited with code ${code}: ${out.slice(-500)}`));
        const [requests, durationUs, bytes, connect, read, write, status, timeout, mean, p50, p90, p99, max] =
          line.slice(7).split(' ').map(Number);
        resolve({
          requests,
          durationUs,
          bytes,
          errors: { connect, read, write, status, timeout },
          mean,
          p50,
          p90,
          p99,
          max,
        });
      });
    });
  try {
    const warm = await run(job.warmupSeconds);
    const cpuStart = process.cpuUsage();
    const measured = await run(job.seconds);
    const errors = Object.values(measured.errors).reduce((a, b) => a + b, 0);
    const warmErrors = Object.values(warm.errors).reduce((a, b) => a + b, 0);
    const ms = (us) => +(us / 1000).toFixed(3);
    return {
      generator: 'wrk (1 thread)',
      errorSamples: notOk.slice(0, 5),
      clients: job.clients,
      warmupSeconds: job.warmupSeconds,
      seconds: job.seconds,
      sent: warm.requests + measured.requests,
      errors: errors + warmErrors,
      errorKinds: measured.errors,
      meanResponseBytes: measured.requests ? Math.round(measured.bytes / measured.requests) : 0,
      measured: {
        count: measured.requests,
        meanMs: ms(measured.mean),
        p50Ms: ms(measured.p50),
        p90Ms: ms(measured.p90),
        p99Ms: ms(measured.p99),
        maxMs: ms(measured.max),
        reportsPerSecond: Math.round(measured.requests / (measured.durationUs / 1e6)),
      },
      clientCpuSeconds: null,
      badBodies: 0,
      _cpuStart: cpuStart,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Node flags of `npm start` (package.json), so the bench's server runs as an operator's does. */
function startFlags() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return pkg.scripts.start.match(/--[a-z-]+=\S+/g) ?? [];
}

/**
 * Starts `openbureau start --no-demo --port 0` on the bench's store and waits for its URL.
 * Returns its URL, its CPU seconds so far (/proc), its peak RSS and a stop (SIGTERM) that waits
 * for the exit.
 */
async function startServer({ dataDir, masterKey, engine, url, schema }) {
  const flags = startFlags();
  const bin = fileURLToPath(new URL('../bin/openbureau.js', import.meta.url));
  const env = {
    ...process.env,
    OPENBUREAU_DATA_DIR: dataDir,
    OPENBUREAU_MASTER_KEY: masterKey.toString('hex'),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  if (engine === 'postgres') {
    const withSchema = new URL(url);
    withSchema.searchParams.set('options', `-c search_path=${schema}`);
    env.DATABASE_URL = withSchema.toString();
  } else delete env.DATABASE_URL;
  const child = spawn(process.execPath, [...flags, bin, 'start', '--no-demo', '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const serverUrl = await new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk) => {
      out += chunk;
      const m = out.match(/openbureau is running at (http:\/\/\S+)/);
      if (m) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`openbureau start exited with code ${code}: ${out.slice(-500)}`)),
    );
  });
  const ticks = 100; // USER_HZ on Linux
  const stat = () => readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      const m = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch {}
  }, 50);
  return {
    url: serverUrl,
    flags,
    cpuSeconds() {
      const f = stat();
      // fields 14 and 15 of /proc/PID/stat (utime, stime), here at index 11 and 12 after the name
      return (Number(f[11]) + Number(f[12])) / ticks;
    },
    peakRssMB: () => +peak.toFixed(1),
    async stop() {
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
