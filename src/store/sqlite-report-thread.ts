/**
 * The SQLite report thread: the one writer of report pulls on an SQLite store, on a connection of
 * its own, so the main thread keeps serving HTTP while the database works. Requests that arrive
 * together are run as one transaction (group commit), each in a savepoint of its own: a request
 * that fails rolls back alone. Started with role 'checkpoint', the thread instead checkpoints the
 * WAL every CHECKPOINT_INTERVAL_MS (PASSIVE: it never blocks readers or the writer), so that no
 * commit of a report pays for a checkpoint.
 *
 * @example
 *   new Worker(new URL('./sqlite-report-thread.js', import.meta.url), { workerData: { role: 'serve', sqlitePath } });
 */
import type { KeyObject } from 'node:crypto';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { CompiledQuery, type Kysely } from 'kysely';
import { openSealed } from '../identity/pii-cipher.js';
import { sealKeptReport } from '../report/kept-report.js';
import { allocateIds } from './allocate-ids.js';
import { idBlocks } from './id-blocks.js';
import { openDatabase } from './open-database.js';
import { readFileAndRecord, writeReport } from './report-writes.js';
import type { Database } from './schema-types.js';
import type { FromReportThread, ReportThreadData, ToReportThread } from './sqlite-report-messages.js';

/**
 * Requests run in one transaction, at most. Small on purpose: a group's replies are posted when
 * it commits, so with 64 the main thread got 32 files at once and built them while this thread
 * waited for the next requests, then the other way round (each thread about half busy). Groups of
 * 4 keep both busy (a commit in WAL mode with synchronous=NORMAL writes no fsync, so larger groups
 * save little): 586 -> 842-870 reports/s over HTTP on a 20,000-person store, back to back.
 */
export const MAX_GROUP_REQUESTS = 4;
/** How often the checkpoint thread checkpoints the WAL. */
export const CHECKPOINT_INTERVAL_MS = 200;
/** WAL frames (pages of 4 KiB) past which the checkpoint thread makes the WAL start again: 8 MiB. */
export const WAL_RESTART_FRAMES = 2_048;
/**
 * Page cache of the report thread's connection. SQLite's default (2 MiB, 500 pages) holds a few
 * persons' files: a pull of a random person then reads most of its pages from the OS with a
 * system call and a copy each. 64 MiB (16,384 pages) keeps the index levels and the recently
 * pulled files in the connection (on a 100,000-person store: 777 -> 1,114 reports/s over HTTP).
 */
export const REPORT_THREAD_CACHE_MIB = 64;

const SAVEPOINT = CompiledQuery.raw('savepoint report_item');
const RELEASE = CompiledQuery.raw('release report_item');
const ROLLBACK_TO = CompiledQuery.raw('rollback to report_item');

type Work = Exclude<ToReportThread, { op: 'close' }>;

function requirePort(): MessagePort {
  if (!parentPort) throw new Error('sqlite-report-thread: not started as a worker');
  return parentPort;
}

async function serve(sqlitePath: string, openingKey: KeyObject | undefined): Promise<void> {
  const port = requirePort();
  if (!openingKey) throw new Error('invariant: the report thread needs the key that opens identity values');
  const key: KeyObject = openingKey;
  const open = (sealed: string) => openSealed(key, sealed);
  const store = await openDatabase({ sqlitePath, sqliteWalAutocheckpointPages: 0 });
  if (!store.sqlite) throw new Error('invariant: the report thread needs an SQLite store');
  // A negative cache_size is in KiB.
  store.sqlite.pragma(`cache_size = -${REPORT_THREAD_CACHE_MIB * 1024}`);
  const db: Kysely<Database> = store.db;
  const ids = idBlocks();
  const queue: Work[] = [];
  let flushing = false;
  let closing: number | undefined;

  async function runOne(trx: Kysely<Database>, work: Work): Promise<FromReportThread> {
    await trx.executeQuery(SAVEPOINT);
    try {
      let reply: FromReportThread;
      if (work.op === 'read')
        reply = { id: work.id, ok: true, file: await readFileAndRecord(trx, work.request, ids, open) };
      else {
        await writeReport(trx, work.report, sealKeptReport(key, work.report.json));
        reply = { id: work.id, ok: true };
      }
      await trx.executeQuery(RELEASE);
      return reply;
    } catch (error) {
      await trx.executeQuery(ROLLBACK_TO);
      await trx.executeQuery(RELEASE);
      return { id: work.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async function flush(): Promise<void> {
    flushing = true;
    while (queue.length > 0) {
      const group = queue.splice(0, MAX_GROUP_REQUESTS);
      const reads = group.reduce((n, w) => n + (w.op === 'read' ? 1 : 0), 0);
      let replies: FromReportThread[];
      try {
        // Ids are allocated, committed, before the group: a rollback never hands them out twice.
        await ids.ensure('inquiry', reads, (n) => allocateIds(db, 'inquiry', n));
        await ids.ensure('report_request', reads, (n) => allocateIds(db, 'report_request', n));
        replies = await db.transaction().execute(async (trx) => {
          const out: FromReportThread[] = [];
          for (const work of group) out.push(await runOne(trx, work));
          return out;
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        replies = group.map((w) => ({ id: w.id, ok: false, error: message }));
      }
      port.postMessage(replies);
    }
    flushing = false;
    if (closing !== undefined) await shutdown(closing);
  }

  async function shutdown(id: number): Promise<void> {
    await store.close();
    port.postMessage([{ id, ok: true }] satisfies FromReportThread[]);
    port.close();
  }

  port.on('message', (batch: ToReportThread[]) => {
    let close: number | undefined;
    for (const message of batch) {
      if (message.op === 'close') close = message.id;
      else if (close === undefined) queue.push(message);
      else throw new Error('invariant: a request was sent after the close of the report thread');
    }
    // Requests that arrive while a group runs join the next group.
    if (queue.length > 0 && !flushing) {
      setImmediate(() => void flush());
      flushing = true;
    }
    // A close waits for the requests before it: the flush that runs them shuts the thread down.
    if (close !== undefined) {
      closing = close;
      if (!flushing) void shutdown(close);
    }
  });
}

async function checkpoint(sqlitePath: string): Promise<void> {
  const port = requirePort();
  const store = await openDatabase({ sqlitePath, sqliteWalAutocheckpointPages: 0 });
  const sqlite = store.sqlite;
  if (!sqlite) throw new Error('invariant: the checkpoint thread needs an SQLite store');
  const timer = setInterval(() => {
    try {
      const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      // Under steady load the writer never begins at a moment when the WAL is wholly checkpointed,
      // so the WAL would never start again from its beginning and would grow without end. Past
      // WAL_RESTART_FRAMES, a RESTART checkpoint waits for readers to leave the WAL (microseconds:
      // every read is one statement) so that the next commit writes from its start.
      if (result && result.log >= WAL_RESTART_FRAMES) sqlite.pragma('wal_checkpoint(RESTART)');
    } catch {
      // A busy database is checkpointed next time.
    }
  }, CHECKPOINT_INTERVAL_MS);
  port.on('message', (batch: ToReportThread[]) => {
    const close = batch.find((message) => message.op === 'close');
    if (!close) return;
    clearInterval(timer);
    void store.close().then(() => {
      port.postMessage([{ id: close.id, ok: true }] satisfies FromReportThread[]);
      port.close();
    });
  });
}

const data = workerData as ReportThreadData;
if (data.role === 'serve') await serve(data.sqlitePath, data.openingKey);
else await checkpoint(data.sqlitePath);
