/**
 * Lenders' own pre-lending policies: one JSON document per lender, replaced whole.
 *
 * @example
 *   await createLenderPolicyRepository(store).put(7, { maxDistinctLenders: 4 }, at, 'ob_live_ab');
 *   await createLenderPolicyRepository(store).get(7); // { policy: { maxDistinctLenders: 4 }, updatedAt }
 */
import type { BureauDatabase } from './open-database.js';
import { preparedQuery } from './prepared-query.js';

/** A policy document is small: anything longer is refused before it is stored. */
export const MAX_POLICY_JSON_CHARS = 4_096;

export interface StoredPolicy {
  policy: Record<string, unknown>;
  updatedAt: string;
}

export interface LenderPolicyRepository {
  get(lenderId: number): Promise<StoredPolicy | undefined>;
  put(lenderId: number, policy: Record<string, unknown>, at: string, byKeyPrefix: string): Promise<void>;
}

const policyOf = preparedQuery((db, lenderId: number) =>
  db.selectFrom('lender_policies').select(['policy_json', 'updated_at']).where('lender_id', '=', lenderId),
);

export function createLenderPolicyRepository(store: BureauDatabase): LenderPolicyRepository {
  return {
    async get(lenderId) {
      const [row] = await policyOf.rows(store.db, lenderId);
      return row
        ? { policy: JSON.parse(row.policy_json) as Record<string, unknown>, updatedAt: row.updated_at }
        : undefined;
    },
    async put(lenderId, policy, at, byKeyPrefix) {
      const json = JSON.stringify(policy);
      if (json.length > MAX_POLICY_JSON_CHARS)
        throw new Error(`a lender policy holds at most ${MAX_POLICY_JSON_CHARS} characters of JSON`);
      await store.db
        .insertInto('lender_policies')
        .values({ lender_id: lenderId, policy_json: json, updated_at: at, updated_by_key: byKeyPrefix })
        .onConflict((oc) =>
          oc
            .column('lender_id')
            .doUpdateSet({ policy_json: json, updated_at: at, updated_by_key: byKeyPrefix }),
        )
        .execute();
    },
  };
}
