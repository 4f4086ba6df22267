/**
 * A synthetic consumer-credit market for demos and tests: online lending platforms, consumer
 * finance companies, a card issuer and banks furnish the credit of a population of persons, in the
 * canonical furnishing format (JSON Lines of identity, account and month records).
 *
 * The market is deterministic for a seed and shaped like the real one: most persons borrow from
 * one or two institutions and a tail from many (multi-lending); accounts are instalment loans (D1),
 * revolving lines on platforms (R1) and credit cards (R2); loans are repaid and settled, some are
 * prepaid; about 8% of persons fall overdue (status 1, 2, 3, ... with the five-level class
 * worsening), some of them cure. Every record passes the rules of the canonical format.
 *
 * @example
 *   const market = generateDemoMarket({ seed: 7, persons: 1000, asOfMonth: '2025-12' });
 *   market.linesByFurnisher.get('huiyin-jiebei')?.[0]; // '{"kind":"identity",...}'
 */
import { isCalendarDate, isCalendarMonth, monthOf, todayUtc } from '../domain/calendar.js';
import type { BusinessType, GuaranteeType, InstitutionKind, InstitutionRole } from '../domain/codes.js';
import { deriveSeed, SeededRandom } from '../domain/seeded-random.js';
import type { MonthState } from '../formats/canonical/record-types.js';
import {
  type AccountPlan,
  accountTerms,
  type DemoAccountType,
  monthAt,
  monthIndex,
  simulateAccount,
} from './demo-accounts.js';
import { FRAUD_PLANTS, plantFraud } from './demo-fraud-rings.js';
import { type DemoPerson, makeDemoPerson } from './demo-people.js';

export interface DemoInstitution {
  code: string;
  name: string;
  kind: InstitutionKind;
  roles: InstitutionRole[];
}

export interface DemoMarketOptions {
  /** Seed of the generator (default 1). The same seed gives the same market. */
  seed?: number;
  /** Number of persons (default 10,000). */
  persons?: number;
  /** Months of history ending at asOfMonth (default 30, at least 24). */
  months?: number;
  /** 'YYYY-MM': the last reported month, e.g. the month before today. */
  asOfMonth: string;
  /** 'YYYY-MM-DD': the date taken as today, the latest reported_on (default: today, UTC). */
  today?: string;
}

export interface DemoMarket {
  institutions: DemoInstitution[];
  /** JSON Lines per furnisher code, in furnishing order: for each person of that furnisher an identity record, then account records (action 'open'), then month records in month order. */
  linesByFurnisher: Map<string, string[]>;
  /** Facts for the demo printout and tests. */
  showcase: {
    multiLender: { idNumber: string; name: string; lenders: number };
    delinquent: { idNumber: string; name: string };
    /** A member of a planted fraud ring (markets of 1,000 persons or more; see demo-fraud-rings.ts). */
    fraudRing?: { idNumber: string; name: string };
  };
  stats: { persons: number; accounts: number; monthRecords: number; identityRecords: number };
}

/** A furnishing institution of the demo market with its account-number prefix and market share. */
interface Furnisher extends DemoInstitution {
  prefix: string;
  /** Relative share of borrowers. */
  share: number;
}

const LENDER: InstitutionRole[] = ['furnisher', 'lender'];

/** The furnishers of the demo market. Names are invented. */
const FURNISHERS: readonly Furnisher[] = [
  {
    code: 'huiyin-jiebei',
    name: '汇银网络小额贷款有限公司',
    kind: 'online_microloan',
    roles: LENDER,
    prefix: 'HY',
    share: 30,
  },
  {
    code: 'qianhai-xiaodai',
    name: '千海网络小额贷款有限公司',
    kind: 'online_microloan',
    roles: LENDER,
    prefix: 'QH',
    share: 22,
  },
  {
    code: 'jinrong-xiaofei',
    name: '锦融消费金融有限公司',
    kind: 'consumer_finance',
    roles: LENDER,
    prefix: 'JR',
    share: 15,
  },
  {
    code: 'qingshan-xiaodai',
    name: '青杉网络小额贷款有限公司',
    kind: 'online_microloan',
    roles: LENDER,
    prefix: 'QS',
    share: 9,
  },
  {
    code: 'hengtong-card',
    name: '恒通信用卡中心',
    kind: 'credit_card_issuer',
    roles: LENDER,
    prefix: 'HT',
    share: 7,
  },
  {
    code: 'chenguang-bank',
    name: '晨光银行股份有限公司',
    kind: 'bank',
    roles: LENDER,
    prefix: 'CG',
    share: 11,
  },
  {
    code: 'songbai-bank',
    name: '松柏农村商业银行股份有限公司',
    kind: 'bank',
    roles: LENDER,
    prefix: 'SB',
    share: 6,
  },
];

