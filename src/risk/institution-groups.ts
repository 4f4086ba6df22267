/**
 * Institution types of the indicators: everyone, banks, non-banks, and each kind of non-bank
 * lender (DOMAIN.md section 6). A group is a set of institution kinds; `all` and `non_bank` are
 * defined so that `all = bank + non_bank` always holds. The kind groups are the non-bank kinds of
 * INSTITUTION_KINDS less `regulator` (a regulator neither lends nor applies): records of a
 * regulator, should there be any, count in `all` and `non_bank` only.
 *
 * @example
 *   isInGroup('online_microloan', 'non_bank') // true
 *   isInGroup('bank', 'non_bank')             // false
 *   GROUP_IDS.length                          // 11
 */
import { INSTITUTION_KINDS, type InstitutionKind } from '../domain/codes.js';

/** Non-bank kinds that lend, one indicator group each. */
export const NON_BANK_LENDER_KINDS = INSTITUTION_KINDS.filter(
  (k): k is Exclude<InstitutionKind, 'bank' | 'regulator'> => k !== 'bank' && k !== 'regulator',
);
export type NonBankLenderKind = (typeof NON_BANK_LENDER_KINDS)[number];

/** Ids of the institution groups, as they appear in indicator names. */
export type GroupId = 'all' | 'bank' | 'non_bank' | NonBankLenderKind;

/** Every group, in the order of the documentation: all, bank, non_bank, then each kind. */
export const GROUP_IDS: readonly GroupId[] = ['all', 'bank', 'non_bank', ...NON_BANK_LENDER_KINDS];

/** How each group reads in a definition: a plural noun. */
export const GROUP_LABELS: Readonly<Record<GroupId, string>> = {
  all: 'institutions of any kind',
  bank: 'banks',
  non_bank: 'non-bank institutions (every kind but bank)',
  online_microloan: 'online microloan companies',
  consumer_finance: 'consumer finance companies',
  credit_card_issuer: 'credit card issuers (non-bank)',
  microloan_company: 'microloan companies',
  car_finance: 'car finance companies',
  trust: 'trust companies',
  insurance: 'insurers',
  other: 'institutions of kind other',
};

/**
 * True when an institution of `kind` belongs to `group`.
 *
 * @example
 *   isInGroup('consumer_finance', 'consumer_finance') // true
 */
export function isInGroup(kind: InstitutionKind, group: GroupId): boolean {
  if (group === 'all') return true;
  if (group === 'non_bank') return kind !== 'bank';
  return kind === group;
}

/**
 * The groups an institution of `kind` belongs to.
 *
 * @example
 *   groupsOf('bank') // ['all', 'bank']
 */
export function groupsOf(kind: InstitutionKind): readonly GroupId[] {
  return GROUPS_OF_KIND.get(kind) ?? GROUP_IDS.filter((g) => isInGroup(kind, g));
}

/** The groups of each known kind, computed once. */
const GROUPS_OF_KIND: ReadonlyMap<InstitutionKind, readonly GroupId[]> = new Map(
  INSTITUTION_KINDS.map((k) => [k, Object.freeze(GROUP_IDS.filter((g) => isInGroup(k, g)))]),
);
