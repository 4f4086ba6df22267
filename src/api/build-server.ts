/**
 * Builds the HTTP API: one Fastify plugin per capability, a JSON schema per route (validation,
 * serialization and the OpenAPI document at /openapi.json), API-key authentication on every
 * route but /healthz and /openapi.json.
 *
 * @example
 *   const app = await buildServer(bureau, { logger: false });
 *   const res = await app.inject({ method: 'GET', url: '/healthz' });
 */
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { Bureau } from '../app/bureau.js';
import { FurnishError } from '../furnish/furnish-errors.js';
import authPlugin from './auth-plugin.js';
import { consentRoutes } from './routes/consent-routes.js';
import { fraudRoutes } from './routes/fraud-routes.js';
import { furnishRoutes } from './routes/furnish-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { identityRoutes } from './routes/identity-routes.js';
import { institutionRoutes } from './routes/institution-routes.js';
import { marketRoutes } from './routes/market-routes.js';
import { metro2Routes } from './routes/metro2-routes.js';
import { prelendingRoutes } from './routes/prelending-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { scoreRoutes } from './routes/score-routes.js';

/** Request bodies of JSON routes (batches have their own, larger limit). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** A request that takes longer is answered 503 (a full 20,000-record batch takes well under a second). */
export const REQUEST_TIMEOUT_MS = 120_000;

export async function buildServer(
  bureau: Bureau,
  options: { logger: FastifyServerOptions['logger'] },
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withSafeSerializers(options.logger),
    bodyLimit: MAX_JSON_BODY_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    // Errors Fastify raises before routing (a badly encoded URL) get the API's error shape too.
    frameworkErrors: (error, _request, reply) => {
      (reply as FastifyReply).code(400).send({ error: 'bad_request', message: error.message });
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'openbureau',
        version: '0.1.0',
        description:
          'An open-source consumer credit bureau: furnishing, identity linking, consent-gated credit reports.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key of an institution (ob_...)' },
        },
      },
      security: [{ apiKey: [] }],
    },
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof FurnishError)
      return reply.code(error.status).send({ error: error.code, message: error.message });
    const err = error as { validation?: unknown; statusCode?: number; code?: string; message: string };
    if (err.validation) return reply.code(400).send({ error: 'invalid_request', message: err.message });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code =
        err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'body_too_large'
          : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'unsupported_media_type'
            : 'bad_request';
      return reply.code(err.statusCode).send({ error: code, message: err.message });
    }
    // Our own errors never carry personal data; log the stack for the operator, answer plainly.
    request.log.error({ err: error }, 'request failed');
    return reply
      .code(500)
      .send({ error: 'internal', message: 'internal error: the operator has the details in the log' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );

  await app.register(authPlugin, { institutions: bureau.institutions });
  await app.register(healthRoutes, { database: bureau.database });
  await app.register(institutionRoutes, { institutions: bureau.institutions });
  await app.register(furnishRoutes, {
    furnishDeps: bureau.furnishDeps,
    batches: bureau.batches,
    cipher: bureau.cipher,
  });
  await app.register(metro2Routes, { furnishDeps: bureau.furnishDeps });
  await app.register(consentRoutes, {
    consents: bureau.consents,
    cipher: bureau.cipher,
    profile: bureau.profile,
  });
  await app.register(reportRoutes, {
    reportDeps: bureau.reportDeps,
    institutions: bureau.institutions,
    cipher: bureau.cipher,
  });
  await app.register(marketRoutes, { market: bureau.market });
  await app.register(prelendingRoutes, {
    deps: { report: bureau.reportDeps, policyOf: async (id) => (await bureau.policies.get(id))?.policy },
    policies: bureau.policies,
  });
  await app.register(fraudRoutes, { deps: { report: bureau.reportDeps, evidence: bureau.fraudEvidence } });
  await app.register(scoreRoutes, {
    reports: bureau.reportDeps.store,
    cipher: bureau.cipher,
    source: bureau.scoreSource,
  });
  await app.register(identityRoutes, {
    reviews: { admin: bureau.identityAdmin, cipher: bureau.cipher, furnish: bureau.furnishDeps },
    persons: { admin: bureau.identityAdmin, cipher: bureau.cipher, profile: bureau.profile },
  });
  await app.ready();
  return app;
}

/**
 * Request logs carry the method and the route pattern only: never the path's values or the query
 * string (a client may put an ID or a phone there), never headers (keys), never bodies.
 */
function withSafeSerializers(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger || logger === true) return logger ? { serializers: SAFE_SERIALIZERS } : logger;
  return { ...logger, serializers: { ...SAFE_SERIALIZERS } };
}

const SAFE_SERIALIZERS = {
  req(request: { method: string; url: string; routeOptions?: { url?: string } }) {
    return { method: request.method, route: request.routeOptions?.url ?? '(no route)' };
  },
};
