/**
 * Identity resolution over HTTP, for the bureau's operators (role `bureau`; the regulator may read
 * the queue): the review queue of doubtful matches and its decisions, merges and splits of persons,
 * and finding a person by ID. Answers show masked values only (docs/identity-resolution.md).
 *
 * @example
 *   curl -H "Authorization: Bearer $BUREAU_KEY" 'http://127.0.0.1:8080/v1/identity/reviews?limit=20'
 *   curl -X POST -H "Authorization: Bearer $BUREAU_KEY" -H 'content-type: application/json' \
 *     -d '{"decision":"merge","note":"ID typo, same mobile"}' http://127.0.0.1:8080/v1/identity/reviews/3/resolve
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { IdentityError } from '../../identity/resolution/identity-error.js';
import {
  MAX_ACCOUNTS_PER_SPLIT,
  MAX_NOTE_CHARS,
  REVIEW_PAGE_DEFAULT,
  REVIEW_PAGE_MAX,
} from '../../identity/resolution/limits.js';
import {
  findPerson,
  mergePersons,
  type PersonOpsDeps,
  splitPerson,
} from '../../identity/resolution/person-operations.js';
import { listReviews, type ReviewDeps, resolveReview } from '../../identity/resolution/review-queue.js';
import { caller } from '../auth-plugin.js';
import { AUTH_ERRORS, ERROR_SCHEMA } from '../schemas.js';

export interface IdentityRouteOptions {
  reviews: ReviewDeps;
  persons: PersonOpsDeps;
}

const WEIGHT = {
  type: 'object',
  required: ['attribute', 'level', 'label', 'm', 'u', 'weight_bits'],
  properties: {
    attribute: { type: 'string' },
    level: { type: 'integer' },
    label: { type: 'string' },
    m: { type: 'number' },
    u: { type: 'number' },
    weight_bits: { type: 'number' },
  },
} as const;

/**
 * One review item as answered (masked values only).
 *
 * @example
 *   REVIEW_SCHEMA.required.includes('masked'); // true
 */
export const REVIEW_SCHEMA = {
  type: 'object',
  required: [
    'review_id',
    'status',
    'created_at',
    'reason',
    'record_kind',
    'furnisher',
    'batch_id',
    'line',
    'record_status',
    'candidate_person_id',
    'id_person_id',
    'weight_bits',
    'evidence',
    'masked',
    'decided_at',
    'decided_by',
  ],
  properties: {
    review_id: { type: 'integer' },
    status: { type: 'string', enum: ['pending', 'merged', 'kept_apart'] },
    created_at: { type: 'string' },
    reason: {
      type: 'string',
      enum: ['id_invalid', 'id_missing', 'id_contradicts_record', 'id_conflicts_person'],
    },
    record_kind: { type: 'string' },
    furnisher: { type: 'string', description: 'Code of the furnisher of the held record.' },
    batch_id: { type: 'string' },
    line: { type: 'integer' },
    record_status: {
      type: ['string', 'null'],
      description: "The held record's reject: open, or fixed (the furnisher resubmitted it).",
    },
    candidate_person_id: { type: 'integer' },
    id_person_id: {
      type: ['integer', 'null'],
      description: "The person the record's own valid ID belongs to (id_conflicts_person).",
    },
    weight_bits: { type: 'number' },
    evidence: {
      type: 'object',
      required: ['total_bits', 'runner_up_bits', 'candidates_compared', 'thresholds', 'attributes'],
      properties: {
        total_bits: { type: 'number' },
        runner_up_bits: { type: ['number', 'null'] },
        candidates_compared: { type: 'integer' },
        thresholds: {
          type: 'object',
          required: ['link_bits', 'review_bits', 'margin_bits'],
          properties: {
            link_bits: { type: 'number' },
            review_bits: { type: 'number' },
            margin_bits: { type: 'number' },
          },
        },
        attributes: { type: 'array', items: WEIGHT },
      },
    },
    masked: {
      type: 'array',
      items: {
        type: 'object',
        required: ['attribute', 'record', 'candidate'],
        properties: {
          attribute: { type: 'string' },
          record: { type: 'string' },
          candidate: { type: 'string' },
        },
      },
    },
    decided_at: { type: ['string', 'null'] },
    decided_by: { type: ['string', 'null'] },
  },
} as const;

