/**
 * The report's storage on both engines (ReportStore). On an SQLite file, pulls go to the SQLite
 * report thread (sqlite-report-thread.ts: one writer, group commit, checkpoints off the request
 * path); on PostgreSQL (and SQLite in memory) each pull is a transaction of its own on the pool.
 * Either way the person's file is read and the inquiry and the request log are written in one
 * transaction.
 *
 * @example
 *   const store = createReportStore(db, cipher);
 *   const file = await store.readFileAndRecord(request);
 */
import type { PiiCipher } from '../identity/pii-cipher.js';
import { sealKeptReport } from '../report/kept-report.js';
import type { ReportRequestLog, ReportStore } from '../report/ports.js';
import { createConsentRepository } from './consent-repository.js';
import { type IdBlocks, idBlocks } from './id-blocks.js';
import { writeRequestLog } from './inquiry-writes.js';
import type { BureauDatabase } from './open-database.js';
import { preparedQuery } from './prepared-query.js';
import { readFileAndRecord, writeReport } from './report-writes.js';
import { sqliteReportChannel } from './sqlite-report-channel.js';

const reportBody = preparedQuery((db, lenderId: number, reportNumber: string) =>
  db
    .selectFrom('reports')
    .select('body_enc')
    .where('lender_id', '=', lenderId)
    .where('report_number', '=', reportNumber),
);

export function createReportStore(store: BureauDatabase, cipher: PiiCipher): ReportStore {
  const consents = createConsentRepository(store);
  const ids = idBlocks();
  // SQLite serves on one connection: ids are allocated on it, outside any transaction of the caller.
  const allocate = (name: 'inquiry' | 'report_request') => (count: number) => store.allocateIds(name, count);
  const logRequest = async (entry: ReportRequestLog) => {
    const requestId = await ids.next('report_request', allocate('report_request'));
    await writeRequestLog(store.db, entry, idBlocksOf({ request: requestId }));
  };
  const threaded =
    store.engine === 'sqlite' && store.sqlitePath !== undefined && store.sqlitePath !== ':memory:'
      ? sqliteReportChannel(store.sqlitePath, cipher.openingKey)
      : undefined;
  if (threaded) store.onClose(() => threaded.close());

  return {
    findConsent: (consentId) => consents.find(consentId),
    logRequest,
    async readFileAndRecord(request) {
      if (threaded) return threaded.readFileAndRecord(request);
      // Concurrent pulls share the blocks: each takes its two ids before its transaction.
      const taken = {
        inquiry: await ids.next('inquiry', allocate('inquiry')),
        request: await ids.next('report_request', allocate('report_request')),
      };
      return store.db
        .transaction()
        .execute((trx) =>
          readFileAndRecord(trx, request, idBlocksOf(taken), (sealed) => cipher.decrypt(sealed)),
        );
    },
    async saveReport(report) {
      // Kept compressed and sealed (kept-report.ts); on SQLite the report thread does it.
      if (threaded) return threaded.saveReport(report);
      await writeReport(store.db, report, sealKeptReport(cipher.openingKey, report.json));
    },
    async findReport(lenderId, reportNumber) {
      const [row] = await reportBody.rows(store.db, lenderId, reportNumber);
      return row?.body_enc;
    },
    close: async () => {
      await threaded?.close();
    },
  };
}

/** Two ids taken for one pull, handed to the shared statements as blocks of one. */
function idBlocksOf(taken: { inquiry?: number; request: number }): IdBlocks {
  const left: Record<string, number[]> = {
    inquiry: taken.inquiry === undefined ? [] : [taken.inquiry],
    report_request: [taken.request],
  };
  return {
    async ensure() {},
    async next(): Promise<number> {
      throw new Error('invariant: ids of a pull are taken in advance');
    },
    take(name) {
      const id = left[name]?.shift();
      if (id === undefined) throw new Error(`invariant: no ${name} id taken for this pull`);
      return id;
    },
  };
}
