/**
 * The furnishing pipeline's storage (FurnishStore) on both engines: reads by chunks, writes a
 * batch plan in one transaction, monthly states through each engine's bulk path.
 *
 * @example
 *   const result = await furnishBatch({ store: createFurnishStore(db), cipher, profile }, input);
 */
import { type Kysely, sql } from 'kysely';
import { MAX_BATCH_RECORDS } from '../formats/canonical/limits.js';
import type { AccountTerms, MonthState } from '../formats/canonical/record-types.js';
import type {
  AccountKey,
  BatchPlan,
  BatchSummary,
  FurnishStore,
  FurnishTransaction,
  IndexedAccount,
  MonthKey,
  OpenReject,
  SealedAttribute,
} from '../furnish/ports.js';
import { allocateIds } from './allocate-ids.js';
import { chunks, ROWS_PER_STATEMENT } from './chunks.js';
import { inFurnisherTransaction, type StoreTransaction } from './furnisher-transaction.js';
import { writeHistoryProfiles } from './history-profile-writes.js';
import { keepReportedSpan } from './identity-attribute-upsert.js';
import { createResolutionReads } from './identity-resolution-reads.js';
import { writeResolutionRows } from './identity-resolution-writes.js';
import { valueIndexRows, writeValueIndex } from './identity-value-index.js';
import { writeMonthsPostgres } from './month-bulk-postgres.js';
import { writeMonthsSqlite } from './month-bulk-sqlite.js';
import { monthColumns, monthStateFromColumns, termColumns, termsFromColumns } from './month-rows.js';
import { writeAttributesSqlite, writeNewAccountsSqlite, writeNewPersonsSqlite } from './new-rows-sqlite.js';
import type { BureauDatabase, Engine } from './open-database.js';
import type { AccountIndexTable, BatchesTable, Database } from './schema-types.js';

export function batchSummaryFromRow(row: BatchesTable): BatchSummary {
  return {
    batchPk: Number(row.batch_pk),
    batchId: row.batch_id,
    furnisherId: Number(row.furnisher_id),
    format: row.format as BatchSummary['format'],
    contentSha256: row.content_sha256,
    bytes: Number(row.bytes),
    receivedAt: row.received_at,
    records: Number(row.records),
    accepted: Number(row.accepted),
    rejected: Number(row.rejected),
  };
}

async function findBatch(db: Kysely<Database>, furnisherId: number, batchId: string) {
  const row = await db
    .selectFrom('batches')
    .selectAll()
    .where('furnisher_id', '=', furnisherId)
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
  return row ? batchSummaryFromRow(row) : undefined;
}

/** Keys looked up in one statement (one batch's keys fit; the statement carries one parameter). */
const KEYS_PER_LOOKUP = MAX_BATCH_RECORDS;

/** `column in (keys)` with the keys as one parameter: an array on PostgreSQL (`= any`, of text
 *  keys or bigint ids), JSON on SQLite (`json_each`), so one statement looks up a whole batch
 *  through the column's index. */
function inKeys(engine: Engine, column: string, keys: readonly string[] | readonly number[]) {
  if (engine !== 'postgres')
    return sql`${sql.ref(column)} in (select value from json_each(${JSON.stringify(keys)}))`;
  const array = [...keys];
  return typeof array[0] === 'number'
    ? sql`${sql.ref(column)} = any(${array}::bigint[])`
    : sql`${sql.ref(column)} = any(${array}::text[])`;
}

export function createFurnishStore(store: BureauDatabase): FurnishStore {
  return {
    findBatch: (furnisherId, batchId) => findBatch(store.db, furnisherId, batchId),
    inFurnisherTransaction: (furnisherId, work) =>
      inFurnisherTransaction(store, furnisherId, (tx) => work(furnishTransaction(store, tx))),
  };
}

