/**
 * Reads one person's whole file (identity, accounts with their months, inquiries) for a report:
 * every query filters on the person key, so under Citus it is one shard's work. Values are
 * decrypted with the function given.
 *
 * @example
 *   const file = await readPersonFile(tx, idHash, cipher.decrypt); // null: not on file
 */
import type { Kysely } from 'kysely';
import type { InquiryReason } from '../consent/inquiry-reasons.js';
import type { InstitutionKind } from '../domain/codes.js';
import type { MonthState } from '../formats/canonical/record-types.js';
import { DEFAULT_STATUSES } from '../identity/fraud/default-status.js';
import type { InquiryRecord, OwnReport, ReportedAttribute } from '../identity/fraud/fraud-evidence.js';
import type {
  FileAccount,
  FileMonth,
  InstitutionRef,
  PersonFile,
  ReportedValue,
} from '../report/report-types.js';
import { attachHistoryMonths } from './history-profile-reads.js';
import { termsFromColumns } from './month-rows.js';
import { preparedQuery } from './prepared-query.js';
import type { Database } from './schema-types.js';

/** Monthly states read for one report, at most (a person with 80 accounts of 20 years). */
export const MAX_MONTH_ROWS_PER_REPORT = 20_000;
/** Earlier inquiries read for one report: the newest ones. */
export const MAX_INQUIRIES_PER_REPORT = 500;

const ref = (r: { code: string; name: string; kind: string }): InstitutionRef => ({
  code: r.code,
  name: r.name,
  kind: r.kind as InstitutionKind,
});

const personByIdHash = preparedQuery((db, idHash: string) =>
  db.selectFrom('national_id_index').select('person_id').where('id_hash', '=', idHash),
);

const personById = preparedQuery((db, personId: number) =>
  db.selectFrom('persons').select(['id_type', 'id_enc']).where('person_id', '=', personId),
);

/** The columns of an identity row, in the order `attributesOfPerson` selects them (read as arrays). */
const ATTRIBUTE_COLUMNS = [
  'a.attribute',
  'a.value_enc',
  'a.first_reported_on',
  'a.last_reported_on',
  'i.code',
  'i.name',
  'i.kind',
  'a.value_hash',
] as const;

const attributesOfPerson = preparedQuery((db, personId: number) =>
  db
    .selectFrom('identity_attributes as a')
    .innerJoin('institutions as i', 'i.institution_id', 'a.furnisher_id')
    .select(ATTRIBUTE_COLUMNS)
    .where('a.person_id', '=', personId),
);

/**
 * What a credit file holds of an account (`accounts as a` joined with its furnisher `institutions
 * as i`): shared by this file's read and the score's batch read of many files.
 *
 * @example
 *   db.selectFrom('accounts as a').innerJoin('institutions as i', ...).select(FILE_ACCOUNT_COLUMNS)
 */
export const FILE_ACCOUNT_COLUMNS = [
  'a.account_id',
  'a.account_no',
  'a.account_type',
  'a.business_type',
  'a.currency',
  'a.open_date',
  'a.maturity_date',
  'a.amount_minor',
  'a.shared_limit_minor',
  'a.repayment_method',
  'a.repayment_frequency',
  'a.instalments',
  'a.guarantee_type',
  'a.joint_loan',
  'a.first_delinquency_date',
  'i.code',
  'i.name',
  'i.kind',
] as const;

const accountsOfPerson = preparedQuery((db, personId: number) =>
  db
    .selectFrom('accounts as a')
    .innerJoin('institutions as i', 'i.institution_id', 'a.furnisher_id')
    .select(FILE_ACCOUNT_COLUMNS)
    .where('a.person_id', '=', personId)
    .where('a.state', '<>', 'deleted'),
);

/**
 * The columns of a month row, in the order `monthsOfPerson` selects them (read as arrays); the
 * score's batch read selects them too, after `person_id`.
 *
 * @example
 *   db.selectFrom('account_months').select(['person_id', ...MONTH_COLUMNS])
 */
export const MONTH_COLUMNS = [
  'account_id',
  'month',
  'balance_minor',
  'used_limit_minor',
  'scheduled_payment_minor',
  'actual_payment_minor',
  'overdue_periods',
  'overdue_amount_minor',
  'status',
  'five_class',
  'reported_on',
] as const;

const monthsOfPerson = preparedQuery((db, personId: number) =>
  db
    .selectFrom('account_months')
    .select(MONTH_COLUMNS)
    .where('person_id', '=', personId)
    .where('deleted', '=', 0)
    .limit(MAX_MONTH_ROWS_PER_REPORT + 1),
);

/** A month row read as an array (columns as in MONTH_COLUMNS) as the file holds it. */
function monthFromTuple(t: readonly unknown[]): FileMonth {
  const state: MonthState = {
    balance_minor: Number(t[2]),
    scheduled_payment_minor: Number(t[4]),
    actual_payment_minor: Number(t[5]),
    overdue_periods: Number(t[6]),
    overdue_amount_minor: Number(t[7]),
    status: t[8] as MonthState['status'],
    five_class: Number(t[9]) as MonthState['five_class'],
  };
  if (t[3] !== null) state.used_limit_minor = Number(t[3]);
  return { month: t[1] as string, state, reportedOn: t[10] as string };
}

const inquiriesOfPerson = preparedQuery((db, personId: number) =>
  db
    .selectFrom('inquiries as q')
    .innerJoin('institutions as i', 'i.institution_id', 'q.institution_id')
    .select(['q.at', 'q.reason', 'i.code', 'i.name', 'i.kind'])
    .where('q.person_id', '=', personId)
    .orderBy('q.at', 'desc')
    .limit(MAX_INQUIRIES_PER_REPORT),
);

