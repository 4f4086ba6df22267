/**
 * The floor of ingesting new consumers into SQLite on this machine, on one thread: per record only
 * what the design requires of any ingest (no parsing, no rule, no identity resolution, no batch
 * bookkeeping): the keyed hashes and sealed values of the ID and of four identity values (name,
 * birth date, address, mobile) plus the name-and-birth-date key of the value index, and the fewest
 * rows a credit file needs (person and ID index, four identity rows, three value-index rows,
 * account and account index, one monthly state), through prepared statements, one transaction per
 * 10,000 records, on the real schema. It says how far below the pipeline's figure
 * (bench/metro2-ingest.mjs) an ingest of new consumers can go here at best.
 *
 *   npm run build && node bench/ingest-floor.mjs                 # crypto and rows
 *   BENCH_FLOOR_CRYPTO=0 node bench/ingest-floor.mjs             # rows only
 *   BENCH_FLOOR_ROWS=0 node bench/ingest-floor.mjs               # crypto only
 *
 * BENCH_FLOOR_RECORDS sets the records (default 200,000); BENCH_FLOOR_CACHE_MIB the connection's page
 * cache (default SQLite's 2 MiB); BENCH_FLOOR_BARE=1 keeps only what the brief requires of any
 * bureau (the ID hashed and sealed; person, ID index, account, account index, monthly state). One
 * JSON line is printed; the store is a temp directory, deleted at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPiiCipher } from '../dist/identity/pii-cipher.js';
import { migrate } from '../dist/store/migrate.js';
import { openDatabase } from '../dist/store/open-database.js';

const RECORDS = Number(process.env.BENCH_FLOOR_RECORDS ?? 200_000);
const CRYPTO = process.env.BENCH_FLOOR_CRYPTO !== '0';
const ROWS = process.env.BENCH_FLOOR_ROWS !== '0';
/** Only what the firm decisions require of any bureau: the ID's keyed hash and sealed value, the
 *  person, the ID index, the account and its index and the monthly state (no identity values). */
const BARE = process.env.BENCH_FLOOR_BARE === '1';
const RECORDS_PER_TRANSACTION = 10_000;
if (!Number.isSafeInteger(RECORDS) || RECORDS < 1) throw new Error('BENCH_FLOOR_RECORDS: a positive integer');

const dir = mkdtempSync(join(tmpdir(), 'openbureau-ingest-floor-'));
try {
  const store = await openDatabase({ sqlitePath: join(dir, 'floor.sqlite') });
  await migrate(store);
  const sqlite = store.sqlite;
  if (!sqlite) throw new Error('invariant: an SQLite store');
  if (process.env.BENCH_FLOOR_CACHE_MIB)
    sqlite.pragma(`cache_size = -${Number(process.env.BENCH_FLOOR_CACHE_MIB) * 1024}`);
  sqlite
    .prepare(
      "insert into institutions (institution_id, code, name, kind, roles, created_at) values (1, 'floor', 'Floor', 'bank', 'furnisher', '2026-11-26')",
    )
    .run();
  const cipher = createPiiCipher(randomBytes(32));
  const hash = CRYPTO ? (kind, value) => cipher.hash(kind, value) : (kind, value) => `${kind}:${value}`;
  const seal = CRYPTO ? (value) => cipher.encrypt(value) : (value) => value;
  const addPerson = sqlite.prepare("insert into persons values (?, 'resident_id', ?, ?, '2026-11-26')");
  const indexId = sqlite.prepare('insert into national_id_index values (?, ?)');
  const addAttribute = sqlite.prepare(
    "insert into identity_attributes values (?, ?, ?, ?, ?, 1, '2026-10-31', '2026-10-31', 1)",
  );
  const indexValue = sqlite.prepare(
    "insert into identity_value_index values (?, ?, ?, 1, '2026-10-31', '2026-10-31')",
  );
  const addAccount = sqlite.prepare(
    "insert into accounts values (?, ?, 1, ?, 'D1', '11', 'CNY', '2024-01-15', '2027-01-15', 1000000, null, '11', '03', 36, '4', 0, 'open', 1, '2026-10-31', 1, '2026-11-26', null)",
  );
  const indexAccount = sqlite.prepare(
    "insert into account_index values (1, ?, ?, ?, 'D1', '2024-01-15', 'open')",
  );
  const addMonth = sqlite.prepare(
    "insert into account_months values (?, ?, '2026-10', 500000, null, 30000, 30000, 0, 0, 'N', 1, 0, 1, '2026-10-31', 1)",
  );

  const t0 = performance.now();
  for (let from = 0; from < RECORDS; from += RECORDS_PER_TRANSACTION) {
    const to = Math.min(RECORDS, from + RECORDS_PER_TRANSACTION);
    sqlite.transaction(() => {
      for (let i = from; i < to; i++) {
        const personId = i + 1;
        const id = `11010519${String(i).padStart(10, '0')}`;
        const values = [
          ['name', `王芳${i}`],
          ['birth_date', '1949-12-31'],
          ['address', `北京市海淀区中关村大街${i}号`],
          ['mobile', `138${String(i).padStart(8, '0')}`],
        ];
        const idHash = hash('national_id', id);
        const idEnc = seal(id);
        const sealed = BARE ? [] : values.map(([kind, value]) => [kind, hash(kind, value), seal(value)]);
        const nameBirth = BARE ? '' : hash('name_birth_date', `${values[0][1]}|${values[1][1]}`);
        if (!ROWS) continue;
        addPerson.run(personId, idHash, idEnc);
        indexId.run(idHash, personId);
        if (!BARE) {
          let attrId = 1;
          for (const [kind, valueHash, valueEnc] of sealed)
            addAttribute.run(personId, attrId++, kind, valueHash, valueEnc);
          indexValue.run('address', sealed[2][1], personId);
          indexValue.run('mobile', sealed[3][1], personId);
          indexValue.run('name_birth_date', nameBirth, personId);
        }
        addAccount.run(personId, personId, `A${i}`);
        indexAccount.run(`A${i}`, personId, personId);
        addMonth.run(personId, personId);
      }
    })();
  }
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  process.stdout.write(
    `${JSON.stringify({
      bench: 'ingest-floor',
      node: process.version,
      records: RECORDS,
      crypto: CRYPTO,
      rows: ROWS,
      bare: BARE,
      cacheMiB: Number(process.env.BENCH_FLOOR_CACHE_MIB ?? 2),
      seconds: +seconds.toFixed(2),
      recordsPerSecond: Math.round(RECORDS / seconds),
      usPerRecord: +((seconds * 1e6) / RECORDS).toFixed(1),
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
