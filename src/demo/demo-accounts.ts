/**
 * Month-by-month lives of demo accounts: instalment loans (D1, equal instalments) and revolving
 * lines and cards (R1, R2, minimum payment). Each plan says when the account opens, whether it is
 * prepaid or closed early and whether it falls overdue (and cures); the simulation turns that into
 * monthly states that pass the canonical format's rules (status and overdue amounts agree, a
 * settled month has a balance of 0, a loan's balance never rises).
 *
 * Months are handled as indexes (year * 12 + month - 1) so that arithmetic is cheap.
 *
 * @example
 *   const states = simulateAccount(plan, rng, monthIndex('2025-12'));
 *   states[0]; // the state of the open month
 */
import type { BusinessType, FiveLevelClass, GuaranteeType, RepaymentStatus } from '../domain/codes.js';
import type { SeededRandom } from '../domain/seeded-random.js';
import type { AccountTerms, MonthState } from '../formats/canonical/record-types.js';

export type DemoAccountType = 'D1' | 'R1' | 'R2';

/** An overdue run: it starts in month `startIdx` (first month with something due from then on)
 *  and is cured by paying everything in month `cureIdx`, or runs on when `cureIdx` is null. */
export interface DemoDelinquency {
  startIdx: number;
  cureIdx: number | null;
}

export interface AccountPlan {
  accountNo: string;
  type: DemoAccountType;
  businessType: BusinessType;
  /** YYYY-MM-DD */
  openDate: string;
  openIdx: number;
  /** Loan amount (D1) or credit limit (R1, R2), in fen. */
  amountMinor: number;
  /** D1 only. */
  instalments?: number;
  annualRate: number;
  guarantee: GuaranteeType;
  jointLoan: boolean;
  /** Month the borrower prepays (D1) or closes the line (R1, R2); null: never. */
  closeIdx: number | null;
  delinquency: DemoDelinquency | null;
  /** Revolving: chance of drawing in a month. */
  useProb: number;
  /** Revolving: how the borrower pays the monthly bill. */
  payStyle: 'full' | 'partial' | 'min';
}

