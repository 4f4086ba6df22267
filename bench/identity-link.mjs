/**
 * Identity resolution benchmark (issue 5, point 2): linking one incoming record whose ID fails its
 * check or is missing against a store of BENCH_IDENTITY_PERSONS persons (default 1,000,000), p99
 * target 5 ms. Prints one JSON line (figures, targets, met), as bench/run.mjs reads it.
 *
 *   npm run build && node bench/identity-link.mjs
 *   BENCH_IDENTITY_PERSONS=100000 node bench/identity-link.mjs
 *
 * Setup (not timed): a SQLite store of that many persons, built through the furnishing pipeline
 * (identity records: name, birth date, sex, mobile, address; 20,000 a batch), kept in
 * $TMPDIR/openbureau-identity-link/<persons>-v2 and reused by the next run (one store is kept:
 * building another removes the older). Names are generated the way Chinese names repeat: 100
 * surnames with Zipf weights and one or two given-name characters from 150, so "王伟" born on one
 * date is held by several persons and blocks are not all of one.
 *
 * Timed: BENCH_IDENTITY_PROBES records (default 5,000, after 500 warm-up), each of a random person
 * on file, one at a time, through resolveRecord (the value-index lookups, the candidates' reads
 * and decryption, the linkage library's scoring, the decision), reads on the store's connection:
 *   - identity records with a mistyped ID (wrong check character), name, birth date, mobile;
 *   - identity records without ID, with name, birth date and mobile;
 *   - account records with a mistyped ID and the name only (the birth date read from the ID).
 * Then one batch of 1,000 such records through furnishBatch (the whole pipeline, its transaction
 * and writes), per record. Linked: the share resolved to the right person.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seededRandom as rng } from '../dist/identity/linkage/random.js';

const PERSONS = Number(process.env.BENCH_IDENTITY_PERSONS ?? 1_000_000);
const PROBES = Number(process.env.BENCH_IDENTITY_PROBES ?? 5_000);
const WARMUP = 500;
const BATCH_RECORDS = 20_000;
const SEED = 20_251_126;
const TARGETS = { linkP99Ms: 5, persons: 1_000_000 };
const MASTER_KEY = Buffer.alloc(32, 11);
const FURNISHER = 501;

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国梅鹏辉飞鑫宇浩晨欣怡婷雪琳佳俊峰斌波宁海东志云春燕萍小凤玲慧亮新成子一丹晓德永婉思雨涵轩博睿嘉瑶琪颖倩露莉蕾洁珊月美淑惠珍贞芬彬虎豪毅坤健锋辰天泽然航铭皓梓诗蕊欢乐庆祥福贵山水振家宏伦光荣义仁礼智信忠孝丰雅琴妍悦心可馨翠萌阳鸿昊凯旭晶岩鹤立坚青',
];
const PROVINCES =
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65'.split(' ');
const CITIES = [
  '北京市朝阳区',
  '上海市黄浦区',
  '广东省深圳市南山区',
  '浙江省杭州市西湖区',
  '江苏省南京市玄武区',
  '四川省成都市武侯区',
];

/** Zipf-weighted pick from a list (weight 1 / rank). */
function zipf(list) {
  const weights = list.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = [];
  let sum = 0;
  for (const w of weights) {
    sum += w / total;
    cumulative.push(sum);
  }
  return (u) => {
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return list[lo];
  };
}
const surname = zipf(SURNAMES);
const givenChar = zipf(GIVEN);

/** Person i, the same on every call. */
function person(lib, i) {
  const r = rng(SEED + i * 7_919);
  const birthDay = Math.floor(r() * 20_000); // days after 1950-01-01: to 2004
  const birth = new Date(Date.UTC(1950, 0, 1) + birthDay * 86_400_000).toISOString().slice(0, 10);
  const name = surname(r()) + givenChar(r()) + (r() < 0.6 ? givenChar(r()) : '');
  // A distinct region (a real province, then 0001-9999) and sequence for every i: no two persons share an ID.
  const region = `${PROVINCES[i % PROVINCES.length]}${String(1 + (Math.floor(i / PROVINCES.length) % 9_999)).padStart(4, '0')}`;
  const sequence = 1 + Math.floor(i / (PROVINCES.length * 9_999));
  const id = lib.makeResidentId(region, birth, sequence);
  const sex = sequence % 2 === 1 ? 'M' : 'F';
  const mobile = `13${String(100_000_000 + i).slice(-9)}`;
  const address = `${CITIES[i % CITIES.length]}${GIVEN[i % GIVEN.length]}${GIVEN[(i >> 3) % GIVEN.length]}路${1 + (i % 300)}号${1 + (i % 40)}栋`;
  return { id, name, birth, sex, mobile, address };
}

