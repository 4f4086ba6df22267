/**
 * The benchmarks, each engine in a child process of its own so that its peak RSS is its own:
 *
 * - Furnishing throughput (bench/furnish-throughput.mjs): 1,000,000 monthly states through
 *   furnishBatch. Prints a table, writes bench/out/furnish.json.
 * - Report latency and throughput (bench/report-latency.mjs), after the furnishing bench: a demo
 *   market of 100,000 persons built through the furnishing pipeline, then pullReport in-process
 *   (p50/p90/p99/max, one pull at a time) and POST /v1/reports over HTTP (32 keep-alive clients in
 *   a process of their own). Prints a table, writes bench/out/report.json.
 *
 *   npm run bench                                  # build, then both benchmarks on both engines
 *   BENCH_ENGINES=sqlite npm run bench             # one engine
 *   BENCH_ONLY=report npm run bench                # some benchmarks (furnish, report, metro2, dedupe, metro2-ingest, score, identity-link)
 *   BENCH_CPU_PROF=1 npm run bench                 # also --cpu-prof each worker and summarise
 *   BENCH_ACCOUNTS=10000 BENCH_MONTHS=4 npm run bench   # a quick furnishing run
 *   BENCH_REPORT_PERSONS=10000 BENCH_REPORT_SECONDS=5 npm run bench   # a quick report run
 *
 * PostgreSQL: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test; skipped (and said so)
 * when unreachable. Exit code 1 when a run fails or its verification does not hold; a missed
 * target is reported, and fails the run only with BENCH_STRICT=1.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'out');
const worker = join(here, 'furnish-throughput.mjs');
const reportWorker = join(here, 'report-latency.mjs');
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const TARGETS = {
  sqlite: { recordsPerSecond: 50_000 },
  postgres: { recordsPerSecond: 30_000 },
  peakRssMB: 300,
};
/** Report targets: SQLite only (PostgreSQL is measured the same way, without a target). */
const REPORT_TARGETS = { sqlite: { inProcessP99Ms: 10, httpReportsPerSecond: 2_000 } };
/**
 * Benchmarks that are scripts of their own (one JSON line on stdout, with `targets` and `met`),
 * run after the engine benchmarks: name -> script and title.
 */
const STANDALONE = {
  metro2: { script: 'metro2-validate.mjs', title: 'Metro 2 validation (streaming, every rule), one core' },
  dedupe: {
    script: 'dedupe.mjs',
    title: 'Identity dedupe of a 1,000,000-record person file, and online linking',
  },
  score: {
    script: 'score.mjs',
    title: 'Bureau score: 1,000,000 persons scored in batch, and the latency it adds to a report',
  },
  'identity-link': {
    script: 'identity-link.mjs',
    title: 'Identity resolution: one record whose ID fails or is missing, against 1,000,000 persons (SQLite)',
  },
};
const KNOWN = ['furnish', 'report', ...Object.keys(STANDALONE)];
const only = process.env.BENCH_ONLY ?? KNOWN.join(',');
if (!only.split(',').every((name) => KNOWN.includes(name)))
  throw new Error(`BENCH_ONLY: expected a comma-separated list of ${KNOWN.join(', ')}, got '${only}'`);
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim());
const profiling = process.env.BENCH_CPU_PROF === '1';
const RSS_SAMPLE_MS = 50;

