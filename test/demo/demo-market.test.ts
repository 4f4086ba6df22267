import assert from 'node:assert/strict';
import { test } from 'node:test';
import { instalmentSchedule } from '../../src/demo/demo-accounts.js';
import { demoMarketChunks, generateDemoMarket } from '../../src/demo/demo-market.js';
import { addMonths, isCalendarDate, monthOf, todayUtc } from '../../src/domain/calendar.js';
import { CHINA_PROFILE } from '../../src/domain/jurisdiction.js';
import { checkResidentId } from '../../src/domain/resident-id.js';
import type { MonthState } from '../../src/formats/canonical/record-types.js';
import type {
  AccountFacts as RuleAccountFacts,
  RuleContext,
} from '../../src/formats/canonical/rule-types.js';
import { RECORD_RULES } from '../../src/formats/canonical/rules.js';

const TODAY = todayUtc();
const AS_OF = addMonths(monthOf(TODAY), -1);
const MONTHS = 24;
const WINDOW_START = addMonths(AS_OF, -(MONTHS - 1));
const options = { seed: 7, persons: 300, months: MONTHS, asOfMonth: AS_OF };
const market = generateDemoMarket(options);

type Json = Record<string, unknown>;

interface SeenAccount {
  furnisher: string;
  idNumber: string;
  type: string;
  openDate: string;
  months: Json[];
}

/** Parses every line and groups the records by account, checking the per-person order on the way. */
function parseMarket() {
  const accounts = new Map<string, SeenAccount>();
  const identities: { furnisher: string; record: Json }[] = [];
  for (const [furnisher, lines] of market.linesByFurnisher) {
    let phase: 'identity' | 'account' | 'month' = 'month';
    let person = '';
    let lastMonth = '';
    for (const line of lines) {
      const record = JSON.parse(line) as Json;
      assert.ok(['identity', 'account', 'month'].includes(record.kind as string), `kind ${record.kind}`);
      if (record.kind === 'identity') {
        assert.notEqual(phase, 'identity', 'an identity record is followed by accounts');
        phase = 'identity';
        person = record.id_number as string;
        lastMonth = '';
        identities.push({ furnisher, record });
      } else if (record.kind === 'account') {
        assert.notEqual(phase, 'month', 'account records come right after the identity record');
        assert.equal(record.id_number, person, 'account of the person of the identity record before it');
        phase = 'account';
        const key = `${furnisher}/${record.account_no}`;
        assert.ok(!accounts.has(key), `account number ${key} is unique within the furnisher`);
        accounts.set(key, {
          furnisher,
          idNumber: record.id_number as string,
          type: record.account_type as string,
          openDate: record.open_date as string,
          months: [],
        });
      } else {
        assert.notEqual(phase, 'identity', 'month records come after account records');
        phase = 'month';
        const account = accounts.get(`${furnisher}/${record.account_no}`);
        assert.ok(account, 'a month record refers to an account opened before it');
        assert.equal(account.idNumber, person, 'month record of an account of the current person');
        assert.ok((record.month as string) >= lastMonth, 'month records in month order');
        lastMonth = record.month as string;
        account.months.push(record);
      }
    }
  }
  return { accounts, identities };
}

const parsed = parseMarket();
const allRecords = [...market.linesByFurnisher.values()].flat().map((l) => JSON.parse(l) as Json);

test('the same seed gives the same market; another seed another', () => {
  const again = generateDemoMarket(options);
  assert.deepEqual([...again.linesByFurnisher.entries()], [...market.linesByFurnisher.entries()]);
  assert.deepEqual(again.showcase, market.showcase);
  assert.deepEqual(again.stats, market.stats);
  const other = generateDemoMarket({ ...options, seed: 8 });
  assert.notDeepEqual(
    other.linesByFurnisher.get('huiyin-jiebei'),
    market.linesByFurnisher.get('huiyin-jiebei'),
  );
});

