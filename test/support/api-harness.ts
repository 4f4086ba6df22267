/**
 * An HTTP API over a fresh test store: the server built by buildServer (answered with
 * app.inject, no network), four institutions with one API key each, and helpers to furnish
 * batches and count stored rows.
 *
 * @example
 *   const h = await openApiHarness();
 *   const res = await h.postBatch(h.keys.furnisherA, 'b1', [identityLine()]);
 *   await h.close();
 */

import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generateApiKey, hashApiKey } from '../../src/access/api-keys.js';
import type { Institution, NewInstitution } from '../../src/access/institution.js';
import { buildServer } from '../../src/api/build-server.js';
import { type Bureau, fromParts } from '../../src/app/bureau.js';
import { readConfig } from '../../src/app/config.js';
import { CHINA_PROFILE } from '../../src/domain/jurisdiction.js';
import { createPiiCipher } from '../../src/identity/pii-cipher.js';
import type { Database } from '../../src/store/schema-types.js';
import { TABLES } from './furnish-fixtures.js';
import { openTestStore, type TestStore } from './test-store.js';

export const MASTER_KEY = Buffer.alloc(32, 7);
export const NDJSON = 'application/x-ndjson';

export type Role = 'furnisherA' | 'furnisherB' | 'lender' | 'regulator';

export const INSTITUTIONS: Record<Role, NewInstitution> = {
  furnisherA: {
    code: 'furnisher-a',
    name: 'Furnisher A Online',
    kind: 'online_microloan',
    roles: ['furnisher', 'lender'],
  },
  furnisherB: {
    code: 'furnisher-b',
    name: 'Furnisher B Finance',
    kind: 'consumer_finance',
    roles: ['furnisher'],
  },
  lender: { code: 'lender-bank', name: 'Lender Bank', kind: 'bank', roles: ['lender'] },
  regulator: { code: 'regulator', name: 'The Regulator', kind: 'regulator', roles: ['regulator'] },
};

export interface ApiHarness {
  store: TestStore;
  bureau: Bureau;
  app: FastifyInstance;
  keys: Record<Role, string>;
  institutions: Record<Role, Institution>;
  /** GET (or another method) with the key of a role, or no key when `key` is undefined. */
  call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
    url: string,
    key?: string,
  ): Promise<LightMyRequestResponse>;
  /** POSTs lines (strings as is, objects as JSON, joined by '\n') as a JSON Lines batch. */
  postBatch(
    key: string,
    batchId: string,
    lines: readonly (string | object)[],
  ): Promise<LightMyRequestResponse>;
  /** POSTs a raw body with the given headers (authorization added from `key`). */
  postRaw(
    key: string | undefined,
    body: string | Buffer,
    headers: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Rows per table. */
  rowCounts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** Every table of the schema but the bookkeeping ones (ids and migrations), from the one list. */
export const COUNTED_TABLES: readonly (keyof Database)[] = TABLES.filter(
  (t) => t !== 'sequences' && t !== 'schema_migrations',
);

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export function batchBody(lines: readonly (string | object)[]): string {
  return lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
}

export async function openApiHarness(): Promise<ApiHarness> {
  const store = await openTestStore();
  const cipher = createPiiCipher(MASTER_KEY);
  const bureau = fromParts(readConfig({}), store, cipher, CHINA_PROFILE);
  const keys = {} as Record<Role, string>;
  const institutions = {} as Record<Role, Institution>;
  for (const role of Object.keys(INSTITUTIONS) as Role[]) {
    const institution = await bureau.institutions.create(INSTITUTIONS[role]);
    const key = generateApiKey();
    await bureau.institutions.addKey(institution.institutionId, hashApiKey(key), key.slice(0, 10));
    keys[role] = key;
    institutions[role] = institution;
  }
  const app = await buildServer(bureau, { logger: false });

  const postRaw: ApiHarness['postRaw'] = (key, body, headers) =>
    app.inject({
      method: 'POST',
      url: '/v1/furnish/batches',
      headers: { ...(key ? bearer(key) : {}), ...headers },
      payload: body,
    });

  return {
    store,
    bureau,
    app,
    keys,
    institutions,
    call: (method, url, key) => app.inject({ method, url, headers: key ? bearer(key) : {} }),
    postBatch: (key, batchId, lines) =>
      postRaw(key, batchBody(lines), { 'content-type': NDJSON, 'x-batch-id': batchId }),
    postRaw,
    async rowCounts() {
      const out: Record<string, number> = {};
      for (const table of COUNTED_TABLES) {
        const row = await store.db
          .selectFrom(table)
          .select(store.db.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow();
        out[table] = Number(row.n);
      }
      return out;
    },
    async close() {
      await app.close();
      await store.dispose();
    },
  };
}

/**
 * Asserts a batch was stored as a new batch and returns the answer. A batch with at least one
 * accepted record is 201; a batch whose every record was rejected is still stored with its
 * rejects, answered 201 or 422 `no_record_accepted` (the API documents 422 for that case).
 */
// biome-ignore lint/suspicious/noExplicitAny: a JSON answer
export function expectNewBatch(res: LightMyRequestResponse): any {
  const out = res.json();
  if (res.statusCode === 422) {
    assert.equal(out.error, 'no_record_accepted', res.body);
    assert.equal(out.batch.accepted, 0, '422 only when no record was accepted');
  } else {
    assert.equal(res.statusCode, 201, res.body);
  }
  assert.equal(out.replayed, false);
  assert.equal(typeof out.batch.batch_id, 'string');
  return out;
}

/** Days a consent granted by grantConsent lasts. */
export const TEST_CONSENT_DAYS = 30;

/**
 * Records a consent over HTTP (purpose 02, granted today, valid TEST_CONSENT_DAYS days) for the
 * lender of `key`, and returns its id; fails the test unless it is answered 201.
 *
 * @example
 *   const consentId = await grantConsent(h, h.keys.lender, { idNumber, name }, 'esign-1');
 */
export async function grantConsent(
  h: ApiHarness,
  key: string,
  person: { idNumber: string; name: string },
  evidenceRef: string,
): Promise<string> {
  const now = Date.now();
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const consent = await h.app.inject({
    method: 'POST',
    url: '/v1/consents',
    headers: bearer(key),
    payload: {
      id_number: person.idNumber,
      name: person.name,
      purpose: '02',
      granted_at: day(now),
      expires_at: day(now + TEST_CONSENT_DAYS * 86_400_000),
      evidence_ref: evidenceRef,
    },
  });
  assert.equal(consent.statusCode, 201, consent.body);
  return consent.json().consent_id;
}

/**
 * Adds an institution with the `bureau` role (identity reviews, merges, splits) and returns its
 * API key.
 *
 * @example
 *   const bureauKey = await addBureauOperator(h, 'ops', 'Ops');
 */
export async function addBureauOperator(h: ApiHarness, code: string, name: string): Promise<string> {
  const ops = await h.bureau.institutions.create({ code, name, kind: 'other', roles: ['bureau'] });
  const key = generateApiKey();
  await h.bureau.institutions.addKey(ops.institutionId, hashApiKey(key), key.slice(0, 10));
  return key;
}