/** The URL without password, for output. */
function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function machine() {
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {}
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (m) cpuModel = m[1].trim();
  } catch {}
  return {
    nproc,
    cpuModel,
    memoryGB: +(totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

async function postgresReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const r = await client.query('show server_version');
    return { ok: true, version: r.rows[0].server_version };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Resident set of another process in bytes, from /proc (null when it has gone). */
function rssOf(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs one engine's worker. Its RSS is sampled from here every 50 ms: the worker's own timers
 * cannot fire while a SQLite batch runs (better-sqlite3 is synchronous), this process's can.
 */
/** V8 flags the server runs with: read from the `start` script of package.json. */
const SERVER_NODE_FLAGS = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts.start.match(
    /--[a-z-]+=\S+/g,
  ) ?? []
).join(' ');

function runWorker(engine, env) {
  const out = join(outDir, `.furnish-${engine}.json`);
  rmSync(out, { force: true });
  const profileDir = join(outDir, 'profiles', engine);
  // The same V8 flag as `npm start` (package.json): a young generation of 2 x 8 MB instead of
  // 2 x 16 MB keeps a batch's short-lived objects from piling up (peak RSS about 40 MB lower).
  const nodeFlags = process.env.BENCH_NODE_FLAGS ?? SERVER_NODE_FLAGS;
  const nodeArgs = ['--expose-gc', ...nodeFlags.split(' ').filter(Boolean)];
  if (profiling) {
    rmSync(profileDir, { recursive: true, force: true });
    nodeArgs.push('--cpu-prof', '--cpu-prof-dir', profileDir);
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, worker, '--engine', engine, '--out', out], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...env },
    });
    const peaks = { setup: 0, timed: 0, after: 0 };
    let phase = 'setup';
    let samples = 0;
    const sample = () => {
      const rss = rssOf(child.pid);
      if (rss === null) return;
      samples += 1;
      if (rss > peaks[phase]) peaks[phase] = rss;
    };
    const sampler = setInterval(sample, RSS_SAMPLE_MS);
    child.on('message', (message) => {
      sample();
      if (message?.phase === 'timed' || message?.phase === 'after') phase = message.phase;
    });
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      if (code !== 0) {
        resolve({ engine, error: `worker exited with ${signal ?? `code ${code}`}` });
        return;
      }
      const result = JSON.parse(readFileSync(out, 'utf8'));
      rmSync(out, { force: true });
      const mb = (bytes) => +(bytes / 1024 / 1024).toFixed(1);
      result.memory.externalSampler = {
        everyMs: RSS_SAMPLE_MS,
        samples,
        setupPeakMB: mb(peaks.setup),
        timedPeakMB: mb(peaks.timed),
      };
      result.memory.processPeakRssMB = Math.max(
        result.memory.processPeakRssMB,
        mb(peaks.setup),
        mb(peaks.timed),
      );
      if (profiling) result.profile = summariseProfile(profileDir, result.profileWindowUs);
      resolve(result);
    });
  });
}

/**
 * Runs one engine's report worker (bench/report-latency.mjs). Its RSS is sampled from here every
 * 50 ms, per phase (setup: the demo market; inProcess; http: the server under load).
 */
function runReportWorker(engine, env) {
  const out = join(outDir, `.report-${engine}.json`);
  rmSync(out, { force: true });
  const profileDir = join(outDir, 'profiles', `report-${engine}`);
  const nodeFlags = process.env.BENCH_NODE_FLAGS ?? SERVER_NODE_FLAGS;
  const nodeArgs = ['--expose-gc', ...nodeFlags.split(' ').filter(Boolean)];
  if (profiling) {
    rmSync(profileDir, { recursive: true, force: true });
    nodeArgs.push('--cpu-prof', '--cpu-prof-dir', profileDir);
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, reportWorker, '--engine', engine, '--out', out], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...env },
    });
    const peaks = { setup: 0, inProcess: 0, http: 0 };
    let phase = 'setup';
    const sample = () => {
      const rss = rssOf(child.pid);
      if (rss !== null && rss > peaks[phase]) peaks[phase] = rss;
    };
    const sampler = setInterval(sample, RSS_SAMPLE_MS);
    child.on('message', (message) => {
      sample();
      if (message?.phase in peaks) phase = message.phase;
    });
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      if (code !== 0) {
        resolve({ engine, error: `worker exited with ${signal ?? `code ${code}`}` });
        return;
      }
      const result = JSON.parse(readFileSync(out, 'utf8'));
      rmSync(out, { force: true });
      const mb = (bytes) => +(bytes / 1024 / 1024).toFixed(1);
      result.memory.sampledPeakRssMB = {
        everyMs: RSS_SAMPLE_MS,
        setup: mb(peaks.setup),
        inProcess: mb(peaks.inProcess),
        http: mb(peaks.http),
      };
      if (profiling) {
        const frames = /dist\/|kysely|better-sqlite3|pg\/|fastify|find-my-way|avvio|light-my-request|node:/;
        result.profile = {
          inProcess: summariseProfile(profileDir, result.profileWindowsUs.inProcess, frames),
        };
      }
      resolve(result);
    });
  });
}

