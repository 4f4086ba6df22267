/**
 * Authentication: every route is authenticated by an API key (`Authorization: Bearer ob_...`)
 * unless its config says `public: true`; a route's `config.roles` lists the roles that may call
 * it. The calling institution is on `request.institution`.
 *
 * @example
 *   app.get('/v1/me', { config: { roles: ['furnisher', 'lender', 'regulator'] } }, handler);
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { hashApiKey, looksLikeApiKey } from '../access/api-keys.js';
import type { Institution } from '../access/institution.js';
import type { InstitutionRole } from '../domain/codes.js';
import type { InstitutionRepository } from '../store/institution-repository.js';

declare module 'fastify' {
  interface FastifyRequest {
    institution: Institution | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
    roles?: readonly InstitutionRole[];
  }
}

/** The institution of an authenticated request (routes behind auth only). */
export function caller(request: FastifyRequest): Institution {
  if (!request.institution) throw new Error('invariant: authenticated route without an institution');
  return request.institution;
}

const authPlugin: FastifyPluginAsync<{ institutions: InstitutionRepository }> = async (
  app: FastifyInstance,
  options,
) => {
  app.decorateRequest('institution', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const config = request.routeOptions.config;
    if (request.routeOptions.url === undefined || config?.public) return;
    const header = request.headers.authorization ?? '';
    const key = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!key) {
      return reply
        .code(401)
        .send({ error: 'unauthenticated', message: 'send an API key: Authorization: Bearer <key>' });
    }
    const institution = looksLikeApiKey(key)
      ? await options.institutions.findByKeyHash(hashApiKey(key))
      : undefined;
    if (!institution)
      return reply.code(401).send({ error: 'unauthenticated', message: 'unknown or revoked API key' });
    const roles = config?.roles ?? [];
    if (!roles.some((role) => institution.roles.includes(role))) {
      return reply.code(403).send({
        error: 'forbidden',
        message: `this call needs the role ${roles.join(' or ')}; the institution has ${institution.roles.join(', ')}`,
      });
    }
    request.institution = institution;
  });
};
// Hooks apply to every route of the server, not only inside this plugin (what fastify-plugin does).
(authPlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export default authPlugin;
