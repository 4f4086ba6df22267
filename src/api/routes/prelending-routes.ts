/**
 * Pre-lending checks over HTTP: before granting a credit, a lender sends the person (with their
 * consent), the proposed credit and the declared income; the bureau answers the person's
 * multi-lending indicators, the exposure before and after, and every over-credit rule's verdict.
 * Each check is an inquiry on the person's file. A lender also keeps its own policy here.
 *
 * @example
 *   curl -X POST -H "Authorization: Bearer $KEY" -H 'content-type: application/json' \
 *     -d '{"id_number":"...","name":"...","purpose":"02","consent_id":"c_...","proposal":{"product_kind":"online_microloan","amount_fen":2000000,"term_months":12,"repayment":"equal_instalment"}}' \
 *     http://127.0.0.1:8080/v1/prelending-checks
 */
import type { FastifyPluginAsync } from 'fastify';
import { CONSENT_REFUSALS } from '../../consent/consent.js';
import type { LenderPolicy } from '../../risk/lender-policy.js';
import { CHINA_OVERCREDIT_RULES } from '../../risk/overcredit-rules.js';
import { PROPOSED_PRODUCT_KINDS, PROPOSED_REPAYMENTS } from '../../risk/proposed-credit.js';
import {
  PRELENDING_PURPOSES,
  type PrelendingDeps,
  runPrelendingCheck,
} from '../../risk/run-prelending-check.js';
import type { LenderPolicyRepository } from '../../store/lender-policy-repository.js';
import { caller } from '../auth-plugin.js';
import { AUTH_ERRORS, CONSENTED_QUERY_REQUIRED, consentedQueryProperties, ERROR_SCHEMA } from '../schemas.js';

export interface PrelendingRouteOptions {
  deps: PrelendingDeps;
  policies: LenderPolicyRepository;
}

/** Most years of declared income a check takes (the China rules average over 3). */
export const MAX_INCOME_YEARS = CHINA_OVERCREDIT_RULES.incomeYears;

const money = { type: 'integer', minimum: 0, maximum: 1_000_000_000_000_000 } as const;
const count = { type: 'integer', minimum: 0, maximum: 1_000_000 } as const;

const POLICY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: "The lender's own rules (LP-*); a field left out is a rule not applied.",
  properties: {
    maxOpenLenders: {
      ...count,
      description: 'Most distinct lenders with an open account once the credit is granted.',
    },
    maxHardInquiries1m: {
      ...count,
      description: 'Most hard inquiries in the last month (shopping-adjusted).',
    },
    maxHardInquiries3m: {
      ...count,
      description: 'Most hard inquiries in the last 3 months (shopping-adjusted).',
    },
    maxRepaymentToIncome_pct: {
      type: 'integer',
      minimum: 0,
      maximum: 1_000,
      description: 'Most monthly repayments after the credit, in percent of the average monthly income.',
    },
    noCurrentDelinquency: {
      type: 'boolean',
      description: 'Decline a person with an account delinquent now.',
    },
    cardTotalLimitCap_fen: {
      ...money,
      description: 'Card issuers: the most card limit the person may hold in all.',
    },
  },
} as const;

const EXPOSURE = {
  type: 'object',
  required: [
    'balance_fen',
    'monthlyRepayment_fen',
    'lenderBalance_fen',
    'revolvingLimit_fen',
    'distinctLenders',
  ],
  properties: {
    balance_fen: { type: 'integer' },
    monthlyRepayment_fen: { type: 'integer' },
    lenderBalance_fen: { type: 'integer' },
    revolvingLimit_fen: { type: 'integer' },
    distinctLenders: { type: 'integer' },
  },
} as const;

export const CHECK_ANSWER = {
  type: 'object',
  required: ['checkNumber', 'verdict', 'decidedBy', 'asOf', 'currency', 'exposure', 'rules', 'indicators'],
  properties: {
    checkNumber: { type: 'string', description: 'The number of the check, on the inquiry it records.' },
    verdict: { type: 'string', enum: ['approve', 'refer', 'decline'] },
    decidedBy: {
      type: 'array',
      items: { type: 'string' },
      description: 'Ids of the rules that failed or referred.',
    },
    asOf: { type: 'string' },
    currency: { type: 'string' },
    newMonthlyRepayment_fen: { type: 'integer' },
    income: {
      type: ['object', 'null'],
      properties: {
        years: { type: 'integer' },
        total_fen: { type: 'integer' },
        averageAnnual_fen: { type: 'integer' },
      },
    },
    exposure: {
      type: 'object',
      required: ['before', 'after'],
      properties: { before: EXPOSURE, after: EXPOSURE },
    },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'source', 'description', 'verdict', 'reason', 'figures'],
        properties: {
          id: { type: 'string' },
          source: { type: 'string', enum: ['profile', 'lender'] },
          description: { type: 'string' },
          verdict: { type: 'string', enum: ['pass', 'refer', 'fail', 'not_applicable'] },
          reason: { type: 'string' },
          figures: { type: 'object', additionalProperties: true },
        },
      },
    },
    indicators: {
      type: 'object',
      description:
        'Every indicator by name (docs/indicators.md); null where undefined (no revolving limit, no delinquency).',
      additionalProperties: { type: ['number', 'null'] },
    },
  },
} as const;

const REFUSAL_SCHEMA = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string' },
    reason: { type: 'string', enum: Object.keys(CONSENT_REFUSALS) },
    message: { type: 'string' },
  },
} as const;