const REGULATOR: DemoInstitution = {
  code: 'demo-regulator',
  name: '示范地方金融监督管理局',
  kind: 'regulator',
  roles: ['regulator'],
};

/** The institutions of the demo market: furnishers first, then the regulator (which furnishes nothing). */
export const DEMO_INSTITUTIONS: readonly DemoInstitution[] = [
  ...FURNISHERS.map(({ code, name, kind, roles }) => ({ code, name, kind, roles: [...roles] })),
  { ...REGULATOR, roles: [...REGULATOR.roles] },
];

/** Chance that a person borrows from 1, 2, ... 7 furnishers: about 3% from 5 or more. */
const FURNISHER_COUNT_WEIGHTS = [52, 27, 11, 7, 1.8, 0.8, 0.4];
const SHOWCASE_LENDERS = 6;
const DELINQUENT_FURNISHER = 'huiyin-jiebei';

/** The window of the market: month indexes and today. */
interface Window {
  startIdx: number;
  lastIdx: number;
  today: string;
  todayIdx: number;
}

/** A log-uniform amount in whole yuan, rounded to `step` yuan, returned in fen. */
function amountFen(rng: SeededRandom, minYuan: number, maxYuan: number, step: number): number {
  const yuan = Math.exp(rng.between(Math.log(minYuan), Math.log(maxYuan)));
  const rounded = Math.min(maxYuan, Math.max(minYuan, Math.round(yuan / step) * step));
  return rounded * 100;
}

function pickWeighted<T>(rng: SeededRandom, items: readonly (readonly [T, number])[]): T {
  return items[rng.weightedIndex(items.map((x) => x[1]))]![0];
}

/** An open date in month `openIdx`, never after today. */
function openDateIn(rng: SeededRandom, openIdx: number, window: Window): string {
  let day = rng.int(1, 28);
  if (openIdx === window.todayIdx) day = Math.min(day, Number(window.today.slice(8, 10)));
  return `${monthAt(openIdx)}-${String(day).padStart(2, '0')}`;
}

/** `date` plus `days` days, never after today. */
function laterDate(date: string, days: number, today: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const later = d.toISOString().slice(0, 10);
  return notAfter(later, today);
}

/** Orders strings by code unit (dates and ASCII account numbers), independent of locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earlier of two dates (`YYYY-MM-DD` strings sort). */
function notAfter(date: string, limit: string): string {
  return date < limit ? date : limit;
}

class AccountPlanner {
  private readonly counters = new Map<string, number>();

  constructor(private readonly window: Window) {}

  private nextAccountNo(furnisher: Furnisher, type: DemoAccountType): string {
    const n = (this.counters.get(furnisher.code) ?? 0) + 1;
    this.counters.set(furnisher.code, n);
    return `${furnisher.prefix}-${type}-${String(n).padStart(7, '0')}`;
  }

