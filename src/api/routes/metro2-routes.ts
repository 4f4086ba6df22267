/**
 * Furnishing a Metro 2 file over HTTP: the body is the character file (as sent to the US
 * bureaus), ingested through the same pipeline as canonical batches (furnishMetro2): one batch
 * per part of the file, ids `${x-batch-id}.p1`, `.p2`, ...; sent again, it replays (nothing
 * changes); the same id with other content is refused (409). The answer counts records, lines and
 * rejects and gives each finding at its Metro 2 position. Files larger than MAX_METRO2_BODY_BYTES:
 * the CLI (`openbureau furnish FILE --format metro2`), which streams them from disk.
 *
 * @example
 *   curl -X POST -H "Authorization: Bearer $KEY" -H 'content-type: application/octet-stream' \
 *        -H 'x-batch-id: m2-2025-05' --data-binary @2025-05.dat http://127.0.0.1:8080/v1/furnish/metro2
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import type { FurnishDeps } from '../../furnish/furnish-batch.js';
import { FurnishError } from '../../furnish/furnish-errors.js';
import { Metro2IngestError } from '../../furnish/metro2-errors.js';
import type { Metro2IngestFinding } from '../../furnish/metro2-findings.js';
import {
  furnishMetro2,
  MAX_METRO2_BATCH_ID_CHARS,
  MAX_METRO2_FINDINGS_IN_RESPONSE,
  type Metro2IngestResult,
} from '../../furnish/metro2-ingest.js';
import { caller } from '../auth-plugin.js';
import { AUTH_ERRORS, BATCH_SCHEMA, ERROR_SCHEMA } from '../schemas.js';
import { batchView } from './furnish-routes.js';

/** Largest Metro 2 file accepted over HTTP (held in memory while it is read); larger: the CLI. */
export const MAX_METRO2_BODY_BYTES = 64 * 1024 * 1024;
/** Content types of a Metro 2 body. */
export const METRO2_CONTENT_TYPES = ['application/octet-stream', 'text/plain'] as const;

const TOO_LARGE_MESSAGE = `a Metro 2 file sent over HTTP holds at most ${MAX_METRO2_BODY_BYTES} bytes: furnish larger files with the CLI (openbureau furnish FILE --format metro2 --as CODE), which streams them`;

export interface Metro2RouteOptions {
  furnishDeps: FurnishDeps;
}

const nullable = (type: string) => ({ type: [type, 'null'] });

export const METRO2_FINDING_SCHEMA = {
  type: 'object',
  required: [
    'severity',
    'rule',
    'record_number',
    'account_number',
    'segment',
    'segment_number',
    'field',
    'file_position',
    'record_position',
    'message',
    'batch_id',
    'lines',
    'canonical_field',
  ],
  properties: {
    severity: { type: 'string', enum: ['error', 'warning'] },
    rule: {
      type: 'string',
      description:
        'Metro 2 rule (docs/metro2-rules.md), mapping rule (M2-*) or canonical rule (GET /v1/furnish/rules).',
    },
    record_number: {
      type: 'integer',
      description: '1-based record number in the file (the header is 1); 0: the file.',
    },
    account_number: nullable('string'),
    segment: { type: 'string', description: 'header, base, J1 ... N1, trailer or file.' },
    segment_number: nullable('integer'),
    field: { ...nullable('string'), description: 'The Metro 2 field (JSON model name).' },
    file_position: { ...nullable('integer'), description: '1-based byte position in the file.' },
    record_position: { ...nullable('integer'), description: '1-based byte position in the record.' },
    message: { type: 'string' },
    batch_id: {
      ...nullable('string'),
      description:
        'The part (batch) where the record is stored as rejects: GET /v1/furnish/batches/{id}/rejects.',
    },
    lines: { type: 'array', items: { type: 'integer' }, description: 'The rejected lines of that batch.' },
    canonical_field: {
      ...nullable('string'),
      description: 'For canonical rules: the canonical field the Metro 2 field maps to.',
    },
  },
} as const;

const ANSWER_SCHEMA = {
  type: 'object',
  required: [
    'records',
    'unparseable',
    'header',
    'trailer',
    'records_rejected',
    'lines',
    'accepted',
    'rejected',
    'errors',
    'warnings',
    'parts',
    'findings',
    'findings_truncated',
    'findings_by_rule',
  ],
  properties: {
    records: { type: 'integer', description: 'Data records read.' },
    unparseable: {
      type: 'integer',
      description: 'Records or lines that could not be read (nothing stored).',
    },
    header: { type: 'boolean' },
    trailer: { type: 'boolean' },
    records_rejected: {
      type: 'integer',
      description:
        'Data records with a Metro 2 error or an SSN that cannot link them: all their lines are rejects.',
    },
    lines: { type: 'integer', description: 'Canonical lines the records became (all parts).' },
    accepted: { type: 'integer' },
    rejected: { type: 'integer' },
    errors: { type: 'integer', description: 'Metro 2 findings of severity error.' },
    warnings: { type: 'integer' },
    parts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['batch', 'replayed', 'first_record', 'last_record'],
        properties: {
          batch: BATCH_SCHEMA,
          replayed: { type: 'boolean' },
          first_record: { type: 'integer' },
          last_record: { type: 'integer' },
        },
      },
    },
    findings: { type: 'array', items: METRO2_FINDING_SCHEMA },
    findings_truncated: {
      type: 'boolean',
      description: `More than ${MAX_METRO2_FINDINGS_IN_RESPONSE} findings: every reject stays listed with its batch.`,
    },
    findings_by_rule: { type: 'object', additionalProperties: { type: 'integer' } },
  },
} as const;

