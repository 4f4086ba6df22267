/**
 * Maps one Metro 2 data record to canonical furnishing records: an identity, the account (action
 * 'open', which the pipeline treats as an upsert) and its monthly state for the consumer of the
 * base segment and for each associated consumer (J1, J2) with a valid SSN; or deletions for DA, DF
 * and ECOA Z. Pure: the tables live in metro2-account-tables.ts and metro2-status-tables.ts, the
 * documentation in docs/metro2-mapping.md. A record that is not valid still maps, as far as its
 * fields allow: its lines are stored as rejects, to be fixed and resubmitted as canonical lines.
 *
 * @example
 *   const mapped = mapMetro2Record(item.record, { activityDate: '2025-05-31', today: '2025-06-30' });
 *   mapped.lines.map((l) => l.record.kind) // ['identity', 'account', 'month']
 */
import { monthOf } from '../domain/calendar.js';
import { isOneOf, REVOLVING_ACCOUNT_TYPES, type RepaymentMethod } from '../domain/codes.js';
import { MAX_INSTALMENTS } from '../formats/canonical/limits.js';
import type { Metro2Base, Metro2DataRecord, Metro2J1, Metro2J2 } from '../formats/metro2/index.js';
import {
  businessType,
  crcAccountType,
  guaranteeType,
  INSTALMENT_PORTFOLIOS,
  LIMIT_PORTFOLIOS,
  repaymentFrequency,
} from './metro2-account-tables.js';
import { personAddress, personName, SSN_LINK_RULE, ssnLink } from './metro2-person.js';
import { overdueSinceFirstDelinquency, profileStatuses, STATUS_RULES } from './metro2-status-tables.js';

export interface Metro2MappingContext {
  /** The header's activity date, else its date created; null without a header (or without either). */
  activityDate: string | null;
  /** Today, YYYY-MM-DD. */
  today: string;
}

/** Whose line it is: the consumer of the base segment, or the n-th J1 or J2 segment's. */
export type LinePerson =
  | { segment: 'base'; segmentNumber: null }
  | { segment: 'J1' | 'J2'; segmentNumber: number };

/** A canonical record (an object the canonical rules check), with whose it is. */
export interface MappedLine {
  record: Record<string, unknown> & { kind: 'identity' | 'account' | 'month' | 'deletion' };
  person: LinePerson;
}

/** A finding of the mapping about the whole record (the reason its lines are rejected). */
export interface MappingFinding {
  rule: string;
  segment: 'base' | 'J1' | 'J2';
  segmentNumber: number | null;
  field: string;
  message: string;
}

export interface MappedRecord {
  lines: MappedLine[];
  /** When set, every line of the record is rejected with it. */
  rejection: MappingFinding | null;
  /** Informational: what the mapping did not use (reported as warnings, not stored). */
  notes: MappingFinding[];
}

/** Months of a mortgage term are reported in years (field 13). */
const MONTHS_PER_YEAR = 12;
const CENTS_PER_DOLLAR = 100;
/** Rule ids of the mapping's own findings. */
export const ASSOCIATE_NOT_LINKED_RULE = 'M2-ASSOCIATE-NOT-LINKED';
export const L1_NOT_APPLIED_RULE = 'M2-L1-NOT-APPLIED';
export const TERMS_NOT_MAPPED_RULE = 'M2-TERMS-NOT-MAPPED';
export const DOFD_NOT_MAPPED_RULE = 'M2-DOFD-NOT-MAPPED';
/** The "no date" of systems that count time from zero (Metro 2 B-DATE-EPOCH). */
const EPOCH_DATE = '1970-01-01';

const cents = (dollars: number): number => dollars * CENTS_PER_DOLLAR;

/**
 * The date the facts are reported as true: the header's activity date (or date created), else the
 * date of account information; never before that date, never after today.
 *
 * @example
 *   reportedOn({ activityDate: '2025-05-31', today: '2025-06-30' }, '2025-05-15') // '2025-05-31'
 */
