/**
 * Furnishing over HTTP: a furnisher posts a batch of JSON Lines and reads back its own batches
 * and rejects. The batch id (header x-batch-id) makes a submission idempotent.
 *
 * @example
 *   curl -X POST -H "Authorization: Bearer $KEY" -H 'content-type: application/x-ndjson' \
 *        -H 'x-batch-id: 2025-01-a' --data-binary @records.jsonl http://127.0.0.1:8080/v1/furnish/batches
 */
import type { FastifyPluginAsync } from 'fastify';
import { furnishFormatJsonSchema } from '../../formats/canonical/json-schema.js';
import { MAX_BATCH_BYTES, MAX_BATCH_RECORDS } from '../../formats/canonical/limits.js';
import { LINE_RULES, RECORD_RULES } from '../../formats/canonical/rules.js';
import { type FurnishDeps, furnishBatch } from '../../furnish/furnish-batch.js';
import type { BatchSummary } from '../../furnish/ports.js';
import type { PiiCipher } from '../../identity/pii-cipher.js';
import {
  type BatchRepository,
  MAX_BATCHES_PER_PAGE,
  MAX_REJECTS_PER_PAGE,
} from '../../store/batch-repository.js';
import { caller } from '../auth-plugin.js';
import { AUTH_ERRORS, BATCH_SCHEMA, ERROR_SCHEMA, FINDING_SCHEMA } from '../schemas.js';

export interface FurnishRouteOptions {
  furnishDeps: FurnishDeps;
  batches: BatchRepository;
  cipher: PiiCipher;
}

export const batchView = (b: BatchSummary) => ({
  batch_id: b.batchId,
  format: b.format,
  content_sha256: b.contentSha256,
  bytes: b.bytes,
  received_at: b.receivedAt,
  records: b.records,
  accepted: b.accepted,
  rejected: b.rejected,
});

const BATCH_ID_PARAM = {
  type: 'object',
  required: ['batchId'],
  properties: { batchId: { type: 'string', maxLength: 64 } },
} as const;

