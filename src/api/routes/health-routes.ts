/**
 * Liveness and the API description: the only routes that need no key.
 *
 * @example
 *   await app.register(healthRoutes, { database });
 */
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import type { BureauDatabase } from '../../store/open-database.js';

export const healthRoutes: FastifyPluginAsync<{ database: BureauDatabase }> = async (app, options) => {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        summary: 'Liveness: the server answers and the database is reachable.',
        tags: ['health'],
        security: [],
        response: {
          200: {
            type: 'object',
            required: ['status', 'engine'],
            properties: { status: { type: 'string', enum: ['ok'] }, engine: { type: 'string' } },
          },
        },
      },
    },
    async () => {
      await sql`select 1`.execute(options.database.db);
      return { status: 'ok', engine: options.database.engine };
    },
  );
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
};