function furnishTransaction(store: BureauDatabase, tx: StoreTransaction): FurnishTransaction {
  const db = tx.db;
  return {
    findBatch: (furnisherId, batchId) => findBatch(db, furnisherId, batchId),

    async personsByIdHash(idHashes) {
      const found = new Map<string, number>();
      for (const part of chunks(idHashes, KEYS_PER_LOOKUP)) {
        const rows = await sql<{ id_hash: string; person_id: number }>`
          select id_hash, person_id from national_id_index where ${inKeys(tx.engine, 'id_hash', part)}`.execute(
          db,
        );
        for (const r of rows.rows) found.set(r.id_hash, Number(r.person_id));
      }
      return found;
    },

    async accountsByNumber(furnisherId, accountNos) {
      const found = new Map<string, IndexedAccount>();
      for (const part of chunks(accountNos, KEYS_PER_LOOKUP)) {
        const rows = await sql<AccountIndexTable>`
          select * from account_index
          where furnisher_id = ${furnisherId} and ${inKeys(tx.engine, 'account_no', part)}`.execute(db);
        for (const r of rows.rows)
          found.set(r.account_no, {
            personId: Number(r.person_id),
            accountId: Number(r.account_id),
            accountType: r.account_type,
            openDate: r.open_date,
            state: r.state,
          });
      }
      return found;
    },

    async sealedAttributes(furnisherId, personIds) {
      const found: SealedAttribute[] = [];
      for (const part of chunks(personIds, KEYS_PER_LOOKUP)) {
        const rows = await sql<{
          person_id: number;
          attribute: string;
          value_hash: string;
          value_enc: string;
        }>`
          select person_id, attribute, value_hash, value_enc from identity_attributes
          where furnisher_id = ${furnisherId} and ${inKeys(tx.engine, 'person_id', part)}`.execute(db);
        for (const r of rows.rows)
          found.push({
            personId: Number(r.person_id),
            attribute: r.attribute,
            valueHash: r.value_hash,
            valueEnc: r.value_enc,
          });
      }
      return found;
    },

    async accountTerms(keys: readonly AccountKey[]) {
      const found = new Map<number, AccountTerms>();
      for (const part of chunks(keys, ROWS_PER_STATEMENT)) {
        const rows = await db
          .selectFrom('accounts')
          .selectAll()
          .where((eb) =>
            eb.or(
              part.map((k) => eb.and([eb('person_id', '=', k.personId), eb('account_id', '=', k.accountId)])),
            ),
          )
          .execute();
        for (const r of rows) found.set(Number(r.account_id), termsFromColumns(r));
      }
      return found;
    },

    async monthStates(keys: readonly MonthKey[]) {
      const found = new Map<string, MonthState>();
      for (const part of chunks(keys, ROWS_PER_STATEMENT)) {
        const rows = await db
          .selectFrom('account_months')
          .selectAll()
          .where('deleted', '=', 0)
          .where((eb) =>
            eb.or(
              part.map((k) =>
                eb.and([
                  eb('person_id', '=', k.personId),
                  eb('account_id', '=', k.accountId),
                  eb('month', '=', k.month),
                ]),
              ),
            ),
          )
          .execute();
        for (const r of rows) found.set(`${r.account_id}|${r.month}`, monthStateFromColumns(r));
      }
      return found;
    },

    async openRejects(furnisherId, refs) {
      const found = new Map<string, OpenReject>();
      const batchIds = [...new Set(refs.map((r) => r.batchId))];
      for (const part of chunks(batchIds, ROWS_PER_STATEMENT)) {
        const rows = await db
          .selectFrom('rejects')
          .innerJoin('batches', (j) =>
            j
              .onRef('batches.furnisher_id', '=', 'rejects.furnisher_id')
              .onRef('batches.batch_pk', '=', 'rejects.batch_pk'),
          )
          .select(['batches.batch_id', 'rejects.batch_pk', 'rejects.line'])
          .where('rejects.furnisher_id', '=', furnisherId)
          .where('rejects.status', '=', 'open')
          .where('batches.batch_id', 'in', part)
          .execute();
        const wanted = new Set(refs.map((r) => `${r.batchId}#${r.line}`));
        for (const r of rows) {
          const key = `${r.batch_id}#${r.line}`;
          if (wanted.has(key)) found.set(key, { batchPk: Number(r.batch_pk), line: Number(r.line) });
        }
      }
      return found;
    },

    allocateIds: (name, count) =>
      tx.engine === 'sqlite' ? allocateIds(db, name, count) : store.allocateIds(name, count),

    resolution: createResolutionReads(db, tx.engine),

    apply: (plan) => applyPlan(tx, plan),
  };
}

