/**
 * The regulator's view of the market, month by month, from aggregates only: persons with open
 * accounts, how many lenders each borrows from (and the share with 4 or more: the multi-lending
 * the rules exist to stop), balances, and delinquency rates by kind of institution.
 *
 * @example
 *   const overview = marketOverview(kindRows, lenderRows);
 *   overview.months.at(-1)?.shareWith4PlusLenders // 0.031
 */

/** Months shown by default, and at most. */
export const MARKET_OVERVIEW_DEFAULT_months = 12;
export const MARKET_OVERVIEW_MAX_months = 36;
/** Lender counts from this one up are one bucket. */
export const LENDER_BUCKET_TOP = 5;
/** The multi-lending line the overview reports the share of. */
export const MULTI_LENDING_LENDERS = 4;

export interface KindAggregate {
  month: string;
  kind: string;
  currency: string;
  accounts: number;
  overdue: number;
  balance_minor: number;
}

export interface LendersAggregate {
  month: string;
  lenders: number;
  persons: number;
}

export interface MarketMonth {
  month: string;
  /** Persons with at least one account reported that month and not settled or ended. */
  personsWithOpenAccounts: number;
  /** Persons by distinct lenders with such accounts: '1' .. '4', and '5+'. */
  lendersPerPerson: Record<string, number>;
  shareWith4PlusLenders: number | null;
  /** Sum of the balances reported that month, per currency (minor units). */
  balanceByCurrency_minor: Record<string, number>;
  byInstitutionKind: { kind: string; accounts: number; overdue: number; overdueRate: number | null }[];
}

export interface MarketOverview {
  fromMonth: string;
  months: MarketMonth[];
}

export function marketOverview(
  fromMonth: string,
  kinds: readonly KindAggregate[],
  lenders: readonly LendersAggregate[],
): MarketOverview {
  const byMonth = new Map<string, MarketMonth>();
  const monthOf = (month: string): MarketMonth => {
    let m = byMonth.get(month);
    if (!m) {
      const buckets: Record<string, number> = {};
      for (let n = 1; n < LENDER_BUCKET_TOP; n++) buckets[String(n)] = 0;
      buckets[`${LENDER_BUCKET_TOP}+`] = 0;
      m = {
        month,
        personsWithOpenAccounts: 0,
        lendersPerPerson: buckets,
        shareWith4PlusLenders: null,
        balanceByCurrency_minor: {},
        byInstitutionKind: [],
      };
      byMonth.set(month, m);
    }
    return m;
  };
  for (const row of lenders) {
    if (row.lenders < 1) continue;
    const m = monthOf(row.month);
    const bucket = row.lenders >= LENDER_BUCKET_TOP ? `${LENDER_BUCKET_TOP}+` : String(row.lenders);
    m.lendersPerPerson[bucket] = (m.lendersPerPerson[bucket] ?? 0) + row.persons;
    m.personsWithOpenAccounts += row.persons;
  }
  const kindTotals = new Map<string, { accounts: number; overdue: number }>();
  for (const row of kinds) {
    const m = monthOf(row.month);
    m.balanceByCurrency_minor[row.currency] =
      (m.balanceByCurrency_minor[row.currency] ?? 0) + row.balance_minor;
    const key = `${row.month}|${row.kind}`;
    const t = kindTotals.get(key) ?? { accounts: 0, overdue: 0 };
    t.accounts += row.accounts;
    t.overdue += row.overdue;
    kindTotals.set(key, t);
  }
  for (const [key, t] of kindTotals) {
    const [month, kind] = key.split('|') as [string, string];
    monthOf(month).byInstitutionKind.push({
      kind,
      accounts: t.accounts,
      overdue: t.overdue,
      overdueRate: t.accounts > 0 ? t.overdue / t.accounts : null,
    });
  }
  const months = [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  for (const m of months) {
    m.byInstitutionKind.sort((a, b) => (a.kind < b.kind ? -1 : 1));
    let multi = 0;
    for (const [bucket, persons] of Object.entries(m.lendersPerPerson))
      if (Number.parseInt(bucket, 10) >= MULTI_LENDING_LENDERS) multi += persons;
    m.shareWith4PlusLenders = m.personsWithOpenAccounts > 0 ? multi / m.personsWithOpenAccounts : null;
  }
  return { fromMonth, months };
}