// ---------------------------------------------------------------- --cpu-prof summary

/** Self and total time per function over the timed window of the newest profile in `dir`. */
function summariseProfile(dir, windowUs, frames = /dist\/|kysely|better-sqlite3|pg\/|pg-copy/) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (files.length === 0) return undefined;
  const profile = JSON.parse(readFileSync(files[0], 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (node) => {
    const f = node.callFrame;
    const url = f.url
      .replace(/^file:\/\/.*?\/node_modules\//, '')
      .replace(/^file:\/\/.*?\/(dist|bench)\//, '$1/');
    return url
      ? `${f.functionName || '(anonymous)'} ${url}:${f.lineNumber + 1}`
      : f.functionName || '(native)';
  };
  const self = new Map();
  const total = new Map();
  const from = windowUs?.from ?? Number.NEGATIVE_INFINITY;
  const to = windowUs?.to ?? Number.POSITIVE_INFINITY;
  let t = profile.startTime;
  let all = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < from || t > to) continue;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    all += dt;
    const leaf = byId.get(profile.samples[i]);
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set();
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const key = name(byId.get(id));
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
  }
  const top = (map, n, keep = () => true) =>
    [...map]
      .filter(([k]) => keep(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000), pct: +((100 * us) / all).toFixed(1) }));
  return {
    file: files[0],
    windowMs: Math.round(all / 1000),
    self: top(self, 25),
    total: top(total, 30, (k) => frames.test(k)),
  };
}

// ---------------------------------------------------------------- output

const fmt = (n) => (n === null || n === undefined ? '-' : Math.round(n).toLocaleString('en-US'));

function printTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padStart(widths[i])).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

function report(results, skipped) {
  console.log('\nFurnishing throughput (timed: furnishBatch calls only; generation of bodies excluded)\n');
  const rows = [];
  for (const r of results) {
    if (r.error) {
      rows.push([r.engine, 'FAILED', '-', '-', '-', '-', '-', '-', '-', r.error]);
      continue;
    }
    const m = r.memory;
    const rssAt = (label) => m.rssAt.find((x) => x.at === label)?.rssMB ?? '-';
    rows.push([
      r.engine,
      fmt(r.timed.records),
      `${r.timed.batches} x ${fmt(r.timed.recordsPerBatch)}`,
      r.timed.furnishSeconds.toFixed(1),
      fmt(r.timed.recordsPerSecond),
      fmt(r.timed.recordsPerSecondWithGeneration),
      `${rssAt('25%')} / ${rssAt('50%')} / ${rssAt('100%')}`,
      m.externalSampler.timedPeakMB,
      m.vmHwmMB ?? '-',
      m.processPeakRssMB,
      r.verify.ok ? `ok (${fmt(r.verify.accountMonths)} rows, ${r.verify.rejects} rejects)` : 'FAILED',
    ]);
  }
  printTable(
    [
      'engine',
      'records',
      'batches',
      'furnish s',
      'records/s',
      'rec/s incl. gen',
      'RSS MB at 25/50/100%',
      'peak RSS MB (50 ms)',
      'VmHWM MB',
      'process peak MB',
      'verification',
    ],
    rows,
  );
  for (const s of skipped) console.log(`\n${s.engine}: SKIPPED: ${s.reason}`);

  console.log('\nTargets');
  for (const r of results.filter((x) => !x.error)) {
    const target = TARGETS[r.engine].recordsPerSecond;
    const speedOk = r.timed.recordsPerSecond >= target;
    const rssOk = r.memory.processPeakRssMB < TARGETS.peakRssMB;
    r.targets = { recordsPerSecond: target, peakRssMB: TARGETS.peakRssMB, speedOk, rssOk };
    console.log(
      `  ${r.engine.padEnd(8)} ${fmt(r.timed.recordsPerSecond)} records/s (target >= ${fmt(target)}): ` +
        `${speedOk ? 'met' : 'MISSED'}; peak RSS ${r.memory.processPeakRssMB} MB (target < ${TARGETS.peakRssMB}): ` +
        `${rssOk ? 'met' : 'MISSED'}; load average ${r.timed.loadAverage1m.start}-${r.timed.loadAverage1m.end}`,
    );
  }
  for (const r of results.filter((x) => !x.error)) {
    if (r.timed.statements) {
      console.log(`\n${r.engine}: statement round trips over the timed phase (top 8 by time)`);
      printTable(
        ['ms', 'calls', 'statement'],
        r.timed.statements.slice(0, 8).map((s) => [fmt(s.ms), fmt(s.calls), s.statement.slice(0, 100)]),
      );
    }
    if (r.profile) {
      console.log(`\n${r.engine}: CPU profile of the timed phase (${fmt(r.profile.windowMs)} ms sampled)`);
      console.log('  self time:');
      for (const f of r.profile.self.slice(0, 15))
        console.log(`    ${String(f.ms).padStart(7)} ms ${String(f.pct).padStart(5)}%  ${f.fn}`);
      console.log('  total time (project and driver frames):');
      for (const f of r.profile.total.slice(0, 20))
        console.log(`    ${String(f.ms).padStart(7)} ms ${String(f.pct).padStart(5)}%  ${f.fn}`);
    }
  }
}

