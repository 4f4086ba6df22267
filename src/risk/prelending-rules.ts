/**
 * Every rule of the pre-lending check, as data: the jurisdiction's over-credit rules (CN-*, values
 * in OverCreditRules) and the lender's own policy (LP-*, values in LenderPolicy). A rule that
 * does not concern the proposed credit, or whose policy value is not set, answers not_applicable.
 * Comparisons are exact (integers; ratios by cross-multiplication in BigInt).
 *
 * @example
 *   PRELENDING_RULES.map((r) => `${r.id}: ${r.description}`)
 */
import { formatMinor } from '../report/format-money.js';
import type { PrelendingContext, PrelendingRule, RuleFigures, RuleOutcome } from './prelending-rule-types.js';

const notApplicable = (reason: string): RuleOutcome => ({ verdict: 'not_applicable', reason, figures: {} });
const outcome = (verdict: RuleOutcome['verdict'], reason: string, figures: RuleFigures): RuleOutcome => ({
  verdict,
  reason,
  figures,
});
const money = (c: PrelendingContext, fen: number) => formatMinor(fen, c.rules.currency);
/** floor(a / b) for integers a >= 0, b > 0, exactly. */
const floorDiv = (a: number, b: number) => Number(BigInt(a) / BigInt(b));

/** Repayment-to-income in percent, for display (the decision is exact); null when income is 0. */
function repaymentToIncomePct(monthly_fen: number, total_fen: number, years: number): number | null {
  return total_fen === 0 ? null : (monthly_fen * 12 * years * 100) / total_fen;
}

