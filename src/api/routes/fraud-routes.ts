/**
 * Fraud checks over HTTP: a lender sends the person (ID number, name, purpose and the person's
 * consent, as for a report); the bureau answers every fraud signal with its window, threshold,
 * observed value, whether it fired and its evidence (counts, dates, institution codes; never
 * another person's data), and the warning lines a report header shows. Each check is an inquiry
 * on the person's file.
 *
 * @example
 *   curl -X POST -H "Authorization: Bearer $KEY" -H 'content-type: application/json' \
 *     -d '{"id_number":"...","name":"...","purpose":"02","consent_id":"c_..."}' http://127.0.0.1:8080/v1/fraud-checks
 */
import type { FastifyPluginAsync } from 'fastify';
import { CONSENT_REFUSALS } from '../../consent/consent.js';
import { INQUIRY_REASON_CODES } from '../../consent/inquiry-reasons.js';
import { FRAUD_SIGNAL_IDS } from '../../identity/fraud/fraud-signal.js';
import { type FraudCheckDeps, runFraudCheck } from '../../identity/fraud/run-fraud-check.js';
import { caller } from '../auth-plugin.js';
import { CONSENTED_QUERY_REQUIRED, consentedQueryProperties, ERROR_SCHEMA } from '../schemas.js';

export interface FraudRouteOptions {
  deps: FraudCheckDeps;
}

const date = { type: ['string', 'null'], description: 'YYYY-MM-DD' } as const;

/**
 * One signal as answered.
 *
 * @example
 *   FRAUD_SIGNAL_SCHEMA.required.includes('evidence') // true
 */
export const FRAUD_SIGNAL_SCHEMA = {
  type: 'object',
  required: ['id', 'description', 'window', 'threshold', 'observed', 'fired', 'evidence'],
  properties: {
    id: { type: 'string', enum: FRAUD_SIGNAL_IDS },
    description: { type: 'string' },
    window: {
      type: 'string',
      enum: ['1d', '7d', '1m', '3m', '6m', '12m', 'all'],
      description: 'The look-back window, ending at asOf; all: the whole file.',
    },
    threshold: { type: 'integer', description: 'The signal fires when observed reaches it.' },
    observed: { type: 'integer' },
    fired: { type: 'boolean' },
    evidence: {
      type: 'object',
      required: ['counted', 'firstReportedOn', 'lastReportedOn', 'institutions', 'figures'],
      properties: {
        counted: { type: 'string', description: 'What observed counts.' },
        firstReportedOn: date,
        lastReportedOn: date,
        institutions: {
          type: 'array',
          items: { type: 'string' },
          description:
            "Codes of the furnishers of this person's reports counted (for velocity: of the institutions that asked).",
        },
        figures: {
          type: 'object',
          additionalProperties: { type: ['number', 'boolean', 'null'] },
          description: 'Further counts, shares, days and flags (docs/fraud-signals.md); never a value.',
        },
      },
    },
  },
} as const;

/**
 * The answer of a fraud check: the route's 200 schema (the contract; in the OpenAPI document).
 *
 * @example
 *   fastJsonStringify(FRAUD_CHECK_ANSWER)(answer)
 */
export const FRAUD_CHECK_ANSWER = {
  type: 'object',
  required: ['checkNumber', 'asOf', 'personOnFile', 'anyFired', 'fired', 'warnings', 'signals'],
  properties: {
    checkNumber: { type: 'string', description: 'The number of the check, on the inquiry it records.' },
    asOf: { type: 'string', description: 'The instant of the check: every window ends here.' },
    personOnFile: {
      type: 'boolean',
      description: 'False: the bureau does not know this ID (no signal fires, no inquiry is recorded).',
    },
    anyFired: { type: 'boolean' },
    fired: { type: 'array', items: { type: 'string' }, description: 'Ids of the signals that fired.' },
    warnings: {
      type: 'array',
      items: { type: 'string' },
      description: "One line per signal that fired: the report header's anti-fraud warning.",
    },
    signals: { type: 'array', items: FRAUD_SIGNAL_SCHEMA },
  },
} as const;

const REFUSAL_SCHEMA = {
  type: 'object',
  required: ['error', 'message'],
  description: 'consent_refused with the reason, or forbidden (the key has no lender role).',
  properties: {
    error: { type: 'string' },
    reason: { type: 'string', enum: Object.keys(CONSENT_REFUSALS) },
    message: { type: 'string' },
  },
} as const;

/**
 * The plugin: POST /v1/fraud-checks (lender role).
 *
 * @example
 *   await app.register(fraudRoutes, { deps: { report: bureau.reportDeps, evidence: bureau.fraudEvidence } });
 */
export const fraudRoutes: FastifyPluginAsync<FraudRouteOptions> = async (app, options) => {
  app.post(
    '/v1/fraud-checks',
    {
      config: { roles: ['lender'] },
      schema: {
        summary: "A person's fraud signals (consent-gated; recorded as an inquiry).",
        description:
          'Refused with 403 and a reason code like a report (consent missing, of another lender or person, another purpose, not yet valid, expired, revoked); a refusal never reveals whether the bureau knows the person. Answers every signal (docs/fraud-signals.md): identity links per window (mobiles per ID, IDs per mobile, names per ID, IDs per address, the same name and birth date under other IDs, changes of mobile), the ID against the reported birth date and sex, hard-inquiry velocity and fraud rings, each with its threshold, observed value and evidence. A person the bureau does not know gets an answer that says so.',
        tags: ['fraud'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: [...CONSENTED_QUERY_REQUIRED],
          properties: consentedQueryProperties(INQUIRY_REASON_CODES),
        },
        response: { 200: FRAUD_CHECK_ANSWER, 400: ERROR_SCHEMA, 401: ERROR_SCHEMA, 403: REFUSAL_SCHEMA },
      },
    },
    async (request, reply) => {
      const body = request.body as { id_number: string; name: string; purpose: string; consent_id: string };
      const lender = caller(request);
      const outcome = await runFraudCheck(options.deps, {
        lender,
        idNumber: body.id_number,
        name: body.name,
        purpose: body.purpose,
        consentId: body.consent_id,
      });
      if (!outcome.ok) {
        if (outcome.refusal === 'invalid_request')
          return reply.code(400).send({ error: 'invalid_request', message: outcome.message });
        request.log.info({ refusal: outcome.refusal, lender: lender.code }, 'fraud check refused');
        return reply
          .code(403)
          .send({ error: 'consent_refused', reason: outcome.refusal, message: outcome.message });
      }
      const { ok: _ok, ...answer } = outcome;
      return answer;
    },
  );
};
