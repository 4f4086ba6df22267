/**
 * Each pre-lending rule at, below and above its limit, on small hand-built files, with the figures
 * that decided it; not applicable where it does not concern the credit.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PersonFile } from '../../src/report/report-types.js';
import { computeIndicators } from '../../src/risk/compute-indicators.js';
import type { LenderPolicy } from '../../src/risk/lender-policy.js';
import { CHINA_OVERCREDIT_RULES } from '../../src/risk/overcredit-rules.js';
import { type PrelendingResult, prelendingCheck } from '../../src/risk/prelending-check.js';
import type { RuleResult } from '../../src/risk/prelending-rule-types.js';
import { PRELENDING_RULES } from '../../src/risk/prelending-rules.js';
import type { ProposedCredit } from '../../src/risk/proposed-credit.js';
import {
  AS_OF,
  account,
  BANK1,
  BANK2,
  CARD1,
  inquiry,
  month,
  PLAT1,
  PLAT2,
  PLAT3,
  personFile,
} from './risk-fixtures.js';

const MICROLOAN: ProposedCredit = {
  productKind: 'online_microloan',
  institutionKind: 'online_microloan',
  lenderCode: 'PLAT1',
  amount_fen: 1_000_000,
  term_months: 12,
  repayment: 'equal_instalment',
};

interface Case {
  file?: PersonFile | null;
  proposal?: Partial<ProposedCredit>;
  income?: number[];
  policy?: LenderPolicy;
}

function run({ file = null, proposal = {}, income, policy }: Case): PrelendingResult {
  return prelendingCheck({
    indicators: computeIndicators(file, AS_OF),
    file,
    proposal: { ...MICROLOAN, ...proposal },
    ...(income ? { declaredIncome_fen: income } : {}),
    ...(policy ? { lenderPolicy: policy } : {}),
  });
}
function rule(result: PrelendingResult, id: string): RuleResult {
  const found = result.rules.find((r) => r.id === id);
  assert.ok(found, `no rule ${id}`);
  return found;
}
const verdictOf = (id: string, c: Case) => rule(run(c), id).verdict;

test('the rule ids are unique, each with a description', () => {
  const ids = PRELENDING_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(ids, [
    'CN-MICROLOAN-LENDER-BALANCE',
    'CN-BANK-INTERNET-CREDIT-LINE',
    'CN-BANK-INTERNET-BULLET-TERM',
    'CN-CARD-NET-LIMIT',
    'CN-CO-LENDING-PLATFORM-SHARE',
    'LP-MAX-OPEN-LENDERS',
    'LP-MAX-HARD-INQ-1M',
    'LP-MAX-HARD-INQ-3M',
    'LP-MAX-REPAYMENT-TO-INCOME',
    'LP-NO-CURRENT-DELINQUENCY',
  ]);
  for (const r of PRELENDING_RULES) {
    assert.match(r.id, /^(CN|LP)-[A-Z0-9-]+$/);
    assert.equal(r.source, r.id.startsWith('CN-') ? 'profile' : 'lender');
    assert.ok(r.description.length > 40, r.id);
  }
});

describe('CN-MICROLOAN-LENDER-BALANCE', () => {
  const ID = 'CN-MICROLOAN-LENDER-BALANCE';
  // PLAT1 holds 100,000 RMB of the person's debt; PLAT2 holds 250,000 (another lender: not counted).
  const file = personFile([
    account(PLAT1, 'D1', '2025-01-01', 12_000_000, [month('2025-06', 'N', { balance_minor: 10_000_000 })]),
    account(PLAT2, 'D1', '2025-01-01', 25_000_000, [month('2025-06', 'N', { balance_minor: 25_000_000 })]),
  ]);
  const RICH = [300_000_000, 300_000_000, 300_000_000]; // one third of the average: RMB 1,000,000

  test('the fixed cap RMB 300,000: at it passes, 1 fen above fails, below passes', () => {
    assert.equal(CHINA_OVERCREDIT_RULES.onlineMicroloanMaxBalance_fen, 30_000_000);
    const at = rule(run({ file, income: RICH, proposal: { amount_fen: 20_000_000 } }), ID);
    assert.equal(at.verdict, 'pass');
    assert.equal(at.figures.lenderBalanceBefore_fen, 10_000_000);
    assert.equal(at.figures.lenderBalanceAfter_fen, 30_000_000);
    assert.equal(at.figures.limit_fen, 30_000_000);
    assert.equal(verdictOf(ID, { file, income: RICH, proposal: { amount_fen: 20_000_001 } }), 'fail');
    assert.equal(verdictOf(ID, { file, income: RICH, proposal: { amount_fen: 19_999_999 } }), 'pass');
  });
  test('one third of the average annual income: at, above, below', () => {
    const income = [36_000_000, 36_000_000, 36_000_000]; // average 360,000 RMB: cap 120,000 RMB
    const at = rule(run({ file, income, proposal: { amount_fen: 2_000_000 } }), ID);
    assert.equal(at.verdict, 'pass');
    assert.equal(at.figures.averageAnnualIncome_fen, 36_000_000);
    assert.equal(at.figures.incomeCap_fen, 12_000_000);
    assert.equal(at.figures.limit_fen, 12_000_000);
    const above = rule(run({ file, income, proposal: { amount_fen: 2_000_001 } }), ID);
    assert.equal(above.verdict, 'fail');
    assert.match(above.reason, /one third of the average annual income CNY 120,000\.00/);
    assert.equal(verdictOf(ID, { file, income, proposal: { amount_fen: 1_999_999 } }), 'pass');
  });
  test('the income cap is exact: total 100,000,001 fen over 3 years caps at 11,111,111 fen', () => {
    const income = [33_333_333, 33_333_334, 33_333_334];
    const none = personFile([]);
    assert.equal(rule(run({ file: none, income, proposal: { amount_fen: 11_111_111 } }), ID).verdict, 'pass');
    assert.equal(rule(run({ file: none, income, proposal: { amount_fen: 11_111_112 } }), ID).verdict, 'fail');
  });
  test('fewer years declared: the average is over those years', () => {
    assert.equal(verdictOf(ID, { income: [24_000_000], proposal: { amount_fen: 8_000_000 } }), 'pass');
    assert.equal(verdictOf(ID, { income: [24_000_000], proposal: { amount_fen: 8_000_001 } }), 'fail');
  });
  test('income not declared: refer within the fixed cap, fail above it', () => {
    const refer = rule(run({ file, proposal: { amount_fen: 20_000_000 } }), ID);
    assert.equal(refer.verdict, 'refer');
    assert.equal(refer.figures.incomeCap_fen, null);
    assert.equal(verdictOf(ID, { file, proposal: { amount_fen: 20_000_001 } }), 'fail');
    assert.equal(verdictOf(ID, { file, income: [], proposal: { amount_fen: 1 } }), 'refer');
  });
  test('not an online microloan: not applicable', () => {
    assert.equal(
      verdictOf(ID, { file, proposal: { productKind: 'other', amount_fen: 90_000_000 } }),
      'not_applicable',
    );
  });
});

describe('CN-BANK-INTERNET-CREDIT-LINE', () => {
  const ID = 'CN-BANK-INTERNET-CREDIT-LINE';
  // Consumer credit at BANK1: loan amount 50,000 RMB (balance 40,000) + consumer line 30,000 = 80,000 RMB.
  // Not counted: BANK1's mortgage and credit card, a closed BANK1 consumer loan, BANK2's loan.
  const file = personFile([
    account(BANK1, 'D1', '2024-01-01', 5_000_000, [month('2025-06', 'N', { balance_minor: 4_000_000 })]),
    account(BANK1, 'R1', '2024-01-01', 3_000_000, [month('2025-06', 'N', { balance_minor: 0 })], {
      business_type: 'consumer',
    }),
    account(BANK1, 'D1', '2020-01-01', 100_000_000, [month('2025-06', 'N', { balance_minor: 90_000_000 })], {
      business_type: 'housing',
    }),
    account(BANK1, 'R2', '2020-01-01', 2_000_000, [month('2025-06', 'N')]),
    account(BANK1, 'D1', '2020-01-01', 7_000_000, [month('2024-06', 'C')]),
    account(BANK2, 'D1', '2024-01-01', 9_000_000, [month('2025-06', 'N', { balance_minor: 9_000_000 })]),
  ]);
  const bank = (amount_fen: number): Partial<ProposedCredit> => ({
    productKind: 'bank_internet_consumer',
    institutionKind: 'bank',
    lenderCode: 'BANK1',
    amount_fen,
  });
  test('RMB 200,000 per person: at passes, above fails, below passes', () => {
    const at = rule(run({ file, proposal: bank(12_000_000) }), ID);
    assert.equal(at.verdict, 'pass');
    assert.deepEqual(at.figures, {
      consumerCreditBefore_fen: 8_000_000,
      amount_fen: 12_000_000,
      consumerCreditAfter_fen: 20_000_000,
      cap_fen: 20_000_000,
    });
    assert.equal(verdictOf(ID, { file, proposal: bank(12_000_001) }), 'fail');
    assert.equal(verdictOf(ID, { file, proposal: bank(11_999_999) }), 'pass');
  });
  test('not bank internet consumer credit: not applicable', () => {
    assert.equal(verdictOf(ID, { file, proposal: { amount_fen: 50_000_000 } }), 'not_applicable');
  });
});

describe('CN-BANK-INTERNET-BULLET-TERM', () => {
  const ID = 'CN-BANK-INTERNET-BULLET-TERM';
  const bullet = (term_months: number): Partial<ProposedCredit> => ({
    productKind: 'bank_internet_consumer',
    institutionKind: 'bank',
    lenderCode: 'BANK1',
    repayment: 'bullet',
    term_months,
  });
  test('at most 12 months: 12 passes, 13 fails, 11 passes', () => {
    assert.equal(verdictOf(ID, { proposal: bullet(12) }), 'pass');
    assert.equal(verdictOf(ID, { proposal: bullet(13) }), 'fail');
    assert.equal(verdictOf(ID, { proposal: bullet(11) }), 'pass');
  });
  test('repaid in instalments: not applicable', () => {
    assert.equal(
      verdictOf(ID, { proposal: { ...bullet(36), repayment: 'equal_instalment' } }),
      'not_applicable',
    );
  });
});

describe('CN-CARD-NET-LIMIT', () => {
  const ID = 'CN-CARD-NET-LIMIT';
  // Cards at BANK1 (the issuer): 20,000 RMB. Elsewhere: BANK2 card 30,000 + CARD1 quasi-card 10,000 = 40,000.
  // Not cards: BANK2's loan; a closed BANK2 card.
  const file = personFile([
    account(BANK1, 'R2', '2023-01-01', 2_000_000, [month('2025-06', 'N')]),
    account(BANK2, 'R2', '2023-01-01', 3_000_000, [month('2025-06', 'N')]),
    account(CARD1, 'R3', '2023-01-01', 1_000_000, [month('2025-06', 'N')]),
    account(BANK2, 'D1', '2023-01-01', 50_000_000, [month('2025-06', 'N', { balance_minor: 1 })]),
    account(BANK2, 'R2', '2020-01-01', 9_000_000, [month('2024-01', 'C')]),
  ]);
  const card = (amount_fen: number): Partial<ProposedCredit> => ({
    productKind: 'credit_card',
    institutionKind: 'bank',
    lenderCode: 'BANK1',
    repayment: 'revolving',
    amount_fen,
  });
  const policy = { cardTotalLimitCap_fen: 10_000_000 }; // 100,000 RMB in total: 60,000 left for BANK1
  test('issuer limits + new <= cap - limits elsewhere: at passes, above fails, below passes', () => {
    const at = rule(run({ file, policy, proposal: card(4_000_000) }), ID);
    assert.equal(at.verdict, 'pass');
    assert.deepEqual(at.figures, {
      cardLimitsAtIssuerBefore_fen: 2_000_000,
      amount_fen: 4_000_000,
      cardLimitsAtIssuerAfter_fen: 6_000_000,
      cardLimitsElsewhere_fen: 4_000_000,
      totalLimitCap_fen: 10_000_000,
      allowedAtIssuer_fen: 6_000_000,
    });
    assert.equal(verdictOf(ID, { file, policy, proposal: card(4_000_001) }), 'fail');
    assert.equal(verdictOf(ID, { file, policy, proposal: card(3_999_999) }), 'pass');
  });
  test('no cap set by the issuer: refer; not a card: not applicable', () => {
    assert.equal(verdictOf(ID, { file, proposal: card(1) }), 'refer');
    assert.equal(verdictOf(ID, { file, policy }), 'not_applicable');
  });
});

describe('CN-CO-LENDING-PLATFORM-SHARE', () => {
  const ID = 'CN-CO-LENDING-PLATFORM-SHARE';
  const share = (platformShare_pct: number) => ({ proposal: { coLending: { platformShare_pct } } });
  test('at least 30%: 30 passes, 29.99 fails, 30.01 passes; not co-lent: not applicable', () => {
    assert.equal(verdictOf(ID, share(30)), 'pass');
    assert.equal(verdictOf(ID, share(29.99)), 'fail');
    assert.equal(verdictOf(ID, share(30.01)), 'pass');
    assert.equal(verdictOf(ID, {}), 'not_applicable');
  });
});

describe('LP-MAX-OPEN-LENDERS', () => {
  const ID = 'LP-MAX-OPEN-LENDERS';
  // Open at PLAT1, PLAT2, BANK1 (3 lenders); a closed account at BANK2 does not count.
  const file = personFile([
    account(PLAT1, 'D1', '2025-01-01', 1_000_000, [month('2025-06', 'N', { balance_minor: 1 })]),
    account(PLAT2, 'D1', '2025-01-01', 1_000_000, [month('2025-06', 'N', { balance_minor: 1 })]),
    account(BANK1, 'R2', '2025-01-01', 1_000_000, [month('2025-06', 'N')]),
    account(BANK2, 'D1', '2020-01-01', 1_000_000, [month('2024-06', 'C')]),
  ]);
  const newLender = { lenderCode: PLAT3.code };
  test('a new lender makes 4: max 4 passes, max 3 fails, max 5 passes', () => {
    const at = rule(run({ file, proposal: newLender, policy: { maxOpenLenders: 4 } }), ID);
    assert.equal(at.verdict, 'pass');
    assert.deepEqual(at.figures, { distinctLendersBefore: 3, distinctLendersAfter: 4, max: 4 });
    assert.equal(verdictOf(ID, { file, proposal: newLender, policy: { maxOpenLenders: 3 } }), 'fail');
    assert.equal(verdictOf(ID, { file, proposal: newLender, policy: { maxOpenLenders: 5 } }), 'pass');
  });
  test('a lender the person already owes adds none; unset: not applicable', () => {
    assert.equal(verdictOf(ID, { file, policy: { maxOpenLenders: 3 } }), 'pass');
    assert.equal(verdictOf(ID, { file, policy: {} }), 'not_applicable');
  });
});

describe('LP-MAX-HARD-INQ-1M and LP-MAX-HARD-INQ-3M', () => {
  // In the last month: a loan and a card application (2 counted) and a loan repeat 2 days later
  // (shopping: not counted); earlier in 3 months: 2 more loans 20 days apart (2 counted). Soft: none.
  const file = personFile(
    [],
    [
      inquiry(PLAT1, '02', '2025-07-10T00:00:00Z'),
      inquiry(PLAT2, '02', '2025-07-12T00:00:00Z'),
      inquiry(BANK1, '03', '2025-07-01T00:00:00Z'),
      inquiry(PLAT1, '02', '2025-05-01T00:00:00Z'),
      inquiry(PLAT2, '02', '2025-05-21T00:00:00Z'),
      inquiry(BANK1, '01', '2025-07-14T00:00:00Z'),
    ],
  );
  test('1 month: 2 counted (3 raw): max 2 passes, max 1 fails, max 3 passes', () => {
    const at = rule(run({ file, policy: { maxHardInquiries1m: 2 } }), 'LP-MAX-HARD-INQ-1M');
    assert.equal(at.verdict, 'pass');
    assert.deepEqual(at.figures, { inq_hard_1m_all: 2, inq_hard_raw_1m_all: 3, max: 2 });
    assert.equal(verdictOf('LP-MAX-HARD-INQ-1M', { file, policy: { maxHardInquiries1m: 1 } }), 'fail');
    assert.equal(verdictOf('LP-MAX-HARD-INQ-1M', { file, policy: { maxHardInquiries1m: 3 } }), 'pass');
    assert.equal(verdictOf('LP-MAX-HARD-INQ-1M', { file }), 'not_applicable');
  });
  test('3 months: 4 counted: max 4 passes, max 3 fails, max 5 passes', () => {
    const at = rule(run({ file, policy: { maxHardInquiries3m: 4 } }), 'LP-MAX-HARD-INQ-3M');
    assert.equal(at.verdict, 'pass');
    assert.equal(at.figures.inq_hard_3m_all, 4);
    assert.equal(verdictOf('LP-MAX-HARD-INQ-3M', { file, policy: { maxHardInquiries3m: 3 } }), 'fail');
    assert.equal(verdictOf('LP-MAX-HARD-INQ-3M', { file, policy: { maxHardInquiries3m: 5 } }), 'pass');
    assert.equal(verdictOf('LP-MAX-HARD-INQ-3M', { file }), 'not_applicable');
  });
});

describe('LP-MAX-REPAYMENT-TO-INCOME', () => {
  const ID = 'LP-MAX-REPAYMENT-TO-INCOME';
  // Existing repayments 3,000 RMB a month; the new loan 12,000 over 12 months adds 1,000: 4,000 a month.
  const file = personFile([
    account(BANK1, 'D1', '2025-01-01', 36_000_000, [
      month('2025-06', 'N', { balance_minor: 30_000_000, scheduled_payment_minor: 300_000 }),
    ]),
  ]);
  const proposal = { amount_fen: 1_200_000, term_months: 12 };
  const income = [9_600_000, 9_600_000, 9_600_000]; // 8,000 RMB a month: ratio 50%
  test('ratio 50%: max 50 passes, max 49 fails, max 51 passes', () => {
    const at = rule(run({ file, proposal, income, policy: { maxRepaymentToIncome_pct: 50 } }), ID);
    assert.equal(at.verdict, 'pass');
    assert.deepEqual(at.figures, {
      monthlyRepaymentBefore_fen: 300_000,
      newMonthlyRepayment_fen: 100_000,
      monthlyRepaymentAfter_fen: 400_000,
      averageMonthlyIncome_fen: 800_000,
      repaymentToIncome_pct: 50,
      max_pct: 50,
    });
    assert.equal(verdictOf(ID, { file, proposal, income, policy: { maxRepaymentToIncome_pct: 49 } }), 'fail');
    assert.equal(verdictOf(ID, { file, proposal, income, policy: { maxRepaymentToIncome_pct: 51 } }), 'pass');
  });
  test('exact at the edge: 1 fen more a month fails', () => {
    // 400,001 fen a month on 800,000: just above 50%.
    const more = { amount_fen: 1_200_012, term_months: 12 }; // ceil(1,200,012 / 12) = 100,001
    assert.equal(
      verdictOf(ID, { file, proposal: more, income, policy: { maxRepaymentToIncome_pct: 50 } }),
      'fail',
    );
  });
  test('income not declared: refer; nil income: fail; unset: not applicable', () => {
    assert.equal(verdictOf(ID, { file, proposal, policy: { maxRepaymentToIncome_pct: 50 } }), 'refer');
    const nil = rule(run({ file, proposal, income: [0], policy: { maxRepaymentToIncome_pct: 50 } }), ID);
    assert.equal(nil.verdict, 'fail');
    assert.equal(nil.figures.repaymentToIncome_pct, null);
    assert.equal(verdictOf(ID, { file, proposal, income }), 'not_applicable');
  });
});

describe('LP-NO-CURRENT-DELINQUENCY', () => {
  const ID = 'LP-NO-CURRENT-DELINQUENCY';
  const policy = { noCurrentDelinquency: true };
  const delinquent = personFile([
    account(PLAT2, 'D1', '2025-01-01', 1_000_000, [
      month('2025-06', '2', { balance_minor: 500_000, overdue_amount_minor: 200_000, overdue_periods: 2 }),
    ]),
  ]);
  const cured = personFile([
    account(PLAT2, 'D1', '2025-01-01', 1_000_000, [
      month('2025-05', '2', { balance_minor: 500_000, overdue_amount_minor: 200_000, overdue_periods: 2 }),
      month('2025-06', 'N', { balance_minor: 300_000 }),
    ]),
    account(PLAT3, 'D1', '2020-01-01', 1_000_000, [month('2024-01', 'G')]), // written off, closed
  ]);
  test('a delinquent open account fails; one delinquency in the past, or a closed account, passes', () => {
    const fail = rule(run({ file: delinquent, policy }), ID);
    assert.equal(fail.verdict, 'fail');
    assert.deepEqual(fail.figures, {
      dlq_open_all: 1,
      status_worst_now_all: 2,
      amt_overdue_all_minor: 200_000,
    });
    assert.equal(verdictOf(ID, { file: cured, policy }), 'pass');
    assert.equal(verdictOf(ID, { file: null, policy }), 'pass');
  });
  test('unset or false: not applicable', () => {
    assert.equal(verdictOf(ID, { file: delinquent }), 'not_applicable');
    assert.equal(
      verdictOf(ID, { file: delinquent, policy: { noCurrentDelinquency: false } }),
      'not_applicable',
    );
  });
});
