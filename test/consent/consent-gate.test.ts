/**
 * The consent gate decides from the consent and the request alone: each refusal reason, at its
 * edges (granted at, expires at, revoked at), and a property that a consent covering the request
 * is the only way through.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  type Consent,
  type ConsentCheck,
  consentInstant,
  consentRefusal,
  newConsentProblems,
} from '../../src/consent/consent.js';

const consent: Consent = {
  consentId: 'c_1',
  lenderId: 7,
  idHash: 'id-hash',
  nameHash: 'name-hash',
  purpose: '02',
  grantedAt: '2026-01-01T00:00:00.000Z',
  expiresAt: '2026-07-01T00:00:00.000Z',
  evidenceRef: 'esign-1',
  createdAt: '2026-01-01T00:00:00.000Z',
  revokedAt: null,
};
const request: ConsentCheck = {
  lenderId: 7,
  idHash: 'id-hash',
  nameHash: 'name-hash',
  purpose: '02',
  at: '2026-03-01T00:00:00.000Z',
};

test('each refusal reason, and null when the consent covers the request', () => {
  assert.equal(consentRefusal(consent, request), null);
  assert.equal(consentRefusal(undefined, request), 'consent_missing');
  assert.equal(consentRefusal(consent, { ...request, lenderId: 8 }), 'consent_other_lender');
  assert.equal(consentRefusal(consent, { ...request, idHash: 'x' }), 'consent_other_person');
  assert.equal(consentRefusal(consent, { ...request, nameHash: 'x' }), 'consent_other_person');
  assert.equal(consentRefusal(consent, { ...request, purpose: '03' }), 'consent_purpose_mismatch');
  assert.equal(
    consentRefusal(consent, { ...request, at: '2025-12-31T23:59:59.999Z' }),
    'consent_not_yet_valid',
  );
  assert.equal(
    consentRefusal(consent, { ...request, at: consent.grantedAt }),
    null,
    'valid from the instant it is granted',
  );
  assert.equal(consentRefusal(consent, { ...request, at: '2026-06-30T23:59:59.999Z' }), null);
  assert.equal(
    consentRefusal(consent, { ...request, at: consent.expiresAt }),
    'consent_expired',
    'not valid at its expiry',
  );
  const revoked = { ...consent, revokedAt: '2026-02-01T00:00:00.000Z' };
  assert.equal(consentRefusal(revoked, request), 'consent_revoked');
  assert.equal(
    consentRefusal(revoked, { ...request, at: '2026-01-15T00:00:00.000Z' }),
    null,
    'valid before its revocation',
  );
});

test('property: only a request that matches the consent in every respect passes', () => {
  fc.assert(
    fc.property(
      fc.record({
        lenderId: fc.constantFrom(7, 8),
        idHash: fc.constantFrom('id-hash', 'other'),
        nameHash: fc.constantFrom('name-hash', 'other'),
        purpose: fc.constantFrom('02' as const, '03' as const),
        at: fc.constantFrom(
          '2025-12-01T00:00:00.000Z',
          '2026-03-01T00:00:00.000Z',
          '2026-08-01T00:00:00.000Z',
        ),
      }),
      (r) => {
        const matches =
          r.lenderId === 7 &&
          r.idHash === 'id-hash' &&
          r.nameHash === 'name-hash' &&
          r.purpose === '02' &&
          r.at === '2026-03-01T00:00:00.000Z';
        assert.equal(consentRefusal(consent, r) === null, matches);
      },
    ),
  );
});

test('new consents: instants, order, validity limit and evidence are checked', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  assert.equal(consentInstant('2026-03-01'), '2026-03-01T00:00:00.000Z');
  assert.equal(consentInstant('2026-03-01T08:00:00+08:00'), '2026-03-01T00:00:00.000Z');
  assert.equal(consentInstant('2026-03-01T08:00:00'), null, 'a time needs its zone');
  assert.deepEqual(
    newConsentProblems(
      { purpose: '02', grantedAt: '2026-03-01', expiresAt: '2026-06-01', evidenceRef: 'e' },
      now,
    ),
    [],
  );
  const problems = (input: Partial<Parameters<typeof newConsentProblems>[0]>) =>
    newConsentProblems(
      { purpose: '02', grantedAt: '2026-03-01', expiresAt: '2026-06-01', evidenceRef: 'e', ...input },
      now,
    ).join(' ');
  assert.match(problems({ purpose: '99' }), /purpose/);
  assert.match(problems({ grantedAt: '2026-03-02' }), /granted_at: expected a time not in the future/);
  assert.match(problems({ expiresAt: '2026-03-01' }), /expires_at: expected a time after granted_at/);
  assert.match(problems({ grantedAt: '2025-03-01', expiresAt: '2026-03-03' }), /at most 366 days/);
  assert.match(problems({ evidenceRef: '  ' }), /evidence_ref/);
  assert.match(problems({ evidenceRef: 'a\u0000b' }), /evidence_ref/);
});
