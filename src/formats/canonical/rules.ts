/**
 * Every rule a canonical furnishing record is checked against, as data. Each rule has an id, a
 * description, the record kinds and fields it reads, a check, and an example that breaks it
 * (the tests furnish every example and expect a reject citing the rule). docs/furnish-rules.md
 * is generated from this list.
 *
 * @example
 *   RECORD_RULES.map((r) => `${r.id}: ${r.description}`)
 */

import { monthOf } from '../../domain/calendar.js';
import { isOneOf, OVERDUE_STATUSES, REVOLVING_ACCOUNT_TYPES } from '../../domain/codes.js';
import { checkFieldValue } from './field-check.js';
import { MAX_LINE_BYTES } from './limits.js';
import { ACCOUNT_TERM_FIELDS, MONTH_STATE_FIELDS, RECORD_FIELDS, type RecordKind } from './record-fields.js';
import type { AccountTerms, MonthState } from './record-types.js';
import type { RecordRule, RuleContext, RuleExample, RuleViolation } from './rule-types.js';

/** Rules checked on the raw line before it is a record; enforced by the line parser. */
export interface LineRule {
  readonly id: string;
  readonly description: string;
  readonly example: RuleExample;
}

// Example records: valid on their own; each rule's example changes what the rule is about.
// Exported (frozen) so that tests and docs build on the same valid records.
const ID = '11010519491231002X';
export const EXAMPLE_IDENTITY = Object.freeze({
  kind: 'identity',
  id_number: ID,
  name: '王芳',
  reported_on: '2025-01-15',
  birth_date: '1949-12-31',
  sex: 'F',
  mobile: '13800138000',
});
export const EXAMPLE_ACCOUNT = Object.freeze({
  kind: 'account',
  action: 'open',
  account_no: 'EX-1',
  id_number: ID,
  name: '王芳',
  reported_on: '2025-01-15',
  account_type: 'D1',
  business_type: 'consumer',
  currency: 'CNY',
  open_date: '2024-06-01',
  maturity_date: '2025-06-01',
  amount_minor: 1_200_000,
  repayment_method: 'equal_instalment',
  repayment_frequency: 'monthly',
  instalments: 12,
  guarantee_type: 'unsecured',
  joint_loan: false,
});
export const EXAMPLE_MONTH = Object.freeze({
  kind: 'month',
  account_no: 'EX-1',
  month: '2024-12',
  reported_on: '2025-01-05',
  balance_minor: 600_000,
  scheduled_payment_minor: 105_000,
  actual_payment_minor: 105_000,
  overdue_periods: 0,
  overdue_amount_minor: 0,
  status: 'N',
  five_class: 1,
});
const line = (base: object, change: Record<string, unknown> = {}, drop: string[] = []): string => {
  const record: Record<string, unknown> = { ...base, ...change };
  for (const name of drop) delete record[name];
  return JSON.stringify(record);
};
const OPENED = [line(EXAMPLE_ACCOUNT)];

export const LINE_RULES: readonly LineRule[] = [
  {
    id: 'LINE-UTF8',
    description: 'Each line is UTF-8 text (a line in another encoding is kept, as base64, and rejected).',
    // The name 王芳 in GBK bytes (CD F5 B7 BC), which are not UTF-8.
    example: { line: line(EXAMPLE_IDENTITY, { name: '\u00cd\u00f5\u00b7\u00bc' }), encoding: 'latin1' },
  },
  {
    id: 'LINE-JSON',
    description: 'Each non-blank line is one JSON object.',
    example: { line: '{"kind": "identity", "id_number": ' },
  },
  {
    id: 'LINE-SIZE',
    description: `A line is at most ${MAX_LINE_BYTES} bytes (UTF-8).`,
    example: { line: line(EXAMPLE_IDENTITY, { address: 'x'.repeat(MAX_LINE_BYTES) }) },
  },
  {
    id: 'REC-KIND',
    description: 'The field kind is one of identity, account, month, correction, deletion.',
    example: { line: line(EXAMPLE_IDENTITY, { kind: 'person' }) },
  },
];