test('institutions: platforms, banks and a regulator that furnishes nothing', () => {
  const { institutions } = market;
  const platforms = institutions.filter(
    (i) => i.kind === 'online_microloan' || i.kind === 'consumer_finance',
  );
  const banks = institutions.filter((i) => i.kind === 'bank');
  const regulators = institutions.filter((i) => i.kind === 'regulator');
  assert.ok(platforms.length >= 3);
  assert.equal(banks.length, 2);
  assert.equal(regulators.length, 1);
  for (const i of [...platforms, ...banks]) assert.deepEqual(i.roles, ['furnisher', 'lender']);
  assert.deepEqual(regulators[0]!.roles, ['regulator']);
  for (const i of institutions) assert.match(i.code, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.equal(new Set(institutions.map((i) => i.code)).size, institutions.length);
  const furnishers = institutions.filter((i) => i.roles.includes('furnisher')).map((i) => i.code);
  assert.deepEqual([...market.linesByFurnisher.keys()].sort(), furnishers.sort());
  assert.ok(!market.linesByFurnisher.has(regulators[0]!.code));
  for (const code of furnishers)
    assert.ok(market.linesByFurnisher.get(code)!.length > 0, `${code} furnishes`);
});

test('stats agree with the lines; every person has a unique valid ID', () => {
  const count = (kind: string) => allRecords.filter((r) => r.kind === kind).length;
  assert.equal(market.stats.persons, 300);
  assert.equal(market.stats.identityRecords, count('identity'));
  assert.equal(market.stats.accounts, count('account'));
  assert.equal(market.stats.monthRecords, count('month'));
  const people = new Map<string, string>();
  for (const { record } of parsed.identities) {
    const id = record.id_number as string;
    const known = people.get(id);
    if (known !== undefined) assert.equal(known, record.name, 'one name per ID');
    people.set(id, record.name as string);
  }
  assert.equal(people.size, 300);
});

test('identity records: ID facts match, names without digits, mobiles, attribute changes', () => {
  const mobiles = new Map<string, Set<string>>();
  for (const { record } of parsed.identities) {
    const check = checkResidentId(record.id_number as string, TODAY);
    assert.ok(check.ok, `valid ID ${record.id_number}`);
    assert.equal(record.birth_date, check.facts.birthDate);
    assert.equal(record.sex, check.facts.sex);
    assert.ok((record.birth_date as string) >= '1960-01-01' && (record.birth_date as string) <= '2003-12-31');
    assert.doesNotMatch(record.name as string, /[\p{Nd}\p{Cc}]/u);
    assert.match(record.name as string, /^\p{Script=Han}{2,3}$/u);
    assert.match(record.mobile as string, /^1[3-9]\d{9}$/);
    assert.ok(typeof record.address === 'string' && record.address.length > 0);
    const set = mobiles.get(record.id_number as string) ?? new Set<string>();
    set.add(record.mobile as string);
    mobiles.set(record.id_number as string, set);
  }
  assert.ok(
    [...mobiles.values()].some((s) => s.size > 1),
    'someone reports a new mobile at a later furnisher',
  );
  const regions = new Set(parsed.identities.map(({ record }) => (record.id_number as string).slice(0, 6)));
  assert.ok(regions.size >= 7, 'IDs from varied regions');
});

test('every record passes the canonical rules checked here', () => {
  for (const record of allRecords) {
    const reportedOn = record.reported_on as string;
    assert.ok(isCalendarDate(reportedOn) && reportedOn <= TODAY, `reported_on ${reportedOn} not after today`);
    for (const [name, value] of Object.entries(record)) {
      if (name.endsWith('_minor'))
        assert.ok(Number.isInteger(value) && (value as number) >= 0, `${name} integer`);
    }
    if (record.kind === 'account') {
      const open = record.open_date as string;
      assert.ok(open <= reportedOn, 'open date not after reported_on');
      assert.ok((record.amount_minor as number) >= 1);
      assert.equal(record.currency, 'CNY');
      assert.equal(record.shared_limit_minor, undefined);
      if (record.maturity_date !== undefined) assert.ok((record.maturity_date as string) > open);
      if (record.account_type === 'D1') {
        assert.equal(record.repayment_method, 'equal_instalment');
        assert.ok([6, 12, 24, 36].includes(record.instalments as number));
        assert.ok(['consumer', 'cash_loan', 'instalment_purchase'].includes(record.business_type as string));
      } else {
        assert.equal(record.repayment_method, 'minimum_payment');
        assert.equal(record.repayment_frequency, 'monthly');
        assert.equal(record.maturity_date, undefined);
        assert.equal(record.instalments, undefined);
      }
    }
    if (record.kind === 'month') {
      const status = record.status as string;
      const overdue = record.overdue_amount_minor as number;
      const periods = record.overdue_periods as number;
      assert.ok((record.month as string) <= monthOf(reportedOn), 'month not after the month of reported_on');
      if ('1234567'.includes(status)) assert.ok(overdue > 0 && periods >= 1, `status ${status} is overdue`);
      else assert.ok(['N', 'C', '*'].includes(status), `status ${status}`);
      if (['N', 'C', '*'].includes(status))
        assert.ok(overdue === 0 && periods === 0, `status ${status}: nothing overdue`);
      if (status === 'C') assert.equal(record.balance_minor, 0);
      if (status === '*') assert.equal(record.scheduled_payment_minor, 0);
      assert.ok([1, 2, 3, 4, 5].includes(record.five_class as number));
    }
  }
});

test('every record passes every canonical record rule (in-memory context per furnisher)', () => {
  const broken: string[] = [];
  for (const [furnisher, lines] of market.linesByFurnisher) {
    const accounts = new Map<string, RuleAccountFacts>();
    const months = new Map<string, MonthState>();
    const context: RuleContext = {
      today: TODAY,
      profile: CHINA_PROFILE,
      account: (accountNo) => accounts.get(accountNo),
      monthState: (accountNo, month) => months.get(`${accountNo}|${month}`),
      personKeyOf: (idNumber) => idNumber,
      isOpenReject: () => false,
    };
    lines.forEach((line, i) => {
      const record = JSON.parse(line) as Json;
      for (const rule of RECORD_RULES) {
        if (!rule.kinds.includes(record.kind as never)) continue;
        for (const v of rule.check(record, context))
          broken.push(`${furnisher}#${i + 1} ${rule.id} ${v.field}: ${v.message}`);
      }
      if (record.kind === 'account') {
        accounts.set(record.account_no as string, {
          accountType: record.account_type as RuleAccountFacts['accountType'],
          openDate: record.open_date as string,
          personKey: record.id_number as string,
        });
      }
      if (record.kind === 'month')
        months.set(`${record.account_no}|${record.month}`, record as unknown as MonthState);
    });
  }
  assert.deepEqual(broken.slice(0, 10), []);
});

test('month records of each account are consecutive, within the window, and stop when settled', () => {
  let closed = 0;
  for (const [key, account] of parsed.accounts) {
    const months = account.months.map((m) => m.month as string);
    assert.ok(months.length > 0, `${key} has months`);
    const first = [monthOf(account.openDate), WINDOW_START].sort()[1];
    assert.equal(months[0], first, `${key} starts at its open month or the window start`);
    for (let i = 1; i < months.length; i++)
      assert.equal(months[i], addMonths(months[i - 1]!, 1), `${key} consecutive`);
    const statuses = account.months.map((m) => m.status as string);
    const settled = statuses.indexOf('C');
    if (settled >= 0) {
      closed++;
      assert.equal(settled, statuses.length - 1, `${key} reports nothing after settling`);
    } else {
      assert.equal(months.at(-1), AS_OF, `${key} open accounts run to the as-of month`);
    }
    for (const m of account.months) {
      const revolving = account.type !== 'D1';
      assert.equal(m.used_limit_minor !== undefined, revolving, 'used limit exactly on revolving accounts');
    }
    if (account.type === 'D1') {
      for (let i = 1; i < account.months.length; i++) {
        assert.ok(
          (account.months[i]!.balance_minor as number) <= (account.months[i - 1]!.balance_minor as number),
          `${key} loan balance never rises`,
        );
      }
    }
  }
  assert.ok(closed > 10, `some accounts settle (${closed})`);
});

test('multi-lending tail and the multi-lender showcase', () => {
  const furnishersById = new Map<string, Set<string>>();
  for (const account of parsed.accounts.values()) {
    const set = furnishersById.get(account.idNumber) ?? new Set<string>();
    set.add(account.furnisher);
    furnishersById.set(account.idNumber, set);
  }
  const counts = [...furnishersById.values()].map((s) => s.size);
  assert.ok(counts.filter((c) => c >= 5).length >= 1);
  assert.ok(counts.filter((c) => c <= 2).length > counts.length * 0.6, 'most persons borrow from 1 or 2');
  const { multiLender } = market.showcase;
  assert.ok(multiLender.lenders >= 5);
  assert.equal(furnishersById.get(multiLender.idNumber)?.size, multiLender.lenders);
  assert.ok(parsed.identities.some(({ record }) => record.name === multiLender.name));
  const types = new Set([...parsed.accounts.values()].map((a) => a.type));
  assert.deepEqual([...types].sort(), ['D1', 'R1', 'R2']);
});

test('delinquency: runs rise one status a month, some cure, the showcase person is overdue', () => {
  const delinquentIds = new Set<string>();
  let cured = 0;
  for (const account of parsed.accounts.values()) {
    const statuses = account.months.map((m) => m.status as string);
    if (statuses.some((s) => '1234567'.includes(s))) delinquentIds.add(account.idNumber);
    for (let i = 1; i < statuses.length; i++) {
      const now = statuses[i]!;
      const before = statuses[i - 1]!;
      if ('123456'.includes(now) && '1234567'.includes(before)) assert.equal(Number(now), Number(before) + 1);
      if (now === '1') assert.ok(!'1234567'.includes(before), 'a run starts at 1');
      if (now === '7') assert.ok(before === '6' || before === '7');
      if ('1234567'.includes(before) && (now === 'N' || now === 'C')) cured++;
    }
  }
  const share = delinquentIds.size / 300;
  assert.ok(share >= 0.03 && share <= 0.16, `about 8% of persons are overdue (${share})`);
  assert.ok(cured >= 1, 'some runs cure');
  assert.ok(delinquentIds.has(market.showcase.delinquent.idNumber));
});

test('loan amounts, limits and instalment schedules are realistic', () => {
  for (const record of allRecords) {
    if (record.kind !== 'account') continue;
    const amount = record.amount_minor as number;
    if (record.account_type === 'R2') assert.ok(amount >= 500_000 && amount <= 10_000_000);
    if (record.account_type === 'R1') assert.ok(amount >= 200_000 && amount <= 5_000_000);
    if (record.account_type === 'D1') assert.ok(amount >= 100_000 && amount <= 20_000_000);
  }
  const { payments, balances } = instalmentSchedule(1_200_000, 12, 0.12);
  assert.equal(balances.at(-1), 0);
  assert.equal(payments.slice(1).reduce((a, b) => a + b, 0) > 1_200_000, true);
  assert.ok(
    payments.slice(1, -1).every((p) => p === payments[1]),
    'level payments',
  );
});

test('rejects bad options', () => {
  assert.throws(() => generateDemoMarket({ asOfMonth: '2999-01' }), RangeError);
  assert.throws(() => generateDemoMarket({ asOfMonth: AS_OF, months: 12 }), RangeError);
  assert.throws(() => generateDemoMarket({ asOfMonth: AS_OF, persons: 0 }), RangeError);
  assert.throws(() => generateDemoMarket({ asOfMonth: '2025-13' }), RangeError);
});

test('a market with the as-of month of today clamps reported_on to today', () => {
  const small = generateDemoMarket({ seed: 3, persons: 20, asOfMonth: '2025-03', today: '2025-03-02' });
  for (const line of [...small.linesByFurnisher.values()].flat()) {
    const record = JSON.parse(line) as Json;
    assert.ok((record.reported_on as string) <= '2025-03-02');
    if (record.kind === 'account') assert.ok((record.open_date as string) <= '2025-03-02');
  }
});

test('in chunks: the same lines per furnisher, in the same order, and the same stats', () => {
  const options = { seed: 7, persons: 1_234, asOfMonth: '2026-10', today: '2026-11-26' };
  const whole = generateDemoMarket(options);
  const joined = new Map<string, string[]>();
  const chunks = demoMarketChunks(options, 100);
  let count = 0;
  let next = chunks.next();
  for (; !next.done; next = chunks.next(), count++)
    for (const [code, lines] of next.value) joined.set(code, [...(joined.get(code) ?? []), ...lines]);
  assert.equal(count, 13, '1,234 persons in chunks of 100');
  assert.deepEqual(joined, whole.linesByFurnisher);
  assert.deepEqual(next.value.stats, whole.stats);
  assert.deepEqual(next.value.showcase, whole.showcase);
  assert.throws(() => demoMarketChunks(options, 0).next(), /chunkPersons/);
});
