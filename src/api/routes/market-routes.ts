/**
 * The regulator's market overview: month by month, persons with open accounts, lenders per
 * person and the share borrowing from 4 or more, balances, delinquency rates by institution
 * kind. Aggregates only: no person's data.
 *
 * @example
 *   curl -H "Authorization: Bearer $REGULATOR_KEY" 'http://127.0.0.1:8080/v1/market/overview?months=12'
 */
import type { FastifyPluginAsync } from 'fastify';
import { addMonths, todayUtc } from '../../domain/calendar.js';
import {
  MARKET_OVERVIEW_DEFAULT_months,
  MARKET_OVERVIEW_MAX_months,
  marketOverview,
} from '../../risk/market-overview.js';
import type { MarketRepository } from '../../store/market-repository.js';
import { AUTH_ERRORS } from '../schemas.js';

export interface MarketRouteOptions {
  market: MarketRepository;
}

const counts = { type: 'object', additionalProperties: { type: 'number' } } as const;

export const marketRoutes: FastifyPluginAsync<MarketRouteOptions> = async (app, options) => {
  app.get(
    '/v1/market/overview',
    {
      config: { roles: ['regulator'] },
      schema: {
        summary: 'Market-wide exposure and multi-lending, month by month (regulator; aggregates only).',
        tags: ['market'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            months: {
              type: 'integer',
              minimum: 1,
              maximum: MARKET_OVERVIEW_MAX_months,
              default: MARKET_OVERVIEW_DEFAULT_months,
            },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['fromMonth', 'months'],
            properties: {
              fromMonth: { type: 'string' },
              months: {
                type: 'array',
                items: {
                  type: 'object',
                  required: [
                    'month',
                    'personsWithOpenAccounts',
                    'lendersPerPerson',
                    'shareWith4PlusLenders',
                    'balanceByCurrency_minor',
                    'byInstitutionKind',
                  ],
                  properties: {
                    month: { type: 'string' },
                    personsWithOpenAccounts: { type: 'integer' },
                    lendersPerPerson: counts,
                    shareWith4PlusLenders: { type: ['number', 'null'] },
                    balanceByCurrency_minor: counts,
                    byInstitutionKind: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['kind', 'accounts', 'overdue', 'overdueRate'],
                        properties: {
                          kind: { type: 'string' },
                          accounts: { type: 'integer' },
                          overdue: { type: 'integer' },
                          overdueRate: { type: ['number', 'null'] },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          ...AUTH_ERRORS,
        },
      },
    },
    async (request) => {
      const { months } = request.query as { months: number };
      const fromMonth = addMonths(todayUtc().slice(0, 7), -(months - 1));
      const [kinds, lenders] = await Promise.all([
        options.market.byMonthAndKind(fromMonth),
        options.market.lendersPerPerson(fromMonth),
      ]);
      return marketOverview(fromMonth, kinds, lenders);
    },
  );
};
