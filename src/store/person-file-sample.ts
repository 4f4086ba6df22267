/**
 * Person files in bulk for the bureau score (PersonFileSource): every `step`-th person by id
 * (ids divisible by `step`), in id order, a batch of SCAN_BATCH_persons at a time. Each batch is
 * four queries that name its persons (`person_id in (...)`): persons, accounts (joined to the
 * reference table institutions), monthly states, inquiries. Identity values are not read and
 * nothing is decrypted: the score does not use them. Deleted accounts and months are left out,
 * and at most the newest MAX_INQUIRIES_PER_REPORT inquiries of a person are kept, as in a report.
 *
 * @example
 *   const source = createPersonFileSample(store);
 *   for await (const files of source.scan({ step: 1, limit: 1000 })) files.length; // up to 500
 */
import { sql } from 'kysely';
import type { InquiryReason } from '../consent/inquiry-reasons.js';
import type { InstitutionKind } from '../domain/codes.js';
import type { FileAccount, InstitutionRef, PersonFile } from '../report/report-types.js';
import { SCAN_BATCH_persons } from '../score/bureau/limits.js';
import type { PersonFileSource } from '../score/bureau/ports.js';
import { monthStateFromColumns, termsFromColumns } from './month-rows.js';
import type { BureauDatabase } from './open-database.js';
import {
  FILE_ACCOUNT_COLUMNS,
  MAX_INQUIRIES_PER_REPORT,
  MAX_MONTH_ROWS_PER_REPORT,
  MONTH_COLUMNS,
} from './person-file-repository.js';

const ref = (r: { code: string; name: string; kind: string }): InstitutionRef => ({
  code: r.code,
  name: r.name,
  kind: r.kind as InstitutionKind,
});

/**
 * The source over `store`'s database.
 *
 * @example
 *   await createPersonFileSample(store).historyMonths(); // { first: '2024-05', last: '2026-10' }
 */
export function createPersonFileSample(store: BureauDatabase): PersonFileSource {
  const db = store.db;

  async function batchOf(ids: number[]): Promise<PersonFile[]> {
    const persons = await db
      .selectFrom('persons')
      .select(['person_id', 'id_type'])
      .where('person_id', 'in', ids)
      .orderBy('person_id')
      .execute();
    const files = new Map<number, PersonFile>();
    for (const p of persons)
      files.set(Number(p.person_id), {
        personId: Number(p.person_id),
        idType: p.id_type,
        idNumber: '',
        attributes: {},
        accounts: [],
        inquiries: [],
        objections: 0,
      });
    const accounts = new Map<number, FileAccount>();
    const accountRows = await db
      .selectFrom('accounts as a')
      .innerJoin('institutions as i', 'i.institution_id', 'a.furnisher_id')
      .select(['a.person_id', ...FILE_ACCOUNT_COLUMNS])
      .where('a.person_id', 'in', ids)
      .where('a.state', '<>', 'deleted')
      .execute();
    for (const r of accountRows) {
      const account: FileAccount = {
        accountId: Number(r.account_id),
        furnisher: ref(r),
        accountNo: r.account_no,
        terms: termsFromColumns(r),
        months: [],
      };
      accounts.set(account.accountId, account);
      files.get(Number(r.person_id))?.accounts.push(account);
    }
    const monthRows = await db
      .selectFrom('account_months')
      .select(['person_id', ...MONTH_COLUMNS])
      .where('person_id', 'in', ids)
      .where('deleted', '=', 0)
      .execute();
    const monthsOf = new Map<number, number>();
    for (const m of monthRows) {
      const person = Number(m.person_id);
      const n = (monthsOf.get(person) ?? 0) + 1;
      if (n > MAX_MONTH_ROWS_PER_REPORT)
        throw new Error(
          `person ${person}'s file holds more than ${MAX_MONTH_ROWS_PER_REPORT} monthly states`,
        );
      monthsOf.set(person, n);
      accounts.get(Number(m.account_id))?.months.push({
        month: m.month,
        state: monthStateFromColumns(m),
        reportedOn: m.reported_on,
      });
    }
    const inquiryRows = await db
      .selectFrom('inquiries as q')
      .innerJoin('institutions as i', 'i.institution_id', 'q.institution_id')
      .select(['q.person_id', 'q.at', 'q.reason', 'i.code', 'i.name', 'i.kind'])
      .where('q.person_id', 'in', ids)
      .orderBy('q.person_id')
      .orderBy('q.at', 'desc')
      .execute();
    for (const q of inquiryRows) {
      const file = files.get(Number(q.person_id));
      if (file && file.inquiries.length < MAX_INQUIRIES_PER_REPORT)
        file.inquiries.push({ at: q.at, institution: ref(q), reason: q.reason as InquiryReason });
    }
    return [...files.values()];
  }

  return {
    async historyMonths() {
      const row = await db
        .selectFrom('account_months')
        .select((eb) => [eb.fn.min('month').as('first'), eb.fn.max('month').as('last')])
        .where('deleted', '=', 0)
        .executeTakeFirst();
      return row?.first && row.last ? { first: row.first, last: row.last } : null;
    },
    async countPersons() {
      const row = await db
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async *scan({ step, limit }) {
      if (!Number.isInteger(step) || step < 1)
        throw new RangeError(`step must be an integer >= 1, got ${step}`);
      let after = 0;
      let read = 0;
      while (read < limit) {
        const rows = await db
          .selectFrom('persons')
          .select('person_id')
          .where('person_id', '>', after)
          .where(sql<number>`person_id % ${step}`, '=', 0)
          .orderBy('person_id')
          .limit(Math.min(SCAN_BATCH_persons, limit - read))
          .execute();
        if (rows.length === 0) return;
        const ids = rows.map((r) => Number(r.person_id));
        after = ids.at(-1)!;
        read += ids.length;
        yield await batchOf(ids);
      }
    },
  };
}