export const PRELENDING_RULES: readonly PrelendingRule[] = [
  {
    id: 'CN-MICROLOAN-LENDER-BALANCE',
    source: 'profile',
    description:
      'Online microloans: the balance at this lender after the credit (open balance there + the amount) is at most ' +
      'the lower of onlineMicroloanMaxBalance_fen (RMB 300,000) and the average declared annual income ' +
      '(over up to incomeYears = 3 years) divided by onlineMicroloanIncomeDivisor (3). Fails above either cap; ' +
      'refers when no income is declared and the balance is within the fixed cap.',
    check(c) {
      if (c.proposal.productKind !== 'online_microloan') return notApplicable('not an online microloan');
      const after = c.after.lenderBalance_fen;
      const cap = c.rules.onlineMicroloanMaxBalance_fen;
      const incomeCap =
        c.income === null
          ? null
          : floorDiv(c.income.total_fen, c.rules.onlineMicroloanIncomeDivisor * c.income.years);
      const figures = {
        lenderBalanceBefore_fen: c.before.lenderBalance_fen,
        amount_fen: c.proposal.amount_fen,
        lenderBalanceAfter_fen: after,
        balanceCap_fen: cap,
        averageAnnualIncome_fen: c.income?.averageAnnual_fen ?? null,
        incomeCap_fen: incomeCap,
        limit_fen: incomeCap === null ? cap : Math.min(cap, incomeCap),
      };
      if (after > cap)
        return outcome(
          'fail',
          `balance at this lender after the credit ${money(c, after)} exceeds the cap ${money(c, cap)}`,
          figures,
        );
      if (incomeCap === null)
        return outcome(
          'refer',
          'income not declared: the cap of one third of the average annual income cannot be checked',
          figures,
        );
      if (after > incomeCap)
        return outcome(
          'fail',
          `balance at this lender after the credit ${money(c, after)} exceeds one third of the average annual income ${money(c, incomeCap)}`,
          figures,
        );
      return outcome(
        'pass',
        `balance at this lender after the credit ${money(c, after)} is within ${money(c, figures.limit_fen)}`,
        figures,
      );
    },
  },
  {
    id: 'CN-BANK-INTERNET-CREDIT-LINE',
    source: 'profile',
    description:
      'Bank internet consumer credit: the consumer credit at this bank after the credit (amounts of open consumer ' +
      'loans and limits of open consumer lines there, business types bankInternetConsumerBusinessTypes, + the ' +
      'amount) is at most bankInternetConsumerMaxLine_fen (RMB 200,000) per person.',
    check(c) {
      if (c.proposal.productKind !== 'bank_internet_consumer')
        return notApplicable('not bank internet consumer credit');
      const existing = c.facts.consumerCreditAtLender_fen;
      const after = existing + c.proposal.amount_fen;
      const cap = c.rules.bankInternetConsumerMaxLine_fen;
      const figures = {
        consumerCreditBefore_fen: existing,
        amount_fen: c.proposal.amount_fen,
        consumerCreditAfter_fen: after,
        cap_fen: cap,
      };
      return after > cap
        ? outcome(
            'fail',
            `consumer credit at this bank after the credit ${money(c, after)} exceeds ${money(c, cap)}`,
            figures,
          )
        : outcome(
            'pass',
            `consumer credit at this bank after the credit ${money(c, after)} is within ${money(c, cap)}`,
            figures,
          );
    },
  },
  {
    id: 'CN-BANK-INTERNET-BULLET-TERM',
    source: 'profile',
    description:
      'Bank internet consumer credit repaid in one bullet: the term is at most bankInternetBulletMaxTerm_months (12).',
    check(c) {
      if (c.proposal.productKind !== 'bank_internet_consumer' || c.proposal.repayment !== 'bullet')
        return notApplicable('not a bullet bank internet consumer loan');
      const max = c.rules.bankInternetBulletMaxTerm_months;
      const figures = { term_months: c.proposal.term_months, maxTerm_months: max };
      return c.proposal.term_months > max
        ? outcome(
            'fail',
            `a bullet loan of ${c.proposal.term_months} months is longer than ${max} months`,
            figures,
          )
        : outcome(
            'pass',
            `a bullet loan of ${c.proposal.term_months} months is within ${max} months`,
            figures,
          );
    },
  },
  {
    id: 'CN-CARD-NET-LIMIT',
    source: 'profile',
    description:
      "Credit cards: the issuer's card limits after the credit (limits of its open cards, card account types " +
      'cardAccountTypes, + the new limit) are at most the lender policy cardTotalLimitCap_fen less the limits of ' +
      "the person's open cards at every other institution. Refers when the issuer has set no cap.",
    check(c) {
      if (c.proposal.productKind !== 'credit_card') return notApplicable('not a credit card');
      const cap = c.policy.cardTotalLimitCap_fen;
      const atIssuerAfter = c.facts.cardLimitsAtLender_fen + c.proposal.amount_fen;
      const elsewhere = c.facts.cardLimitsElsewhere_fen;
      const figures = {
        cardLimitsAtIssuerBefore_fen: c.facts.cardLimitsAtLender_fen,
        amount_fen: c.proposal.amount_fen,
        cardLimitsAtIssuerAfter_fen: atIssuerAfter,
        cardLimitsElsewhere_fen: elsewhere,
        totalLimitCap_fen: cap ?? null,
        allowedAtIssuer_fen: cap === undefined ? null : cap - elsewhere,
      };
      if (cap === undefined)
        return outcome(
          'refer',
          'the issuer has set no total card limit for this person (cardTotalLimitCap_fen)',
          figures,
        );
      return atIssuerAfter > cap - elsewhere
        ? outcome(
            'fail',
            `card limits at this issuer after the credit ${money(c, atIssuerAfter)} exceed the cap ${money(c, cap)} less ${money(c, elsewhere)} granted elsewhere`,
            figures,
          )
        : outcome(
            'pass',
            `card limits at this issuer after the credit ${money(c, atIssuerAfter)} are within the cap ${money(c, cap)} less ${money(c, elsewhere)} granted elsewhere`,
            figures,
          );
    },
  },
  {
    id: 'CN-CO-LENDING-PLATFORM-SHARE',
    source: 'profile',
    description:
      'Co-lent loans: the platform funds at least coLendingMinPlatformShare_pct (30%) of the loan.',
    check(c) {
      const share = c.proposal.coLending?.platformShare_pct;
      if (share === undefined) return notApplicable('not co-lent');
      const min = c.rules.coLendingMinPlatformShare_pct;
      const figures = { platformShare_pct: share, minPlatformShare_pct: min };
      return share < min
        ? outcome('fail', `the platform funds ${share}%, less than ${min}%`, figures)
        : outcome('pass', `the platform funds ${share}%, at least ${min}%`, figures);
    },
  },
  {
    id: 'LP-MAX-OPEN-LENDERS',
    source: 'lender',
    description:
      'Lender policy maxOpenLenders: distinct lenders with an open account once the credit is granted (this lender included) are at most the maximum.',
    check(c) {
      const max = c.policy.maxOpenLenders;
      if (max === undefined) return notApplicable('maxOpenLenders not set');
      const figures = {
        distinctLendersBefore: c.before.distinctLenders,
        distinctLendersAfter: c.after.distinctLenders,
        max,
      };
      return c.after.distinctLenders > max
        ? outcome(
            'fail',
            `${c.after.distinctLenders} lenders with open accounts after the credit, more than ${max}`,
            figures,
          )
        : outcome(
            'pass',
            `${c.after.distinctLenders} lenders with open accounts after the credit, at most ${max}`,
            figures,
          );
    },
  },
  {
    id: 'LP-MAX-HARD-INQ-1M',
    source: 'lender',
    description:
      'Lender policy maxHardInquiries1m: shopping-adjusted hard inquiries in the last month (inq_hard_1m_all, earlier inquiries only) are at most the maximum.',
    check(c) {
      const max = c.policy.maxHardInquiries1m;
      if (max === undefined) return notApplicable('maxHardInquiries1m not set');
      const n = c.indicators.values.inq_hard_1m_all ?? 0;
      const figures = {
        inq_hard_1m_all: n,
        inq_hard_raw_1m_all: c.indicators.values.inq_hard_raw_1m_all,
        max,
      };
      return n > max
        ? outcome('fail', `${n} hard inquiries in the last month, more than ${max}`, figures)
        : outcome('pass', `${n} hard inquiries in the last month, at most ${max}`, figures);
    },
  },
  {
    id: 'LP-MAX-HARD-INQ-3M',
    source: 'lender',
    description:
      'Lender policy maxHardInquiries3m: shopping-adjusted hard inquiries in the last 3 months (inq_hard_3m_all, earlier inquiries only) are at most the maximum.',
    check(c) {
      const max = c.policy.maxHardInquiries3m;
      if (max === undefined) return notApplicable('maxHardInquiries3m not set');
      const n = c.indicators.values.inq_hard_3m_all ?? 0;
      const figures = {
        inq_hard_3m_all: n,
        inq_hard_raw_3m_all: c.indicators.values.inq_hard_raw_3m_all,
        max,
      };
      return n > max
        ? outcome('fail', `${n} hard inquiries in the last 3 months, more than ${max}`, figures)
        : outcome('pass', `${n} hard inquiries in the last 3 months, at most ${max}`, figures);
    },
  },
  {
    id: 'LP-MAX-REPAYMENT-TO-INCOME',
    source: 'lender',
    description:
      'Lender policy maxRepaymentToIncome_pct: monthly repayments after the credit / (average declared annual income / 12) ' +
      'is at most the maximum, in percent. Refers when no income is declared.',
    check(c) {
      const max = c.policy.maxRepaymentToIncome_pct;
      if (max === undefined) return notApplicable('maxRepaymentToIncome_pct not set');
      const monthly = c.after.monthlyRepayment_fen;
      if (c.income === null)
        return outcome('refer', 'income not declared: the repayment-to-income ratio cannot be computed', {
          monthlyRepaymentAfter_fen: monthly,
          max_pct: max,
        });
      const { total_fen, years } = c.income;
      const ratio = repaymentToIncomePct(monthly, total_fen, years);
      const figures = {
        monthlyRepaymentBefore_fen: c.before.monthlyRepayment_fen,
        newMonthlyRepayment_fen: c.newMonthlyRepayment_fen,
        monthlyRepaymentAfter_fen: monthly,
        averageMonthlyIncome_fen: floorDiv(total_fen, 12 * years),
        repaymentToIncome_pct: ratio,
        max_pct: max,
      };
      // monthly / (total / years / 12) <= max / 100, exactly.
      const within = BigInt(monthly) * BigInt(12 * years * 100) <= BigInt(max) * BigInt(total_fen);
      const shown =
        ratio === null ? 'all of a nil income' : `${ratio.toFixed(2)}% of the average monthly income`;
      return within
        ? outcome(
            'pass',
            `repayments after the credit ${money(c, monthly)} a month are ${shown}, at most ${max}%`,
            figures,
          )
        : outcome(
            'fail',
            `repayments after the credit ${money(c, monthly)} a month are ${shown}, more than ${max}%`,
            figures,
          );
    },
  },
  {
    id: 'LP-NO-CURRENT-DELINQUENCY',
    source: 'lender',
    description:
      'Lender policy noCurrentDelinquency: no open account is delinquent now (dlq_open_all = 0: latest month at status level 1 or more).',
    check(c) {
      if (c.policy.noCurrentDelinquency !== true) return notApplicable('noCurrentDelinquency not set');
      const n = c.indicators.values.dlq_open_all ?? 0;
      const figures = {
        dlq_open_all: n,
        status_worst_now_all: c.indicators.values.status_worst_now_all,
        amt_overdue_all_minor: c.indicators.values.amt_overdue_all_minor,
      };
      return n > 0
        ? outcome('fail', `${n} open account(s) delinquent now`, figures)
        : outcome('pass', 'no open account is delinquent now', figures);
    },
  },
];