  /** An equal-instalment loan that is still being repaid at the window start or opens later. */
  loan(
    rng: SeededRandom,
    furnisher: Furnisher,
    fixed?: { openIdx: number; instalments: number },
  ): AccountPlan {
    const { startIdx, lastIdx } = this.window;
    const bank = furnisher.kind === 'bank';
    const instalments =
      fixed?.instalments ??
      (bank
        ? pickWeighted(rng, [
            [12, 3],
            [24, 3],
            [36, 4],
          ])
        : pickWeighted(rng, [
            [6, 2],
            [12, 4],
            [24, 2],
            [36, 1],
          ]));
    let openIdx = fixed?.openIdx ?? rng.int(startIdx - 12, lastIdx);
    if (openIdx + instalments < startIdx) openIdx = startIdx - rng.int(0, instalments);
    const businessType: BusinessType = bank
      ? 'consumer'
      : pickWeighted(rng, [
          ['cash_loan', 45],
          ['consumer', 30],
          ['instalment_purchase', 25],
        ]);
    const plan: AccountPlan = {
      accountNo: this.nextAccountNo(furnisher, 'D1'),
      type: 'D1',
      businessType,
      openDate: openDateIn(rng, openIdx, this.window),
      openIdx,
      amountMinor: bank ? amountFen(rng, 10_000, 200_000, 1000) : amountFen(rng, 1000, 50_000, 100),
      instalments,
      annualRate: Math.round((bank ? rng.between(0.035, 0.08) : rng.between(0.09, 0.24)) * 10_000) / 10_000,
      guarantee: bank && rng.chance(0.15) ? 'guarantee' : 'unsecured',
      jointLoan: !bank && rng.chance(0.35),
      closeIdx: null,
      delinquency: null,
      useProb: 0,
      payStyle: 'full',
    };
    if (!fixed && rng.chance(0.12)) {
      const from = Math.max(openIdx + 1, startIdx);
      const to = Math.min(openIdx + instalments - 1, lastIdx);
      if (from <= to) plan.closeIdx = rng.int(from, to);
    }
    return plan;
  }

  /** A revolving credit line (R1) on a platform or a credit card (R2). */
  line(rng: SeededRandom, furnisher: Furnisher, type: 'R1' | 'R2'): AccountPlan {
    const { startIdx, lastIdx } = this.window;
    const card = type === 'R2';
    const openIdx = rng.int(startIdx - (card ? 36 : 24), lastIdx);
    const dormant = rng.chance(card ? 0.12 : 0.15);
    const businessType: BusinessType = card
      ? 'credit_card'
      : furnisher.kind === 'online_microloan'
        ? 'cash_loan'
        : 'consumer';
    const guarantee: GuaranteeType = 'unsecured';
    const plan: AccountPlan = {
      accountNo: this.nextAccountNo(furnisher, type),
      type,
      businessType,
      openDate: openDateIn(rng, openIdx, this.window),
      openIdx,
      amountMinor: card ? amountFen(rng, 5000, 100_000, 1000) : amountFen(rng, 2000, 50_000, 500),
      annualRate: 0.18,
      guarantee,
      jointLoan: !card && rng.chance(0.3),
      closeIdx: null,
      delinquency: null,
      useProb: dormant ? 0.03 : card ? rng.between(0.55, 0.95) : rng.between(0.25, 0.7),
      payStyle: card
        ? pickWeighted(rng, [
            ['full', 55],
            ['partial', 28],
            ['min', 17],
          ])
        : pickWeighted(rng, [
            ['full', 30],
            ['partial', 40],
            ['min', 30],
          ]),
    };
    if (rng.chance(card ? 0.08 : 0.1)) {
      const from = Math.max(openIdx + 2, startIdx + 1);
      if (from <= lastIdx) plan.closeIdx = rng.int(from, lastIdx);
    }
    return plan;
  }

  /** The accounts a person holds at one furnisher (at least one). */
  accountsAt(rng: SeededRandom, furnisher: Furnisher): AccountPlan[] {
    const plans: AccountPlan[] = [];
    switch (furnisher.kind) {
      case 'online_microloan':
      case 'consumer_finance': {
        const lineChance = furnisher.kind === 'online_microloan' ? 0.65 : 0.35;
        const hasLine = rng.chance(lineChance);
        if (hasLine) plans.push(this.line(rng, furnisher, 'R1'));
        const loans = hasLine
          ? pickWeighted(rng, [
              [0, 50],
              [1, 35],
              [2, 15],
            ])
          : pickWeighted(rng, [
              [1, 60],
              [2, 30],
              [3, 10],
            ]);
        for (let i = 0; i < loans; i++) plans.push(this.loan(rng, furnisher));
        break;
      }
      case 'credit_card_issuer': {
        const cards = rng.chance(0.85) ? 1 : 2;
        for (let i = 0; i < cards; i++) plans.push(this.line(rng, furnisher, 'R2'));
        break;
      }
      default: {
        if (rng.chance(0.75)) plans.push(this.line(rng, furnisher, 'R2'));
        if (rng.chance(0.4) || plans.length === 0) plans.push(this.loan(rng, furnisher));
      }
    }
    return plans;
  }
}

