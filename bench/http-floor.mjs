/**
 * The floor of a consent-gated query over HTTP on this machine: `node:http` with no framework, in
 * BENCH_FLOOR_WORKERS processes (default 2, one per core), each request doing only what any report
 * or pre-lending check must: parse the JSON body, a keyed hash of the ID, read one person's rows
 * (the ID index, accounts, monthly states, inquiries, identity rows) and write one inquiry row;
 * the answer is a fixed JSON body of BENCH_FLOOR_ANSWER_BYTES (default 16,000: a check's answer;
 * a report's is 9-20 KB). Nothing is checked, built, scored, serialized or kept. Loaded by wrk (one
 * thread, 32 connections) like `npm run bench`. It says how many queries per second this machine
 * can serve at best, next to the report and check figures of bench/report-latency.mjs.
 *
 *   npm run build && node bench/http-floor.mjs --store ./data/openbureau.sqlite
 *
 * The store (any openbureau SQLite store with persons, such as the demo's) is copied to a temp
 * directory first: the original is not written. Needs wrk on the PATH. One JSON line is printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { createPiiCipher } from '../dist/identity/pii-cipher.js';

const WORKERS = Number(process.env.BENCH_FLOOR_WORKERS ?? 2);
const ANSWER_BYTES = Number(process.env.BENCH_FLOOR_ANSWER_BYTES ?? 16_000);
const SECONDS = Number(process.env.BENCH_FLOOR_SECONDS ?? 15);
const CLIENTS = 32;
const PORT = 7801;
/** Inquiry ids of the floor start here, a block per worker process, far above the store's own. */
const INQUIRY_ID_BASE = 1e12;

function serve(path) {
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const cipher = createPiiCipher(Buffer.alloc(32, 7));
  const persons = sqlite.prepare('select person_id, id_hash from persons').raw(true).all();
  if (persons.length === 0) throw new Error('the store has no persons');
  const reads = [
    sqlite.prepare('select * from accounts where person_id = ?'),
    sqlite.prepare('select * from account_months where person_id = ? and deleted = 0'),
    sqlite.prepare('select * from inquiries where person_id = ? order by at desc limit 500'),
    sqlite.prepare('select * from identity_attributes where person_id = ?'),
  ].map((s) => s.raw(true));
  const indexOf = sqlite.prepare('select person_id from national_id_index where id_hash = ?');
  const addInquiry = sqlite.prepare(
    "insert into inquiries (person_id, inquiry_id, at, institution_id, reason, consent_id, report_number) values (?, ?, ?, 1, '02', ?, ?)",
  );
  let nextInquiry = INQUIRY_ID_BASE + cluster.worker.id * 1e9;
  const answer = JSON.stringify({ pad: 'x'.repeat(Math.max(0, ANSWER_BYTES - 10)) });
  http
    .createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        const request = JSON.parse(body);
        cipher.hash('national_id', request.id_number);
        // The person is drawn at random (the body's ID is hashed, not looked up): found by its hash.
        const [personId, idHash] = persons[Math.floor(Math.random() * persons.length)];
        indexOf.get(idHash);
        for (const read of reads) read.all(personId);
        nextInquiry += 1;
        addInquiry.run(
          personId,
          nextInquiry,
          new Date().toISOString(),
          request.consent_id,
          `F${nextInquiry}`,
        );
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(answer);
      });
    })
    .listen(PORT, '127.0.0.1', () => process.send?.('up'));
}

async function main() {
  const { values } = parseArgs({ options: { store: { type: 'string' } } });
  if (!values.store) throw new Error('--store PATH: an openbureau SQLite store');
  if (spawnSync('wrk', ['--version']).error) throw new Error('wrk is not on the PATH');
  const dir = mkdtempSync(join(tmpdir(), 'openbureau-http-floor-'));
  const path = join(dir, 'floor.sqlite');
  copyFileSync(values.store, path);
  const lua = join(dir, 'post.lua');
  writeFileSync(
    lua,
    `wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"id_number":"11010519491231002X","name":"王芳","purpose":"02","consent_id":"c_floor"}'
`,
  );
  cluster.setupPrimary({ args: ['--serve', path] });
  const workers = Array.from({ length: WORKERS }, () => cluster.fork());
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  const wrk = (seconds) =>
    new Promise((resolve, reject) => {
      const child = spawn('wrk', [
        '-t1',
        `-c${CLIENTS}`,
        `-d${seconds}s`,
        '--latency',
        '-s',
        lua,
        `http://127.0.0.1:${PORT}`,
      ]);
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
      });
      child.on('error', reject);
      child.on('exit', () => resolve(out));
    });
  try {
    await wrk(3);
    const out = await wrk(SECONDS);
    const perSecond = Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1]);
    const p99 = out.match(/99%\s+([\d.]+)(ms|s|us)/);
    const p99Ms = p99 ? Number(p99[1]) * (p99[2] === 's' ? 1000 : p99[2] === 'us' ? 0.001 : 1) : null;
    process.stdout.write(
      `${JSON.stringify({
        bench: 'http-floor',
        node: process.version,
        cores: cpus().length,
        workers: WORKERS,
        clients: CLIENTS,
        answerBytes: ANSWER_BYTES,
        seconds: SECONDS,
        requestsPerSecond: Math.round(perSecond),
        p99Ms,
        non2xx: Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0),
      })}\n`,
    );
  } finally {
    for (const w of workers) w.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (cluster.isPrimary) await main();
else serve(process.argv[process.argv.indexOf('--serve') + 1]);