const MOVED = { type: 'object', additionalProperties: { type: 'integer' } } as const;
const NOTE = { type: 'string', maxLength: MAX_NOTE_CHARS } as const;
const PERSON_ID = { type: 'integer', minimum: 1 } as const;
const ERRORS = { 400: ERROR_SCHEMA, ...AUTH_ERRORS, 404: ERROR_SCHEMA, 409: ERROR_SCHEMA, 413: ERROR_SCHEMA };

async function answering<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof IdentityError)
      return reply.code(error.status).send({ error: error.code, message: error.message });
    throw error;
  }
}

/**
 * The plugin.
 *
 * @example
 *   await app.register(identityRoutes, { reviews, persons });
 */
export const identityRoutes: FastifyPluginAsync<IdentityRouteOptions> = async (app, options) => {
  app.get(
    '/v1/identity/reviews',
    {
      config: { roles: ['bureau', 'regulator'] },
      schema: {
        summary: 'The review queue of doubtful identity matches (bureau operators; the regulator reads).',
        description: `Records whose ID failed its check, was missing, or conflicted with its person, and that matched a person on file only doubtfully: each with the candidate person, the weights per attribute and masked values. Paged by review id: \`after\` continues from \`next_after\`; \`limit\` at most ${REVIEW_PAGE_MAX}.`,
        tags: ['identity'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: ['pending', 'merged', 'kept_apart'], default: 'pending' },
            after: { type: 'integer', minimum: 0, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: REVIEW_PAGE_MAX, default: REVIEW_PAGE_DEFAULT },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['reviews', 'next_after'],
            properties: {
              reviews: { type: 'array', items: REVIEW_SCHEMA },
              next_after: { type: ['integer', 'null'] },
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const q = request.query as {
        status: 'pending' | 'merged' | 'kept_apart';
        after: number;
        limit: number;
      };
      return answering(reply, () =>
        listReviews(options.reviews, { status: q.status, afterId: q.after, limit: q.limit }),
      );
    },
  );

  app.post(
    '/v1/identity/reviews/:id/resolve',
    {
      config: { roles: ['bureau'] },
      schema: {
        summary: 'Decide a review: merge (link the held record to the candidate) or keep apart.',
        description:
          'merge: the held record is applied to the candidate person (replayed as batch review-<id> of its furnisher, its reject marked fixed) and the link decision recorded. keep_apart: a record whose own valid ID names a person is applied by that ID, as before; any other stays rejected, for its furnisher to fix and resubmit. Either way the review is closed and audited (who, when, the note, the evidence).',
        tags: ['identity'],
        params: {
          type: 'object',
          required: ['id'],
          properties: { id: { type: 'integer', minimum: 1 } },
        },
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['decision'],
          properties: { decision: { type: 'string', enum: ['merge', 'keep_apart'] }, note: NOTE },
        },
        response: {
          200: {
            type: 'object',
            required: ['review', 'person_id', 'replay_batch_id'],
            properties: {
              review: REVIEW_SCHEMA,
              person_id: {
                type: ['integer', 'null'],
                description: 'The person the held record went to; null: it stays rejected.',
              },
              replay_batch_id: { type: ['string', 'null'] },
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const body = request.body as { decision: 'merge' | 'keep_apart'; note?: string };
      return answering(reply, () =>
        resolveReview(options.reviews, {
          reviewId: id,
          decision: body.decision,
          ...(body.note !== undefined ? { note: body.note } : {}),
          operator: caller(request),
        }),
      );
    },
  );

  app.post(
    '/v1/identity/persons/lookup',
    {
      config: { roles: ['bureau'] },
      schema: {
        summary: 'The person id a national ID leads to (null: not on file).',
        tags: ['identity'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['id_number'],
          properties: { id_number: { type: 'string', minLength: 1, maxLength: 32 } },
        },
        response: {
          200: {
            type: 'object',
            required: ['person_id'],
            properties: { person_id: { type: ['integer', 'null'] } },
          },
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { id_number } = request.body as { id_number: string };
      return answering(reply, async () => ({ person_id: await findPerson(options.persons, id_number) }));
    },
  );

  app.post(
    '/v1/identity/persons/merge',
    {
      config: { roles: ['bureau'] },
      schema: {
        summary: 'Merge two persons into one (every person-level row moves; audited).',
        description:
          'Every row of merge_person_id (identity values, value index, accounts and their versions, monthly states and their versions, payment history profiles, inquiries, link decisions, audit) moves to keep_person_id; its national IDs lead to keep_person_id from then on (a report by either ID shows the union); its account index entries follow; its person row goes. One transaction, audited: who, when, the note, what moved.',
        tags: ['identity'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['keep_person_id', 'merge_person_id'],
          properties: { keep_person_id: PERSON_ID, merge_person_id: PERSON_ID, note: NOTE },
        },
        response: {
          200: {
            type: 'object',
            required: ['audit_id', 'kept_person_id', 'merged_person_id', 'moved'],
            properties: {
              audit_id: { type: 'integer' },
              kept_person_id: { type: 'integer' },
              merged_person_id: { type: 'integer' },
              moved: MOVED,
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const body = request.body as { keep_person_id: number; merge_person_id: number; note?: string };
      return answering(reply, async () => {
        const outcome = await mergePersons(options.persons, {
          keepPersonId: body.keep_person_id,
          mergePersonId: body.merge_person_id,
          ...(body.note !== undefined ? { note: body.note } : {}),
          operator: caller(request),
        });
        return {
          audit_id: outcome.auditId,
          kept_person_id: outcome.keptPersonId,
          merged_person_id: outcome.mergedPersonId,
          moved: outcome.moved,
        };
      });
    },
  );

  app.post(
    '/v1/identity/persons/split',
    {
      config: { roles: ['bureau'] },
      schema: {
        summary: 'Move accounts of a person to another person or to a new person (audited).',
        description: `The accounts named (furnisher code and account number, at most ${MAX_ACCOUNTS_PER_SPLIT}) move with their versions, monthly states and profiles to to_person_id, or to a new person with id_number (an ID the person held from a merge goes with it). Identity values and inquiries stay. One transaction, audited.`,
        tags: ['identity'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['person_id', 'accounts'],
          properties: {
            person_id: PERSON_ID,
            accounts: {
              type: 'array',
              minItems: 1,
              maxItems: MAX_ACCOUNTS_PER_SPLIT,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['furnisher', 'account_no'],
                properties: {
                  furnisher: { type: 'string', minLength: 1, maxLength: 40 },
                  account_no: { type: 'string', minLength: 1, maxLength: 64 },
                },
              },
            },
            to_person_id: PERSON_ID,
            id_number: { type: 'string', minLength: 1, maxLength: 32 },
            note: NOTE,
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['audit_id', 'from_person_id', 'to_person_id', 'created', 'moved'],
            properties: {
              audit_id: { type: 'integer' },
              from_person_id: { type: 'integer' },
              to_person_id: { type: 'integer' },
              created: { type: 'boolean' },
              moved: MOVED,
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const body = request.body as {
        person_id: number;
        accounts: { furnisher: string; account_no: string }[];
        to_person_id?: number;
        id_number?: string;
        note?: string;
      };
      if ((body.to_person_id === undefined) === (body.id_number === undefined))
        return reply
          .code(400)
          .send({ error: 'invalid_request', message: 'give exactly one of to_person_id and id_number' });
      return answering(reply, async () => {
        const outcome = await splitPerson(options.persons, {
          personId: body.person_id,
          accounts: body.accounts.map((a) => ({ furnisher: a.furnisher, accountNo: a.account_no })),
          to:
            body.to_person_id !== undefined ? { personId: body.to_person_id } : { idNumber: body.id_number! },
          ...(body.note !== undefined ? { note: body.note } : {}),
          operator: caller(request),
        });
        return {
          audit_id: outcome.auditId,
          from_person_id: outcome.fromPersonId,
          to_person_id: outcome.toPersonId,
          created: outcome.created,
          moved: outcome.moved,
        };
      });
    },
  );
};
