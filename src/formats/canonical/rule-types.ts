/**
 * The shape of a furnishing rule: data with an id, a description and a check, after
 * cfpb/Metro2, so the rule list documents itself and every reject cites a rule id.
 *
 * @example
 *   const rule: RecordRule = { id: 'MON-CLOSED-BALANCE', kinds: ['month'], fields: ['status'], ... };
 */
import type { AccountType } from '../../domain/codes.js';
import type { JurisdictionProfile } from '../../domain/jurisdiction.js';
import type { RecordKind } from './record-fields.js';
import type { AccountTerms, MonthState } from './record-types.js';

/** What the bureau knows of an account when a record refers to it. */
export interface AccountFacts {
  accountType: AccountType;
  openDate: string;
  /** The person the account belongs to: a person id, or 'new:' + ID hash for a person created in this batch. */
  personKey: string;
  /** Full terms, present where a correction needs them. */
  terms?: AccountTerms;
}

/** What rules may ask of the store and of the batch so far. Answers reflect earlier lines of the batch. */
export interface RuleContext {
  /** Today's date, YYYY-MM-DD. */
  readonly today: string;
  readonly profile: JurisdictionProfile;
  /** The account of this furnisher with that number, if on file (and not deleted, unless asked) or opened
   *  earlier in the batch. */
  account(accountNo: string, options?: { includeDeleted: boolean }): AccountFacts | undefined;
  /** The monthly state on file (or accepted earlier in the batch) for that account and month. */
  monthState(accountNo: string, month: string): MonthState | undefined;
  /** The person key an ID number resolves to (see AccountFacts.personKey). */
  personKeyOf(idNumber: string): string;
  /** True when `fixes` (BATCH_ID#LINE) names an open reject of this furnisher. */
  isOpenReject(fixes: string): boolean;
}

export interface RuleViolation {
  field: string;
  message: string;
}

/** An example that breaks the rule: earlier lines that set the scene, then the offending line. */
export interface RuleExample {
  setup?: readonly string[];
  line: string;
  /** How the example line becomes bytes: UTF-8, or latin1 to show bytes that are not UTF-8. */
  encoding?: 'latin1';
}

export interface RecordRule {
  /** Stable id cited by rejects, e.g. 'MON-CLOSED-BALANCE'. */
  readonly id: string;
  readonly description: string;
  readonly kinds: readonly RecordKind[];
  /** Fields the check reads: it runs only when each of them that is present passed its structural check,
   *  and when the required ones among them are present. */
  readonly fields: readonly string[];
  /** 'record': the record alone; 'context': needs the store or earlier lines. */
  readonly needs: 'record' | 'context';
  // biome-ignore lint/suspicious/noExplicitAny: checks read the fields they declare, validated beforehand
  check(record: any, context: RuleContext): RuleViolation[];
  readonly example: RuleExample;
}
