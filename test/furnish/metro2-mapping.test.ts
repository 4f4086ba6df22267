/**
 * The Metro 2 mapping, table by table: every account status, portfolio and account type, terms
 * frequency, ECOA code and payment history character maps as docs/metro2-mapping.md says, and
 * the doc's tables list every code the mapping knows.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { ACCOUNT_STATUSES, PORTFOLIO_TYPES } from '../../src/formats/metro2/index.js';
import {
  businessType,
  CARD_TYPES,
  COLLECTION_TYPES,
  crcAccountType,
  FREQUENCY_BY_TERMS,
  guaranteeType,
  MORTGAGE_TYPES,
  repaymentFrequency,
} from '../../src/furnish/metro2-account-tables.js';
import {
  ASSOCIATE_NOT_LINKED_RULE,
  L1_NOT_APPLIED_RULE,
  type MappedRecord,
  mapMetro2Record,
  reportedOn,
} from '../../src/furnish/metro2-mapping.js';
import {
  GENERATION_SUFFIXES,
  MAX_NAME_CHARS,
  personAddress,
  personName,
  ssnLink,
} from '../../src/furnish/metro2-person.js';
import {
  overdueSinceFirstDelinquency,
  PAYMENT_HISTORY_STATUS,
  paymentHistoryMonths,
  STATUS_RULES,
} from '../../src/furnish/metro2-status-tables.js';
import { m2Record, type RecordChange } from './metro2-fixtures.js';

const CONTEXT = { activityDate: '2025-05-31', today: '2025-06-30' };
const map = (change: RecordChange = {}): MappedRecord => mapMetro2Record(m2Record(change), CONTEXT);
const kinds = (m: MappedRecord) => m.lines.map((l) => l.record.kind);
const lineOf = (m: MappedRecord, kind: string, accountNo = 'EX0000000001') =>
  m.lines.find((l) => l.record.kind === kind && (kind === 'identity' || l.record.account_no === accountNo))!
    .record;
const monthOf = (change: RecordChange['base']) => lineOf(map({ base: change }), 'month');

describe('account status -> monthly status', () => {
  test('11 current: N, nothing overdue', () => {
    const m = monthOf({});
    assert.deepEqual(
      [m.status, m.overdue_periods, m.overdue_amount_minor, m.balance_minor],
      ['N', 0, 0, 1_450_000],
    );
    assert.equal(m.five_class, 9);
    assert.equal(m.month, '2025-05');
  });

  const PAST_DUE: [string, string, number][] = [
    ['71', '2', 1],
    ['78', '3', 2],
    ['80', '4', 3],
    ['82', '5', 4],
    ['83', '6', 5],
    ['84', '7', 6],
  ];
  for (const [code, status, periods] of PAST_DUE) {
    test(`${code} past due: CRC ${status} with ${periods} overdue period(s), the amount past due overdue`, () => {
      const m = monthOf({ accountStatus: code, amountPastDue: 900, dateFirstDelinquency: '2025-01-10' });
      assert.deepEqual([m.status, m.overdue_periods, m.overdue_amount_minor], [status, periods, 90_000]);
    });
  }

  for (const code of ['05', '13', '62', '64']) {
    test(`${code}: C (settled), balance 0, nothing overdue`, () => {
      const m = monthOf({ accountStatus: code, currentBalance: code === '05' ? 700 : 0, paymentRating: '0' });
      assert.deepEqual(
        [m.status, m.balance_minor, m.overdue_periods, m.overdue_amount_minor],
        ['C', 0, 0, 0],
      );
    });
  }

  for (const code of ['61', '63', '65']) {
    test(`${code}: Z (repaid with assets), nothing overdue`, () => {
      const m = monthOf({ accountStatus: code, currentBalance: 0, amountPastDue: 300 });
      assert.deepEqual([m.status, m.overdue_periods, m.overdue_amount_minor], ['Z', 0, 0]);
    });
  }

  test('88: D (guarantor or insurer paid), balance and amount past due as reported', () => {
    const m = monthOf({ accountStatus: '88', currentBalance: 5000, amountPastDue: 1200 });
    assert.deepEqual(
      [m.status, m.balance_minor, m.overdue_amount_minor, m.overdue_periods],
      ['D', 500_000, 120_000, 0],
    );
  });

  test('97: G (written off), the charged-off balance kept', () => {
    const m = monthOf({ accountStatus: '97', currentBalance: 5000, amountPastDue: 5000 });
    assert.deepEqual([m.status, m.balance_minor, m.overdue_amount_minor], ['G', 500_000, 500_000]);
  });

  for (const code of ['93', '89', '94', '95', '96']) {
    test(`${code} with a balance: overdue by the months since the date of first delinquency`, () => {
      // First delinquency in 2025-02, account information in 2025-05: 3 months later, 4 periods, CRC 5.
      const m = monthOf({
        accountStatus: code,
        currentBalance: 2000,
        amountPastDue: 0,
        dateFirstDelinquency: '2025-02-14',
      });
      assert.deepEqual([m.status, m.overdue_periods, m.overdue_amount_minor], ['5', 4, 200_000]);
      const withPastDue = monthOf({
        accountStatus: code,
        currentBalance: 2000,
        amountPastDue: 800,
        dateFirstDelinquency: '2025-02-14',
      });
      assert.equal(withPastDue.overdue_amount_minor, 80_000);
    });
    test(`${code} without a balance: ${code === '93' ? 'C' : 'Z'}`, () => {
      const m = monthOf({ accountStatus: code, currentBalance: 0, dateFirstDelinquency: '2025-02-14' });
      assert.deepEqual(
        [m.status, m.overdue_periods, m.overdue_amount_minor],
        [code === '93' ? 'C' : 'Z', 0, 0],
      );
    });
  }

  test('months since first delinquency: 1 period in its month, CRC at most 7', () => {
    assert.deepEqual(overdueSinceFirstDelinquency('2025-05-01', '2025-05-31'), { status: '2', periods: 1 });
    assert.deepEqual(overdueSinceFirstDelinquency('2024-01-01', '2025-05-31'), { status: '7', periods: 17 });
    assert.deepEqual(overdueSinceFirstDelinquency(null, '2025-05-31'), { status: '2', periods: 1 });
    assert.deepEqual(overdueSinceFirstDelinquency('2025-07-01', '2025-05-31'), { status: '2', periods: 1 });
  });

  test('DA and DF: deletions of the account (DF says fraud), no identity, no month', () => {
    const da = map({ base: { accountStatus: 'DA' } });
    assert.deepEqual(kinds(da), ['deletion']);
    assert.match(String(da.lines[0]!.record.reason), /^Metro 2 DA: /);
    const df = map({ base: { accountStatus: 'DF', socialSecurityNumber: null } });
    assert.deepEqual(kinds(df), ['deletion']);
    assert.equal(df.lines[0]!.record.reason, 'Metro 2 DF: confirmed fraud');
    assert.equal(df.rejection, null, 'a deletion needs no SSN');
  });

  test('every Metro 2 account status has a rule', () => {
    assert.deepEqual(
      ACCOUNT_STATUSES.filter((s) => !STATUS_RULES.has(s)),
      [],
    );
  });
});

describe('portfolio and account type -> account terms', () => {
  const ACCOUNT_TYPE_CASES: [string, string, string][] = [
    ['O', '48', 'C1'],
    ['O', '0C', 'C1'],
    ['I', '77', 'C1'],
    ['R', '18', 'R2'],
    ['R', '2A', 'R2'],
    ['R', '07', 'R1'],
    ['C', '15', 'R1'],
    ['O', '01', 'R1'],
    ['C', '18', 'R1'],
    ['I', '00', 'D1'],
    ['M', '26', 'D1'],
    ['L', '13', 'D1'],
  ];
  for (const [portfolio, type, expected] of ACCOUNT_TYPE_CASES)
    test(`portfolio ${portfolio}, account type ${type}: ${expected}`, () => {
      assert.equal(crcAccountType(portfolio, type), expected);
    });

  test('business type by account type', () => {
    for (const t of ['00', '3A']) assert.equal(businessType(t), 'car');
    for (const t of CARD_TYPES) assert.equal(businessType(t), 'credit_card');
    for (const t of MORTGAGE_TYPES) assert.equal(businessType(t), 'housing');
    assert.equal(businessType('12'), 'student');
    for (const t of COLLECTION_TYPES) assert.equal(businessType(t), 'other');
    for (const t of ['10', '6A', '6B', '7A', '9B']) assert.equal(businessType(t), 'business');
    for (const t of ['01', '02', '90', '4D']) assert.equal(businessType(t), 'consumer');
  });

  test('guarantee by account type', () => {
    for (const t of MORTGAGE_TYPES) assert.equal(guaranteeType(t), 'mortgage');
    for (const t of ['00', '3A', '02', '2A', '47']) assert.equal(guaranteeType(t), 'pledge');
    for (const t of ['01', '18', '48', '12']) assert.equal(guaranteeType(t), 'unsecured');
  });

  test('terms frequency -> repayment frequency', () => {
    const expected = { M: 'monthly', W: 'weekly', Q: 'quarterly', S: 'semiannual', Y: 'annual', P: 'once' };
    assert.deepEqual(Object.fromEntries(FREQUENCY_BY_TERMS), expected);
    for (const code of ['D', 'B', 'E', 'L', 'T', '']) assert.equal(repaymentFrequency(code), 'irregular');
  });

  test('instalment loan: amount is the original amount, instalments the months, equal instalments', () => {
    const a = lineOf(map(), 'account');
    assert.deepEqual(
      [
        a.account_type,
        a.business_type,
        a.currency,
        a.amount_minor,
        a.instalments,
        a.repayment_method,
        a.guarantee_type,
      ],
      ['D1', 'car', 'USD', 2_400_000, 60, 'equal_instalment', 'pledge'],
    );
    assert.equal(a.open_date, '2023-03-15');
    assert.equal(a.action, 'open');
  });

  test('mortgage: terms in years become instalments in months', () => {
    const a = lineOf(
      map({ base: { portfolioType: 'M', accountType: '26', termsDuration: '030' } }),
      'account',
    );
    assert.deepEqual(
      [a.instalments, a.repayment_method, a.business_type, a.guarantee_type],
      [360, 'equal_instalment', 'housing', 'mortgage'],
    );
  });

  test('revolving card: the credit limit, minimum payment, used limit = balance', () => {
    const m = map({
      base: {
        portfolioType: 'R',
        accountType: '18',
        termsDuration: 'REV',
        creditLimit: 5000,
        highestCredit: 900,
      },
    });
    const a = lineOf(m, 'account');
    assert.deepEqual(
      [a.account_type, a.amount_minor, a.repayment_method, a.instalments],
      ['R2', 500_000, 'minimum_payment', undefined],
    );
    assert.equal(lineOf(m, 'month').used_limit_minor, 1_450_000);
  });

  test('amount: the other amount, then the balance, when the first is 0', () => {
    const noLimit = lineOf(
      map({ base: { portfolioType: 'R', accountType: '18', creditLimit: 0, highestCredit: 900 } }),
      'account',
    );
    assert.equal(noLimit.amount_minor, 90_000);
    const none = lineOf(map({ base: { highestCredit: 0, creditLimit: 0, currentBalance: 70 } }), 'account');
    assert.equal(none.amount_minor, 7_000);
  });

  test('single payment (P) is a bullet; an instalment loan without a numeric term is "other"', () => {
    assert.equal(
      lineOf(map({ base: { termsFrequency: 'P', termsDuration: '001' } }), 'account').repayment_method,
      'bullet',
    );
    const loc = lineOf(map({ base: { termsDuration: 'LOC' } }), 'account');
    assert.deepEqual([loc.repayment_method, loc.instalments], ['other', undefined]);
    assert.equal(
      lineOf(map({ base: { portfolioType: 'C', accountType: '15', termsDuration: 'LOC' } }), 'account')
        .repayment_method,
      'other',
    );
  });

  test('joint loan: ECOA 2 on the base segment or on an associated consumer', () => {
    assert.equal(lineOf(map(), 'account').joint_loan, false);
    assert.equal(lineOf(map({ base: { ecoaCode: '2' } }), 'account').joint_loan, true);
    assert.equal(lineOf(map({ j1: [{ ecoaCode: '2' }] }), 'account').joint_loan, true);
    assert.equal(lineOf(map({ j2: [{ ecoaCode: '5' }] }), 'account').joint_loan, false);
  });

  test('every portfolio type maps', () => {
    for (const p of PORTFOLIO_TYPES) assert.ok(['R1', 'R2', 'D1', 'C1'].includes(crcAccountType(p, '01')));
  });
});

describe('consumers', () => {
  test('identity: SSN, name, birth date, telephone, address, employer (N1)', () => {
    const m = map({ n1: true });
    assert.deepEqual(kinds(m), ['identity', 'account', 'month']);
    assert.deepEqual(lineOf(m, 'identity'), {
      kind: 'identity',
      id_number: '401234567',
      name: 'JANE Q DOE',
      reported_on: '2025-05-31',
      birth_date: '1980-04-12',
      mobile: '2175550123',
      address: '100 MAIN ST, SPRINGFIELD, IL 62701',
      employer: 'EXAMPLE EMPLOYER INC',
      // JSON.stringify drops undefined: no other key reaches the line.
    });
  });

  test('names: generation codes as words (no digits), long middle names shortened to an initial', () => {
    for (const [code, words] of GENERATION_SUFFIXES)
      assert.equal(
        personName({ firstName: 'JOHN', middleName: '', surname: 'DOE', generationCode: code }),
        `JOHN DOE ${words}`,
      );
    const long = personName({
      firstName: 'A'.repeat(20),
      middleName: 'B'.repeat(20),
      surname: 'C'.repeat(25),
      generationCode: '3',
    })!;
    assert.ok(long.length <= MAX_NAME_CHARS, long);
    assert.equal(long, `${'A'.repeat(20)} B ${'C'.repeat(25)} III`);
    assert.equal(personName({ firstName: '', middleName: '', surname: '', generationCode: '' }), undefined);
  });

  test('address: lines, city, state and ZIP+4', () => {
    assert.equal(
      personAddress({
        firstLineAddress: '200 OAK AVE',
        secondLineAddress: 'APT 4',
        city: 'CHICAGO',
        state: 'IL',
        zipCode: '606011234',
      }),
      '200 OAK AVE, APT 4, CHICAGO, IL 60601-1234',
    );
    assert.equal(
      personAddress({ firstLineAddress: '', secondLineAddress: '', city: '', state: '', zipCode: '' }),
      undefined,
    );
  });

  test('SSN link: a valid SSN links; none or an implausible one is refused without quoting it', () => {
    assert.deepEqual(ssnLink('401234567'), { ok: true, ssn: '401234567' });
    const none = ssnLink(null);
    assert.equal(none.ok, false);
    const bad = ssnLink('950887777');
    assert.ok(!bad.ok && /area number is never issued/.test(bad.message) && !bad.message.includes('950'));
    assert.ok(!bad.ok && /issue 5/.test(bad.message));
  });

  test('a record without an SSN: every line rejected with M2-SSN-LINK', () => {
    const m = map({ base: { socialSecurityNumber: null } });
    assert.equal(m.rejection?.rule, 'M2-SSN-LINK');
    assert.equal(m.rejection?.field, 'socialSecurityNumber');
    assert.deepEqual(kinds(m), ['identity', 'account', 'month']);
    assert.equal(lineOf(m, 'identity').id_number, undefined);
  });

  test('J1 and J2 with a valid SSN: an identity, the account as NO/J1-k and the same month', () => {
    const m = map({ j1: [{}, { socialSecurityNumber: '401234570', firstName: 'JIM' }], j2: [{}] });
    assert.deepEqual(kinds(m), Array(4).fill(['identity', 'account', 'month']).flat());
    const numbers = m.lines.filter((l) => l.record.kind === 'account').map((l) => l.record.account_no);
    assert.deepEqual(numbers, [
      'EX0000000001',
      'EX0000000001/J1-1',
      'EX0000000001/J1-2',
      'EX0000000001/J2-1',
    ]);
    const j1 = m.lines
      .filter((l) => l.person.segment === 'J1' && l.record.kind === 'identity')
      .map((l) => l.record);
    assert.deepEqual(
      j1.map((r) => [r.id_number, r.name, r.address]),
      [
        ['401234568', 'JOHN DOE', '100 MAIN ST, SPRINGFIELD, IL 62701'],
        ['401234570', 'JIM DOE', '100 MAIN ST, SPRINGFIELD, IL 62701'],
      ],
    );
    const j2 = m.lines.find((l) => l.person.segment === 'J2' && l.record.kind === 'identity')!.record;
    assert.equal(j2.address, '200 OAK AVE, APT 4, CHICAGO, IL 60601-1234');
    const base = lineOf(m, 'month');
    const copy = lineOf(m, 'month', 'EX0000000001/J2-1');
    assert.deepEqual({ ...copy, account_no: base.account_no }, base);
  });

  test('J1 without a valid SSN: not placed, a warning note', () => {
    const m = map({ j1: [{ socialSecurityNumber: null }] });
    assert.deepEqual(kinds(m), ['identity', 'account', 'month']);
    assert.deepEqual(
      m.notes.map((n) => [n.rule, n.segment, n.segmentNumber]),
      [[ASSOCIATE_NOT_LINKED_RULE, 'J1', 1]],
    );
  });

  test('an associated consumer with an SSN seen earlier in the record: one copy of the account', () => {
    const m = map({
      j1: [{}],
      j2: [{ socialSecurityNumber: '401234568' }, { socialSecurityNumber: '401234567' }],
    });
    assert.deepEqual(
      m.lines.filter((l) => l.record.kind === 'account').map((l) => l.record.account_no),
      ['EX0000000001', 'EX0000000001/J1-1'],
    );
    assert.deepEqual(
      m.notes.map((n) => [n.rule, n.segment, n.segmentNumber]),
      [
        [ASSOCIATE_NOT_LINKED_RULE, 'J2', 1],
        [ASSOCIATE_NOT_LINKED_RULE, 'J2', 2],
      ],
    );
  });

  test('ECOA Z: the consumer is deleted from the account (base or associated)', () => {
    assert.deepEqual(kinds(map({ base: { ecoaCode: 'Z' } })), ['deletion']);
    const j = map({ j1: [{ ecoaCode: 'Z' }] });
    assert.deepEqual(kinds(j), ['identity', 'account', 'month', 'deletion']);
    assert.equal(j.lines[3]!.record.account_no, 'EX0000000001/J1-1');
  });

  test("DA also deletes the associated consumers' copies", () => {
    const m = map({ base: { accountStatus: 'DA' }, j1: [{}], j2: [{}] });
    assert.deepEqual(
      m.lines.map((l) => l.record.account_no),
      ['EX0000000001', 'EX0000000001/J1-1', 'EX0000000001/J2-1'],
    );
  });

  test('L1: not applied, a warning note', () => {
    assert.deepEqual(
      map({ l1: true }).notes.map((n) => n.rule),
      [L1_NOT_APPLIED_RULE],
    );
  });
});

describe('reported_on', () => {
  test('the header activity date; never before the date of account information, never after today', () => {
    assert.equal(reportedOn(CONTEXT, '2025-05-15'), '2025-05-31');
    assert.equal(reportedOn(CONTEXT, '2025-06-10'), '2025-06-10');
    assert.equal(reportedOn({ activityDate: null, today: '2025-06-30' }, '2025-05-15'), '2025-05-15');
    assert.equal(reportedOn({ activityDate: '2025-07-31', today: '2025-06-30' }, '2025-05-15'), '2025-06-30');
  });
});

describe('payment history profile (not stored yet)', () => {
  test('each character to its CRC status', () => {
    const expected: Record<string, string | null> = {
      '0': 'N',
      '1': '2',
      '2': '3',
      '3': '4',
      '4': '5',
      '5': '6',
      '6': '7',
      G: 'G',
      L: 'G',
      H: 'Z',
      J: 'Z',
      K: 'Z',
      B: null,
      D: null,
      E: 'N',
    };
    assert.deepEqual(Object.fromEntries(PAYMENT_HISTORY_STATUS), expected);
  });

  test('the 24 months before the month of account information, newest first', () => {
    const months = paymentHistoryMonths(`01D${'B'.repeat(21)}`, '2025-05');
    assert.equal(months.length, 24);
    assert.deepEqual(months.slice(0, 3), [
      { month: '2025-04', status: 'N' },
      { month: '2025-03', status: '2' },
      { month: '2025-02', status: null },
    ]);
    assert.equal(months[23]!.month, '2023-05');
  });
});

describe('docs/metro2-mapping.md', () => {
  const doc = readFileSync(new URL('../../docs/metro2-mapping.md', import.meta.url), 'utf8');
  const rows = (heading: string) => {
    const at = doc.indexOf(heading);
    assert.ok(at >= 0, `section ${heading}`);
    const end = doc.indexOf('\n## ', at + 1);
    return doc.slice(at, end === -1 ? undefined : end);
  };
  test('the status table lists every account status', () => {
    const section = rows('## Account status');
    for (const code of STATUS_RULES.keys()) assert.match(section, new RegExp(`\\| ${code} \\|`), code);
  });
  test('the payment history table lists every character', () => {
    const section = rows('## Payment history profile');
    for (const c of PAYMENT_HISTORY_STATUS.keys()) assert.match(section, new RegExp(`\\| ${c} \\|`), c);
  });
  test('the frequency table lists every mapped terms frequency', () => {
    const section = rows('## Account terms');
    for (const c of FREQUENCY_BY_TERMS.keys()) assert.match(section, new RegExp(`\\| ${c} \\|`), c);
  });
});
