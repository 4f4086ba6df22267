/**
 * Merging two persons into one, in one transaction that no batch runs beside: every person-level
 * row of the person merged away moves to the person kept (identity attributes and value index
 * rows merged with the kept person's own, dates widened), its national IDs are repointed to the
 * kept person and remembered in person_national_ids, its account index entries repointed, pending
 * reviews naming it follow, its persons row goes, and the audit row records who, when, the note
 * and what moved. Every statement names a person, a value hash, an ID hash or an account key.
 *
 * @example
 *   const outcome = await mergePersonsInStore(store, { keepPersonId: 7, mergePersonId: 9, ... });
 */
import type { Kysely } from 'kysely';
import type { MergeOutcome, MergeRequestRow } from '../identity/resolution/admin-ports.js';
import { IdentityError } from '../identity/resolution/identity-error.js';
import { chunks, ROWS_PER_STATEMENT } from './chunks.js';
import { keepReportedSpan } from './identity-attribute-upsert.js';
import { inIdentityTransaction } from './identity-transaction.js';
import { NAME_BIRTH_DATE, namePairs, type ReportedHash } from './identity-value-index.js';
import { MOVABLE_TABLES, moveRows } from './move-person-rows.js';
import type { BureauDatabase } from './open-database.js';
import type { Database, IdentityValueIndexTable } from './schema-types.js';

/** Moves identity attributes, merging a value both persons have from one furnisher. */
async function moveAttributes(db: Kysely<Database>, from: number, to: number): Promise<number> {
  const rows = await db.selectFrom('identity_attributes').selectAll().where('person_id', '=', from).execute();
  if (rows.length === 0) return 0;
  await db.deleteFrom('identity_attributes').where('person_id', '=', from).execute();
  for (const part of chunks(rows, ROWS_PER_STATEMENT))
    await db
      .insertInto('identity_attributes')
      .values(part.map((r) => ({ ...r, person_id: to })))
      .onConflict(keepReportedSpan)
      .execute();
  return rows.length;
}

/**
 * Moves a person's value index rows, found by the keys its identity attributes give (the index is
 * keyed by value hash: never scanned by person). Run before the attributes move.
 */
async function moveValueIndex(db: Kysely<Database>, from: number, to: number): Promise<number> {
  const attrs = await db
    .selectFrom('identity_attributes')
    .select(['attribute', 'value_hash', 'furnisher_id', 'first_reported_on', 'last_reported_on'])
    .where('person_id', '=', from)
    .execute();
  const keys = new Map<string, { attribute: string; valueHash: string }>();
  const byFurnisher = new Map<number, ReportedHash[]>();
  for (const a of attrs) {
    if (a.attribute === 'mobile' || a.attribute === 'address' || a.attribute === 'employer')
      keys.set(`${a.attribute}|${a.value_hash}`, { attribute: a.attribute, valueHash: a.value_hash });
    if (a.attribute === 'name' || a.attribute === 'birth_date') {
      const list = byFurnisher.get(Number(a.furnisher_id)) ?? [];
      list.push({
        attribute: a.attribute,
        valueHash: a.value_hash,
        firstReportedOn: a.first_reported_on,
        lastReportedOn: a.last_reported_on,
      });
      byFurnisher.set(Number(a.furnisher_id), list);
    }
  }
  for (const list of byFurnisher.values())
    for (const p of namePairs(list, Number.MAX_SAFE_INTEGER))
      keys.set(`${NAME_BIRTH_DATE}|${p.valueHash}`, { attribute: NAME_BIRTH_DATE, valueHash: p.valueHash });
  let moved = 0;
  for (const part of chunks([...keys.values()], ROWS_PER_STATEMENT)) {
    const rows: IdentityValueIndexTable[] = await db
      .selectFrom('identity_value_index')
      .selectAll()
      .where('person_id', '=', from)
      .where((eb) =>
        eb.or(
          part.map((k) => eb.and([eb('value_hash', '=', k.valueHash), eb('attribute', '=', k.attribute)])),
        ),
      )
      .execute();
    if (rows.length === 0) continue;
    moved += rows.length;
    await db
      .deleteFrom('identity_value_index')
      .where('person_id', '=', from)
      .where((eb) =>
        eb.or(
          part.map((k) => eb.and([eb('value_hash', '=', k.valueHash), eb('attribute', '=', k.attribute)])),
        ),
      )
      .execute();
    await db
      .insertInto('identity_value_index')
      .values(rows.map((r) => ({ ...r, person_id: to })))
      .onConflict((oc) =>
        oc.columns(['value_hash', 'attribute', 'person_id', 'furnisher_id']).doUpdateSet((eb) => ({
          first_reported_on: eb
            .case()
            .when('excluded.first_reported_on', '<', eb.ref('identity_value_index.first_reported_on'))
            .then(eb.ref('excluded.first_reported_on'))
            .else(eb.ref('identity_value_index.first_reported_on'))
            .end(),
          last_reported_on: eb
            .case()
            .when('excluded.last_reported_on', '>', eb.ref('identity_value_index.last_reported_on'))
            .then(eb.ref('excluded.last_reported_on'))
            .else(eb.ref('identity_value_index.last_reported_on'))
            .end(),
        })),
      )
      .execute();
  }
  return moved;
}

