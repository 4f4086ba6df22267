/**
 * Splitting accounts off a person, in one transaction that no batch runs beside: the accounts
 * named (by furnisher and account number, looked up in the account index) move with their
 * versions, monthly states, month versions and payment history profiles to another person on file
 * or to a new person with an ID of its own (an ID the first person held from a merge goes with
 * it); the audit row records who, when, the note and what moved. Identity attributes and
 * inquiries stay: they describe the person asked about, not the accounts.
 *
 * @example
 *   await splitPersonInStore(store, { fromPersonId: 7, accounts, to: { personId: 9 }, ... });
 */
import type { SplitOutcome, SplitRequestRow } from '../identity/resolution/admin-ports.js';
import { IdentityError } from '../identity/resolution/identity-error.js';
import { inIdentityTransaction } from './identity-transaction.js';
import { moveRows } from './move-person-rows.js';
import type { BureauDatabase } from './open-database.js';
import { repointAccountIndex } from './person-merge.js';

const ACCOUNT_TABLES = [
  'accounts',
  'account_versions',
  'account_months',
  'account_month_versions',
  'account_history_profiles',
] as const;

/**
 * Runs a split.
 *
 * @example
 *   const outcome = await splitPersonInStore(store, row);
 */
export async function splitPersonInStore(
  store: BureauDatabase,
  input: SplitRequestRow,
): Promise<SplitOutcome> {
  const from = input.fromPersonId;
  return inIdentityTransaction(store, async (tx) => {
    const db = tx.db;
    const source = await db
      .selectFrom('persons')
      .selectAll()
      .where('person_id', '=', from)
      .executeTakeFirst();
    if (!source) throw new IdentityError('person_not_found', 404, `no person ${from} on file`);
    const accountIds: number[] = [];
    for (const a of input.accounts) {
      const row = await db
        .selectFrom('account_index')
        .select(['person_id', 'account_id'])
        .where('furnisher_id', '=', a.furnisherId)
        .where('account_no', '=', a.accountNo)
        .executeTakeFirst();
      if (!row)
        throw new IdentityError('account_not_found', 404, `no account ${a.accountNo} of that furnisher`);
      if (Number(row.person_id) !== from)
        throw new IdentityError(
          'account_not_of_person',
          409,
          `account ${a.accountNo} is not on person ${from}'s file`,
        );
      accountIds.push(Number(row.account_id));
    }

    let to: number;
    let created = false;
    if ('personId' in input.to) {
      to = input.to.personId;
      if (to === from) throw new IdentityError('same_person', 400, 'the accounts are on that person already');
      const target = await db
        .selectFrom('persons')
        .select('person_id')
        .where('person_id', '=', to)
        .executeTakeFirst();
      if (!target) throw new IdentityError('person_not_found', 404, `no person ${to} on file`);
    } else {
      const p = input.to.newPerson;
      if (p.idHash === source.id_hash)
        throw new IdentityError(
          'own_id',
          409,
          'that ID is the person’s own: name the other person, or another ID',
        );
      const indexed = await db
        .selectFrom('national_id_index')
        .select('person_id')
        .where('id_hash', '=', p.idHash)
        .executeTakeFirst();
      if (indexed && Number(indexed.person_id) !== from)
        throw new IdentityError(
          'id_of_another_person',
          409,
          `that ID leads to person ${indexed.person_id}: split to that person instead`,
        );
      to = p.personId;
      created = true;
      await db
        .insertInto('persons')
        .values({
          person_id: to,
          id_type: p.idType,
          id_hash: p.idHash,
          id_enc: p.idEnc,
          created_at: input.at,
        })
        .execute();
      if (indexed) {
        await db
          .updateTable('national_id_index')
          .set({ person_id: to })
          .where('id_hash', '=', p.idHash)
          .execute();
        await db
          .deleteFrom('person_national_ids')
          .where('person_id', '=', from)
          .where('id_hash', '=', p.idHash)
          .execute();
      } else await db.insertInto('national_id_index').values({ id_hash: p.idHash, person_id: to }).execute();
    }

    const moved: Record<string, number> = {};
    for (const table of ACCOUNT_TABLES) moved[table] = await moveRows(db, table, from, to, accountIds);
    moved.account_index = await repointAccountIndex(
      db,
      input.accounts.map((a) => ({ furnisher_id: a.furnisherId, account_no: a.accountNo })),
      to,
    );
    await db
      .insertInto('identity_audit')
      .values({
        person_id: to,
        audit_id: input.auditId,
        at: input.at,
        action: 'split',
        actor_id: input.actorId,
        other_person_id: from,
        review_id: null,
        note_enc: input.noteEnc,
        details: JSON.stringify({
          moved,
          created_person: created,
          accounts: input.accounts.map((a) => ({ furnisher_id: a.furnisherId, account_no: a.accountNo })),
        }),
      })
      .execute();
    return { auditId: input.auditId, fromPersonId: from, toPersonId: to, created, moved };
  });
}
