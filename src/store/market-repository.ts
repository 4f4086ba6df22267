/**
 * Market-wide aggregates for the regulator, month by month: never a person's row leaves the
 * store, only counts and sums over the accounts' monthly states.
 *
 * @example
 *   const rows = await createMarketRepository(store).byMonthAndKind('2025-12');
 */
import { sql } from 'kysely';
import { OVERDUE_STATUSES } from '../domain/codes.js';
import type { BureauDatabase } from './open-database.js';

export interface MonthKindRow {
  month: string;
  kind: string;
  currency: string;
  /** Account-months reported. */
  accounts: number;
  /** Of them, overdue (status 1-7). */
  overdue: number;
  balance_minor: number;
}

export interface LendersPerPersonRow {
  month: string;
  /** Distinct lenders with an account reported that month, not settled or ended. */
  lenders: number;
  persons: number;
}

export interface MarketRepository {
  byMonthAndKind(fromMonth: string): Promise<MonthKindRow[]>;
  lendersPerPerson(fromMonth: string): Promise<LendersPerPersonRow[]>;
}

const CLOSED = ['C', 'G', 'D', 'Z'];

export function createMarketRepository(store: BureauDatabase): MarketRepository {
  const db = store.db;
  return {
    async byMonthAndKind(fromMonth) {
      const rows = await db
        .selectFrom('account_months as m')
        .innerJoin('accounts as a', (j) =>
          j.onRef('a.person_id', '=', 'm.person_id').onRef('a.account_id', '=', 'm.account_id'),
        )
        .innerJoin('institutions as i', 'i.institution_id', 'a.furnisher_id')
        .select([
          'm.month',
          'i.kind',
          'a.currency',
          sql<number>`count(*)`.as('accounts'),
          sql<number>`sum(case when m.status in (${sql.join([...OVERDUE_STATUSES])}) then 1 else 0 end)`.as(
            'overdue',
          ),
          sql<number>`sum(m.balance_minor)`.as('balance_minor'),
        ])
        .where('m.month', '>=', fromMonth)
        .where('m.deleted', '=', 0)
        .where('a.state', '<>', 'deleted')
        .groupBy(['m.month', 'i.kind', 'a.currency'])
        .orderBy('m.month')
        .orderBy('i.kind')
        .execute();
      return rows.map((r) => ({
        month: r.month,
        kind: r.kind,
        currency: r.currency,
        accounts: Number(r.accounts),
        overdue: Number(r.overdue),
        balance_minor: Number(r.balance_minor),
      }));
    },
    async lendersPerPerson(fromMonth) {
      const perPerson = db
        .selectFrom('account_months as m')
        .innerJoin('accounts as a', (j) =>
          j.onRef('a.person_id', '=', 'm.person_id').onRef('a.account_id', '=', 'm.account_id'),
        )
        .select(['m.month', 'm.person_id', sql<number>`count(distinct a.furnisher_id)`.as('lenders')])
        .where('m.month', '>=', fromMonth)
        .where('m.deleted', '=', 0)
        .where('a.state', '<>', 'deleted')
        .where('m.status', 'not in', CLOSED)
        .groupBy(['m.month', 'm.person_id'])
        .as('p');
      const rows = await db
        .selectFrom(perPerson)
        .select(['p.month', 'p.lenders', sql<number>`count(*)`.as('persons')])
        .groupBy(['p.month', 'p.lenders'])
        .orderBy('p.month')
        .orderBy('p.lenders')
        .execute();
      return rows.map((r) => ({ month: r.month, lenders: Number(r.lenders), persons: Number(r.persons) }));
    },
  };
}
