/**
 * The messages between the main thread and the SQLite report thread (see sqlite-report-thread.ts).
 * Each side posts them in batches (an array per post): the requests that arrive in one turn of the
 * main thread's event loop, the replies of one group transaction. A post costs more than the
 * copy of a small message, and the two sides post four times per report otherwise.
 *
 * @example
 *   worker.postMessage([{ id: 1, op: 'read', request }] satisfies ToReportThread[]);
 */
import type { KeyObject } from 'node:crypto';
import type { SavedReport, ServeRequest } from '../report/ports.js';
import type { PersonFile } from '../report/report-types.js';

export type ToReportThread =
  | { id: number; op: 'read'; request: ServeRequest }
  | { id: number; op: 'save'; report: SavedReport }
  | { id: number; op: 'close' };

export type FromReportThread =
  | { id: number; ok: true; file?: PersonFile | null }
  | { id: number; ok: false; error: string };

/** What the thread is started with. */
export interface ReportThreadData {
  role: 'serve' | 'checkpoint';
  sqlitePath: string;
  /** The key that opens identity values (role 'serve'): the thread returns files opened. */
  openingKey?: KeyObject;
}
