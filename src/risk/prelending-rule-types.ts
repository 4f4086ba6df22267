/**
 * The shape of a pre-lending rule: data with an id, where it comes from, a description and a
 * check, so the rule list documents itself and every verdict cites a rule id (the pattern of
 * src/formats/canonical/rules.ts).
 *
 * @example
 *   const rule: PrelendingRule = { id: 'LP-MAX-OPEN-LENDERS', source: 'lender', description: '...', check: (c) => ... };
 */
import type { Indicators } from './compute-indicators.js';
import type { DeclaredIncome } from './declared-income.js';
import type { Exposure, LenderFacts } from './exposure.js';
import type { LenderPolicy } from './lender-policy.js';
import type { OverCreditRules } from './overcredit-rules.js';
import type { ProposedCredit } from './proposed-credit.js';

/** One rule's verdict: not_applicable when the rule does not concern this credit or is not set. */
export type RuleVerdict = 'pass' | 'refer' | 'fail' | 'not_applicable';

/** The figures that decided a verdict, by name (amounts end in `_fen`, percentages in `_pct`). */
export type RuleFigures = Readonly<Record<string, number | string | boolean | null>>;

/** Everything a rule may read. */
export interface PrelendingContext {
  readonly proposal: ProposedCredit;
  readonly indicators: Indicators;
  readonly rules: OverCreditRules;
  readonly policy: LenderPolicy;
  /** Declared income, or null when not declared. */
  readonly income: DeclaredIncome | null;
  readonly facts: LenderFacts;
  readonly before: Exposure;
  readonly after: Exposure;
  /** Monthly repayment of the proposed credit alone. */
  readonly newMonthlyRepayment_fen: number;
}

/** What a rule's check answers: the verdict, a sentence for a loan officer, and the figures. */
export interface RuleOutcome {
  verdict: RuleVerdict;
  reason: string;
  figures: RuleFigures;
}

export interface PrelendingRule {
  /** Stable id cited by verdicts: CN-* from the jurisdiction profile, LP-* from the lender's policy. */
  readonly id: string;
  readonly source: 'profile' | 'lender';
  readonly description: string;
  check(context: PrelendingContext): RuleOutcome;
}

/** A rule's verdict as the check reports it. */
export interface RuleResult extends RuleOutcome {
  id: string;
  source: 'profile' | 'lender';
  description: string;
}
