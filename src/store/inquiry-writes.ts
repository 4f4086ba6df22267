/**
 * The writes every consent-gated query makes on the person's file and in the request log: the
 * inquiry (a report, a pre-lending check, a fraud check) and the log row of the request, served
 * or refused. Shared by the report path and the fraud-check path, on both engines.
 *
 * @example
 *   await insertInquiry.run(trx, personId, ids.take('inquiry'), at, lenderId, '02', consentId, number);
 *   await writeRequestLog(trx, log, ids);
 */
import type { Kysely } from 'kysely';
import type { ReportRequestLog } from '../report/ports.js';
import type { IdBlocks } from './id-blocks.js';
import { preparedQuery } from './prepared-query.js';
import type { Database } from './schema-types.js';

/** Inserts one inquiry on a person's file (its id taken from the caller's id blocks). */
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
