/**
 * The statements of a report pull, shared by both engines and by the SQLite report thread: in
 * one transaction the person's file is read (values still sealed) and the inquiry and the
 * request log row are written; the report served is kept by a later statement.
 *
 * @example
 *   const file = await db.transaction().execute((trx) => readFileAndRecord(trx, request, ids));
 */
import type { Kysely } from 'kysely';
import type { ServeRequest } from '../report/ports.js';
import type { PersonFile } from '../report/report-types.js';
import { readFraudEvidence } from './fraud-evidence-repository.js';
import type { IdBlocks } from './id-blocks.js';
import { insertInquiry, writeRequestLog } from './inquiry-writes.js';
import { readPersonFileAndEvidence } from './person-file-repository.js';
import { preparedQuery } from './prepared-query.js';
import type { Database } from './schema-types.js';

const insertReport = preparedQuery(
  (db, lenderId: number, reportNumber: string, createdAt: string, bodyEnc: string) =>
    db.insertInto('reports').values({
      lender_id: lenderId,
      report_number: reportNumber,
      created_at: createdAt,
      body_enc: bodyEnc,
    }),
);

/**
 * Inside the caller's transaction: reads the person's file (identity values opened with `open`)
 * and, when the request asks for it, the evidence of the fraud signals (before this inquiry is
 * on the file); records the inquiry when the person is on file, and logs the request as served.
 * Ids for one inquiry and one log row must have been ensured in `ids`.
 */
export async function readFileAndRecord(
  db: Kysely<Database>,
  request: ServeRequest,
  ids: IdBlocks,
  open: (sealed: string) => string,
): Promise<PersonFile | null> {
  const read = await readPersonFileAndEvidence(db, request.idHash, open, request.parts);
  const file = read?.file ?? null;
  if (read && request.fraud) {
    if (request.parts === 'credit') throw new Error('invariant: the fraud evidence needs the identity part');
    read.file.fraud = (
      await readFraudEvidence(db, { idHash: request.idHash, ...request.fraud }, open, read.known)
    ).evidence;
  }
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

/** Keeps a report served, sealed (`bodyEnc`: its JSON sealed), for the lender who pulled it. */
export async function writeReport(
  db: Kysely<Database>,
  report: { lenderId: number; reportNumber: string; at: string },
  bodyEnc: string,
): Promise<void> {
  await insertReport.run(db, report.lenderId, report.reportNumber, report.at, bodyEnc);
}
