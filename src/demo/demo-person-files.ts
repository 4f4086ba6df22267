/**
 * Person files built in memory from the demo market's JSON Lines, without a store: what the
 * bureau would read back for each person after furnishing them (accounts with their monthly
 * states; identity values and inquiries are left out, as the demo furnishes no inquiry). For
 * benchmarks and tests of the score that need many files fast; the store is the reference.
 *
 * @example
 *   for (const chunk of demoMarketChunks({ persons: 1000, asOfMonth: '2025-12' }))
 *     for (const file of demoPersonFiles(chunk)) bureauFeatures(file, '2025-06', 'CNY');
 */
import type { InstitutionKind } from '../domain/codes.js';
import { ACCOUNT_TERM_KEYS, MONTH_STATE_KEYS } from '../formats/canonical/record-fields.js';
import type { AccountTerms, MonthState } from '../formats/canonical/record-types.js';
import type { FileAccount, InstitutionRef, PersonFile } from '../report/report-types.js';
import { DEMO_INSTITUTIONS } from './demo-market.js';

function pick<T>(record: Record<string, unknown>, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
  return out as T;
}

/**
 * The person files of one chunk of the demo market (furnisher code -> lines), in the order the
 * persons first appear; person ids are 1, 2, ... in that order, account ids likewise.
 *
 * @example
 *   demoPersonFiles(generateDemoMarket({ persons: 10, asOfMonth: '2025-12' }).linesByFurnisher).length; // 10
 */
export function demoPersonFiles(linesByFurnisher: ReadonlyMap<string, readonly string[]>): PersonFile[] {
  const files = new Map<string, PersonFile>();
  let accountId = 0;
  for (const [code, lines] of linesByFurnisher) {
    const institution = DEMO_INSTITUTIONS.find((i) => i.code === code);
    if (!institution) throw new Error(`demo: unknown furnisher ${code}`);
    const furnisher: InstitutionRef = {
      code,
      name: institution.name,
      kind: institution.kind as InstitutionKind,
    };
    const accounts = new Map<string, FileAccount>();
    for (const line of lines) {
      const record = JSON.parse(line) as Record<string, unknown>;
      if (record.kind === 'account') {
        const idNumber = record.id_number as string;
        let file = files.get(idNumber);
        if (!file) {
          file = {
            personId: files.size + 1,
            idType: 'resident_id',
            idNumber,
            attributes: {},
            accounts: [],
            inquiries: [],
            objections: 0,
          };
          files.set(idNumber, file);
        }
        const account: FileAccount = {
          accountId: ++accountId,
          furnisher,
          accountNo: record.account_no as string,
          terms: pick<AccountTerms>(record, ACCOUNT_TERM_KEYS),
          months: [],
        };
        accounts.set(account.accountNo, account);
        file.accounts.push(account);
      } else if (record.kind === 'month') {
        const account = accounts.get(record.account_no as string);
        if (!account) throw new Error(`demo: month of unknown account ${String(record.account_no)}`);
        account.months.push({
          month: record.month as string,
          state: pick<MonthState>(record, MONTH_STATE_KEYS),
          reportedOn: record.reported_on as string,
        });
      }
    }
  }
  return [...files.values()];
}