async function applyPlan(tx: StoreTransaction, plan: BatchPlan): Promise<void> {
  const db = tx.db;
  const at = plan.batch.receivedAt;
  const batchPk = plan.batch.batchPk;
  const furnisherId = plan.batch.furnisherId;

  await db
    .insertInto('batches')
    .values({
      furnisher_id: furnisherId,
      batch_pk: batchPk,
      batch_id: plan.batch.batchId,
      format: plan.batch.format,
      content_sha256: plan.batch.contentSha256,
      bytes: plan.batch.bytes,
      received_at: at,
      records: plan.batch.records,
      accepted: plan.batch.accepted,
      rejected: plan.batch.rejected,
    })
    .execute();

  if (tx.engine === 'sqlite') {
    // The SQLite fast path (new-rows-sqlite.ts): prepared statements, row by row.
    const sqlite = tx.sqlite!;
    const remap = writeNewPersonsSqlite(sqlite, plan.newPersons, at);
    const person = (id: number) => remap.get(id) ?? id;
    writeAttributesSqlite(sqlite, plan.attributes, person, { furnisherId, batchPk });
    await writeValueIndex(tx, valueIndexRows(plan.attributes, person, furnisherId));
    writeNewAccountsSqlite(sqlite, plan.newAccounts, person, { furnisherId, batchPk, at });
    await applyChanges(tx, plan, remap);
    return;
  }
  // Persons: another furnisher's batch may have created the same person meanwhile; its id wins.
  const remap = new Map<number, number>();
  for (const part of chunks(plan.newPersons, ROWS_PER_STATEMENT)) {
    const won = await db
      .insertInto('national_id_index')
      .values(part.map((p) => ({ id_hash: p.idHash, person_id: p.personId })))
      .onConflict((oc) => oc.column('id_hash').doNothing())
      .returning('id_hash')
      .execute();
    const wonHashes = new Set(won.map((w) => w.id_hash));
    const lost = part.filter((p) => !wonHashes.has(p.idHash));
    if (lost.length > 0) {
      const existing = await db
        .selectFrom('national_id_index')
        .selectAll()
        .where(
          'id_hash',
          'in',
          lost.map((p) => p.idHash),
        )
        .execute();
      const byHash = new Map(existing.map((e) => [e.id_hash, Number(e.person_id)]));
      for (const p of lost) remap.set(p.personId, byHash.get(p.idHash)!);
    }
    const created = part.filter((p) => wonHashes.has(p.idHash));
    if (created.length > 0)
      await db
        .insertInto('persons')
        .values(
          created.map((p) => ({
            person_id: p.personId,
            id_type: p.idType,
            id_hash: p.idHash,
            id_enc: p.idEnc,
            created_at: at,
          })),
        )
        .execute();
  }
  const person = (id: number) => remap.get(id) ?? id;

  for (const part of chunks(plan.attributes, ROWS_PER_STATEMENT)) {
    await db
      .insertInto('identity_attributes')
      .values(
        part.map((a) => ({
          person_id: person(a.personId),
          attr_id: a.attrId,
          attribute: a.attribute,
          value_hash: a.valueHash,
          value_enc: a.valueEnc,
          furnisher_id: furnisherId,
          first_reported_on: a.firstReportedOn,
          last_reported_on: a.lastReportedOn,
          batch_pk: batchPk,
        })),
      )
      .onConflict(keepReportedSpan)
      .execute();
  }
  await writeValueIndex(tx, valueIndexRows(plan.attributes, person, furnisherId));

  for (const part of chunks(plan.newAccounts, ROWS_PER_STATEMENT)) {
    await db
      .insertInto('accounts')
      .values(
        part.map((a) => ({
          person_id: person(a.personId),
          account_id: a.accountId,
          furnisher_id: furnisherId,
          account_no: a.accountNo,
          ...termColumns(a.terms),
          state: 'open',
          version: 1,
          reported_on: a.reportedOn,
          batch_pk: batchPk,
          updated_at: at,
        })),
      )
      .execute();
    await db
      .insertInto('account_index')
      .values(
        part.map((a) => ({
          furnisher_id: furnisherId,
          account_no: a.accountNo,
          person_id: person(a.personId),
          account_id: a.accountId,
          account_type: a.terms.account_type,
          open_date: a.terms.open_date,
          state: 'open',
        })),
      )
      .execute();
  }

  await applyChanges(tx, plan, remap);
}

