/**
 * The risk core: multi-lending indicators and the pre-lending check (issue 6). Pure domain code:
 * no HTTP, no SQL, no clock. See docs/indicators.md.
 *
 * @example
 *   import { computeIndicators, prelendingCheck } from '../risk/index.js';
 *   const indicators = computeIndicators(file, new Date().toISOString());
 *   const result = prelendingCheck({ indicators, file, proposal, declaredIncome_fen, lenderPolicy });
 */
export {
  computeIndicators,
  DELINQUENCY_LOOKBACK_DEFAULT_months,
  INDICATOR_CURRENCY_DEFAULT,
  type IndicatorOptions,
  type Indicators,
  STATUS_WINDOW_months,
} from './compute-indicators.js';
export { type DeclaredIncome, declaredIncome } from './declared-income.js';
export type { Exposure, LenderFacts } from './exposure.js';
export {
  currentName,
  INDICATOR_DEFINITIONS,
  INDICATOR_NAMES,
  type IndicatorDefinition,
  type IndicatorName,
  type IndicatorUnit,
  windowedName,
} from './indicator-names.js';
export { INDICATORS_DOC_PATH, indicatorsMarkdown, REGENERATE_INDICATORS_DOC } from './indicators-markdown.js';
export { GROUP_IDS, type GroupId, NON_BANK_LENDER_KINDS } from './institution-groups.js';
export { checkLenderPolicy, type LenderPolicy } from './lender-policy.js';
export { CHINA_OVERCREDIT_RULES, type OverCreditRules } from './overcredit-rules.js';
export {
  type PrelendingInput,
  type PrelendingResult,
  type PrelendingVerdict,
  prelendingCheck,
} from './prelending-check.js';
export type { RuleFigures, RuleResult, RuleVerdict } from './prelending-rule-types.js';
export { PRELENDING_RULES } from './prelending-rules.js';
export {
  checkProposedCredit,
  monthlyRepaymentOf,
  PROPOSED_PRODUCT_KINDS,
  PROPOSED_REPAYMENTS,
  type ProposedCredit,
  type ProposedProductKind,
  type ProposedRepayment,
  REVOLVING_MINIMUM_PAYMENT_pct,
} from './proposed-credit.js';
export { SHOPPING_WINDOW_DEFAULT_days } from './shopping.js';
export { STATUS_LEVELS, statusLevel } from './status-levels.js';
export { INDICATOR_WINDOWS, type WindowId } from './time-windows.js';
