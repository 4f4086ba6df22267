/**
 * Fixtures of the bureau score tests: hand-made person files, a demo market in memory (person
 * files without a store) with in-memory ports, and a demo market furnished into a test store
 * through the real pipeline.
 */
import type { Bureau } from '../../../src/app/bureau.js';
import { DEMO_INSTITUTIONS, type DemoMarket, generateDemoMarket } from '../../../src/demo/demo-market.js';
import { demoPersonFiles } from '../../../src/demo/demo-person-files.js';
import { addMonths, monthOf, todayUtc } from '../../../src/domain/calendar.js';
import type { RepaymentStatus } from '../../../src/domain/codes.js';
import { furnishBatch } from '../../../src/furnish/furnish-batch.js';
import { splitIntoBatches } from '../../../src/furnish/split-batches.js';
import type { FileAccount, FileMonth, PersonFile } from '../../../src/report/report-types.js';
import type { BureauScoreModel } from '../../../src/score/bureau/bureau-score-model.js';
import type { PersonFileSource, ScoreModelStore } from '../../../src/score/bureau/ports.js';

export const BANK = { code: 'bank-a', name: 'Bank A', kind: 'bank' as const };
export const PLATFORM = { code: 'plat-b', name: 'Platform B', kind: 'online_microloan' as const };

/** A monthly state with a status (amounts consistent enough for features). */
export function month(m: string, status: RepaymentStatus, balance = 100_000, reportedOn?: string): FileMonth {
  const overdue = '1234567'.includes(status) ? Number(status) : 0;
  return {
    month: m,
    reportedOn: reportedOn ?? `${addMonths(m, 1)}-05`,
    state: {
      balance_minor: status === 'C' ? 0 : balance,
      scheduled_payment_minor: 10_000,
      actual_payment_minor: overdue > 0 ? 0 : 10_000,
      overdue_periods: overdue,
      overdue_amount_minor: overdue * 10_000,
      status,
      five_class: overdue > 0 ? 2 : 1,
    },
  };
}

let nextAccount = 1;
/** An account: a loan (D1) or a card (R2, with used limits), with its months. */
export function account(
  openDate: string,
  months: FileMonth[],
  options: { type?: 'D1' | 'R2'; amount?: number; furnisher?: typeof BANK | typeof PLATFORM } = {},
): FileAccount {
  const type = options.type ?? 'D1';
  return {
    accountId: nextAccount++,
    furnisher: options.furnisher ?? BANK,
    accountNo: `ACC-${nextAccount}`,
    terms: {
      account_type: type,
      business_type: type === 'R2' ? 'credit_card' : 'consumer',
      currency: 'CNY',
      open_date: openDate,
      amount_minor: options.amount ?? 1_000_000,
      repayment_method: type === 'R2' ? 'minimum_payment' : 'equal_instalment',
      repayment_frequency: 'monthly',
      guarantee_type: 'unsecured',
      joint_loan: false,
    },
    months:
      type === 'R2'
        ? months.map((m) => ({ ...m, state: { ...m.state, used_limit_minor: m.state.balance_minor } }))
        : months,
  };
}

/** A person file of these accounts and inquiries. */
export function personFile(accounts: FileAccount[], inquiries: PersonFile['inquiries'] = []): PersonFile {
  return {
    personId: 1,
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    attributes: {},
    accounts,
    inquiries,
    objections: 0,
  };
}

/** Months `from`..`to` with one status. */
export function run(from: string, to: string, status: RepaymentStatus, balance?: number): FileMonth[] {
  const out: FileMonth[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(month(m, status, balance));
  return out;
}

/** A fixed demo window for the tests that run without a store (deterministic whatever the date). */
export const MEMORY_AS_OF = '2026-06';
export const MEMORY_TODAY = '2026-07-10';

/** The person files of a demo market generated in memory. */
export function memoryDemoFiles(persons: number, seed = 20260101): PersonFile[] {
  const market = generateDemoMarket({
    seed,
    persons,
    months: 30,
    asOfMonth: MEMORY_AS_OF,
    today: MEMORY_TODAY,
  });
  return demoPersonFiles(market.linesByFurnisher);
}

/** Person files from memory as the store would give them. */
export function memorySource(files: readonly PersonFile[]): PersonFileSource {
  let first = '';
  let last = '';
  for (const f of files)
    for (const a of f.accounts)
      for (const m of a.months) {
        if (first === '' || m.month < first) first = m.month;
        if (m.month > last) last = m.month;
      }
  return {
    historyMonths: async () => (first === '' ? null : { first, last }),
    countPersons: async () => files.length,
    async *scan({ step, limit }) {
      const chosen = files.filter((f) => f.personId % step === 0).slice(0, limit);
      for (let i = 0; i < chosen.length; i += 500) yield chosen.slice(i, i + 500);
    },
  };
}

/** Models kept in memory. */
export function memoryModels(): ScoreModelStore & { saved: BureauScoreModel[] } {
  const saved: BureauScoreModel[] = [];
  return {
    saved,
    async save(model) {
      const stored = { ...model, version: saved.length + 1 };
      saved.push(stored);
      return stored;
    },
    latestVersion: async () => (saved.length === 0 ? null : saved.length),
    latest: async () => saved.at(-1) ?? null,
  };
}

/** The month before today's: the last month of a store furnished for a report pulled today. */
export const STORE_AS_OF = addMonths(monthOf(todayUtc()), -1);

/**
 * Furnishes a demo market of `persons` persons (30 months to the month before today) into the
 * bureau through furnishBatch, under the demo's own institutions (created here); returns it.
 */
export async function furnishDemoMarket(
  bureau: Bureau,
  persons: number,
  seed = 20260101,
): Promise<DemoMarket> {
  const market = generateDemoMarket({ seed, persons, months: 30, asOfMonth: STORE_AS_OF });
  for (const inst of DEMO_INSTITUTIONS) {
    const lines = market.linesByFurnisher.get(inst.code);
    const created = await bureau.institutions.create({
      code: inst.code,
      name: inst.name,
      kind: inst.kind,
      roles: [...inst.roles],
    });
    if (!lines || lines.length === 0) continue;
    for (const part of splitIntoBatches(Buffer.from(lines.join('\n')))) {
      const result = await furnishBatch(bureau.furnishDeps, {
        furnisherId: created.institutionId,
        batchId: `score-demo-${inst.code}-${part.index}`,
        body: part.body,
      });
      if (result.batch.rejected > 0)
        throw new Error(`demo records rejected: ${JSON.stringify(result.findings[0])}`);
    }
  }
  return market;
}
