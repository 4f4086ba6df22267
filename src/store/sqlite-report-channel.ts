/**
 * The main thread's side of the SQLite report thread: starts it (and the checkpoint thread) on
 * first use, sends it requests and matches the answers. The threads hold the process open only
 * while requests are pending. If the thread dies, pending requests fail and the next request
 * starts a new one.
 *
 * @example
 *   const channel = sqliteReportChannel('./data/openbureau.sqlite', cipher.openingKey);
 *   const file = await channel.readFileAndRecord(request);
 *   await channel.close();
 */
import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { SavedReport, ServeRequest } from '../report/ports.js';
import type { PersonFile } from '../report/report-types.js';
import type { FromReportThread, ReportThreadData, ToReportThread } from './sqlite-report-messages.js';

/** Requests waiting for the report thread, at most: beyond it a pull fails at once. */
export const MAX_PENDING_REPORT_REQUESTS = 10_000;

export interface SqliteReportChannel {
  readFileAndRecord(request: ServeRequest): Promise<PersonFile | null>;
  saveReport(report: SavedReport): Promise<void>;
  close(): Promise<void>;
}

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (reply: FromReportThread) => void; reject: (error: Error) => void }>;
  /** Requests not posted yet: posted together once the event loop turns (setImmediate). */
  outbox: ToReportThread[];
}

// Built, the thread is a .js beside this file. Run from source (tests, through tsx) it is a .ts,
// which a thread can only load after registering tsx in it (Node 20 does not pass --import on).
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const THREAD_URL = new URL(
  FROM_SOURCE ? './sqlite-report-thread.ts' : './sqlite-report-thread.js',
  import.meta.url,
);

function newThread(workerData: ReportThreadData): Worker {
  if (!FROM_SOURCE) return new Worker(THREAD_URL, { workerData });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(THREAD_URL.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

export function sqliteReportChannel(sqlitePath: string, openingKey: KeyObject): SqliteReportChannel {
  let serving: Thread | undefined;
  let checkpointing: Thread | undefined;
  let nextId = 1;

  function start(role: ReportThreadData['role']): Thread {
    const worker = newThread(role === 'serve' ? { role, sqlitePath, openingKey } : { role, sqlitePath });
    worker.unref();
    const thread: Thread = { worker, pending: new Map(), outbox: [] };
    worker.on('message', (replies: FromReportThread[]) => {
      for (const reply of replies) {
        const waiting = thread.pending.get(reply.id);
        if (!waiting) continue;
        thread.pending.delete(reply.id);
        waiting.resolve(reply);
      }
      if (thread.pending.size === 0) worker.unref();
    });
    const fail = (error: Error) => {
      for (const waiting of thread.pending.values()) waiting.reject(error);
      thread.pending.clear();
      if (serving === thread) serving = undefined;
      if (checkpointing === thread) checkpointing = undefined;
    };
    worker.on('error', (error) => fail(new Error(`the SQLite report thread failed: ${error.message}`)));
    worker.on('exit', (code) => fail(new Error(`the SQLite report thread stopped (exit code ${code})`)));
    return thread;
  }

  function send(thread: Thread, message: ToReportThread): Promise<FromReportThread> {
    if (thread.pending.size >= MAX_PENDING_REPORT_REQUESTS)
      return Promise.reject(new Error(`more than ${MAX_PENDING_REPORT_REQUESTS} report requests pending`));
    return new Promise((resolve, reject) => {
      if (thread.pending.size === 0) thread.worker.ref();
      thread.pending.set(message.id, { resolve, reject });
      if (thread.outbox.push(message) === 1) setImmediate(() => post(thread));
    });
  }

  /** Posts the requests gathered in the outbox, in one message. */
  function post(thread: Thread): void {
    const batch = thread.outbox;
    thread.outbox = [];
    if (batch.length > 0) thread.worker.postMessage(batch);
  }

  function threads(): Thread {
    if (!checkpointing) checkpointing = start('checkpoint');
    if (!serving) serving = start('serve');
    return serving;
  }

  let closed = false;

  async function ask(message: ToReportThread): Promise<FromReportThread & { ok: true }> {
    if (closed) throw new Error('the report store is closed');
    const reply = await send(threads(), message);
    if (!reply.ok) throw new Error(reply.error);
    return reply;
  }

  return {
    async readFileAndRecord(request) {
      const reply = await ask({ id: nextId++, op: 'read', request });
      if (reply.file === undefined)
        throw new Error('invariant: the report thread answered a read without a file');
      return reply.file;
    },
    async saveReport(report) {
      await ask({ id: nextId++, op: 'save', report });
    },
    async close() {
      closed = true;
      const running = [serving, checkpointing].filter((t): t is Thread => t !== undefined);
      serving = undefined;
      checkpointing = undefined;
      await Promise.all(
        running.map(async (thread) => {
          const exited = new Promise((resolve) => thread.worker.once('exit', resolve));
          // Held open until it has exited: an idle thread is unreferenced.
          thread.worker.ref();
          await send(thread, { id: nextId++, op: 'close' }).catch(() => {});
          thread.worker.ref();
          await exited;
        }),
      );
    },
  };
}