export const furnishRoutes: FastifyPluginAsync<FurnishRouteOptions> = async (app, options) => {
  for (const type of ['application/x-ndjson', 'application/jsonl', 'application/json-lines', 'text/plain']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_BATCH_BYTES }, (_req, body, done) =>
      done(null, body),
    );
  }

  app.post(
    '/v1/furnish/batches',
    {
      bodyLimit: MAX_BATCH_BYTES,
      config: { roles: ['furnisher'] },
      schema: {
        summary: 'Furnish a batch of records (JSON Lines, one record per line).',
        description: `Body: JSON Lines (content-type application/x-ndjson), at most ${MAX_BATCH_RECORDS} records and ${MAX_BATCH_BYTES} bytes; the record format is GET /v1/furnish/schema. Every record is checked against every rule; valid records are applied, invalid ones are kept as rejects. Answers 201 when records were applied, 422 when every record was rejected (the batch and its rejects are kept). The same batch id with the same content again changes nothing (200, replayed); with other content it is refused (409).`,
        tags: ['furnishing'],
        headers: {
          type: 'object',
          required: ['x-batch-id'],
          properties: {
            'x-batch-id': {
              type: 'string',
              minLength: 1,
              maxLength: 64,
              description: "The furnisher's id of this batch.",
            },
          },
        },
        response: {
          201: {
            type: 'object',
            required: ['batch', 'replayed', 'findings', 'findings_truncated'],
            properties: {
              batch: BATCH_SCHEMA,
              replayed: { type: 'boolean' },
              findings: { type: 'array', items: FINDING_SCHEMA },
              findings_truncated: {
                type: 'boolean',
                description: 'More findings than shown: list the rejects.',
              },
            },
          },
          200: {
            type: 'object',
            required: ['batch', 'replayed', 'findings', 'findings_truncated'],
            properties: {
              batch: BATCH_SCHEMA,
              replayed: { type: 'boolean' },
              findings: { type: 'array', items: FINDING_SCHEMA },
              findings_truncated: { type: 'boolean' },
            },
          },
          422: {
            type: 'object',
            description:
              'Every record was rejected: nothing was applied; the batch and its rejects are kept.',
            required: ['error', 'message', 'batch', 'replayed', 'findings', 'findings_truncated'],
            properties: {
              error: { type: 'string' },
              message: { type: 'string' },
              batch: BATCH_SCHEMA,
              replayed: { type: 'boolean' },
              findings: { type: 'array', items: FINDING_SCHEMA },
              findings_truncated: { type: 'boolean' },
            },
          },
          400: ERROR_SCHEMA,
          409: ERROR_SCHEMA,
          413: ERROR_SCHEMA,
          415: ERROR_SCHEMA,
          ...AUTH_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) {
        return reply.code(415).send({
          error: 'unsupported_media_type',
          message: 'send JSON Lines with content-type application/x-ndjson',
        });
      }
      const result = await furnishBatch(options.furnishDeps, {
        furnisherId: caller(request).institutionId,
        batchId: request.headers['x-batch-id'] as string,
        body,
      });
      const answer = {
        batch: batchView(result.batch),
        replayed: result.replayed,
        findings: result.findings,
        findings_truncated: result.findingsTruncated,
      };
      if (result.replayed) return reply.code(200).send(answer);
      if (result.batch.accepted === 0) {
        return reply.code(422).send({
          ...answer,
          error: 'no_record_accepted',
          message:
            'no record of the batch passed the rules: nothing was applied; the lines are kept as rejects to fix and resubmit',
        });
      }
      return reply.code(201).send(answer);
    },
  );

  app.get(
    '/v1/furnish/batches',
    {
      config: { roles: ['furnisher'] },
      schema: {
        summary: "The caller's batches, newest first.",
        tags: ['furnishing'],
        querystring: {
          type: 'object',
          properties: {
            offset: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: MAX_BATCHES_PER_PAGE, default: 50 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['batches'],
            properties: { batches: { type: 'array', items: BATCH_SCHEMA } },
          },
          ...AUTH_ERRORS,
        },
      },
    },
    async (request) => {
      const { offset, limit } = request.query as { offset: number; limit: number };
      const batches = await options.batches.list(caller(request).institutionId, { offset, limit });
      return { batches: batches.map(batchView) };
    },
  );

  app.get(
    '/v1/furnish/batches/:batchId',
    {
      config: { roles: ['furnisher'] },
      schema: {
        summary: "One of the caller's batches: records read, accepted and rejected.",
        tags: ['furnishing'],
        params: BATCH_ID_PARAM,
        response: { 200: BATCH_SCHEMA, 404: ERROR_SCHEMA, ...AUTH_ERRORS },
      },
    },
    async (request, reply) => {
      const { batchId } = request.params as { batchId: string };
      const batch = await options.batches.find(caller(request).institutionId, batchId);
      if (!batch)
        return reply
          .code(404)
          .send({ error: 'not_found', message: 'no batch with this id for this furnisher' });
      return batchView(batch);
    },
  );

  app.get(
    '/v1/furnish/batches/:batchId/rejects',
    {
      config: { roles: ['furnisher'] },
      schema: {
        summary:
          'The rejected records of a batch, with every finding and the original line to fix and resubmit.',
        description:
          'Resubmit a fixed line in a new batch with "fixes": "BATCH_ID#LINE"; the reject is then marked fixed. With format=jsonl the answer is the original lines, one per line, ready to edit.',
        tags: ['furnishing'],
        params: BATCH_ID_PARAM,
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['open', 'fixed'] },
            offset: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: MAX_REJECTS_PER_PAGE, default: 100 },
            format: { type: 'string', enum: ['json', 'jsonl'], default: 'json' },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['batch_id', 'rejects'],
            properties: {
              batch_id: { type: 'string' },
              rejects: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['line', 'kind', 'status', 'findings', 'record'],
                  properties: {
                    line: { type: 'integer' },
                    kind: { type: 'string' },
                    status: { type: 'string', enum: ['open', 'fixed'] },
                    fixed_by: {
                      type: ['object', 'null'],
                      properties: { batch_id: { type: 'string' }, line: { type: 'integer' } },
                    },
                    findings: { type: 'array', items: FINDING_SCHEMA },
                    record: { type: 'string', description: 'The original line as received.' },
                  },
                },
              },
            },
          },
          404: ERROR_SCHEMA,
          ...AUTH_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { batchId } = request.params as { batchId: string };
      const query = request.query as {
        status?: 'open' | 'fixed';
        offset: number;
        limit: number;
        format: 'json' | 'jsonl';
      };
      const furnisherId = caller(request).institutionId;
      const batch = await options.batches.find(furnisherId, batchId);
      if (!batch)
        return reply
          .code(404)
          .send({ error: 'not_found', message: 'no batch with this id for this furnisher' });
      const rejects = await options.batches.rejects(furnisherId, batch.batchPk, {
        offset: query.offset,
        limit: query.limit,
        ...(query.status ? { status: query.status } : {}),
      });
      const views = rejects.map((r) => ({
        line: r.line,
        kind: r.kind,
        status: r.status,
        fixed_by: r.fixedBy ? { batch_id: r.fixedBy.batchId, line: r.fixedBy.line } : null,
        findings: r.findings,
        record: options.cipher.decrypt(r.rawEnc),
      }));
      if (query.format === 'jsonl') {
        return reply
          .type('application/x-ndjson')
          .serializer((x: unknown) => x as string)
          .send(views.map((v) => `${v.record}\n`).join(''));
      }
      return { batch_id: batch.batchId, rejects: views };
    },
  );

  app.get(
    '/v1/furnish/schema',
    {
      config: { roles: ['furnisher', 'lender', 'regulator'] },
      schema: {
        summary: 'The JSON Schema of one record of the canonical JSON Lines format.',
        tags: ['furnishing'],
      },
    },
    async () => furnishFormatJsonSchema(),
  );

  app.get(
    '/v1/furnish/rules',
    {
      config: { roles: ['furnisher', 'lender', 'regulator'] },
      schema: {
        summary: 'Every validation rule: id, record kinds and description.',
        tags: ['furnishing'],
        response: {
          200: {
            type: 'object',
            required: ['rules'],
            properties: {
              rules: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'kinds', 'description'],
                  properties: {
                    id: { type: 'string' },
                    kinds: { type: 'array', items: { type: 'string' } },
                    description: { type: 'string' },
                  },
                },
              },
            },
          },
          ...AUTH_ERRORS,
        },
      },
    },
    async () => ({
      rules: [
        ...LINE_RULES.map((r) => ({ id: r.id, kinds: ['line'], description: r.description })),
        ...RECORD_RULES.map((r) => ({ id: r.id, kinds: [...r.kinds], description: r.description })),
      ],
    }),
  );
};