const findingView = (f: Metro2IngestFinding) => ({
  severity: f.severity,
  rule: f.rule,
  record_number: f.recordNumber,
  account_number: f.accountNumber,
  segment: f.segment,
  segment_number: f.segmentNumber,
  field: f.field,
  file_position: f.filePosition,
  record_position: f.recordPosition,
  message: f.message,
  batch_id: f.batchId,
  lines: f.lines,
  canonical_field: f.canonicalField,
});

/**
 * The answer of an ingest, as JSON.
 *
 * @example
 *   reply.send(metro2AnswerView(await furnishMetro2(deps, input)));
 */
export const metro2AnswerView = (r: Metro2IngestResult) => ({
  records: r.records,
  unparseable: r.unparseable,
  header: r.header,
  trailer: r.trailer,
  records_rejected: r.recordsRejected,
  lines: r.lines,
  accepted: r.accepted,
  rejected: r.rejected,
  errors: r.errors,
  warnings: r.warnings,
  parts: r.parts.map((p) => ({
    batch: batchView(p.batch),
    replayed: p.replayed,
    first_record: p.firstRecord,
    last_record: p.lastRecord,
  })),
  findings: r.findings.map(findingView),
  findings_truncated: r.findingsTruncated,
  findings_by_rule: r.findingsByRule,
});

export const metro2Routes: FastifyPluginAsync<Metro2RouteOptions> = async (app, options) => {
  for (const type of METRO2_CONTENT_TYPES) {
    app.addContentTypeParser(
      type,
      { parseAs: 'buffer', bodyLimit: MAX_METRO2_BODY_BYTES },
      (_req, body, done) => done(null, body),
    );
  }

  app.post(
    '/v1/furnish/metro2',
    {
      bodyLimit: MAX_METRO2_BODY_BYTES,
      config: { roles: ['furnisher'] },
      // A declared length over the limit is refused before the body is read, with a message that says what to do.
      onRequest: async (request, reply) => {
        const length = Number(request.headers['content-length'] ?? 0);
        if (length > MAX_METRO2_BODY_BYTES)
          return reply.code(413).send({ error: 'file_too_large', message: TOO_LARGE_MESSAGE });
      },
      schema: {
        summary: 'Furnish a Metro 2 file (character format), through the canonical pipeline.',
        description: `Body: the Metro 2 character file (fixed-length, blocked, or one record per line; content-type application/octet-stream or text/plain), at most ${MAX_METRO2_BODY_BYTES} bytes (larger files: the CLI). Persons are linked by SSN (US profile). Each data record becomes canonical lines (docs/metro2-mapping.md), furnished in parts of at most 20,000 lines as batches x-batch-id.p1, .p2, ...; a record with a Metro 2 error, or whose SSN cannot link it, is stored as rejects with those findings. The same file with the same id again changes nothing (each part replayed); other content under the same id is refused (409). Answers 200 with the counts and the first ${MAX_METRO2_FINDINGS_IN_RESPONSE} findings at their Metro 2 positions.`,
        tags: ['furnishing'],
        headers: {
          type: 'object',
          required: ['x-batch-id'],
          properties: {
            'x-batch-id': {
              type: 'string',
              minLength: 1,
              maxLength: MAX_METRO2_BATCH_ID_CHARS,
              description: `The furnisher's id of this file (at most ${MAX_METRO2_BATCH_ID_CHARS} characters: each part is stored as ID.pN).`,
            },
          },
        },
        response: {
          200: ANSWER_SCHEMA,
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
          message: `send the Metro 2 file with content-type ${METRO2_CONTENT_TYPES.join(' or ')}`,
        });
      }
      if (body.length === 0)
        return reply.code(400).send({ error: 'empty_file', message: 'the body holds no Metro 2 file' });
      try {
        const result = await furnishMetro2(options.furnishDeps, {
          furnisherId: caller(request).institutionId,
          batchId: request.headers['x-batch-id'] as string,
          source: Readable.from([body]),
        });
        return reply.code(200).send(metro2AnswerView(result));
      } catch (error) {
        if (error instanceof Metro2IngestError || error instanceof FurnishError)
          return reply.code(error.status).send({ error: error.code, message: error.message });
        throw error;
      }
    },
  );
};