export function reportedOn(context: Metro2MappingContext, accountInformation: string | null): string {
  let date = context.activityDate ?? accountInformation ?? context.today;
  if (accountInformation !== null && date < accountInformation) date = accountInformation;
  // Dates compare as text (YYYY-MM-DD): no Math.min here.
  if (date > context.today) date = context.today;
  return date;
}

/** The account's amount in cents: the credit limit of revolving credit, else the highest credit or
 *  original amount; the other one, then the balance, when it is 0. */
function amountMinor(base: Metro2Base): number {
  const limitFirst = LIMIT_PORTFOLIOS.includes(base.portfolioType);
  const [first, second] = limitFirst
    ? [base.creditLimit, base.highestCredit]
    : [base.highestCredit, base.creditLimit];
  return cents(first || second || base.currentBalance);
}

/** Instalments: the terms duration in months (instalment loans and leases) or years (mortgages);
 *  undefined when not a number, 0, or beyond what the canonical format holds (MAX_INSTALMENTS). */
function instalments(base: Metro2Base): number | undefined {
  if (!INSTALMENT_PORTFOLIOS.includes(base.portfolioType) || !/^\d{1,3}$/.test(base.termsDuration))
    return undefined;
  const n = Number(base.termsDuration) * (base.portfolioType === 'M' ? MONTHS_PER_YEAR : 1);
  return n > 0 && n <= MAX_INSTALMENTS ? n : undefined;
}

/** A term the canonical format cannot hold, as a note. */
function termsNote(base: Metro2Base): MappingFinding | null {
  if (!INSTALMENT_PORTFOLIOS.includes(base.portfolioType) || !/^\d{1,3}$/.test(base.termsDuration))
    return null;
  const n = Number(base.termsDuration) * (base.portfolioType === 'M' ? MONTHS_PER_YEAR : 1);
  if (n <= MAX_INSTALMENTS) return null;
  return {
    rule: TERMS_NOT_MAPPED_RULE,
    segment: 'base',
    segmentNumber: null,
    field: 'termsDuration',
    message: `a term of ${n} months is more than the ${MAX_INSTALMENTS} instalments an account holds: stored without a number of instalments (repayment method other)`,
  };
}

/**
 * The date of first delinquency as an account term. Not taken, with a note: the 1970-01-01
 * placeholder, and a date before the date opened (ACC-DOFD-BEFORE-OPEN) on an account other than
 * a collection (C1 reports the original creditor's delinquency, which precedes it).
 */
function firstDelinquency(
  base: Metro2Base,
  accountType: unknown,
  notes: MappingFinding[],
): string | undefined {
  const date = base.dateFirstDelinquency;
  if (date === null) return undefined;
  const opened = base.dateOpened;
  const why =
    date === EPOCH_DATE
      ? 'is the 01/01/1970 placeholder'
      : accountType !== 'C1' && opened !== null && date < opened
        ? `(${date}) is before the date opened (${opened})`
        : null;
  if (why === null) return date;
  notes.push({
    rule: DOFD_NOT_MAPPED_RULE,
    segment: 'base',
    segmentNumber: null,
    field: 'dateFirstDelinquency',
    message: `the date of first delinquency ${why}: the account is stored without one`,
  });
  return undefined;
}

function repaymentMethod(base: Metro2Base, count: number | undefined): RepaymentMethod {
  if (base.termsFrequency === 'P') return 'bullet';
  if (base.portfolioType === 'R') return 'minimum_payment';
  if (INSTALMENT_PORTFOLIOS.includes(base.portfolioType) && count !== undefined) return 'equal_instalment';
  return 'other';
}

/** The account terms of the base segment (shared by the associated consumers' copies). */
function accountTerms(record: Metro2DataRecord): Record<string, unknown> {
  const base = record.base;
  const count = instalments(base);
  return {
    account_type: crcAccountType(base.portfolioType, base.accountType),
    business_type: businessType(base.accountType),
    currency: 'USD',
    open_date: base.dateOpened ?? undefined,
    amount_minor: amountMinor(base),
    repayment_method: repaymentMethod(base, count),
    repayment_frequency: repaymentFrequency(base.termsFrequency),
    instalments: count,
    guarantee_type: guaranteeType(base.accountType),
    joint_loan: base.ecoaCode === '2' || [...record.j1, ...record.j2].some((j) => j.ecoaCode === '2'),
  };
}

