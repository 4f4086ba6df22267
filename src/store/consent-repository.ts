/**
 * Consents of persons to lenders. A consent stores keyed hashes of the person's ID and name,
 * never the values.
 *
 * @example
 *   await createConsentRepository(db).create(consent);
 */

import type { Consent } from '../consent/consent.js';
import type { InquiryReason } from '../consent/inquiry-reasons.js';
import type { BureauDatabase } from './open-database.js';
import { preparedQuery } from './prepared-query.js';
import type { ConsentsTable } from './schema-types.js';

/** Most consents listed per page. */
export const MAX_CONSENTS_PER_PAGE = 200;

export interface ConsentRepository {
  create(consent: Consent): Promise<void>;
  find(consentId: string): Promise<Consent | undefined>;
  list(lenderId: number, page: { offset: number; limit: number }): Promise<Consent[]>;
  /** Revokes the lender's consent; false when it has none with that id or it was revoked already. */
  revoke(lenderId: number, consentId: string, at: string, reason: string): Promise<boolean>;
}

/** Every report pull asks this: built and compiled once. */
const consentById = preparedQuery((db, consentId: string) =>
  db.selectFrom('consents').selectAll().where('consent_id', '=', consentId),
);

export function consentFromRow(row: ConsentsTable): Consent {
  return {
    consentId: row.consent_id,
    lenderId: Number(row.lender_id),
    idHash: row.id_hash,
    nameHash: row.name_hash,
    purpose: row.purpose as InquiryReason,
    grantedAt: row.granted_at,
    expiresAt: row.expires_at,
    evidenceRef: row.evidence_ref,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export function createConsentRepository(store: BureauDatabase): ConsentRepository {
  const db = store.db;
  return {
    async create(c) {
      await db
        .insertInto('consents')
        .values({
          consent_id: c.consentId,
          lender_id: c.lenderId,
          id_hash: c.idHash,
          name_hash: c.nameHash,
          purpose: c.purpose,
          granted_at: c.grantedAt,
          expires_at: c.expiresAt,
          evidence_ref: c.evidenceRef,
          created_at: c.createdAt,
          revoked_at: null,
          revoked_reason: null,
        })
        .execute();
    },
    async find(consentId) {
      const [row] = await consentById.rows(db, consentId);
      return row ? consentFromRow(row) : undefined;
    },
    async list(lenderId, page) {
      const rows = await db
        .selectFrom('consents')
        .selectAll()
        .where('lender_id', '=', lenderId)
        .orderBy('created_at', 'desc')
        .orderBy('consent_id')
        .offset(page.offset)
        .limit(Math.min(page.limit, MAX_CONSENTS_PER_PAGE))
        .execute();
      return rows.map(consentFromRow);
    },
    async revoke(lenderId, consentId, at, reason) {
      const result = await db
        .updateTable('consents')
        .set({ revoked_at: at, revoked_reason: reason })
        .where('consent_id', '=', consentId)
        .where('lender_id', '=', lenderId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
