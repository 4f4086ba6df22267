/**
 * Reads of furnishing batches and their rejects, always for one furnisher (a furnisher sees only
 * its own batches).
 *
 * @example
 *   const page = await createBatchRepository(db).rejects(2, 'batch-7', { offset: 0, limit: 100 });
 */
import type { Finding } from '../formats/canonical/record-types.js';
import type { BatchSummary } from '../furnish/ports.js';
import { batchSummaryFromRow } from './furnish-repository.js';
import type { BureauDatabase } from './open-database.js';

export interface StoredReject {
  line: number;
  kind: string;
  /** The original line, decrypted by the caller. */
  rawEnc: string;
  findings: Finding[];
  status: 'open' | 'fixed';
  fixedBy: { batchId: string; line: number } | null;
}

/** Most rejects returned per page. */
export const MAX_REJECTS_PER_PAGE = 1_000;
/** Most batches listed per page. */
export const MAX_BATCHES_PER_PAGE = 200;

export interface BatchRepository {
  find(furnisherId: number, batchId: string): Promise<BatchSummary | undefined>;
  list(furnisherId: number, page: { offset: number; limit: number }): Promise<BatchSummary[]>;
  rejects(
    furnisherId: number,
    batchPk: number,
    page: { offset: number; limit: number; status?: 'open' | 'fixed' },
  ): Promise<StoredReject[]>;
}

export function createBatchRepository(store: BureauDatabase): BatchRepository {
  const db = store.db;
  return {
    async find(furnisherId, batchId) {
      const row = await db
        .selectFrom('batches')
        .selectAll()
        .where('furnisher_id', '=', furnisherId)
        .where('batch_id', '=', batchId)
        .executeTakeFirst();
      return row ? batchSummaryFromRow(row) : undefined;
    },
    async list(furnisherId, page) {
      const rows = await db
        .selectFrom('batches')
        .selectAll()
        .where('furnisher_id', '=', furnisherId)
        .orderBy('batch_pk', 'desc')
        .offset(page.offset)
        .limit(Math.min(page.limit, MAX_BATCHES_PER_PAGE))
        .execute();
      return rows.map(batchSummaryFromRow);
    },
    async rejects(furnisherId, batchPk, page) {
      let query = db
        .selectFrom('rejects')
        .leftJoin('batches as fixer', (j) =>
          j
            .onRef('fixer.furnisher_id', '=', 'rejects.furnisher_id')
            .onRef('fixer.batch_pk', '=', 'rejects.fixed_by_batch_pk'),
        )
        .select([
          'rejects.line',
          'rejects.kind',
          'rejects.raw_enc',
          'rejects.errors',
          'rejects.status',
          'rejects.fixed_by_line',
          'fixer.batch_id as fixed_by_batch_id',
        ])
        .where('rejects.furnisher_id', '=', furnisherId)
        .where('rejects.batch_pk', '=', batchPk);
      if (page.status) query = query.where('rejects.status', '=', page.status);
      const rows = await query
        .orderBy('rejects.line')
        .offset(page.offset)
        .limit(Math.min(page.limit, MAX_REJECTS_PER_PAGE))
        .execute();
      return rows.map((r) => ({
        line: Number(r.line),
        kind: r.kind,
        rawEnc: r.raw_enc,
        findings: JSON.parse(r.errors) as Finding[],
        status: r.status as 'open' | 'fixed',
        fixedBy:
          r.fixed_by_batch_id !== null && r.fixed_by_line !== null
            ? { batchId: r.fixed_by_batch_id, line: Number(r.fixed_by_line) }
            : null,
      }));
    },
  };
}
