/**
 * The report's storage on both engines (ReportStore): consents, the person's file and the
 * inquiry, report and request log written in one transaction.
 *
 * @example
 *   const store = createReportStore(db, cipher);
 */
import type { Kysely } from 'kysely';
import type { PiiCipher } from '../identity/pii-cipher.js';
import type { ReportRequestLog, ReportStore, ReportTransaction } from '../report/ports.js';
import { allocateIds } from './allocate-ids.js';
import { createConsentRepository } from './consent-repository.js';
import type { BureauDatabase } from './open-database.js';
import { readPersonFile } from './person-file-repository.js';
import type { Database } from './schema-types.js';

/** Ids inside a transaction: SQLite has one connection (the transaction's); PostgreSQL allocates on its own. */
function allocator(db: Kysely<Database>, store: BureauDatabase) {
  return (name: 'report_request' | 'inquiry') =>
    store.engine === 'sqlite' ? allocateIds(db, name, 1) : store.allocateIds(name, 1);
}

async function logRequest(
  db: Kysely<Database>,
  store: BureauDatabase,
  entry: ReportRequestLog,
): Promise<void> {
  const requestId = await allocator(db, store)('report_request');
  await db
    .insertInto('report_requests')
    .values({
      lender_id: entry.lenderId,
      request_id: requestId,
      at: entry.at,
      id_hash: entry.idHash,
      purpose: entry.purpose,
      consent_id: entry.consentId,
      outcome: entry.outcome,
      report_number: entry.reportNumber,
    })
    .execute();
}

export function createReportStore(store: BureauDatabase, cipher: PiiCipher): ReportStore {
  const consents = createConsentRepository(store);
  return {
    findConsent: (consentId) => consents.find(consentId),
    logRequest: (entry) => logRequest(store.db, store, entry),
    serve: (work) =>
      store.db.transaction().execute((trx) => {
        const tx: ReportTransaction = {
          readPersonFile: (idHash) => readPersonFile(trx, idHash, (sealed) => cipher.decrypt(sealed)),
          async recordInquiry(q) {
            const inquiryId = await allocator(trx, store)('inquiry');
            await trx
              .insertInto('inquiries')
              .values({
                person_id: q.personId,
                inquiry_id: inquiryId,
                at: q.at,
                institution_id: q.institutionId,
                reason: q.reason,
                consent_id: q.consentId,
                report_number: q.reportNumber,
              })
              .execute();
          },
          async saveReport(r) {
            await trx
              .insertInto('reports')
              .values({
                lender_id: r.lenderId,
                report_number: r.reportNumber,
                created_at: r.at,
                body_enc: r.bodyEnc,
              })
              .execute();
          },
          logRequest: (entry) => logRequest(trx, store, entry),
        };
        return work(tx);
      }),
    async findReport(lenderId, reportNumber) {
      const row = await store.db
        .selectFrom('reports')
        .select('body_enc')
        .where('lender_id', '=', lenderId)
        .where('report_number', '=', reportNumber)
        .executeTakeFirst();
      return row?.body_enc;
    },
  };
}