/** The months in which an overdue run of the account may start, or null. */
function runRange(plan: AccountPlan, window: Window): [number, number] | null {
  const from = Math.max(plan.openIdx + 1, window.startIdx + 1);
  const to =
    plan.type === 'D1' ? Math.min(plan.openIdx + (plan.instalments ?? 12), window.lastIdx) : window.lastIdx;
  return from <= to ? [from, to] : null;
}

/** Makes the account fall overdue in month `startIdx` (cured in `cureIdx`, or never). */
function setDelinquent(plan: AccountPlan, startIdx: number, cureIdx: number | null): void {
  plan.delinquency = { startIdx, cureIdx };
  plan.closeIdx = null;
  if (plan.type !== 'D1') {
    // A stretched borrower: draws every month and pays the minimum until the run starts.
    plan.useProb = 1;
    plan.payStyle = 'min';
  }
}

/** Puts one or more of a person's accounts into an overdue run starting around the same month. */
function assignDelinquency(rng: SeededRandom, plans: AccountPlan[], window: Window): void {
  const candidates = plans.filter((p) => p.delinquency === null && runRange(p, window) !== null);
  if (candidates.length === 0) return;
  const first = rng.pick(candidates);
  const [from, to] = runRange(first, window)!;
  const start = rng.int(from, to);
  const cureAfter = rng.chance(0.4) ? rng.int(1, 3) : null;
  setDelinquent(first, start, cureAfter === null ? null : start + cureAfter);
  for (const other of candidates) {
    if (other === first || !rng.chance(0.5)) continue;
    const range = runRange(other, window)!;
    const otherStart = start + rng.int(0, 2);
    if (otherStart < range[0] || otherStart > range[1]) continue;
    setDelinquent(other, otherStart, cureAfter === null ? null : otherStart + cureAfter);
  }
}

interface SimulatedAccount {
  plan: AccountPlan;
  states: MonthState[];
}

function identityLine(
  person: DemoPerson,
  reportedOn: string,
  changed: boolean,
  withEmployer: boolean,
): string {
  const record: Record<string, unknown> = {
    kind: 'identity',
    id_number: person.idNumber,
    name: person.name,
    reported_on: reportedOn,
    birth_date: person.birthDate,
    sex: person.sex,
    mobile: changed && person.newMobile !== undefined ? person.newMobile : person.mobile,
    address: changed && person.newAddress !== undefined ? person.newAddress : person.address,
  };
  if (withEmployer && person.employer !== undefined) record.employer = person.employer;
  return JSON.stringify(record);
}

function accountLine(person: DemoPerson, plan: AccountPlan, reportedOn: string): string {
  return JSON.stringify({
    kind: 'account',
    action: 'open',
    account_no: plan.accountNo,
    id_number: person.idNumber,
    name: person.name,
    reported_on: reportedOn,
    ...accountTerms(plan),
  });
}

function monthLine(accountNo: string, month: string, reportedOn: string, state: MonthState): string {
  return JSON.stringify({ kind: 'month', account_no: accountNo, month, reported_on: reportedOn, ...state });
}

function positiveInteger(value: number, name: string, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`generateDemoMarket: ${name} must be an integer >= ${min}`);
  return value;
}

/**
 * Generates the demo market. Deterministic for the same options (and the same `today`).
 *
 * @example
 *   generateDemoMarket({ seed: 1, persons: 300, asOfMonth: '2025-12' }).stats.persons // 300
 */
