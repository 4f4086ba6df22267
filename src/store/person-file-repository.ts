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
import type { FileAccount, InstitutionRef, PersonFile, ReportedValue } from '../report/report-types.js';
import { attachHistoryMonths } from './history-profile-reads.js';
import { monthStateFromColumns, termsFromColumns } from './month-rows.js';
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

const attributesOfPerson = preparedQuery((db, personId: number) =>
  db
    .selectFrom('identity_attributes as a')
    .innerJoin('institutions as i', 'i.institution_id', 'a.furnisher_id')
    .select([
      'a.attribute',
      'a.value_enc',
      'a.first_reported_on',
      'a.last_reported_on',
      'i.code',
      'i.name',
      'i.kind',
    ])
    .where('a.person_id', '=', personId),
);

const accountsOfPerson = preparedQuery((db, personId: number) =>
  db
    .selectFrom('accounts as a')
    .innerJoin('institutions as i', 'i.institution_id', 'a.furnisher_id')
    .select([
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
    ])
    .where('a.person_id', '=', personId)
    .where('a.state', '<>', 'deleted'),
);

const monthsOfPerson = preparedQuery((db, personId: number) =>
  db
    .selectFrom('account_months')
    .select([
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
    ])
    .where('person_id', '=', personId)
    .where('deleted', '=', 0)
    .limit(MAX_MONTH_ROWS_PER_REPORT + 1),
);

const inquiriesOfPerson = preparedQuery((db, personId: number) =>
  db
    .selectFrom('inquiries as q')
    .innerJoin('institutions as i', 'i.institution_id', 'q.institution_id')
    .select(['q.at', 'q.reason', 'i.code', 'i.name', 'i.kind'])
    .where('q.person_id', '=', personId)
    .orderBy('q.at', 'desc')
    .limit(MAX_INQUIRIES_PER_REPORT),
);

export async function readPersonFile(
  db: Kysely<Database>,
  idHash: string,
  decrypt: (sealed: string) => string,
): Promise<PersonFile | null> {
  const [index] = await personByIdHash.rows(db, idHash);
  if (!index) return null;
  const personId = Number(index.person_id);
  const [person] = await personById.rows(db, personId);
  if (!person) throw new Error(`invariant: national_id_index names person ${personId}, who is not on file`);

  const attributes: Record<string, ReportedValue[]> = {};
  for (const r of await attributesOfPerson.rows(db, personId)) {
    const list = attributes[r.attribute] ?? [];
    list.push({
      value: decrypt(r.value_enc),
      furnisher: ref(r),
      firstReportedOn: r.first_reported_on,
      lastReportedOn: r.last_reported_on,
    });
    attributes[r.attribute] = list;
  }

  const accounts = new Map<number, FileAccount>();
  for (const r of await accountsOfPerson.rows(db, personId)) {
    accounts.set(Number(r.account_id), {
      accountId: Number(r.account_id),
      furnisher: ref(r),
      accountNo: r.account_no,
      terms: termsFromColumns(r),
      months: [],
    });
  }
  const monthRows = await monthsOfPerson.rows(db, personId);
  if (monthRows.length > MAX_MONTH_ROWS_PER_REPORT)
    throw new Error(`a person's file holds more than ${MAX_MONTH_ROWS_PER_REPORT} monthly states`);
  for (const m of monthRows) {
    accounts.get(Number(m.account_id))?.months.push({
      month: m.month,
      state: monthStateFromColumns(m),
      reportedOn: m.reported_on,
    });
  }
  await attachHistoryMonths(db, personId, accounts);

  const inquiryRows = await inquiriesOfPerson.rows(db, personId);
  return {
    personId,
    idType: person.id_type,
    idNumber: decrypt(person.id_enc),
    attributes,
    accounts: [...accounts.values()],
    inquiries: inquiryRows.map((q) => ({ at: q.at, institution: ref(q), reason: q.reason as InquiryReason })),
    objections: 0,
  };
}