export const prelendingRoutes: FastifyPluginAsync<PrelendingRouteOptions> = async (app, options) => {
  app.post(
    '/v1/prelending-checks',
    {
      config: { roles: ['lender'] },
      schema: {
        summary:
          'Check a proposed credit against the over-credit rules (consent-gated; recorded as an inquiry).',
        description:
          "Purpose 02 (loan), 03 (card) or 26 (credit line). Refused with 403 and the reason like a report. Answers the person's indicators, the exposure before and after the credit and each rule's verdict with the figures that decided it: approve, refer or decline.",
        tags: ['prelending'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: [...CONSENTED_QUERY_REQUIRED, 'proposal'],
          properties: {
            ...consentedQueryProperties(PRELENDING_PURPOSES),
            proposal: {
              type: 'object',
              additionalProperties: false,
              required: ['product_kind', 'amount_fen', 'term_months', 'repayment'],
              properties: {
                product_kind: { type: 'string', enum: PROPOSED_PRODUCT_KINDS },
                amount_fen: { ...money, minimum: 1 },
                term_months: { type: 'integer', minimum: 0, maximum: 600 },
                repayment: { type: 'string', enum: PROPOSED_REPAYMENTS },
                co_lending_platform_share_pct: { type: 'integer', minimum: 0, maximum: 100 },
              },
            },
            declared_income_fen: {
              type: 'array',
              minItems: 1,
              maxItems: MAX_INCOME_YEARS,
              items: money,
              description: 'Declared annual income of the last years, newest first.',
            },
          },
        },
        response: { 200: CHECK_ANSWER, 400: ERROR_SCHEMA, 401: ERROR_SCHEMA, 403: REFUSAL_SCHEMA },
      },
    },
    async (request, reply) => {
      const body = request.body as {
        id_number: string;
        name: string;
        purpose: string;
        consent_id: string;
        proposal: {
          product_kind: (typeof PROPOSED_PRODUCT_KINDS)[number];
          amount_fen: number;
          term_months: number;
          repayment: (typeof PROPOSED_REPAYMENTS)[number];
          co_lending_platform_share_pct?: number;
        };
        declared_income_fen?: number[];
      };
      const lender = caller(request);
      const p = body.proposal;
      const outcome = await runPrelendingCheck(options.deps, {
        lender,
        idNumber: body.id_number,
        name: body.name,
        purpose: body.purpose,
        consentId: body.consent_id,
        proposal: {
          productKind: p.product_kind,
          amount_fen: p.amount_fen,
          term_months: p.term_months,
          repayment: p.repayment,
          ...(p.co_lending_platform_share_pct !== undefined
            ? { coLending: { platformShare_pct: p.co_lending_platform_share_pct } }
            : {}),
        },
        ...(body.declared_income_fen ? { declaredIncome_fen: body.declared_income_fen } : {}),
      });
      if (!outcome.ok) {
        if (outcome.refusal === 'invalid_request')
          return reply.code(400).send({ error: 'invalid_request', message: outcome.message });
        request.log.info({ refusal: outcome.refusal, lender: lender.code }, 'pre-lending check refused');
        return reply
          .code(403)
          .send({ error: 'consent_refused', reason: outcome.refusal, message: outcome.message });
      }
      const r = outcome.result;
      const answer = {
        checkNumber: outcome.checkNumber,
        verdict: r.verdict,
        decidedBy: r.decidedBy,
        asOf: r.asOf,
        currency: r.currency,
        newMonthlyRepayment_fen: r.newMonthlyRepayment_fen,
        income: r.income,
        exposure: r.exposure,
        rules: r.rules,
        indicators: outcome.indicators.values,
      };
      // Sent as JSON.stringify writes it: 402 indicators go through the schema's serializer key
      // by key, several times slower. A test holds the answer to CHECK_ANSWER.
      return reply
        .type('application/json; charset=utf-8')
        .serializer((x: unknown) => x as string)
        .send(JSON.stringify(answer));
    },
  );

  app.get(
    '/v1/lender-policy',
    {
      config: { roles: ['lender'] },
      schema: {
        summary: "The caller's own pre-lending policy (empty when none is set).",
        tags: ['prelending'],
        response: {
          200: {
            type: 'object',
            required: ['policy', 'updated_at'],
            properties: { policy: POLICY_SCHEMA, updated_at: { type: ['string', 'null'] } },
          },
          ...AUTH_ERRORS,
        },
      },
    },
    async (request) => {
      const stored = await options.policies.get(caller(request).institutionId);
      return { policy: stored?.policy ?? {}, updated_at: stored?.updatedAt ?? null };
    },
  );

  app.put(
    '/v1/lender-policy',
    {
      config: { roles: ['lender'] },
      schema: {
        summary: "Replace the caller's pre-lending policy (the LP-* rules of every later check).",
        tags: ['prelending'],
        body: POLICY_SCHEMA,
        response: {
          200: {
            type: 'object',
            required: ['policy', 'updated_at'],
            properties: { policy: POLICY_SCHEMA, updated_at: { type: 'string' } },
          },
          400: ERROR_SCHEMA,
          ...AUTH_ERRORS,
        },
      },
    },
    async (request) => {
      const lender = caller(request);
      const policy = request.body as LenderPolicy;
      const at = new Date().toISOString();
      const key = (request.headers.authorization ?? '').slice(7, 17);
      await options.policies.put(lender.institutionId, policy as Record<string, unknown>, at, key);
      request.log.info({ lender: lender.code }, 'lender policy replaced');
      return { policy, updated_at: at };
    },
  );
};