/**
 * Repoints the account index entries of accounts (by their key, furnisher and number) to `to`.
 *
 * @example
 *   await repointAccountIndex(db, [{ furnisher_id: 2, account_no: 'L-1' }], 7);
 */
export async function repointAccountIndex(
  db: Kysely<Database>,
  accounts: readonly { furnisher_id: number; account_no: string }[],
  to: number,
): Promise<number> {
  let moved = 0;
  for (const a of accounts) {
    const r = await db
      .updateTable('account_index')
      .set({ person_id: to })
      .where('furnisher_id', '=', a.furnisher_id)
      .where('account_no', '=', a.account_no)
      .executeTakeFirst();
    moved += Number(r.numUpdatedRows);
  }
  return moved;
}

/**
 * Merges `mergePersonId` into `keepPersonId`.
 *
 * @example
 *   await mergePersonsInStore(store, { keepPersonId: 7, mergePersonId: 9, actorId: 4, at, noteEnc, auditId });
 */
export async function mergePersonsInStore(
  store: BureauDatabase,
  input: MergeRequestRow,
): Promise<MergeOutcome> {
  const { keepPersonId: to, mergePersonId: from } = input;
  return inIdentityTransaction(store, async (tx) => {
    const db = tx.db;
    const persons = await db.selectFrom('persons').selectAll().where('person_id', 'in', [to, from]).execute();
    const kept = persons.find((p) => Number(p.person_id) === to);
    const merged = persons.find((p) => Number(p.person_id) === from);
    if (!kept || !merged)
      throw new IdentityError('person_not_found', 404, `no person ${!kept ? to : from} on file`);

    const moved: Record<string, number> = {};
    const accounts = await db
      .selectFrom('accounts')
      .select(['account_id', 'furnisher_id', 'account_no'])
      .where('person_id', '=', from)
      .execute();
    moved.identity_value_index = await moveValueIndex(db, from, to);
    moved.identity_attributes = await moveAttributes(db, from, to);
    for (const table of MOVABLE_TABLES) moved[table] = await moveRows(db, table, from, to);
    moved.account_index = await repointAccountIndex(
      db,
      accounts.map((a) => ({ furnisher_id: Number(a.furnisher_id), account_no: a.account_no })),
      to,
    );
    // The merged person's IDs: its own and those it held from earlier merges (moved above).
    const ids = await db
      .selectFrom('person_national_ids')
      .select('id_hash')
      .where('person_id', '=', to)
      .execute();
    const hashes = new Set([merged.id_hash, ...ids.map((i) => i.id_hash)]);
    hashes.delete(kept.id_hash);
    let repointed = 0;
    for (const part of chunks([...hashes], ROWS_PER_STATEMENT)) {
      const r = await db
        .updateTable('national_id_index')
        .set({ person_id: to })
        .where('id_hash', 'in', part)
        .where('person_id', '=', from)
        .executeTakeFirst();
      repointed += Number(r.numUpdatedRows);
    }
    moved.national_id_index = repointed;
    await db
      .insertInto('person_national_ids')
      .values({
        person_id: to,
        id_hash: merged.id_hash,
        id_type: merged.id_type,
        id_enc: merged.id_enc,
        since: input.at,
      })
      .onConflict((oc) => oc.columns(['person_id', 'id_hash']).doNothing())
      .execute();
    await db.deleteFrom('persons').where('person_id', '=', from).execute();
    moved.persons = 1;
    await db
      .updateTable('identity_reviews')
      .set({ candidate_person_id: to })
      .where('status', '=', 'pending')
      .where('candidate_person_id', '=', from)
      .execute();
    await db
      .updateTable('identity_reviews')
      .set({ id_person_id: to })
      .where('status', '=', 'pending')
      .where('id_person_id', '=', from)
      .execute();
    const details = {
      moved,
      accounts_moved: accounts.length,
      national_ids_moved: hashes.size,
    };
    await db
      .insertInto('identity_audit')
      .values({
        person_id: to,
        audit_id: input.auditId,
        at: input.at,
        action: 'merge',
        actor_id: input.actorId,
        other_person_id: from,
        review_id: null,
        note_enc: input.noteEnc,
        details: JSON.stringify(details),
      })
      .execute();
    return { auditId: input.auditId, keptPersonId: to, mergedPersonId: from, moved };
  });
}