function printReportBench(results, skipped) {
  const ms = (x) => (x === null || x === undefined ? '-' : x.toFixed(2));
  console.log(
    '\nReport latency (timed: pullReport in-process one at a time; POST /v1/reports over HTTP; setup excluded)\n',
  );
  const rows = [];
  for (const r of results) {
    if (r.error) {
      rows.push([r.engine, 'FAILED', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', r.error]);
      continue;
    }
    const i = r.inProcess;
    const h = r.http.measured;
    rows.push([
      r.engine,
      fmt(r.setup.personsOnFile),
      `${fmt(i.pulls)} (+${i.warmupPulls})`,
      `${ms(i.p50Ms)} / ${ms(i.p90Ms)} / ${ms(i.p99Ms)}`,
      ms(i.maxMs),
      fmt(i.reportsPerSecond),
      `${r.http.clients} x ${r.http.seconds} s`,
      fmt(h.reportsPerSecond),
      `${ms(h.p50Ms)} / ${ms(h.p90Ms)} / ${ms(h.p99Ms)}`,
      ms(h.maxMs),
      `${fmt(r.http.ok)} / ${fmt(r.http.errors)}`,
      (r.http.serverCpuSeconds / r.http.seconds).toFixed(2),
      `${r.memory.sampledPeakRssMB.setup} / ${r.memory.sampledPeakRssMB.inProcess} / ${r.http.serverPeakRssMB}`,
      r.verify.ok
        ? `ok (${fmt(r.verify.inquiriesAdded)} inquiries = ${fmt(r.verify.reportsServed)} served)`
        : `FAILED (${fmt(r.verify.inquiriesAdded)} inquiries, ${fmt(r.verify.reportsServed)} served)`,
    ]);
  }
  printTable(
    [
      'engine',
      'persons',
      'pulls',
      'in-proc p50/p90/p99 ms',
      'max ms',
      'reports/s',
      'HTTP load',
      'HTTP reports/s',
      'HTTP p50/p90/p99 ms',
      'max ms',
      '200 / errors',
      'server cores',
      'peak RSS MB setup / in-proc / server',
      'verification',
    ],
    rows,
  );
  for (const s of skipped) console.log(`\n${s.engine}: SKIPPED: ${s.reason}`);

  console.log('\nTargets');
  for (const r of results.filter((x) => !x.error)) {
    const target = REPORT_TARGETS[r.engine];
    if (!target) {
      console.log(`  ${r.engine.padEnd(8)} no target (measured only)`);
      continue;
    }
    const p99Ok = r.inProcess.p99Ms <= target.inProcessP99Ms;
    const rpsOk = r.http.measured.reportsPerSecond >= target.httpReportsPerSecond;
    r.targets = { ...target, p99Ok, rpsOk };
    console.log(
      `  ${r.engine.padEnd(8)} in-process p99 ${ms(r.inProcess.p99Ms)} ms (target <= ${target.inProcessP99Ms}): ` +
        `${p99Ok ? 'met' : 'MISSED'}; HTTP ${fmt(r.http.measured.reportsPerSecond)} reports/s ` +
        `(target >= ${fmt(target.httpReportsPerSecond)}): ${rpsOk ? 'met' : 'MISSED'}; ` +
        `load average ${r.http.loadAverage1m.start}-${r.http.loadAverage1m.end}`,
    );
  }
  for (const r of results.filter((x) => !x.error)) {
    const b = r.breakdown;
    const i = r.inProcess;
    console.log(
      `\n${r.engine}: in-process, ${fmt(i.slow.pulls)} pulls over ${i.slow.overMs} ms ` +
        `(${i.slow.withCheckpoint} ran a WAL checkpoint, ${i.slow.withGcPause} overlapped a GC pause over 1 ms, ` +
        `${i.slow.neither} neither)${i.walCheckpoints === undefined ? '' : `; ${i.walCheckpoints} WAL checkpoints`}; ` +
        `GC ${i.gc.count} pauses, ${i.gc.ms} ms (max ${i.gc.maxMs} ms) in ${i.seconds} s`,
    );
    console.log(
      `${r.engine}: one pull, step by step (mean of ${fmt(b.pulls)} pulls, ${ms(b.meanTotalMs)} ms; ` +
        `${i.meanAccountsPerReport} accounts and ${i.meanInquiriesPerReport} inquiries ` +
        `per report, ${fmt(b.meanReportJsonBytes)} bytes of JSON)`,
    );
    for (const [step, t] of Object.entries(b.meanMs))
      console.log(
        `    ${t.toFixed(3).padStart(7)} ms ${((100 * t) / b.meanTotalMs).toFixed(1).padStart(5)}%  ${step}`,
      );
    console.log(`${r.engine}: statements of one pull (same pass; ms per pull, prepare separately on SQLite)`);
    printTable(
      ['per pull', 'mean us', 'ms/pull', 'prepare ms/pull', 'statement'],
      b.statements
        .slice(0, 16)
        .map((x) => [
          x.perPull,
          fmt(x.meanUs),
          x.msPerPull.toFixed(3),
          x.preparePerPullMs.toFixed(3),
          x.statement.slice(0, 110),
        ]),
    );
    console.log(
      `${r.engine}: HTTP: ${r.http.server}; load ${r.http.generator ?? 'Node client'}; server CPU ` +
        `${r.http.serverCpuSeconds} s over ${r.http.seconds} s (${r.http.serverCpuPerReportMs} ms per report), ` +
        `${fmt(r.http.meanResponseBytes)} bytes per answer; ${r.http.servedNotReceived} served but in flight when a load run stopped`,
    );
    for (const [phase, p] of Object.entries(r.profile ?? {})) {
      if (!p) continue;
      console.log(`\n${r.engine}: CPU profile of the ${phase} phase (${fmt(p.windowMs)} ms sampled)`);
      console.log('  self time:');
      for (const f of p.self.slice(0, 20))
        console.log(`    ${String(f.ms).padStart(7)} ms ${String(f.pct).padStart(5)}%  ${f.fn}`);
      console.log('  total time (project, driver, Fastify and node: frames):');
      for (const f of p.total.slice(0, 30))
        console.log(`    ${String(f.ms).padStart(7)} ms ${String(f.pct).padStart(5)}%  ${f.fn}`);
    }
  }
}

// ---------------------------------------------------------------- main

async function main() {
  mkdirSync(outDir, { recursive: true });
  const info = machine();
  const date = new Date().toISOString().slice(0, 10);
  console.log(
    `openbureau benchmarks (${only}), ${date}: ${info.nproc} cores (${info.cpuModel}), ` +
      `${info.memoryGB} GB, Node ${info.node}`,
  );
  // The engines to run, PostgreSQL only when it answers.
  const runnable = [];
  const skipped = [];
  for (const engine of engines) {
    if (engine === 'sqlite') {
      runnable.push({ engine, env: {}, title: 'SQLite (fresh file in a temp dir)' });
    } else if (engine === 'postgres') {
      const url = process.env.DATABASE_URL || DEFAULT_PG_URL;
      const reachable = await postgresReachable(url);
      if (!reachable.ok) {
        const reason = `PostgreSQL unreachable at ${redact(url)} (${reachable.reason})`;
        console.log(`\n${reason}: skipped`);
        skipped.push({ engine, reason });
        continue;
      }
      runnable.push({
        engine,
        env: { BENCH_DATABASE_URL: url },
        title: `PostgreSQL ${reachable.version} at ${redact(url)} (fresh schema, dropped afterwards)`,
        serverVersion: reachable.version,
      });
    } else {
      throw new Error(`BENCH_ENGINES: unknown engine '${engine}' (sqlite, postgres)`);
    }
  }
  let failed = false;
  let missed = false;
  // Objects and arrays of objects only, one value a line: the layout biome's formatter keeps.
  const writeJson = (name, value) => {
    const file = join(outDir, name);
    writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
    console.log(`\nwritten ${file}`);
  };

  if (only.includes('furnish')) {
    console.log('\n== Furnishing throughput');
    const results = [];
    for (const e of runnable) {
      console.log(`\n${e.title}`);
      const result = await runWorker(e.engine, e.env);
      if (!result.error && e.serverVersion) result.serverVersion = e.serverVersion;
      results.push(result);
    }
    report(results, skipped);
    writeJson('furnish.json', {
      benchmark: 'furnish-throughput',
      date,
      machine: info,
      targets: TARGETS,
      results,
      skipped,
    });
    failed ||= results.some((r) => r.error || !r.verify?.ok);
    missed ||= results.some((r) => r.targets && (!r.targets.speedOk || !r.targets.rssOk));
  }

  if (only.includes('report')) {
    console.log('\n== Report latency and throughput');
    const results = [];
    for (const e of runnable) {
      console.log(`\n${e.title}`);
      const result = await runReportWorker(e.engine, e.env);
      if (!result.error && e.serverVersion) result.serverVersion = e.serverVersion;
      results.push(result);
    }
    printReportBench(results, skipped);
    writeJson('report.json', {
      benchmark: 'report-latency',
      date,
      machine: info,
      targets: REPORT_TARGETS,
      results,
      skipped,
    });
    failed ||= results.some((r) => r.error || !r.verify?.ok);
    missed ||= results.some((r) => r.targets && (!r.targets.p99Ok || !r.targets.rpsOk));
  }
  for (const [name, { script, title }] of Object.entries(STANDALONE)) {
    if (!only.split(',').includes(name)) continue;
    console.log(`\n== ${title}\n`);
    const result = runStandalone(script);
    writeJson(`${name}.json`, { benchmark: name, date, machine: info, result });
    if (result.error) {
      console.log(`  FAILED: ${result.error}`);
      failed = true;
      continue;
    }
    for (const [key, value] of Object.entries(result))
      if (typeof value !== 'object') console.log(`  ${key}: ${value}`);
    const targets = Object.entries(result.targets ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(`  targets (${targets}): ${result.met ? 'met' : 'MISSED'}`);
    missed ||= result.met === false;
  }
  if (failed || (missed && process.env.BENCH_STRICT === '1')) process.exitCode = 1;
}

/** Runs a standalone bench script (stderr shown as it goes); its last stdout line is its JSON result. */
function runStandalone(script) {
  const run = spawnSync(process.execPath, ['--expose-gc', join(here, script)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const result = JSON.parse(last);
    return run.status === 0 || result.met === false
      ? result
      : { ...result, error: `exit code ${run.status}` };
  } catch {
    return { error: `exit code ${run.status}, no JSON result: ${last.slice(0, 300)}` };
  }
}

await main();
