/**
 * The statements of a report pull, shared by both engines and by the SQLite report thread: in
 * one transaction the person's file is read (values still sealed) and the inquiry and the
 * request log row are written; the report served is kept by a later statement.
 *
 * @example
 *   const file = await db.transaction().execute((trx) => readFileAndRecord(trx, request, ids));
 */
import type { Kysely } from 'kysely';
import type { ReportRequestLog, ServeRequest } from '../report/ports.js';
import type { PersonFile } from '../report/report-types.js';
import type { IdBlocks } from './id-blocks.js';
import { readPersonFile } from './person-file-repository.js';
import { preparedQuery } from './prepared-query.js';
import type { Database } from './schema-types.js';

export const insertInquiry = preparedQuery(
  (
    db,
    personId: number,
    inquiryId: number,
    at: string,
    institutionId: number,
    reason: string,
    consentId: string,
    reportNumber: string,
  ) =>
    db.insertInto('inquiries').values({
      person_id: personId,
      inquiry_id: inquiryId,
      at,
      institution_id: institutionId,
      reason,
      consent_id: consentId,
      report_number: reportNumber,
    }),
);

const insertRequestLog = preparedQuery(
  (
    db,
    lenderId: number,
    requestId: number,
    at: string,
    idHash: string,
    purpose: string,
    consentId: string | null,
    outcome: string,
    reportNumber: string | null,
  ) =>
    db.insertInto('report_requests').values({
      lender_id: lenderId,
      request_id: requestId,
      at,
      id_hash: idHash,
      purpose,
      consent_id: consentId,
      outcome,
      report_number: reportNumber,
    }),
);

const insertReport = preparedQuery(
  (db, lenderId: number, reportNumber: string, createdAt: string, bodyEnc: string) =>
    db.insertInto('reports').values({
      lender_id: lenderId,
      report_number: reportNumber,
      created_at: createdAt,
      body_enc: bodyEnc,
    }),
);

/** Writes one request log row; its id must have been ensured in `ids`. */
export async function writeRequestLog(
  db: Kysely<Database>,
  entry: ReportRequestLog,
  ids: IdBlocks,
): Promise<void> {
  await insertRequestLog.run(
    db,
    entry.lenderId,
    ids.take('report_request'),
    entry.at,
    entry.idHash,
    entry.purpose,
    entry.consentId,
    entry.outcome,
    entry.reportNumber,
  );
}

/**
 * Inside the caller's transaction: reads the person's file (identity values opened with `open`),
 * records the inquiry when the person is on file, and logs the request as served. Ids for one inquiry and one log row must have been
 * ensured in `ids`.
 */
export async function readFileAndRecord(
  db: Kysely<Database>,
  request: ServeRequest,
  ids: IdBlocks,
  open: (sealed: string) => string,
): Promise<PersonFile | null> {
  const file = await readPersonFile(db, request.idHash, open);
  const q = request.inquiry;
  if (file)
    await insertInquiry.run(
      db,
      file.personId,
      ids.take('inquiry'),
      q.at,
      q.institutionId,
      q.reason,
      q.consentId,
      q.reportNumber,
    );
  await writeRequestLog(db, request.log, ids);
  return file;
}

/** Keeps a report served, sealed, for the lender who pulled it. */
export async function writeReport(
  db: Kysely<Database>,
  report: { lenderId: number; reportNumber: string; at: string; bodyEnc: string },
): Promise<void> {
  await insertReport.run(db, report.lenderId, report.reportNumber, report.at, report.bodyEnc);
}
