/**
 * Consents over HTTP: a lender records a person's authorisation before querying, lists and
 * revokes its own. A lender sees only its own consents.
 *
 * @example
 *   curl -X POST -H "Authorization: Bearer $KEY" -H 'content-type: application/json' \
 *     -d '{"id_number":"...","name":"...","purpose":"02","granted_at":"2026-11-01","expires_at":"2027-01-31","evidence_ref":"esign-123"}' \
 *     http://127.0.0.1:8080/v1/consents
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { type Consent, consentInstant, newConsentProblems } from '../../consent/consent.js';
import { INQUIRY_REASON_CODES, type InquiryReason } from '../../consent/inquiry-reasons.js';
import type { JurisdictionProfile } from '../../domain/jurisdiction.js';
import type { PiiCipher } from '../../identity/pii-cipher.js';
import { personHashes } from '../../report/pull-report.js';
import { type ConsentRepository, MAX_CONSENTS_PER_PAGE } from '../../store/consent-repository.js';
import { caller } from '../auth-plugin.js';
import { AUTH_ERRORS, ERROR_SCHEMA } from '../schemas.js';

export interface ConsentRouteOptions {
  consents: ConsentRepository;
  cipher: PiiCipher;
  profile: JurisdictionProfile;
}

const CONSENT_SCHEMA = {
  type: 'object',
  required: ['consent_id', 'purpose', 'granted_at', 'expires_at', 'evidence_ref', 'created_at', 'revoked_at'],
  properties: {
    consent_id: { type: 'string' },
    purpose: { type: 'string' },
    granted_at: { type: 'string' },
    expires_at: { type: 'string' },
    evidence_ref: { type: 'string' },
    created_at: { type: 'string' },
    revoked_at: { type: ['string', 'null'] },
  },
} as const;

const view = (c: Consent) => ({
  consent_id: c.consentId,
  purpose: c.purpose,
  granted_at: c.grantedAt,
  expires_at: c.expiresAt,
  evidence_ref: c.evidenceRef,
  created_at: c.createdAt,
  revoked_at: c.revokedAt,
});

const CONSENT_ID_PARAM = {
  type: 'object',
  required: ['consentId'],
  properties: { consentId: { type: 'string', maxLength: 64 } },
} as const;

export const consentRoutes: FastifyPluginAsync<ConsentRouteOptions> = async (app, options) => {
  app.post(
    '/v1/consents',
    {
      config: { roles: ['lender'] },
      schema: {
        summary: "Record a person's consent to be queried by the caller for one purpose.",
        description:
          'The consent names the person by ID number and name (the bureau keeps keyed hashes of them, not the values), the purpose (inquiry reason code), when it was granted and when it expires, and the evidence (signed form or e-signature id).',
        tags: ['consents'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['id_number', 'name', 'purpose', 'granted_at', 'expires_at', 'evidence_ref'],
          properties: {
            id_number: { type: 'string', minLength: 1, maxLength: 32 },
            name: { type: 'string', minLength: 1, maxLength: 60 },
            purpose: { type: 'string', enum: INQUIRY_REASON_CODES },
            granted_at: { type: 'string', maxLength: 40, description: 'YYYY-MM-DD or ISO-8601 with zone' },
            expires_at: { type: 'string', maxLength: 40, description: 'YYYY-MM-DD or ISO-8601 with zone' },
            evidence_ref: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
        response: { 201: CONSENT_SCHEMA, 400: ERROR_SCHEMA, ...AUTH_ERRORS },
      },
    },
    async (request, reply) => {
      const body = request.body as {
        id_number: string;
        name: string;
        purpose: string;
        granted_at: string;
        expires_at: string;
        evidence_ref: string;
      };
      const now = new Date();
      const checked = options.profile.nationalId.check(body.id_number, now.toISOString().slice(0, 10));
      const problems = newConsentProblems(
        {
          purpose: body.purpose,
          grantedAt: body.granted_at,
          expiresAt: body.expires_at,
          evidenceRef: body.evidence_ref,
        },
        now,
      );
      if (!checked.ok) problems.unshift(`id_number: ${checked.message}`);
      if (/[\p{Nd}\p{Cc}]/u.test(body.name) || body.name.trim().length === 0)
        problems.push('name: expected a name without digits or control characters');
      if (problems.length > 0 || !checked.ok)
        return reply.code(400).send({ error: 'invalid_consent', message: problems.join('; ') });
      const consent: Consent = {
        consentId: `c_${randomBytes(16).toString('base64url')}`,
        lenderId: caller(request).institutionId,
        ...personHashes(options.cipher, checked.id, body.name),
        purpose: body.purpose as InquiryReason,
        grantedAt: consentInstant(body.granted_at)!,
        expiresAt: consentInstant(body.expires_at)!,
        evidenceRef: body.evidence_ref.trim(),
        createdAt: now.toISOString(),
        revokedAt: null,
      };
      await options.consents.create(consent);
      return reply.code(201).send(view(consent));
    },
  );

  app.get(
    '/v1/consents',
    {
      config: { roles: ['lender'] },
      schema: {
        summary: "The caller's consents, newest first.",
        tags: ['consents'],
        querystring: {
          type: 'object',
          properties: {
            offset: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: MAX_CONSENTS_PER_PAGE, default: 50 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['consents'],
            properties: { consents: { type: 'array', items: CONSENT_SCHEMA } },
          },
          ...AUTH_ERRORS,
        },
      },
    },
    async (request) => {
      const { offset, limit } = request.query as { offset: number; limit: number };
      return {
        consents: (await options.consents.list(caller(request).institutionId, { offset, limit })).map(view),
      };
    },
  );

  app.get(
    '/v1/consents/:consentId',
    {
      config: { roles: ['lender'] },
      schema: {
        summary: "One of the caller's consents.",
        tags: ['consents'],
        params: CONSENT_ID_PARAM,
        response: { 200: CONSENT_SCHEMA, 404: ERROR_SCHEMA, ...AUTH_ERRORS },
      },
    },
    async (request, reply) => {
      const { consentId } = request.params as { consentId: string };
      const consent = await options.consents.find(consentId);
      if (!consent || consent.lenderId !== caller(request).institutionId)
        return reply
          .code(404)
          .send({ error: 'not_found', message: 'no consent with this id for this lender' });
      return view(consent);
    },
  );

  app.post(
    '/v1/consents/:consentId/revoke',
    {
      config: { roles: ['lender'] },
      schema: {
        summary:
          "Revoke one of the caller's consents (the person withdrew it); later reports on it are refused.",
        tags: ['consents'],
        params: CONSENT_ID_PARAM,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['reason'],
          properties: { reason: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        response: { 200: CONSENT_SCHEMA, 404: ERROR_SCHEMA, 409: ERROR_SCHEMA, ...AUTH_ERRORS },
      },
    },
    async (request, reply) => {
      const { consentId } = request.params as { consentId: string };
      const { reason } = request.body as { reason: string };
      const lenderId = caller(request).institutionId;
      const consent = await options.consents.find(consentId);
      if (!consent || consent.lenderId !== lenderId)
        return reply
          .code(404)
          .send({ error: 'not_found', message: 'no consent with this id for this lender' });
      const at = new Date().toISOString();
      if (!(await options.consents.revoke(lenderId, consentId, at, reason)))
        return reply.code(409).send({ error: 'already_revoked', message: 'the consent was revoked already' });
      return view({ ...consent, revokedAt: at });
    },
  );
};