/** Shared answer of a check that found nothing; frozen so that no check can add to it. */
const none = Object.freeze([]) as unknown as RuleViolation[];
const one = (field: string, message: string): RuleViolation[] => [{ field, message }];
const ALL_KINDS: readonly RecordKind[] = ['identity', 'account', 'month', 'correction', 'deletion'];
const FIELD_NAMES = Object.fromEntries(
  ALL_KINDS.map((kind) => [kind, new Set(RECORD_FIELDS[kind].map((f) => f.name))]),
) as Record<RecordKind, Set<string>>;

/** ID problems with a rule of their own; any other problem is reported by ID-SHAPE. */
const NAMED_ID_PROBLEMS: readonly string[] = ['region', 'birth_date', 'check_character'];

function nationalIdRule(id: string, problem: string, description: string, example: string): RecordRule {
  return {
    id,
    description,
    kinds: ['identity', 'account'],
    fields: ['id_number'],
    needs: 'record',
    check(record, context) {
      const result = context.profile.nationalId.check(record.id_number, context.today);
      if (result.ok) return none;
      // ID-SHAPE also takes every problem the other ID rules do not name (another profile's,
      // e.g. an SSN area never issued): an invalid ID is never accepted.
      const mine =
        result.problem === problem || (problem === 'shape' && !NAMED_ID_PROBLEMS.includes(result.problem));
      return mine ? one('id_number', result.message) : none;
    },
    example: { line: line(EXAMPLE_IDENTITY, { id_number: example }) },
  };
}

/** Month-state consistency, shared by month records and by month corrections (on the corrected state). */
function overdueViolations(state: MonthState, prefix: string): RuleViolation[] {
  const found: RuleViolation[] = [];
  if (isOneOf(OVERDUE_STATUSES, state.status)) {
    if (state.overdue_amount_minor <= 0)
      found.push({
        field: `${prefix}overdue_amount_minor`,
        message: `status ${state.status} (overdue) needs an overdue amount above 0`,
      });
    if (state.overdue_periods < 1)
      found.push({
        field: `${prefix}overdue_periods`,
        message: `status ${state.status} (overdue) needs at least 1 overdue period`,
      });
  }
  return found;
}
function currentViolations(state: MonthState, prefix: string): RuleViolation[] {
  const found: RuleViolation[] = [];
  if (['N', 'C', '*', 'M'].includes(state.status)) {
    if (state.overdue_amount_minor !== 0)
      found.push({
        field: `${prefix}overdue_amount_minor`,
        message: `status ${state.status} means nothing is overdue: expected 0`,
      });
    if (state.overdue_periods !== 0)
      found.push({
        field: `${prefix}overdue_periods`,
        message: `status ${state.status} means nothing is overdue: expected 0`,
      });
  }
  return found;
}
function closedViolations(state: MonthState, prefix: string): RuleViolation[] {
  return state.status === 'C' && state.balance_minor !== 0
    ? one(`${prefix}balance_minor`, 'status C (settled) needs a balance of 0')
    : none;
}
function usedLimitViolations(state: MonthState, accountType: string, prefix: string): RuleViolation[] {
  return state.used_limit_minor !== undefined && !isOneOf(REVOLVING_ACCOUNT_TYPES, accountType)
    ? one(
        `${prefix}used_limit_minor`,
        `used limit is for revolving accounts (R1-R4); this account is ${accountType}`,
      )
    : none;
}
function termViolations(terms: AccountTerms, prefix: string): RuleViolation[] {
  const found: RuleViolation[] = [];
  if (terms.maturity_date !== undefined && terms.maturity_date <= terms.open_date)
    found.push({ field: `${prefix}maturity_date`, message: 'expected a maturity date after the open date' });
  if (
    terms.instalments === undefined &&
    (terms.repayment_method === 'equal_instalment' || terms.repayment_method === 'equal_principal')
  )
    found.push({
      field: `${prefix}instalments`,
      message: `repayment by ${terms.repayment_method} needs the number of instalments`,
    });
  if (terms.shared_limit_minor !== undefined && !isOneOf(REVOLVING_ACCOUNT_TYPES, terms.account_type))
    found.push({
      field: `${prefix}shared_limit_minor`,
      message: `a shared limit is for revolving accounts (R1-R4), not ${terms.account_type}`,
    });
  // A collection account (C1) reports the original creditor's delinquency, which precedes it.
  const dofd = terms.first_delinquency_date;
  if (dofd !== undefined && dofd < terms.open_date && terms.account_type !== 'C1')
    found.push({
      field: `${prefix}first_delinquency_date`,
      message:
        'expected a date of first delinquency not before the open date (collection accounts C1 excepted)',
    });
  return found;
}