/** The monthly state of the month of account information. */
function monthState(base: Metro2Base, revolving: boolean): Record<string, unknown> {
  const rule = STATUS_RULES.get(base.accountStatus);
  let balance = cents(base.currentBalance);
  let status = 'N';
  let periods = 0;
  let overdue = 0;
  switch (rule?.kind) {
    case 'past_due':
      status = rule.status;
      periods = rule.periods;
      overdue = cents(base.amountPastDue);
      break;
    case 'closed':
      status = 'C';
      balance = 0;
      break;
    case 'ended':
      status = rule.status;
      if (rule.keepOverdue) overdue = cents(base.amountPastDue);
      break;
    case 'collected':
      if (balance > 0) {
        const since = overdueSinceFirstDelinquency(
          base.dateFirstDelinquency,
          base.dateAccountInformation ?? base.dateFirstDelinquency ?? '1900-01-01',
        );
        status = since.status;
        periods = since.periods;
        overdue = base.amountPastDue > 0 ? cents(base.amountPastDue) : balance;
      } else status = rule.whenPaid;
      break;
    default:
      // 11 and any status the validator refused (its findings reject the record).
      break;
  }
  return {
    balance_minor: balance,
    used_limit_minor: revolving ? balance : undefined,
    scheduled_payment_minor: cents(base.scheduledMonthlyPaymentAmount),
    actual_payment_minor: cents(base.actualPaymentAmount),
    overdue_periods: periods,
    overdue_amount_minor: overdue,
    status,
    five_class: 9,
  };
}

interface Consumer {
  person: LinePerson;
  ssn: string | undefined;
  name: string | undefined;
  birthDate: string | null;
  telephone: string | null;
  address: string | undefined;
  employer: string | undefined;
  ecoa: string;
  accountNo: string;
}

function identityLine(c: Consumer, reported: string): MappedLine {
  return {
    person: c.person,
    record: {
      kind: 'identity',
      id_number: c.ssn,
      name: c.name,
      reported_on: reported,
      birth_date: c.birthDate ?? undefined,
      mobile: c.telephone ?? undefined,
      address: c.address,
      employer: c.employer,
    },
  };
}

function deletionLine(
  c: { person: LinePerson; accountNo: string },
  reason: string,
  reported: string,
): MappedLine {
  return {
    person: c.person,
    record: { kind: 'deletion', account_no: c.accountNo, reason, reported_on: reported },
  };
}

const ECOA_Z_REASON = 'Metro 2 ECOA Z: consumer deleted from the account';

/** The associated consumers of J1 and J2 segments with a valid SSN, and notes for the others. */
function associates(
  record: Metro2DataRecord,
  baseAddress: string | undefined,
  notes: MappingFinding[],
): Consumer[] {
  const out: Consumer[] = [];
  // One person, one copy of the account: an SSN seen earlier in the record (base, J1, J2) is skipped.
  const seen = new Set<string | null>([record.base.socialSecurityNumber]);
  const add = (segment: 'J1' | 'J2', j: Metro2J1 | Metro2J2, k: number, address: string | undefined) => {
    const link = ssnLink(j.socialSecurityNumber);
    const note = (message: string) =>
      notes.push({
        rule: ASSOCIATE_NOT_LINKED_RULE,
        segment,
        segmentNumber: k,
        field: 'socialSecurityNumber',
        message,
      });
    if (!link.ok) {
      note(`associated consumer not placed on a file: ${link.message}`);
      return;
    }
    if (seen.has(link.ssn)) {
      note(
        'associated consumer with the SSN of a consumer earlier in the record: the account is on their file once',
      );
      return;
    }
    seen.add(link.ssn);
    out.push({
      person: { segment, segmentNumber: k },
      ssn: link.ssn,
      name: personName(j),
      birthDate: j.dateBirth,
      telephone: j.telephoneNumber,
      address,
      employer: undefined,
      ecoa: j.ecoaCode,
      accountNo: `${record.base.consumerAccountNumber}/${segment}-${k}`,
    });
  };
  // J1: an associated consumer at the same address as the base segment's.
  for (const [i, j] of record.j1.entries()) add('J1', j, i + 1, baseAddress);
  for (const [i, j] of record.j2.entries()) add('J2', j, i + 1, personAddress(j));
  return out;
}

