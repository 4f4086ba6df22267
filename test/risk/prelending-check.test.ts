/**
 * The pre-lending check as a whole: the overall verdict (decline > refer > approve) and the rules
 * that decided it, the exposure before and after the credit, the monthly repayment of each kind
 * of credit, the unknown person, a multi-lender borrower declined with the reasons, and malformed
 * input refused.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeIndicators } from '../../src/risk/compute-indicators.js';
import { CHINA_OVERCREDIT_RULES } from '../../src/risk/overcredit-rules.js';
import { type PrelendingInput, prelendingCheck } from '../../src/risk/prelending-check.js';
import { PRELENDING_RULES } from '../../src/risk/prelending-rules.js';
import {
  monthlyRepaymentOf,
  type ProposedCredit,
  REVOLVING_MINIMUM_PAYMENT_pct,
} from '../../src/risk/proposed-credit.js';
import {
  AS_OF,
  account,
  BANK1,
  CARD1,
  CF1,
  inquiry,
  month,
  PLAT1,
  PLAT2,
  PLAT3,
  personFile,
} from './risk-fixtures.js';

const PROPOSAL: ProposedCredit = {
  productKind: 'online_microloan',
  institutionKind: 'online_microloan',
  lenderCode: 'PLAT1',
  amount_fen: 1_200_000,
  term_months: 12,
  repayment: 'equal_instalment',
};
const INCOME = [24_000_000, 24_000_000, 24_000_000]; // 240,000 RMB a year

// PLAT1 (the lender) 50,000 RMB owed, 5,000 a month; BANK1 card limit 30,000 RMB, 10,000 used, 1,000 a month.
const FILE = personFile([
  account(PLAT1, 'D1', '2025-01-01', 6_000_000, [
    month('2025-06', 'N', { balance_minor: 5_000_000, scheduled_payment_minor: 500_000 }),
  ]),
  account(BANK1, 'R2', '2024-01-01', 3_000_000, [
    month('2025-06', 'N', {
      balance_minor: 1_000_000,
      used_limit_minor: 1_000_000,
      scheduled_payment_minor: 100_000,
    }),
  ]),
]);

function input(over: Partial<PrelendingInput> = {}, proposal: Partial<ProposedCredit> = {}): PrelendingInput {
  return {
    indicators: computeIndicators(FILE, AS_OF),
    file: FILE,
    proposal: { ...PROPOSAL, ...proposal },
    declaredIncome_fen: INCOME,
    ...over,
  };
}

describe('exposure before and after', () => {
  test('a new loan at a lender the person owes', () => {
    const r = prelendingCheck(input());
    assert.equal(r.newMonthlyRepayment_fen, 100_000);
    assert.deepEqual(r.exposure.before, {
      balance_fen: 6_000_000,
      monthlyRepayment_fen: 600_000,
      lenderBalance_fen: 5_000_000,
      revolvingLimit_fen: 3_000_000,
      distinctLenders: 2,
    });
    assert.deepEqual(r.exposure.after, {
      balance_fen: 7_200_000,
      monthlyRepayment_fen: 700_000,
      lenderBalance_fen: 6_200_000,
      revolvingLimit_fen: 3_000_000,
      distinctLenders: 2,
    });
  });
  test('a card at a new issuer: the line counts drawn in full, its minimum payment monthly', () => {
    const r = prelendingCheck(
      input(
        { lenderPolicy: { cardTotalLimitCap_fen: 10_000_000 } },
        {
          productKind: 'credit_card',
          institutionKind: 'credit_card_issuer',
          lenderCode: CARD1.code,
          amount_fen: 2_000_000,
          repayment: 'revolving',
        },
      ),
    );
    assert.equal(r.newMonthlyRepayment_fen, 200_000);
    assert.deepEqual(r.exposure.after, {
      balance_fen: 8_000_000,
      monthlyRepayment_fen: 800_000,
      lenderBalance_fen: 2_000_000,
      revolvingLimit_fen: 5_000_000,
      distinctLenders: 3,
    });
    assert.equal(r.verdict, 'approve');
  });
});

describe('monthly repayment of the proposed credit', () => {
  test('equal instalment: amount over term, rounded up; bullet: 0; revolving: 10% rounded up', () => {
    assert.equal(monthlyRepaymentOf({ ...PROPOSAL, amount_fen: 1_200_000, term_months: 12 }), 100_000);
    assert.equal(monthlyRepaymentOf({ ...PROPOSAL, amount_fen: 1_200_001, term_months: 12 }), 100_001);
    assert.equal(monthlyRepaymentOf({ ...PROPOSAL, repayment: 'bullet' }), 0);
    assert.equal(REVOLVING_MINIMUM_PAYMENT_pct, 10);
    assert.equal(monthlyRepaymentOf({ ...PROPOSAL, repayment: 'revolving', amount_fen: 1_000_000 }), 100_000);
    assert.equal(monthlyRepaymentOf({ ...PROPOSAL, repayment: 'revolving', amount_fen: 1_000_001 }), 100_001);
  });
});

describe('the overall verdict', () => {
  test('approve when every rule passes or does not apply; every rule listed in order', () => {
    const r = prelendingCheck(input({ lenderPolicy: { maxOpenLenders: 2, maxRepaymentToIncome_pct: 50 } }));
    assert.equal(r.verdict, 'approve');
    assert.deepEqual(r.decidedBy, []);
    assert.deepEqual(
      r.rules.map((x) => x.id),
      PRELENDING_RULES.map((x) => x.id),
    );
    assert.equal(r.rules.find((x) => x.id === 'CN-MICROLOAN-LENDER-BALANCE')!.verdict, 'pass');
    assert.equal(r.rules.find((x) => x.id === 'LP-MAX-OPEN-LENDERS')!.verdict, 'pass');
    assert.equal(r.rules.find((x) => x.id === 'CN-CARD-NET-LIMIT')!.verdict, 'not_applicable');
    for (const x of r.rules) assert.ok(x.reason.length > 0 && x.description.length > 0, x.id);
  });
  test('refer when a rule refers and none fails', () => {
    const r = prelendingCheck(
      input({ declaredIncome_fen: undefined, lenderPolicy: { maxRepaymentToIncome_pct: 50 } }),
    );
    assert.equal(r.verdict, 'refer');
    assert.deepEqual(r.decidedBy, ['CN-MICROLOAN-LENDER-BALANCE', 'LP-MAX-REPAYMENT-TO-INCOME']);
    assert.equal(r.income, null);
  });
  test('decline when any rule fails, even with another referring', () => {
    const r = prelendingCheck(
      input(
        { declaredIncome_fen: undefined, lenderPolicy: { maxOpenLenders: 2 } },
        { lenderCode: PLAT3.code },
      ),
    );
    assert.equal(r.verdict, 'decline');
    assert.deepEqual(r.decidedBy, ['LP-MAX-OPEN-LENDERS']);
    assert.equal(r.rules.find((x) => x.id === 'CN-MICROLOAN-LENDER-BALANCE')!.verdict, 'refer');
  });
});

test('a borrower on five platforms is declined, with every reason', () => {
  const owed = (lender: typeof PLAT1, balance: number) =>
    account(lender, 'D1', '2025-05-20', balance, [
      month('2025-06', 'N', { balance_minor: balance, scheduled_payment_minor: balance / 10 }),
    ]);
  const PLAT4 = { code: 'PLAT4', name: 'Platform Four', kind: 'online_microloan' as const };
  const file = personFile(
    [
      owed(PLAT1, 8_000_000),
      owed(PLAT2, 3_000_000),
      owed(PLAT3, 3_000_000),
      owed(PLAT4, 2_000_000),
      owed(CF1, 4_000_000),
    ],
    [
      inquiry(PLAT2, '02', '2025-05-01T08:00:00Z'),
      inquiry(PLAT3, '02', '2025-05-20T08:00:00Z'),
      inquiry(PLAT4, '02', '2025-06-10T08:00:00Z'),
      inquiry(CF1, '02', '2025-06-30T08:00:00Z'),
      inquiry(PLAT2, '26', '2025-07-14T08:00:00Z'),
    ],
  );
  const indicators = computeIndicators(file, AS_OF);
  assert.equal(indicators.values.lender_open_all, 5);
  assert.equal(indicators.values.lender_open_online_microloan, 4);
  const r = prelendingCheck({
    indicators,
    file,
    proposal: { ...PROPOSAL, amount_fen: 3_000_000 },
    declaredIncome_fen: [24_000_000, 30_000_000],
    lenderPolicy: {
      maxOpenLenders: 4,
      maxHardInquiries1m: 1,
      maxHardInquiries3m: 4,
      maxRepaymentToIncome_pct: 50,
    },
  });
  assert.equal(r.verdict, 'decline');
  // Balance at PLAT1 after: 80,000 + 30,000 = 110,000 > one third of 270,000 = 90,000 RMB.
  // Lenders 5 > 4. Hard inquiries 1m: 06-30 loan, 07-14 credit line = 2 > 1; 3m: 5 (20 days apart) > 4.
  // Repayments 20,000 + 2,500 = 22,500 a month on 22,500 income: 100% > 50%.
  assert.deepEqual(r.decidedBy, [
    'CN-MICROLOAN-LENDER-BALANCE',
    'LP-MAX-OPEN-LENDERS',
    'LP-MAX-HARD-INQ-1M',
    'LP-MAX-HARD-INQ-3M',
    'LP-MAX-REPAYMENT-TO-INCOME',
  ]);
  const microloan = r.rules.find((x) => x.id === 'CN-MICROLOAN-LENDER-BALANCE')!;
  assert.equal(microloan.figures.incomeCap_fen, 9_000_000);
  assert.equal(
    r.rules.find((x) => x.id === 'LP-MAX-REPAYMENT-TO-INCOME')!.figures.repaymentToIncome_pct,
    100,
  );
});

test('the unknown person: no exposure, rules on the proposal alone', () => {
  const r = prelendingCheck({
    indicators: computeIndicators(null, AS_OF),
    file: null,
    proposal: PROPOSAL,
    declaredIncome_fen: INCOME,
    lenderPolicy: { maxOpenLenders: 1, maxHardInquiries1m: 0, noCurrentDelinquency: true },
  });
  assert.equal(r.verdict, 'approve');
  assert.deepEqual(r.exposure.before, {
    balance_fen: 0,
    monthlyRepayment_fen: 0,
    lenderBalance_fen: 0,
    revolvingLimit_fen: 0,
    distinctLenders: 0,
  });
  assert.equal(r.exposure.after.distinctLenders, 1);
  assert.equal(r.exposure.after.lenderBalance_fen, 1_200_000);
});

test('the inputs are not changed and the result does not share the proposal', () => {
  const i = input({ lenderPolicy: { maxOpenLenders: 3 } }, { coLending: { platformShare_pct: 40 } });
  const before = JSON.stringify(i);
  const r = prelendingCheck(i);
  assert.equal(JSON.stringify(i), before);
  assert.notEqual(r.proposal.coLending, i.proposal.coLending);
  assert.deepEqual(r.proposal, i.proposal);
});

describe('malformed input is refused with a RangeError', () => {
  const refused: [string, PrelendingInput][] = [
    ['amount 0', input({}, { amount_fen: 0 })],
    ['amount in yuan with a fraction', input({}, { amount_fen: 12.5 })],
    ['term 0 for a loan', input({}, { term_months: 0 })],
    ['unknown product kind', input({}, { productKind: 'payday' as never })],
    ['unknown repayment', input({}, { repayment: 'balloon' as never })],
    ['unknown institution kind', input({}, { institutionKind: 'shadow_bank' as never })],
    ['empty lender code', input({}, { lenderCode: '' })],
    ['platform share above 100%', input({}, { coLending: { platformShare_pct: 130 } })],
    ['four years of income', input({ declaredIncome_fen: [1, 2, 3, 4] })],
    ['negative income', input({ declaredIncome_fen: [-1] })],
    ['negative policy value', input({ lenderPolicy: { maxOpenLenders: -1 } })],
    ['fractional percentage', input({ lenderPolicy: { maxRepaymentToIncome_pct: 49.5 } })],
    [
      'indicators in another currency',
      input({ indicators: computeIndicators(FILE, AS_OF, { currency: 'USD' }) }),
    ],
  ];
  for (const [what, bad] of refused) test(what, () => assert.throws(() => prelendingCheck(bad), RangeError));
  test('a revolving line may have term 0', () => {
    assert.doesNotThrow(() => prelendingCheck(input({}, { repayment: 'revolving', term_months: 0 })));
  });
  test('China is the default profile', () => {
    assert.equal(prelendingCheck(input()).currency, CHINA_OVERCREDIT_RULES.currency);
  });
});