/** A date of first delinquency after the date the facts are reported as true. */
function delinquencyAfterReported(terms: AccountTerms, reportedOn: string, prefix: string): RuleViolation[] {
  return terms.first_delinquency_date !== undefined && terms.first_delinquency_date > reportedOn
    ? one(`${prefix}first_delinquency_date`, 'expected a date of first delinquency not after reported_on')
    : none;
}

/** Splits a correction's `set` into known fields and checks each value's type. */
function correctionFieldViolations(record: {
  month?: string;
  set: Record<string, unknown>;
}): RuleViolation[] {
  const specs = record.month === undefined ? ACCOUNT_TERM_FIELDS : MONTH_STATE_FIELDS;
  const found: RuleViolation[] = [];
  for (const [name, value] of Object.entries(record.set)) {
    const spec = specs.find((s) => s.name === name);
    if (!spec) continue;
    if (value === null) {
      if (spec.required) found.push({ field: `set.${name}`, message: 'a required field cannot be removed' });
      continue;
    }
    const problem = checkFieldValue(spec.type, value);
    if (problem) found.push({ field: `set.${name}`, message: problem });
  }
  return found;
}

/** The state after applying a correction's `set` (null removes an optional field). */
export function applySet<T extends object>(current: T, set: Record<string, unknown>): T {
  const next: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [name, value] of Object.entries(set)) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next as T;
}

function correctionTargetOk(record: { account_no: string; month?: string }, context: RuleContext): boolean {
  if (!context.account(record.account_no)) return false;
  return record.month === undefined || context.monthState(record.account_no, record.month) !== undefined;
}
const correctionTypesOk = (record: { month?: string; set: Record<string, unknown> }) =>
  correctionFieldViolations(record).length === 0;

