/**
 * What the person owes before the proposed credit and would owe after it, and the facts about the
 * proposing lender the over-credit rules read. Everything is in fen of the rules' currency and
 * counts open accounts only (account-snapshot.ts), as of the indicators' instant.
 *
 * After = before + the proposed credit: its full amount is added to the balance and to the balance
 * at this lender (a revolving line as drawn in full), its monthly repayment (proposed-credit.ts) to
 * the monthly repayments, its limit to the revolving limit when it is revolving, and the lender to
 * the distinct lenders unless it already has an open account with the person.
 *
 * @example
 *   const facts = lenderFacts(file, Date.parse(indicators.asOf), proposal.lenderCode, CHINA_OVERCREDIT_RULES);
 *   const { before, after } = exposureOf(indicators, facts, proposal);
 *   after.lenderBalance_fen - before.lenderBalance_fen // proposal.amount_fen
 */
import type { PersonFile } from '../report/report-types.js';
import { type AccountSnapshot, snapshotsAsOf } from './account-snapshot.js';
import type { Indicators } from './compute-indicators.js';
import type { OverCreditRules } from './overcredit-rules.js';
import { monthlyRepaymentOf, type ProposedCredit } from './proposed-credit.js';
import { revolvingLimitTotal } from './revolving-limit.js';

/** The proposing lender's place in the person's file. */
export interface LenderFacts {
  /** The lender already has an open account with the person. */
  hasOpenAccount: boolean;
  /** Balance of the open accounts at this lender. */
  lenderBalance_fen: number;
  /** Consumer credit at this lender (business types of the bank internet consumer rule): the
   *  amount of each open loan plus the limits of open revolving accounts (a shared limit once). */
  consumerCreditAtLender_fen: number;
  /** Card limits (card account types of the rules) of open cards at this lender. */
  cardLimitsAtLender_fen: number;
  /** Card limits of open cards at every other institution. */
  cardLimitsElsewhere_fen: number;
}

/** Exposure at one moment. */
export interface Exposure {
  /** Total balance of open accounts. */
  balance_fen: number;
  /** Scheduled monthly repayments. */
  monthlyRepayment_fen: number;
  /** Balance at the proposing lender. */
  lenderBalance_fen: number;
  /** Total limit of open revolving accounts. */
  revolvingLimit_fen: number;
  /** Distinct lenders with an open account. */
  distinctLenders: number;
}

function creditOf(list: readonly AccountSnapshot[]): number {
  const loans = list.filter((s) => !s.revolving).reduce((t, s) => t + s.account.terms.amount_minor, 0);
  return loans + revolvingLimitTotal(list.filter((s) => s.revolving).map((s) => s.account));
}

/**
 * The facts about `lenderCode` in `file` at `asOfMs` (all zero for an unknown person).
 *
 * @example
 *   lenderFacts(null, Date.now(), 'PLAT1', CHINA_OVERCREDIT_RULES).hasOpenAccount // false
 */
export function lenderFacts(
  file: PersonFile | null,
  asOfMs: number,
  lenderCode: string,
  rules: OverCreditRules,
): LenderFacts {
  const open = snapshotsAsOf(file, asOfMs).filter((s) => s.open);
  const atLender = open.filter((s) => s.account.furnisher.code === lenderCode);
  const money = (list: AccountSnapshot[]) => list.filter((s) => s.account.terms.currency === rules.currency);
  const cards = (list: AccountSnapshot[]) =>
    money(list).filter((s) => rules.cardAccountTypes.includes(s.account.terms.account_type));
  return {
    hasOpenAccount: atLender.length > 0,
    lenderBalance_fen: money(atLender).reduce((t, s) => t + s.balance_minor, 0),
    consumerCreditAtLender_fen: creditOf(
      money(atLender).filter((s) =>
        rules.bankInternetConsumerBusinessTypes.includes(s.account.terms.business_type),
      ),
    ),
    cardLimitsAtLender_fen: revolvingLimitTotal(cards(atLender).map((s) => s.account)),
    cardLimitsElsewhere_fen: revolvingLimitTotal(
      cards(open.filter((s) => s.account.furnisher.code !== lenderCode)).map((s) => s.account),
    ),
  };
}

/**
 * The exposure before and after the proposed credit (see the module comment).
 *
 * @example
 *   exposureOf(indicators, facts, proposal).after.distinctLenders
 */
export function exposureOf(
  indicators: Indicators,
  facts: LenderFacts,
  proposal: ProposedCredit,
): { before: Exposure; after: Exposure } {
  const v = indicators.values;
  const before: Exposure = {
    balance_fen: v.bal_open_all_minor ?? 0,
    monthlyRepayment_fen: v.pay_sched_all_minor ?? 0,
    lenderBalance_fen: facts.lenderBalance_fen,
    revolvingLimit_fen: v.limit_rev_all_minor ?? 0,
    distinctLenders: v.lender_open_all ?? 0,
  };
  const after: Exposure = {
    balance_fen: before.balance_fen + proposal.amount_fen,
    monthlyRepayment_fen: before.monthlyRepayment_fen + monthlyRepaymentOf(proposal),
    lenderBalance_fen: before.lenderBalance_fen + proposal.amount_fen,
    revolvingLimit_fen:
      before.revolvingLimit_fen + (proposal.repayment === 'revolving' ? proposal.amount_fen : 0),
    distinctLenders: before.distinctLenders + (facts.hasOpenAccount ? 0 : 1),
  };
  return { before, after };
}