function wrongCheck(lib, id) {
  const right = lib.residentIdCheckCharacter(id.slice(0, 17));
  return id.slice(0, 17) + (right === '0' ? '1' : '0');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const lib = {
    ...(await import('../dist/domain/resident-id.js')),
    ...(await import('../dist/domain/jurisdiction.js')),
    ...(await import('../dist/furnish/furnish-batch.js')),
    ...(await import('../dist/identity/pii-cipher.js')),
    ...(await import('../dist/identity/resolution/resolve-record.js')),
    ...(await import('../dist/identity/resolution/probe.js')),
    ...(await import('../dist/identity/resolution/thresholds.js')),
    ...(await import('../dist/store/furnish-repository.js')),
    ...(await import('../dist/store/identity-resolution-reads.js')),
    ...(await import('../dist/store/migrate.js')),
    ...(await import('../dist/store/open-database.js')),
  };
  const root = join(tmpdir(), 'openbureau-identity-link');
  const dir = join(root, `${PERSONS}-v2`);
  const done = join(dir, 'complete');
  if (!existsSync(done)) {
    // One store is kept: an older one of another size goes.
    if (existsSync(root))
      for (const name of readdirSync(root)) rmSync(join(root, name), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  const store = await lib.openDatabase({ sqlitePath: join(dir, 'bureau.sqlite') });
  await lib.migrate(store);
  const cipher = lib.createPiiCipher(MASTER_KEY);
  const profile = lib.CHINA_PROFILE;
  const deps = { store: lib.createFurnishStore(store), cipher, profile };
  const today = new Date().toISOString().slice(0, 10);
  let buildSeconds = null;
  if (!existsSync(done)) {
    const started = performance.now();
    for (let from = 0; from < PERSONS; from += BATCH_RECORDS) {
      const lines = [];
      for (let i = from; i < Math.min(PERSONS, from + BATCH_RECORDS); i++) {
        const p = person(lib, i);
        lines.push(
          JSON.stringify({
            kind: 'identity',
            id_number: p.id,
            name: p.name,
            reported_on: today,
            birth_date: p.birth,
            sex: p.sex,
            mobile: p.mobile,
            address: p.address,
          }),
        );
      }
      await lib.furnishBatch(deps, {
        furnisherId: FURNISHER,
        batchId: `setup-${from}`,
        body: Buffer.from(lines.join('\n')),
      });
      if ((from / BATCH_RECORDS) % 10 === 0)
        process.stderr.write(
          `  built ${Math.min(PERSONS, from + BATCH_RECORDS)} persons, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
        );
    }
    buildSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
    writeFileSync(done, `${PERSONS}\n`);
  }
  const personsOnFile = Number(
    (await store.db.selectFrom('persons').select(store.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
  );

  const reads = lib.createResolutionReads(store.db, 'sqlite');
  const ctx = { reads, cipher, thresholds: lib.RESOLUTION_THRESHOLDS };
  const personIdOf = async (id) =>
    Number(
      (
        await store.db
          .selectFrom('national_id_index')
          .select('person_id')
          .where('id_hash', '=', cipher.hash('national_id', id))
          .executeTakeFirstOrThrow()
      ).person_id,
    );
  const random = rng(SEED + 1);
  const kinds = ['mistyped', 'missing', 'account'];
  const latencies = [];
  const byKind = Object.fromEntries(kinds.map((k) => [k, []]));
  const decisions = { link: 0, review: 0, no_match: 0, by_id: 0 };
  let right = 0;
  let compared = 0;
  for (let k = 0; k < WARMUP + PROBES; k++) {
    const i = Math.floor(random() * PERSONS);
    const p = person(lib, i);
    const kind = kinds[k % kinds.length];
    const record =
      kind === 'account'
        ? { kind: 'account', id_number: wrongCheck(lib, p.id), name: p.name }
        : {
            kind: 'identity',
            ...(kind === 'mistyped' ? { id_number: wrongCheck(lib, p.id) } : {}),
            name: p.name,
            birth_date: p.birth,
            sex: p.sex,
            mobile: p.mobile,
          };
    const t = performance.now();
    const outcome = await lib.resolveRecord(ctx, {
      probe: lib.probeOfRecord(record, profile),
      reason: kind === 'missing' ? 'id_missing' : 'id_invalid',
    });
    const ms = performance.now() - t;
    if (k < WARMUP) continue;
    latencies.push(ms);
    byKind[kind].push(ms);
    decisions[outcome.decision.kind]++;
    compared += outcome.compared;
    if (outcome.decision.kind === 'link' && outcome.decision.personId === (await personIdOf(p.id))) right++;
  }
  latencies.sort((a, b) => a - b);
  for (const list of Object.values(byKind)) list.sort((a, b) => a - b);

  // The whole pipeline: one batch of 1,000 records needing resolution.
  const lines = [];
  for (let k = 0; k < 1_000; k++) {
    const p = person(lib, Math.floor(random() * PERSONS));
    lines.push(
      JSON.stringify({
        kind: 'identity',
        id_number: wrongCheck(lib, p.id),
        name: p.name,
        reported_on: today,
        birth_date: p.birth,
        sex: p.sex,
        mobile: p.mobile,
      }),
    );
  }
  const t = performance.now();
  const batch = await lib.furnishBatch(deps, {
    furnisherId: FURNISHER + 1,
    batchId: `probe-${Date.now()}`,
    body: Buffer.from(lines.join('\n')),
  });
  const batchMsPerRecord = (performance.now() - t) / 1_000;
  await store.close();

  const p99 = percentile(latencies, 99);
  const line = {
    bench: 'identity-link',
    engine: 'sqlite',
    persons: personsOnFile,
    storeReused: buildSeconds === null,
    buildSeconds,
    probes: PROBES,
    linkP50Ms: Number(percentile(latencies, 50).toFixed(3)),
    linkP99Ms: Number(p99.toFixed(3)),
    linkMaxMs: Number(latencies[latencies.length - 1].toFixed(3)),
    p99ByKindMs: Object.fromEntries(kinds.map((k) => [k, Number(percentile(byKind[k], 99).toFixed(3))])),
    meanCandidates: Number((compared / PROBES).toFixed(2)),
    decisions,
    linkedRightShare: Number((right / PROBES).toFixed(4)),
    batchOf1000: { accepted: batch.batch.accepted, msPerRecord: Number(batchMsPerRecord.toFixed(3)) },
    targets: TARGETS,
  };
  line.met = line.linkP99Ms < TARGETS.linkP99Ms && line.persons >= TARGETS.persons;
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

await main();
