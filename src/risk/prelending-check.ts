/**
 * The pre-lending check: before a lender grants a credit, every over-credit rule of the
 * jurisdiction and of the lender's policy, on the person's indicators and file, with the exposure
 * before and after the credit. Pure: no clock, no I/O; the inputs are never changed.
 *
 * Verdict: decline when any rule fails, refer when none fails and any refers (for example income
 * unknown where a rule needs it), approve otherwise. Every rule is listed, not applicable ones too,
 * with the figures that decided it, so that a loan officer can read why.
 *
 * The indicators should be computed on the file before this check's own inquiry is recorded: the
 * inquiry rules then count the person's earlier inquiries.
 *
 * @example
 *   const indicators = computeIndicators(file, '2025-07-15T10:00:00Z');
 *   const result = prelendingCheck({
 *     indicators, file,
 *     proposal: { productKind: 'online_microloan', institutionKind: 'online_microloan', lenderCode: 'PLAT1',
 *                 amount_fen: 5_000_000, term_months: 12, repayment: 'equal_instalment' },
 *     declaredIncome_fen: [12_000_000, 13_000_000, 14_000_000],
 *     lenderPolicy: { maxOpenLenders: 4 },
 *   });
 *   result.verdict // 'approve' | 'refer' | 'decline'
 *   result.rules.filter((r) => r.verdict === 'fail').map((r) => r.id)
 */
import type { PersonFile } from '../report/report-types.js';
import type { Indicators } from './compute-indicators.js';
import { type DeclaredIncome, declaredIncome } from './declared-income.js';
import { type Exposure, exposureOf, lenderFacts } from './exposure.js';
import { checkLenderPolicy, type LenderPolicy } from './lender-policy.js';
import { CHINA_OVERCREDIT_RULES, type OverCreditRules } from './overcredit-rules.js';
import type { PrelendingContext, RuleResult } from './prelending-rule-types.js';
import { PRELENDING_RULES } from './prelending-rules.js';
import { checkProposedCredit, monthlyRepaymentOf, type ProposedCredit } from './proposed-credit.js';
import { instantMs } from './time-windows.js';

/** The overall verdict. */
export type PrelendingVerdict = 'approve' | 'refer' | 'decline';

/** What the check needs. */
export interface PrelendingInput {
  /** The person's indicators (computeIndicators), in the rules' currency. */
  indicators: Indicators;
  /** The person's file (null: unknown person), the one the indicators were computed on. */
  file: PersonFile | null;
  proposal: ProposedCredit;
  /** Declared annual income of the last years (at most `incomeYears`), in fen; absent: unknown. */
  declaredIncome_fen?: readonly number[];
  /** The jurisdiction's over-credit rules (default: China's). */
  profileRules?: OverCreditRules;
  /** The lender's own policy (default: none, every LP-* rule not applicable). */
  lenderPolicy?: LenderPolicy;
}

/** What the check answers. */
export interface PrelendingResult {
  verdict: PrelendingVerdict;
  /** Ids of the rules that decided: those that failed (decline) or referred (refer); none on approve. */
  decidedBy: string[];
  /** The indicators' instant. */
  asOf: string;
  currency: OverCreditRules['currency'];
  proposal: ProposedCredit;
  /** Monthly repayment of the proposed credit alone (proposed-credit.ts). */
  newMonthlyRepayment_fen: number;
  /** Declared income, or null when not declared. */
  income: DeclaredIncome | null;
  exposure: { before: Exposure; after: Exposure };
  /** Every rule, in PRELENDING_RULES order. */
  rules: RuleResult[];
}

/**
 * Runs every rule of PRELENDING_RULES (see the module comment). Throws a RangeError when the
 * proposal, the income or the policy is malformed, or the indicators are in another currency
 * than the rules.
 *
 * @example
 *   prelendingCheck({ indicators, file: null, proposal }).exposure.before.balance_fen // 0
 */
export function prelendingCheck(input: PrelendingInput): PrelendingResult {
  const rules = input.profileRules ?? CHINA_OVERCREDIT_RULES;
  const policy = input.lenderPolicy ?? {};
  const { indicators, proposal } = input;
  checkProposedCredit(proposal);
  checkLenderPolicy(policy);
  if (indicators.currency !== rules.currency)
    throw new RangeError(
      `the indicators are in ${indicators.currency} but the over-credit rules in ${rules.currency}`,
    );
  const income = declaredIncome(input.declaredIncome_fen, rules.incomeYears);
  const facts = lenderFacts(
    input.file,
    instantMs(indicators.asOf, 'indicators.asOf'),
    proposal.lenderCode,
    rules,
  );
  const { before, after } = exposureOf(indicators, facts, proposal);
  const newMonthlyRepayment_fen = monthlyRepaymentOf(proposal);
  const context: PrelendingContext = {
    proposal,
    indicators,
    rules,
    policy,
    income,
    facts,
    before,
    after,
    newMonthlyRepayment_fen,
  };
  const results: RuleResult[] = PRELENDING_RULES.map((rule) => ({
    id: rule.id,
    source: rule.source,
    description: rule.description,
    ...rule.check(context),
  }));
  const failed = results.filter((r) => r.verdict === 'fail').map((r) => r.id);
  const referred = results.filter((r) => r.verdict === 'refer').map((r) => r.id);
  const verdict: PrelendingVerdict =
    failed.length > 0 ? 'decline' : referred.length > 0 ? 'refer' : 'approve';
  return {
    verdict,
    decidedBy: verdict === 'decline' ? failed : verdict === 'refer' ? referred : [],
    asOf: indicators.asOf,
    currency: rules.currency,
    proposal: { ...proposal, ...(proposal.coLending ? { coLending: { ...proposal.coLending } } : {}) },
    newMonthlyRepayment_fen,
    income,
    exposure: { before, after },
    rules: results,
  };
}