/**
 * The canonical lines of one Metro 2 data record, in the order the pipeline needs (each person's
 * identity, then the account, then its month).
 *
 * @example
 *   mapMetro2Record(record, { activityDate: null, today: '2025-06-30' }).rejection // null when the SSN links
 */
export function mapMetro2Record(record: Metro2DataRecord, context: Metro2MappingContext): MappedRecord {
  const base = record.base;
  const reported = reportedOn(context, base.dateAccountInformation);
  const notes: MappingFinding[] = [];
  const baseAddress = personAddress(base);
  const people = associates(record, baseAddress, notes);
  const rule = STATUS_RULES.get(base.accountStatus);
  const basePerson: LinePerson = { segment: 'base', segmentNumber: null };
  const accountNo = base.consumerAccountNumber;
  const terms = termsNote(base);
  if (terms) notes.push(terms);
  if (record.l1)
    notes.push({
      rule: L1_NOT_APPLIED_RULE,
      segment: 'base',
      segmentNumber: null,
      field: 'consumerAccountNumber',
      message:
        'account and identification number changes (L1) are not applied yet: the record is stored under the base segment account number',
    });

  if (rule?.kind === 'delete') {
    // DA and DF delete by account number: no SSN needed. The associated consumers' copies go too.
    const lines = [basePerson, ...people.map((p) => p.person)].map((person, i) =>
      deletionLine(
        { person, accountNo: i === 0 ? accountNo : people[i - 1]!.accountNo },
        rule.reason,
        reported,
      ),
    );
    return { lines, rejection: null, notes };
  }

  const link = ssnLink(base.socialSecurityNumber);
  const lines: MappedLine[] = [];
  const mappedTerms = accountTerms(record);
  const accountFields: Record<string, unknown> = {
    ...mappedTerms,
    first_delinquency_date: firstDelinquency(base, mappedTerms.account_type, notes),
  };
  const history = profileStatuses(base.paymentHistoryProfile);
  const revolving = isOneOf(REVOLVING_ACCOUNT_TYPES, accountFields.account_type);
  const month = monthState(base, revolving);
  const consumers: Consumer[] = [
    {
      person: basePerson,
      // An SSN that cannot link is kept as sent (the stored reject shows it); none: no id_number.
      ssn: link.ok ? link.ssn : (base.socialSecurityNumber ?? undefined),
      name: personName(base),
      birthDate: base.dateBirth,
      telephone: base.telephoneNumber,
      address: baseAddress,
      employer: record.n1?.employerName || undefined,
      ecoa: base.ecoaCode,
      accountNo,
    },
    ...people,
  ];
  for (const c of consumers) {
    if (c.ecoa === 'Z') {
      lines.push(deletionLine(c, ECOA_Z_REASON, reported));
      continue;
    }
    lines.push(identityLine(c, reported));
    lines.push({
      person: c.person,
      record: {
        kind: 'account',
        action: 'open',
        account_no: c.accountNo,
        id_number: c.ssn,
        name: c.name,
        reported_on: reported,
        ...accountFields,
      },
    });
    if (base.dateAccountInformation !== null)
      lines.push({
        person: c.person,
        record: {
          kind: 'month',
          account_no: c.accountNo,
          month: monthOf(base.dateAccountInformation),
          reported_on: reported,
          ...month,
          payment_history_profile: history,
        },
      });
  }
  if (!link.ok) {
    return {
      lines,
      rejection: {
        rule: SSN_LINK_RULE,
        segment: 'base',
        segmentNumber: null,
        field: 'socialSecurityNumber',
        message: link.message,
      },
      notes,
    };
  }
  return { lines, rejection: null, notes };
}