export const RECORD_RULES: readonly RecordRule[] = [
  {
    id: 'REC-REQUIRED',
    description: 'Every required field of the record kind is present and not null.',
    kinds: ALL_KINDS,
    fields: [],
    needs: 'record',
    check(record) {
      const kind = record.kind as RecordKind;
      let found: RuleViolation[] = none;
      for (const f of RECORD_FIELDS[kind]) {
        if (!f.required || (record[f.name] !== undefined && record[f.name] !== null)) continue;
        if (found === none) found = [];
        found.push({ field: f.name, message: `required for ${kind} records: ${f.description}` });
      }
      return found;
    },
    example: { setup: OPENED, line: line(EXAMPLE_MONTH, {}, ['balance_minor']) },
  },
  {
    id: 'REC-TYPE',
    description: 'Every field present has its declared type, format and range (see the JSON Schema).',
    kinds: ALL_KINDS,
    fields: [],
    needs: 'record',
    check(record) {
      const kind = record.kind as RecordKind;
      let found: RuleViolation[] = none;
      for (const spec of RECORD_FIELDS[kind]) {
        const value = record[spec.name];
        if (value === undefined || (value === null && spec.required)) continue;
        const problem =
          value === null
            ? 'expected a value: leave an optional field out instead of null'
            : checkFieldValue(spec.type, value);
        if (problem) {
          if (found === none) found = [];
          found.push({ field: spec.name, message: problem });
        }
      }
      return found;
    },
    example: { setup: OPENED, line: line(EXAMPLE_MONTH, { balance_minor: 6000.5 }) },
  },
  {
    id: 'REC-UNKNOWN-FIELD',
    description: "No field outside the record kind's field list (a misspelt name would otherwise be lost).",
    kinds: ALL_KINDS,
    fields: [],
    needs: 'record',
    check(record) {
      const kind = record.kind as RecordKind;
      const known = FIELD_NAMES[kind];
      let found: RuleViolation[] = none;
      for (const name in record) {
        if (known.has(name)) continue;
        if (found === none) found = [];
        found.push({ field: name.slice(0, 64), message: `not a field of ${kind} records` });
      }
      return found;
    },
    example: { setup: OPENED, line: line(EXAMPLE_MONTH, { balance: 600_000 }) },
  },
  {
    id: 'REC-REPORTED-FUTURE',
    description: 'reported_on is not after today.',
    kinds: ALL_KINDS,
    fields: ['reported_on'],
    needs: 'record',
    check: (record, context) =>
      record.reported_on > context.today ? one('reported_on', 'expected a date not after today') : none,
    example: { line: line(EXAMPLE_IDENTITY, { reported_on: '2199-01-01' }) },
  },
  nationalIdRule(
    'ID-SHAPE',
    'shape',
    'The national ID is valid for the profile: China, 17 digits and a digit or X (the next three rules check the rest); US, 9 digits forming an issuable SSN.',
    '1101051949123100',
  ),
  nationalIdRule(
    'ID-REGION',
    'region',
    'The ID starts with a real province-level region code.',
    '990105194912310021',
  ),
  nationalIdRule(
    'ID-BIRTH-DATE',
    'birth_date',
    'The birth date embedded in the ID is a real date, not in the future.',
    '110105194913310025',
  ),
  nationalIdRule(
    'ID-CHECK-CHAR',
    'check_character',
    'The ID ends with its ISO 7064 MOD 11-2 check character.',
    '110105194912310021',
  ),
  {
    id: 'ID-BIRTH-MISMATCH',
    description: 'A reported birth date equals the birth date embedded in the ID.',
    kinds: ['identity'],
    fields: ['id_number', 'birth_date'],
    needs: 'record',
    check(record, context) {
      if (record.birth_date === undefined) return none;
      const result = context.profile.nationalId.check(record.id_number, context.today);
      return result.ok && result.birthDate !== undefined && result.birthDate !== record.birth_date
        ? one('birth_date', 'the reported birth date differs from the one embedded in the ID')
        : none;
    },
    example: { line: line(EXAMPLE_IDENTITY, { birth_date: '1950-01-01' }) },
  },
  {
    id: 'ID-SEX-MISMATCH',
    description: 'A reported sex equals the sex embedded in the ID (odd sequence: M, even: F).',
    kinds: ['identity'],
    fields: ['id_number', 'sex'],
    needs: 'record',
    check(record, context) {
      if (record.sex === undefined) return none;
      const result = context.profile.nationalId.check(record.id_number, context.today);
      return result.ok && result.sex !== undefined && result.sex !== record.sex
        ? one('sex', 'the reported sex differs from the one embedded in the ID')
        : none;
    },
    example: { line: line(EXAMPLE_IDENTITY, { sex: 'M' }) },
  },
  {
    id: 'IDN-NAME',
    description: 'A name has no digits and no control characters.',
    kinds: ['identity', 'account'],
    fields: ['name'],
    needs: 'record',
    check: (record) =>
      /[\p{Nd}\p{Cc}]/u.test(record.name)
        ? one('name', 'expected a name without digits or control characters')
        : none,
    example: { line: line(EXAMPLE_IDENTITY, { name: '王芳2' }) },
  },
  {
    id: 'IDN-MOBILE',
    description: "A mobile number has the profile's shape (China: 11 digits starting 13-19).",
    kinds: ['identity'],
    fields: ['mobile'],
    needs: 'record',
    check: (record, context) =>
      record.mobile !== undefined && !context.profile.mobilePattern.test(record.mobile)
        ? one('mobile', `expected ${context.profile.mobileDescription}`)
        : none,
    example: { line: line(EXAMPLE_IDENTITY, { mobile: '12345' }) },
  },
  {
    id: 'ACC-OPEN-FUTURE',
    description: 'The open date is not after the reported_on date.',
    kinds: ['account'],
    fields: ['open_date', 'reported_on'],
    needs: 'record',
    check: (record) =>
      record.open_date > record.reported_on
        ? one('open_date', 'expected an open date not after reported_on')
        : none,
    example: { line: line(EXAMPLE_ACCOUNT, { open_date: '2025-02-01', maturity_date: '2026-02-01' }) },
  },
  {
    id: 'ACC-MATURITY',
    description: 'A maturity date is after the open date.',
    kinds: ['account'],
    fields: ['open_date', 'maturity_date'],
    needs: 'record',
    check: (record) => termViolations(record, '').filter((v) => v.field === 'maturity_date'),
    example: { line: line(EXAMPLE_ACCOUNT, { maturity_date: '2024-05-01' }) },
  },
  {
    id: 'ACC-INSTALMENTS',
    description: 'Loans repaid in equal instalments or equal principal state the number of instalments.',
    kinds: ['account'],
    fields: ['repayment_method', 'instalments'],
    needs: 'record',
    check: (record) => termViolations(record, '').filter((v) => v.field === 'instalments'),
    example: { line: line(EXAMPLE_ACCOUNT, {}, ['instalments']) },
  },
  {
    id: 'ACC-SHARED-LIMIT',
    description: 'A shared limit is reported only for revolving accounts (R1-R4).',
    kinds: ['account'],
    fields: ['account_type', 'shared_limit_minor'],
    needs: 'record',
    check: (record) => termViolations(record, '').filter((v) => v.field === 'shared_limit_minor'),
    example: { line: line(EXAMPLE_ACCOUNT, { shared_limit_minor: 5_000_000 }) },
  },
  {
    id: 'ACC-DOFD-FUTURE',
    description: 'A date of first delinquency is not after the reported_on date (so never in the future).',
    kinds: ['account'],
    fields: ['first_delinquency_date', 'reported_on'],
    needs: 'record',
    check: (record) => delinquencyAfterReported(record, record.reported_on, ''),
    example: { line: line(EXAMPLE_ACCOUNT, { first_delinquency_date: '2025-02-01' }) },
  },
  {
    id: 'ACC-DOFD-BEFORE-OPEN',
    description:
      "A date of first delinquency is not before the open date, except on a collection account (C1), which reports the original creditor's delinquency.",
    kinds: ['account'],
    fields: ['account_type', 'open_date', 'first_delinquency_date'],
    needs: 'record',
    check: (record) => termViolations(record, '').filter((v) => v.field === 'first_delinquency_date'),
    example: { line: line(EXAMPLE_ACCOUNT, { first_delinquency_date: '2024-05-20' }) },
  },
  {
    id: 'ACC-UPDATE-UNKNOWN',
    description: 'An account update refers to an account on file (or opened earlier in the batch).',
    kinds: ['account'],
    fields: ['action', 'account_no'],
    needs: 'context',
    check: (record, context) =>
      record.action === 'update' && !context.account(record.account_no)
        ? one('account_no', 'no account with this number is on file for this furnisher: open it first')
        : none,
    example: { line: line(EXAMPLE_ACCOUNT, { action: 'update', account_no: 'EX-UNKNOWN' }) },
  },
  {
    id: 'ACC-PERSON-MISMATCH',
    description: 'An account already on file is reported for the same person (same national ID).',
    kinds: ['account'],
    fields: ['account_no', 'id_number'],
    needs: 'context',
    check(record, context) {
      const facts = context.account(record.account_no, { includeDeleted: true });
      return facts && facts.personKey !== context.personKeyOf(record.id_number)
        ? one(
            'id_number',
            'this account number is on file for another person: correct the ID or use a new account number',
          )
        : none;
    },
    example: {
      setup: OPENED,
      line: line(EXAMPLE_ACCOUNT, { action: 'update', id_number: '110105198001010016', name: '李明' }),
    },
  },
  {
    id: 'MON-ACCOUNT-UNKNOWN',
    description: 'A monthly state refers to an account on file (or opened earlier in the batch).',
    kinds: ['month'],
    fields: ['account_no'],
    needs: 'context',
    check: (record, context) =>
      context.account(record.account_no)
        ? none
        : one(
            'account_no',
            'no account with this number is on file for this furnisher: furnish its account record first',
          ),
    example: { line: line(EXAMPLE_MONTH) },
  },
  {
    id: 'MON-BEFORE-OPEN',
    description: "A monthly state is not for a month before the account's open month.",
    kinds: ['month'],
    fields: ['account_no', 'month'],
    needs: 'context',
    check(record, context) {
      const facts = context.account(record.account_no);
      return facts && record.month < monthOf(facts.openDate)
        ? one('month', `the account opened in ${monthOf(facts.openDate)}: expected that month or later`)
        : none;
    },
    example: { setup: OPENED, line: line(EXAMPLE_MONTH, { month: '2024-05' }) },
  },
  {
    id: 'MON-AFTER-REPORTED',
    description: 'A monthly state is not for a month after the month of reported_on.',
    kinds: ['month'],
    fields: ['month', 'reported_on'],
    needs: 'record',
    check: (record) =>
      record.month > monthOf(record.reported_on)
        ? one('month', 'expected a month not after the month of reported_on')
        : none,
    example: { setup: OPENED, line: line(EXAMPLE_MONTH, { month: '2025-02' }) },
  },
  {
    id: 'MON-USED-LIMIT',
    description: 'A used limit is reported only for revolving accounts (R1-R4).',
    kinds: ['month'],
    fields: ['account_no', 'used_limit_minor'],
    needs: 'context',
    check(record, context) {
      const facts = context.account(record.account_no);
      return facts ? usedLimitViolations(record, facts.accountType, '') : none;
    },
    example: { setup: OPENED, line: line(EXAMPLE_MONTH, { used_limit_minor: 600_000 }) },
  },
  {
    id: 'MON-OVERDUE-STATUS',
    description: 'Status 1-7 (overdue) has an overdue amount above 0 and at least one overdue period.',
    kinds: ['month'],
    fields: ['status', 'overdue_amount_minor', 'overdue_periods'],
    needs: 'record',
    check: (record) => overdueViolations(record, ''),
    example: { setup: OPENED, line: line(EXAMPLE_MONTH, { status: '2' }) },
  },
  {
    id: 'MON-CURRENT-NO-OVERDUE',
    description: 'Status N, C, * or M has no overdue amount and no overdue periods.',
    kinds: ['month'],
    fields: ['status', 'overdue_amount_minor', 'overdue_periods'],
    needs: 'record',
    check: (record) => currentViolations(record, ''),
    example: {
      setup: OPENED,
      line: line(EXAMPLE_MONTH, { overdue_amount_minor: 105_000, overdue_periods: 1 }),
    },
  },
  {
    id: 'MON-CLOSED-BALANCE',
    description: 'Status C (settled) has a balance of 0.',
    kinds: ['month'],
    fields: ['status', 'balance_minor'],
    needs: 'record',
    check: (record) => closedViolations(record, ''),
    example: { setup: OPENED, line: line(EXAMPLE_MONTH, { status: 'C' }) },
  },
  {
    id: 'COR-EMPTY',
    description: 'A correction sets at least one field.',
    kinds: ['correction'],
    fields: ['set'],
    needs: 'record',
    check: (record) =>
      Object.keys(record.set).length === 0 ? one('set', 'expected at least one field to correct') : none,
    example: {
      setup: OPENED,
      line: JSON.stringify({
        kind: 'correction',
        account_no: 'EX-1',
        set: {},
        reason: 'typo',
        reported_on: '2025-01-20',
      }),
    },
  },
  {
    id: 'COR-FIELD',
    description:
      'A correction sets only account term fields (without month) or monthly state fields (with month).',
    kinds: ['correction'],
    fields: ['set', 'month'],
    needs: 'record',
    check(record) {
      const specs = record.month === undefined ? ACCOUNT_TERM_FIELDS : MONTH_STATE_FIELDS;
      const what = record.month === undefined ? 'an account term field' : 'a monthly state field';
      return Object.keys(record.set)
        .filter((name) => !specs.some((s) => s.name === name))
        .map((name) => ({ field: `set.${name.slice(0, 64)}`, message: `not ${what}` }));
    },
    example: {
      setup: OPENED,
      line: JSON.stringify({
        kind: 'correction',
        account_no: 'EX-1',
        set: { account_no: 'EX-2' },
        reason: 'renumber',
        reported_on: '2025-01-20',
      }),
    },
  },
  {
    id: 'COR-VALUE',
    description: 'Each corrected value has the type, format and range of its field.',
    kinds: ['correction'],
    fields: ['set', 'month'],
    needs: 'record',
    check: (record) => correctionFieldViolations(record),
    example: {
      setup: OPENED,
      line: JSON.stringify({
        kind: 'correction',
        account_no: 'EX-1',
        set: { amount_minor: '12000' },
        reason: 'typo',
        reported_on: '2025-01-20',
      }),
    },
  },
  {
    id: 'COR-TARGET-UNKNOWN',
    description: 'A correction refers to an account (and month) on file or accepted earlier in the batch.',
    kinds: ['correction'],
    fields: ['account_no', 'month'],
    needs: 'context',
    check: (record, context) =>
      correctionTargetOk(record, context)
        ? none
        : one(
            record.month === undefined ? 'account_no' : 'month',
            'nothing on file to correct: furnish it first',
          ),
    example: {
      setup: OPENED,
      line: JSON.stringify({
        kind: 'correction',
        account_no: 'EX-1',
        month: '2024-07',
        set: { status: 'N' },
        reason: 'typo',
        reported_on: '2025-01-20',
      }),
    },
  },
  {
    id: 'COR-CONSISTENT',
    description:
      'The corrected account or monthly state still passes the rules of its kind (dates, instalments, overdue, balance).',
    kinds: ['correction'],
    fields: ['account_no', 'month', 'set', 'reported_on'],
    needs: 'context',
    check(record, context) {
      if (!correctionTargetOk(record, context) || !correctionTypesOk(record)) return none;
      const facts = context.account(record.account_no)!;
      if (record.month === undefined) {
        if (!facts.terms) return none;
        const terms = applySet(facts.terms, record.set);
        const found = termViolations(terms, 'set.');
        if (terms.open_date > record.reported_on)
          found.push({ field: 'set.open_date', message: 'expected an open date not after reported_on' });
        return [...found, ...delinquencyAfterReported(terms, record.reported_on, 'set.')];
      }
      const state = applySet(context.monthState(record.account_no, record.month)!, record.set);
      return [
        ...overdueViolations(state, 'set.'),
        ...currentViolations(state, 'set.'),
        ...closedViolations(state, 'set.'),
        ...usedLimitViolations(state, facts.accountType, 'set.'),
      ];
    },
    example: {
      setup: [...OPENED, line(EXAMPLE_MONTH)],
      line: JSON.stringify({
        kind: 'correction',
        account_no: 'EX-1',
        month: '2024-12',
        set: { status: '3' },
        reason: 'was overdue',
        reported_on: '2025-01-20',
      }),
    },
  },
  {
    id: 'DEL-TARGET-UNKNOWN',
    description: 'A deletion refers to an account (and month) on file or accepted earlier in the batch.',
    kinds: ['deletion'],
    fields: ['account_no', 'month'],
    needs: 'context',
    check: (record, context) =>
      correctionTargetOk(record, context)
        ? none
        : one(record.month === undefined ? 'account_no' : 'month', 'nothing on file to delete'),
    example: {
      line: JSON.stringify({
        kind: 'deletion',
        account_no: 'EX-9',
        reason: 'opened in error',
        reported_on: '2025-01-20',
      }),
    },
  },
  {
    id: 'FIX-UNKNOWN',
    description: 'fixes names an open reject of this furnisher (BATCH_ID#LINE).',
    kinds: ALL_KINDS,
    fields: ['fixes'],
    needs: 'context',
    check: (record, context) =>
      record.fixes !== undefined && !context.isOpenReject(record.fixes)
        ? one('fixes', 'no open reject of this furnisher has that batch id and line')
        : none,
    example: { line: line(EXAMPLE_IDENTITY, { fixes: 'no-such-batch#1' }) },
  },
];

/** Every rule id, line rules first. */
export const ALL_RULE_IDS: readonly string[] = [
  ...LINE_RULES.map((r) => r.id),
  ...RECORD_RULES.map((r) => r.id),
];
