/**
 * JSON Schemas shared by routes: they validate requests, serialize answers and make the
 * OpenAPI document.
 *
 * @example
 *   app.get('/x', { schema: { response: { 400: ERROR_SCHEMA } } }, handler);
 */
export const ERROR_SCHEMA = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'A stable error code.' },
    message: { type: 'string', description: 'What was wrong and what was expected.' },
  },
} as const;

export const FINDING_SCHEMA = {
  type: 'object',
  required: ['line', 'field', 'rule', 'message'],
  properties: {
    line: { type: 'integer', description: '1-based line number in the batch.' },
    field: { type: 'string', description: 'The field at fault, or empty for the whole line.' },
    rule: { type: 'string', description: 'The rule id (GET /v1/furnish/rules).' },
    message: { type: 'string' },
  },
} as const;

export const BATCH_SCHEMA = {
  type: 'object',
  required: [
    'batch_id',
    'format',
    'content_sha256',
    'bytes',
    'received_at',
    'records',
    'accepted',
    'rejected',
  ],
  properties: {
    batch_id: { type: 'string' },
    format: { type: 'string', enum: ['jsonl', 'metro2'] },
    content_sha256: { type: 'string' },
    bytes: { type: 'integer' },
    received_at: { type: 'string', format: 'date-time' },
    records: { type: 'integer', description: 'Non-blank lines read.' },
    accepted: { type: 'integer' },
    rejected: { type: 'integer', description: 'Lines stored as rejects (GET .../rejects).' },
  },
} as const;

export const INSTITUTION_SCHEMA = {
  type: 'object',
  required: ['code', 'name', 'kind', 'roles'],
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string' },
    roles: { type: 'array', items: { type: 'string' } },
  },
} as const;

/**
 * The person and consent every consent-gated query names (reports, pre-lending checks, fraud
 * checks): the body of the first two, and the start of the pre-lending check's.
 *
 * @example
 *   body: { type: 'object', additionalProperties: false, required: [...CONSENTED_QUERY_REQUIRED],
 *           properties: consentedQueryProperties(INQUIRY_REASON_CODES) }
 */
export const CONSENTED_QUERY_REQUIRED = ['id_number', 'name', 'purpose', 'consent_id'] as const;

/** The properties of a consent-gated query's body, with the purposes it accepts. */
export function consentedQueryProperties(purposes: readonly string[]) {
  return {
    id_number: { type: 'string', minLength: 1, maxLength: 32 },
    name: { type: 'string', minLength: 1, maxLength: 60 },
    purpose: { type: 'string', enum: purposes },
    consent_id: { type: 'string', minLength: 1, maxLength: 64 },
  } as const;
}

export const AUTH_ERRORS = { 401: ERROR_SCHEMA, 403: ERROR_SCHEMA } as const;