/** What follows the new rows: account changes, months, history profiles, rejects, resolution rows. */
async function applyChanges(
  tx: StoreTransaction,
  plan: BatchPlan,
  remap: ReadonlyMap<number, number>,
): Promise<void> {
  const person = (id: number) => remap.get(id) ?? id;
  const db = tx.db;
  const at = plan.batch.receivedAt;
  const batchPk = plan.batch.batchPk;
  const furnisherId = plan.batch.furnisherId;

  for (const change of plan.accountChanges) {
    const personId = person(change.personId);
    const current = await db
      .selectFrom('accounts')
      .selectAll()
      .where('person_id', '=', personId)
      .where('account_id', '=', change.accountId)
      .executeTakeFirstOrThrow();
    const {
      person_id,
      account_id,
      version,
      state,
      reported_on,
      batch_pk,
      account_no: _n,
      furnisher_id: _f,
      updated_at: _u,
      ...terms
    } = current;
    await db
      .insertInto('account_versions')
      .values({
        person_id,
        account_id,
        version,
        state,
        reported_on,
        batch_pk,
        ...terms,
        change: change.change,
        reason: change.reason,
        superseded_at: at,
        superseded_by_batch_pk: batchPk,
      })
      .execute();
    await db
      .updateTable('accounts')
      .set({
        ...termColumns(change.terms),
        state: change.state,
        version: Number(version) + 1,
        reported_on: change.reportedOn,
        batch_pk: batchPk,
        updated_at: at,
      })
      .where('person_id', '=', personId)
      .where('account_id', '=', change.accountId)
      .execute();
    await db
      .updateTable('account_index')
      .set({
        account_type: change.terms.account_type,
        open_date: change.terms.open_date,
        state: change.state,
      })
      .where('furnisher_id', '=', furnisherId)
      .where('account_no', '=', change.accountNo)
      .execute();
  }

  const months =
    remap.size > 0 ? plan.months.map((m) => ({ ...m, personId: person(m.personId) })) : plan.months;
  if (tx.engine === 'sqlite') writeMonthsSqlite(tx.sqlite!, months, { batchPk, at });
  else await writeMonthsPostgres(tx.pgClient!, months, { batchPk, at });
  await writeHistoryProfiles(db, plan.historyProfiles, person, batchPk);

  for (const change of plan.monthChanges) {
    const personId = person(change.personId);
    // biome-ignore lint/suspicious/noExplicitAny: the same key filter on a select and an update
    const key = (q: any) =>
      q
        .where('person_id', '=', personId)
        .where('account_id', '=', change.accountId)
        .where('month', '=', change.month);
    const current = await key(db.selectFrom('account_months').selectAll()).executeTakeFirst();
    if (!current) {
      if (change.state === null) throw new Error('invariant: deleting a month that is not on file');
      await db
        .insertInto('account_months')
        .values({
          person_id: personId,
          account_id: change.accountId,
          month: change.month,
          deleted: 0,
          version: 1,
          ...monthColumns(change.state),
          reported_on: change.reportedOn,
          batch_pk: batchPk,
        })
        .execute();
      continue;
    }
    await db
      .insertInto('account_month_versions')
      .values({
        ...current,
        change: change.change,
        reason: change.reason,
        superseded_at: at,
        superseded_by_batch_pk: batchPk,
      })
      .execute();
    await key(
      db.updateTable('account_months').set({
        ...(change.state === null ? { deleted: 1 } : { ...monthColumns(change.state), deleted: 0 }),
        version: Number(current.version) + 1,
        reported_on: change.reportedOn,
        batch_pk: batchPk,
      }),
    ).execute();
  }

  for (const part of chunks(plan.rejects, ROWS_PER_STATEMENT)) {
    await db
      .insertInto('rejects')
      .values(
        part.map((r) => ({
          furnisher_id: furnisherId,
          batch_pk: batchPk,
          line: r.line,
          kind: r.kind,
          raw_enc: r.rawEnc,
          errors: JSON.stringify(r.findings),
          status: 'open',
          fixed_by_batch_pk: null,
          fixed_by_line: null,
        })),
      )
      .execute();
  }
  for (const fix of plan.fixes) {
    await db
      .updateTable('rejects')
      .set({ status: 'fixed', fixed_by_batch_pk: batchPk, fixed_by_line: fix.fixedByLine })
      .where('furnisher_id', '=', furnisherId)
      .where('batch_pk', '=', fix.batchPk)
      .where('line', '=', fix.line)
      .execute();
  }
  await writeResolutionRows(db, plan);
}