/**
 * What the file read gives the fraud evidence read in the same transaction, so that it reads
 * nothing twice (fraud-evidence-repository.ts): the person, their identity rows as the evidence
 * holds them (keys, birth dates and sexes opened), their inquiries when the file holds them all,
 * and whether any monthly state since a month is a default.
 *
 * @example
 *   const read = await readPersonFileAndEvidence(trx, idHash, open);
 *   read?.known.inDefaultSince('2025-01'); // true when a default status was reported since then
 */
export interface KnownOfPerson {
  personId: number;
  /** Every identity row of the person (unordered). */
  own: OwnReport[];
  /** Every inquiry of the person, newest first; undefined when the file's list was cut. */
  inquiries: InquiryRecord[] | undefined;
  /** True when a monthly state of `month` or later on a live account has a default status. */
  inDefaultSince(month: string): boolean;
}

const DEFAULTS: ReadonlySet<string> = new Set(DEFAULT_STATUSES);
const OPENED_FOR_EVIDENCE: ReadonlySet<string> = new Set(['birth_date', 'sex']);

/**
 * The person's whole file (see the module comment), with what the fraud evidence needs of it;
 * `parts: 'credit'` leaves the identity out (no identity row read, no value opened).
 *
 * @example
 *   const read = await readPersonFileAndEvidence(trx, idHash, open); // null: not on file
 */
export async function readPersonFileAndEvidence(
  db: Kysely<Database>,
  idHash: string,
  decrypt: (sealed: string) => string,
  parts?: 'credit',
): Promise<{ file: PersonFile; known: KnownOfPerson } | null> {
  const withIdentity = parts !== 'credit';
  const [index] = await personByIdHash.rows(db, idHash);
  if (!index) return null;
  const personId = Number(index.person_id);
  const [person] = await personById.rows(db, personId);
  if (!person) throw new Error(`invariant: national_id_index names person ${personId}, who is not on file`);

  // One reference per furnisher: the file (and its copy to the main thread) holds it once.
  const furnishers = new Map<string, InstitutionRef>();
  const furnisher = (code: string, name: string, kind: string): InstitutionRef => {
    let r = furnishers.get(code);
    if (!r) {
      r = ref({ code, name, kind });
      furnishers.set(code, r);
    }
    return r;
  };

  const attributes: Record<string, ReportedValue[]> = {};
  const own: OwnReport[] = [];
  for (const t of withIdentity ? await attributesOfPerson.tuples(db, personId) : []) {
    const attribute = t[0] as string;
    const value = decrypt(t[1] as string);
    const list = attributes[attribute] ?? [];
    list.push({
      value,
      furnisher: furnisher(t[4] as string, t[5] as string, t[6] as string),
      firstReportedOn: t[2] as string,
      lastReportedOn: t[3] as string,
    });
    attributes[attribute] = list;
    own.push({
      attribute: attribute as ReportedAttribute,
      key: t[7] as string,
      ...(OPENED_FOR_EVIDENCE.has(attribute) ? { value } : {}),
      furnisher: t[4] as string,
      firstReportedOn: t[2] as string,
      lastReportedOn: t[3] as string,
    });
  }

  const accounts = new Map<number, FileAccount>();
  for (const r of await accountsOfPerson.rows(db, personId)) {
    accounts.set(Number(r.account_id), {
      accountId: Number(r.account_id),
      furnisher: furnisher(r.code, r.name, r.kind),
      accountNo: r.account_no,
      terms: termsFromColumns(r),
      months: [],
    });
  }
  const monthRows = await monthsOfPerson.tuples(db, personId);
  if (monthRows.length > MAX_MONTH_ROWS_PER_REPORT)
    throw new Error(`a person's file holds more than ${MAX_MONTH_ROWS_PER_REPORT} monthly states`);
  // The latest month with a default status (months of deleted accounts are not in the file).
  let lastDefaultMonth = '';
  for (const t of monthRows) {
    const account = accounts.get(Number(t[0]));
    if (!account) continue;
    const month = monthFromTuple(t);
    account.months.push(month);
    if (DEFAULTS.has(month.state.status) && month.month > lastDefaultMonth) lastDefaultMonth = month.month;
  }
  await attachHistoryMonths(db, personId, accounts);

  const inquiryRows = await inquiriesOfPerson.rows(db, personId);
  const file: PersonFile = {
    personId,
    idType: person.id_type,
    idNumber: withIdentity ? decrypt(person.id_enc) : '',
    attributes,
    accounts: [...accounts.values()],
    inquiries: inquiryRows.map((q) => ({
      at: q.at,
      institution: furnisher(q.code, q.name, q.kind),
      reason: q.reason as InquiryReason,
    })),
    objections: 0,
  };
  const known: KnownOfPerson = {
    personId,
    own,
    inquiries:
      inquiryRows.length < MAX_INQUIRIES_PER_REPORT
        ? inquiryRows.map((q) => ({ at: q.at, institution: q.code, reason: q.reason as InquiryReason }))
        : undefined,
    inDefaultSince: (month) => lastDefaultMonth !== '' && lastDefaultMonth >= month,
  };
  return { file, known };
}

/**
 * The person's whole file (null: not on file).
 *
 * @example
 *   const file = await readPersonFile(tx, idHash, cipher.decrypt);
 */
export async function readPersonFile(
  db: Kysely<Database>,
  idHash: string,
  decrypt: (sealed: string) => string,
): Promise<PersonFile | null> {
  return (await readPersonFileAndEvidence(db, idHash, decrypt))?.file ?? null;
}
