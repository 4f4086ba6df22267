/**
 * Credit reports over HTTP. A lender pulls a report with the person's ID number, name, purpose
 * and consent: JSON, or the page with `Accept: text/html`. Every report served is an inquiry on
 * the person's file. The page of a report can be opened again at /reports/{number}, with the
 * lender's key or the signed link the answer carries (header x-report-url).
 *
 * @example
 *   curl -X POST -H "Authorization: Bearer $KEY" -H 'content-type: application/json' \
 *     -d '{"id_number":"...","name":"...","purpose":"02","consent_id":"c_..."}' http://127.0.0.1:8080/v1/reports
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { hashApiKey, looksLikeApiKey } from '../../access/api-keys.js';
import { CONSENT_REFUSALS } from '../../consent/consent.js';
import { INQUIRY_REASON_CODES } from '../../consent/inquiry-reasons.js';
import type { PiiCipher } from '../../identity/pii-cipher.js';
import { openKeptReport } from '../../report/kept-report.js';
import { pullReport, type ReportDeps } from '../../report/pull-report.js';
import { renderReportHtml } from '../../report/render-html.js';
import { reportFromJson } from '../../report/report-json.js';
import { REPORT_LINK_VALIDITY_S, reportLink, verifyReportLink } from '../../report/report-links.js';
import type { CreditReport } from '../../report/report-types.js';
import type { InstitutionRepository } from '../../store/institution-repository.js';
import { caller } from '../auth-plugin.js';
import { CREDIT_REPORT_SCHEMA } from '../report-schema.js';
import { CONSENTED_QUERY_REQUIRED, consentedQueryProperties, ERROR_SCHEMA } from '../schemas.js';

export interface ReportRouteOptions {
  reportDeps: ReportDeps;
  institutions: InstitutionRepository;
  cipher: PiiCipher;
}

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

const wantsHtml = (request: FastifyRequest) => {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') && !accept.includes('application/json');
};

function sendHtml(reply: FastifyReply, report: CreditReport) {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    .serializer((x: unknown) => x as string)
    .send(renderReportHtml(report));
}

/** How long closing the server waits for report pulls still running (their clients may be gone). */
export const REPORT_DRAIN_TIMEOUT_MS = 30_000;

export const reportRoutes: FastifyPluginAsync<ReportRouteOptions> = async (app, options) => {
  const { cipher } = options;
  // A pull records its inquiry, then keeps its report: closing the server must not close the
  // store between the two, even for a pull whose client has gone. onClose waits for them.
  let pullsRunning = 0;
  app.addHook('onClose', async () => {
    const deadline = Date.now() + REPORT_DRAIN_TIMEOUT_MS;
    while (pullsRunning > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  });

  app.post(
    '/v1/reports',
    {
      config: { roles: ['lender'] },
      schema: {
        summary: "Pull a person's credit report (consent-gated; recorded as an inquiry).",
        description:
          'Refused with 403 and a reason code when the consent is missing, belongs to another lender or person, has another purpose, is not yet valid, expired or revoked; a refusal never reveals whether the bureau knows the person. A person the bureau does not know gets a report that says so. With Accept: text/html the answer is the report page. Header x-report-url: a signed link to the page, valid 7 days.',
        tags: ['reports'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: [...CONSENTED_QUERY_REQUIRED],
          properties: consentedQueryProperties(INQUIRY_REASON_CODES),
        },
        response: { 200: CREDIT_REPORT_SCHEMA, 400: ERROR_SCHEMA, 403: REFUSAL_SCHEMA, 401: ERROR_SCHEMA },
      },
    },
    async (request, reply) => {
      const body = request.body as { id_number: string; name: string; purpose: string; consent_id: string };
      const lender = caller(request);
      pullsRunning += 1;
      let outcome: Awaited<ReturnType<typeof pullReport>>;
      try {
        outcome = await pullReport(options.reportDeps, {
          lender,
          idNumber: body.id_number,
          name: body.name,
          purpose: body.purpose,
          consentId: body.consent_id,
        });
      } finally {
        pullsRunning -= 1;
      }
      if (!outcome.ok) {
        if (outcome.refusal === 'invalid_request')
          return reply.code(400).send({ error: 'invalid_request', message: outcome.message });
        request.log.info({ refusal: outcome.refusal, lender: lender.code }, 'report refused');
        return reply
          .code(403)
          .send({ error: 'consent_refused', reason: outcome.refusal, message: outcome.message });
      }
      const link = reportLink(cipher, {
        lenderId: lender.institutionId,
        reportNumber: outcome.report.header.reportNumber,
        expiresAt: Math.floor(Date.now() / 1000) + REPORT_LINK_VALIDITY_S,
      });
      reply.header('x-report-url', link);
      if (wantsHtml(request)) return sendHtml(reply, outcome.report);
      // The report was serialized once, to be kept: the same text is sent (its shape is
      // CREDIT_REPORT_SCHEMA's; a test holds the two together).
      return reply
        .type('application/json; charset=utf-8')
        .serializer((x: unknown) => x as string)
        .send(outcome.json);
    },
  );

  app.get(
    '/reports/:reportNumber',
    {
      config: { public: true },
      schema: {
        summary:
          'The page of a report the caller pulled: with its API key, or with the signed link of x-report-url.',
        tags: ['reports'],
        params: {
          type: 'object',
          required: ['reportNumber'],
          properties: { reportNumber: { type: 'string', pattern: '^R\\d{14}[0-9A-F]{8}$' } },
        },
        querystring: {
          type: 'object',
          properties: {
            lender: { type: 'integer', minimum: 1 },
            expires: { type: 'integer', minimum: 0 },
            sig: { type: 'string', maxLength: 64 },
          },
        },
        response: { 401: ERROR_SCHEMA, 404: ERROR_SCHEMA },
      },
    },
    async (request, reply) => {
      const { reportNumber } = request.params as { reportNumber: string };
      const query = request.query as { lender?: number; expires?: number; sig?: string };
      let lenderId: number | undefined;
      if (query.sig !== undefined && query.lender !== undefined && query.expires !== undefined) {
        const valid = verifyReportLink(
          cipher,
          { lenderId: query.lender, reportNumber, expiresAt: query.expires, signature: query.sig },
          Math.floor(Date.now() / 1000),
        );
        if (!valid)
          return reply
            .code(401)
            .send({ error: 'unauthenticated', message: 'the link is invalid or has expired' });
        lenderId = query.lender;
      } else {
        const header = request.headers.authorization ?? '';
        const key = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
        const institution = looksLikeApiKey(key)
          ? await options.institutions.findByKeyHash(hashApiKey(key))
          : undefined;
        if (!institution)
          return reply
            .code(401)
            .send({ error: 'unauthenticated', message: 'send the API key or use the signed link' });
        lenderId = institution.institutionId;
      }
      const sealed = await options.reportDeps.store.findReport(lenderId, reportNumber);
      if (!sealed)
        return reply
          .code(404)
          .send({ error: 'not_found', message: 'no report with this number for this lender' });
      return sendHtml(reply, reportFromJson(openKeptReport(cipher.openingKey, sealed)));
    },
  );
};
