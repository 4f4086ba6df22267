/**
 * Who am I, and (for the regulator) which institutions take part.
 *
 * @example
 *   curl -H "Authorization: Bearer $KEY" http://127.0.0.1:8080/v1/me
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Institution } from '../../access/institution.js';
import type { InstitutionRepository } from '../../store/institution-repository.js';
import { caller } from '../auth-plugin.js';
import { AUTH_ERRORS, INSTITUTION_SCHEMA } from '../schemas.js';

const view = (i: Institution) => ({ code: i.code, name: i.name, kind: i.kind, roles: i.roles });

export const institutionRoutes: FastifyPluginAsync<{ institutions: InstitutionRepository }> = async (
  app,
  options,
) => {
  app.get(
    '/v1/me',
    {
      config: { roles: ['furnisher', 'lender', 'regulator', 'bureau'] },
      schema: {
        summary: 'The institution the API key belongs to.',
        tags: ['institutions'],
        response: { 200: INSTITUTION_SCHEMA, ...AUTH_ERRORS },
      },
    },
    async (request) => view(caller(request)),
  );
  app.get(
    '/v1/institutions',
    {
      config: { roles: ['regulator'] },
      schema: {
        summary: 'Every institution taking part (regulator only).',
        tags: ['institutions'],
        response: {
          200: {
            type: 'object',
            required: ['institutions'],
            properties: { institutions: { type: 'array', items: INSTITUTION_SCHEMA } },
          },
          ...AUTH_ERRORS,
        },
      },
    },
    async () => ({ institutions: (await options.institutions.list()).map(view) }),
  );
};