/** The month index of `YYYY-MM`. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The `YYYY-MM` of a month index. */
export function monthAt(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The date `months` after `date` (day kept; demo open days are at most 28). */
export function addMonthsToDate(date: string, months: number): string {
  return monthAt(monthIndex(date) + months) + date.slice(7);
}

/** The account terms of a plan, as furnished on the account record. */
export function accountTerms(plan: AccountPlan): AccountTerms {
  if (plan.type === 'D1') {
    const instalments = plan.instalments ?? 12;
    return {
      account_type: 'D1',
      business_type: plan.businessType,
      currency: 'CNY',
      open_date: plan.openDate,
      maturity_date: addMonthsToDate(plan.openDate, instalments),
      amount_minor: plan.amountMinor,
      repayment_method: 'equal_instalment',
      repayment_frequency: 'monthly',
      instalments,
      guarantee_type: plan.guarantee,
      joint_loan: plan.jointLoan,
    };
  }
  return {
    account_type: plan.type,
    business_type: plan.businessType,
    currency: 'CNY',
    open_date: plan.openDate,
    amount_minor: plan.amountMinor,
    repayment_method: 'minimum_payment',
    repayment_frequency: 'monthly',
    guarantee_type: plan.guarantee,
    joint_loan: plan.jointLoan,
  };
}

/** Five-level class for the k-th month of an overdue run: 1-30 days special mention, 31-90
 *  substandard, 91-180 doubtful, over 180 loss. */
function classInRun(k: number): FiveLevelClass {
  if (k <= 1) return 2;
  if (k <= 3) return 3;
  if (k <= 6) return 4;
  return 5;
}

function overdueStatus(k: number): RepaymentStatus {
  return String(Math.min(k, 7)) as RepaymentStatus;
}

/** Class after a cure: special mention for three months, then normal. */
function classAfterCure(plan: AccountPlan, t: number): FiveLevelClass {
  const cure = plan.delinquency?.cureIdx;
  return cure !== undefined && cure !== null && t >= cure && t < cure + 3 ? 2 : 1;
}

/**
 * Monthly states of the account from its open month up to `lastIdx`, or up to and including the
 * month it is settled (status C). `states[i]` is the state of month `plan.openIdx + i`.
 */
export function simulateAccount(plan: AccountPlan, rng: SeededRandom, lastIdx: number): MonthState[] {
  return plan.type === 'D1' ? simulateInstalmentLoan(plan, lastIdx) : simulateRevolving(plan, rng, lastIdx);
}

/** The instalment schedule of an equal-instalment loan: payment and balance after each instalment. */
export function instalmentSchedule(
  amountMinor: number,
  instalments: number,
  annualRate: number,
): { payments: number[]; balances: number[] } {
  const rate = annualRate / 12;
  const level =
    rate === 0 ? amountMinor / instalments : (amountMinor * rate) / (1 - (1 + rate) ** -instalments);
  const payments = [0];
  const balances = [amountMinor];
  let balance = amountMinor;
  for (let k = 1; k <= instalments; k++) {
    const interest = Math.round(balance * rate);
    const principal =
      k === instalments ? balance : Math.min(balance, Math.max(1, Math.round(level) - interest));
    balance -= principal;
    payments.push(principal + interest);
    balances.push(balance);
  }
  return { payments, balances };
}

function simulateInstalmentLoan(plan: AccountPlan, lastIdx: number): MonthState[] {
  const n = plan.instalments ?? 12;
  const { payments, balances } = instalmentSchedule(plan.amountMinor, n, plan.annualRate);
  const cumulative = [0];
  for (let k = 1; k <= n; k++) cumulative.push(cumulative[k - 1]! + payments[k]!);

  const states: MonthState[] = [];
  const run = plan.delinquency;
  let paid = 0;
  for (let t = plan.openIdx; t <= lastIdx; t++) {
    const rel = t - plan.openIdx;
    const dueCount = Math.min(rel, n);
    const scheduled = rel >= 1 && rel <= n ? payments[rel]! : 0;
    if (run && t >= run.startIdx && (run.cureIdx === null || t < run.cureIdx)) {
      const k = t - run.startIdx + 1;
      states.push({
        balance_minor: balances[paid]!,
        scheduled_payment_minor: scheduled,
        actual_payment_minor: 0,
        overdue_periods: dueCount - paid,
        overdue_amount_minor: cumulative[dueCount]! - cumulative[paid]!,
        status: overdueStatus(k),
        five_class: classInRun(k),
      });
      continue;
    }
    const due = cumulative[dueCount]! - cumulative[paid]!;
    if (plan.closeIdx !== null && t >= plan.closeIdx && rel >= 1) {
      // Prepaid: everything due plus the principal left after it.
      states.push(settled(scheduled, due + balances[dueCount]!));
      return states;
    }
    paid = dueCount;
    if (paid === n) {
      states.push(settled(scheduled, due));
      return states;
    }
    states.push({
      balance_minor: balances[paid]!,
      scheduled_payment_minor: scheduled,
      actual_payment_minor: due,
      overdue_periods: 0,
      overdue_amount_minor: 0,
      status: rel === 0 ? '*' : 'N',
      five_class: classAfterCure(plan, t),
    });
  }
  return states;
}

function settled(scheduled: number, actual: number, revolving = false): MonthState {
  const state: MonthState = {
    balance_minor: 0,
    scheduled_payment_minor: scheduled,
    actual_payment_minor: actual,
    overdue_periods: 0,
    overdue_amount_minor: 0,
    status: 'C',
    five_class: 1,
  };
  if (revolving) state.used_limit_minor = 0;
  return state;
}

/** Minimum payment: 10% of the statement balance, at least 100 yuan, at most the balance. */
function minimumPayment(balance: number): number {
  return balance <= 0 ? 0 : Math.min(balance, Math.max(Math.round(balance * 0.1), 10_000));
}

/** Revolving interest: about 0.05% a day, 1.5% a month, on the carried balance. */
const MONTHLY_REVOLVING_RATE = 0.015;

function simulateRevolving(plan: AccountPlan, rng: SeededRandom, lastIdx: number): MonthState[] {
  const limit = plan.amountMinor;
  const run = plan.delinquency;
  const states: MonthState[] = [];
  let balance = 0;
  let overdue = 0;
  let periods = 0;
  let runStart: number | null = null;
  let frozen = false;
  for (let t = plan.openIdx; t <= lastIdx; t++) {
    const rel = t - plan.openIdx;
    const prev = balance;
    const due = rel === 0 ? 0 : minimumPayment(prev);
    const runOpen = run !== null && t >= run.startIdx && (run.cureIdx === null || t < run.cureIdx);
    if (runOpen && runStart === null && due > 0) runStart = t;
    if (runOpen && runStart !== null) {
      const interest = Math.round(prev * MONTHLY_REVOLVING_RATE);
      balance = prev + interest;
      overdue = Math.min(overdue + due, balance);
      periods += due > 0 ? 1 : 0;
      const k = t - runStart + 1;
      states.push({
        balance_minor: balance,
        used_limit_minor: balance,
        scheduled_payment_minor: due,
        actual_payment_minor: 0,
        overdue_periods: Math.max(1, periods),
        overdue_amount_minor: overdue,
        status: overdueStatus(k),
        five_class: classInRun(k),
      });
      continue;
    }
    let actual: number;
    if (runStart !== null) {
      // Cure: everything overdue and this month's minimum; the lender freezes the line.
      actual = Math.min(prev, overdue + due);
      overdue = 0;
      periods = 0;
      runStart = null;
      frozen = true;
    } else if (plan.closeIdx !== null && t >= plan.closeIdx && rel >= 1) {
      states.push(settled(due, prev, true));
      return states;
    } else if (frozen || plan.payStyle === 'full') {
      actual = prev;
    } else if (plan.payStyle === 'min') {
      actual = due;
    } else {
      actual = due + Math.round((prev - due) * rng.between(0.2, 0.8));
    }
    const carried = prev - actual;
    const interest = Math.min(Math.round(carried * MONTHLY_REVOLVING_RATE), Math.max(0, limit - carried));
    let draw = 0;
    // Borrowers near their limit draw less often; a new platform line is usually drawn at once.
    const nearLimit = carried > limit * 0.8 ? 0.3 : 1;
    const drawChance =
      rel === 0 && plan.type === 'R1' ? Math.max(plan.useProb, 0.6) : plan.useProb * nearLimit;
    if (!frozen && rng.chance(drawChance)) {
      const room = limit - carried - interest;
      const wanted = Math.round((limit * rng.between(0.05, 0.5)) / 100) * 100;
      draw = Math.max(0, Math.min(room, wanted));
    }
    balance = carried + interest + draw;
    states.push({
      balance_minor: balance,
      used_limit_minor: balance,
      scheduled_payment_minor: due,
      actual_payment_minor: actual,
      overdue_periods: 0,
      overdue_amount_minor: 0,
      status: due === 0 && balance === 0 ? '*' : 'N',
      five_class: classAfterCure(plan, t),
    });
  }
  return states;
}
