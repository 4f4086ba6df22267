/**
 * Merging and splitting persons, by a bureau operator (docs/identity-resolution.md): checks the
 * request, takes the ids it needs, and has the store do it in one transaction with its audit row
 * (who, when, the note, what moved). A person is found by a national ID with `findPerson`.
 *
 * @example
 *   await mergePersons(deps, { keepPersonId: 7, mergePersonId: 9, note: 'same person, two IDs', operator });
 *   await splitPerson(deps, { personId: 7, accounts: [{ furnisher: 'bank-a', accountNo: 'L-1' }], to: { idNumber }, operator });
 */
import type { Institution } from '../../access/institution.js';
import type { JurisdictionProfile } from '../../domain/jurisdiction.js';
import type { PiiCipher } from '../pii-cipher.js';
import type { IdentityAdminStore, MergeOutcome, SplitOutcome } from './admin-ports.js';
import { IdentityError } from './identity-error.js';
import { MAX_ACCOUNTS_PER_SPLIT, MAX_NOTE_CHARS } from './limits.js';

/**
 * What the operations need.
 *
 * @example
 *   const deps: PersonOpsDeps = { admin, cipher, profile };
 */
export interface PersonOpsDeps {
  admin: IdentityAdminStore;
  cipher: PiiCipher;
  profile: JurisdictionProfile;
  now?: () => Date;
}

function checkNote(note: string | undefined): void {
  if (note !== undefined && [...note].length > MAX_NOTE_CHARS)
    throw new IdentityError('invalid_request', 400, `note: at most ${MAX_NOTE_CHARS} characters`);
}

function validId(deps: PersonOpsDeps, raw: string): { id: string; hash: string } {
  const today = (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
  const checked = deps.profile.nationalId.check(raw, today);
  if (!checked.ok) throw new IdentityError('invalid_request', 400, `id_number: ${checked.message}`);
  return { id: checked.id, hash: deps.cipher.hash('national_id', checked.id) };
}

/**
 * The person a national ID leads to (null: not on file).
 *
 * @example
 *   await findPerson(deps, '11010519491231002X'); // 7
 */
export async function findPerson(deps: PersonOpsDeps, idNumber: string): Promise<number | null> {
  return (await deps.admin.personOfIdHash(validId(deps, idNumber).hash)) ?? null;
}

/**
 * Merges one person into another.
 *
 * @example
 *   const outcome = await mergePersons(deps, { keepPersonId: 7, mergePersonId: 9, operator });
 */
export async function mergePersons(
  deps: PersonOpsDeps,
  input: { keepPersonId: number; mergePersonId: number; note?: string; operator: Institution },
): Promise<MergeOutcome> {
  checkNote(input.note);
  if (input.keepPersonId === input.mergePersonId)
    throw new IdentityError('same_person', 400, 'a person cannot be merged into itself');
  return deps.admin.merge({
    keepPersonId: input.keepPersonId,
    mergePersonId: input.mergePersonId,
    actorId: input.operator.institutionId,
    at: (deps.now?.() ?? new Date()).toISOString(),
    noteEnc: input.note ? deps.cipher.encrypt(input.note) : null,
    auditId: await deps.admin.allocateIds('identity_audit', 1),
  });
}

/**
 * Moves accounts of a person to another person, or to a new person with the ID given.
 *
 * @example
 *   await splitPerson(deps, { personId: 7, accounts, to: { personId: 9 }, operator });
 */
export async function splitPerson(
  deps: PersonOpsDeps,
  input: {
    personId: number;
    accounts: { furnisher: string; accountNo: string }[];
    to: { personId: number } | { idNumber: string };
    note?: string;
    operator: Institution;
  },
): Promise<SplitOutcome> {
  checkNote(input.note);
  if (input.accounts.length === 0 || input.accounts.length > MAX_ACCOUNTS_PER_SPLIT)
    throw new IdentityError('invalid_request', 400, `accounts: expected 1 to ${MAX_ACCOUNTS_PER_SPLIT}`);
  const codes = [...new Set(input.accounts.map((a) => a.furnisher))];
  const ids = await deps.admin.institutionIds(codes);
  const unknown = codes.filter((c) => !ids.has(c));
  if (unknown.length > 0)
    throw new IdentityError('invalid_request', 400, `unknown furnisher code ${unknown.join(', ')}`);
  const accounts = input.accounts.map((a) => ({
    furnisherId: ids.get(a.furnisher)!,
    accountNo: a.accountNo,
  }));
  const seen = new Set(accounts.map((a) => `${a.furnisherId}|${a.accountNo}`));
  if (seen.size !== accounts.length)
    throw new IdentityError('invalid_request', 400, 'an account is named twice');
  let to: Parameters<IdentityAdminStore['split']>[0]['to'];
  if ('personId' in input.to) to = { personId: input.to.personId };
  else {
    const { id, hash } = validId(deps, input.to.idNumber);
    to = {
      newPerson: {
        personId: await deps.admin.allocateIds('person', 1),
        idType: deps.profile.nationalId.type,
        idHash: hash,
        idEnc: deps.cipher.encrypt(id),
      },
    };
  }
  return deps.admin.split({
    fromPersonId: input.personId,
    accounts,
    to,
    actorId: input.operator.institutionId,
    at: (deps.now?.() ?? new Date()).toISOString(),
    noteEnc: input.note ? deps.cipher.encrypt(input.note) : null,
    auditId: await deps.admin.allocateIds('identity_audit', 1),
  });
}