export function generateDemoMarket(options: DemoMarketOptions): DemoMarket {
  const linesByFurnisher = new Map<string, string[]>(FURNISHERS.map((f) => [f.code, []]));
  const chunks = demoMarketChunks(options, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const next = chunks.next();
    if (next.done) return { ...next.value, linesByFurnisher };
    for (const [code, lines] of next.value) {
      const all = linesByFurnisher.get(code)!;
      for (const line of lines) all.push(line);
    }
  }
}

/** Persons generated before their lines are handed over, by default (bounded memory). */
export const DEMO_CHUNK_PERSONS = 20_000;

/**
 * The demo market in chunks of `chunkPersons` persons: yields each chunk's JSON Lines per
 * furnisher (the same lines, in the same order per furnisher, as generateDemoMarket), and returns
 * the institutions, showcase and stats. Memory holds one chunk's lines at a time.
 *
 * @example
 *   const chunks = demoMarketChunks({ persons: 1_000_000, asOfMonth: '2026-10' });
 *   for (let c = chunks.next(); !c.done; c = chunks.next()) furnish(c.value);
 */
export function* demoMarketChunks(
  options: DemoMarketOptions,
  chunkPersons: number = DEMO_CHUNK_PERSONS,
): Generator<Map<string, string[]>, Omit<DemoMarket, 'linesByFurnisher'>, void> {
  if (!Number.isInteger(chunkPersons) || chunkPersons < 1)
    throw new RangeError('demoMarketChunks: chunkPersons must be a positive integer');
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) throw new RangeError('generateDemoMarket: seed must be a finite number');
  const persons = positiveInteger(options.persons ?? 10_000, 'persons', 1);
  const months = positiveInteger(options.months ?? 30, 'months', 24);
  const today = options.today ?? todayUtc();
  if (!isCalendarDate(today)) throw new RangeError('generateDemoMarket: today must be a YYYY-MM-DD date');
  if (!isCalendarMonth(options.asOfMonth))
    throw new RangeError('generateDemoMarket: asOfMonth must be YYYY-MM');
  if (options.asOfMonth > monthOf(today)) {
    throw new RangeError(
      `generateDemoMarket: asOfMonth ${options.asOfMonth} is after the month of today (${today})`,
    );
  }

  const lastIdx = monthIndex(options.asOfMonth);
  const window: Window = {
    startIdx: lastIdx - months + 1,
    lastIdx,
    today,
    todayIdx: monthIndex(monthOf(today)),
  };
  // A month is reported on the 5th of the next month, never after today.
  const monthReportedOn = new Map<number, string>();
  for (let t = window.startIdx; t <= lastIdx; t++) {
    const date = `${monthAt(t + 1)}-05`;
    monthReportedOn.set(t, notAfter(date, today));
  }

  const planner = new AccountPlanner(window);
  const emptyChunk = () => new Map<string, string[]>(FURNISHERS.map((f) => [f.code, []]));
  let linesByFurnisher = emptyChunk();
  const usedIds = new Set<string>();
  const stats = { persons, accounts: 0, monthRecords: 0, identityRecords: 0 };
  const shares = FURNISHERS.map((f) => f.share);
  const delinquentFurnisher = FURNISHERS.findIndex((f) => f.code === DELINQUENT_FURNISHER);
  const showcaseMulti = 0;
  const showcaseDelinquent = persons > 1 ? 1 : 0;
  let multiLender: DemoMarket['showcase']['multiLender'] | undefined;
  let delinquent: DemoMarket['showcase']['delinquent'] | undefined;
  let fraudRing: DemoMarket['showcase']['fraudRing'];

  for (let p = 0; p < persons; p++) {
    const rng = new SeededRandom(deriveSeed(seed, p));
    const person = makeDemoPerson(rng, usedIds);
    const plant = plantFraud({ seed, p, persons, today }, person, usedIds);
    const count =
      p === showcaseMulti
        ? SHOWCASE_LENDERS
        : (plant?.lenders ?? rng.weightedIndex(FURNISHER_COUNT_WEIGHTS) + 1);
    let chosen = rng.weightedSample(shares, count);
    const defaulted = p === showcaseDelinquent || plant?.defaulted === true;
    if (defaulted && !chosen.includes(delinquentFurnisher)) {
      chosen = [delinquentFurnisher, ...chosen.slice(0, count - 1)];
    }

    const byFurnisher = chosen.map((i) => {
      const furnisher = FURNISHERS[i]!;
      return { furnisher, plans: planner.accountsAt(rng, furnisher) };
    });
    const allPlans = byFurnisher.flatMap((x) => x.plans);
    if (defaulted) {
      // A loan opened early in the window that falls overdue and is never cured.
      const entry = byFurnisher.find((x) => x.furnisher.code === DELINQUENT_FURNISHER)!;
      const loan = planner.loan(rng, entry.furnisher, { openIdx: window.startIdx + 1, instalments: 24 });
      setDelinquent(loan, window.startIdx + 6, null);
      entry.plans.push(loan);
      allPlans.push(loan);
    }
    if (p === showcaseDelinquent || rng.chance(0.05 + 0.035 * (count - 1)))
      assignDelinquency(rng, allPlans, window);

    // Simulate; keep the accounts with at least one month in the window.
    const reported = byFurnisher
      .map(({ furnisher, plans }) => {
        const accounts: SimulatedAccount[] = plans
          .map((plan) => ({ plan, states: simulateAccount(plan, rng, lastIdx) }))
          .filter((a) => a.plan.openIdx + a.states.length - 1 >= window.startIdx)
          .sort(
            (a, b) => byText(a.plan.openDate, b.plan.openDate) || byText(a.plan.accountNo, b.plan.accountNo),
          );
        return { furnisher, accounts, firstOpen: accounts[0]?.plan.openDate ?? '' };
      })
      .filter((x) => x.accounts.length > 0)
      .sort((a, b) => byText(a.firstOpen, b.firstOpen));

    // Later furnishers (by first account) learn the newer mobile or address, if any.
    const changeRank = reported.length >= 2 ? rng.int(1, reported.length - 1) : Number.POSITIVE_INFINITY;
    reported.forEach(({ furnisher, accounts, firstOpen }, rank) => {
      const lines = linesByFurnisher.get(furnisher.code)!;
      const withEmployer =
        furnisher.kind === 'bank' || furnisher.kind === 'credit_card_issuer' || rng.chance(0.5);
      const reportedOn = plant ? plant.reportedOnAt(rank) : notAfter(firstOpen, today);
      lines.push(
        identityLine(plant?.identityAt(rank) ?? person, reportedOn, rank >= changeRank, withEmployer),
      );
      stats.identityRecords++;
      for (const { plan } of accounts) {
        lines.push(accountLine(person, plan, laterDate(plan.openDate, rng.int(0, 3), today)));
        stats.accounts++;
      }
      for (let t = window.startIdx; t <= lastIdx; t++) {
        const month = monthAt(t);
        const reportedOn = monthReportedOn.get(t)!;
        for (const { plan, states } of accounts) {
          const state = states[t - plan.openIdx];
          if (state === undefined) continue;
          lines.push(monthLine(plan.accountNo, month, reportedOn, state));
          stats.monthRecords++;
        }
      }
    });

    if (p === showcaseMulti)
      multiLender = { idNumber: person.idNumber, name: person.name, lenders: reported.length };
    if (p === showcaseDelinquent) delinquent = { idNumber: person.idNumber, name: person.name };
    if (plant && p === FRAUD_PLANTS.ringWithDefaults[0])
      fraudRing = { idNumber: person.idNumber, name: person.name };
    if ((p + 1) % chunkPersons === 0 || p === persons - 1) {
      yield linesByFurnisher;
      linesByFurnisher = emptyChunk();
    }
  }

  return {
    institutions: DEMO_INSTITUTIONS.map((i) => ({ ...i, roles: [...i.roles] })),
    showcase: { multiLender: multiLender!, delinquent: delinquent!, ...(fraudRing ? { fraudRing } : {}) },
    stats,
  };
}
