/**
 * Institutions and their API keys (reference tables under Citus).
 *
 * @example
 *   const repo = createInstitutionRepository(db);
 *   const inst = await repo.create({ code: 'bank-a', name: 'A Bank', kind: 'bank', roles: ['lender'] });
 */

import type { Institution, NewInstitution } from '../access/institution.js';
import type { InstitutionKind, InstitutionRole } from '../domain/codes.js';
import type { BureauDatabase } from './open-database.js';
import { preparedQuery } from './prepared-query.js';
import type { InstitutionsTable } from './schema-types.js';

export interface InstitutionRepository {
  create(input: NewInstitution): Promise<Institution>;
  addKey(institutionId: number, keyHash: string, keyPrefix: string): Promise<void>;
  findByKeyHash(keyHash: string): Promise<Institution | undefined>;
  findByCode(code: string): Promise<Institution | undefined>;
  findById(id: number): Promise<Institution | undefined>;
  list(): Promise<Institution[]>;
  count(): Promise<number>;
}

/** Every authenticated request asks this: built and compiled once. */
const institutionByKeyHash = preparedQuery((db, keyHash: string) =>
  db
    .selectFrom('api_keys')
    .innerJoin('institutions', 'institutions.institution_id', 'api_keys.institution_id')
    .selectAll('institutions')
    .where('api_keys.key_hash', '=', keyHash)
    .where('api_keys.revoked_at', 'is', null),
);

function fromRow(row: InstitutionsTable): Institution {
  return {
    institutionId: Number(row.institution_id),
    code: row.code,
    name: row.name,
    kind: row.kind as InstitutionKind,
    roles: row.roles.split(',') as InstitutionRole[],
  };
}

export function createInstitutionRepository(store: BureauDatabase): InstitutionRepository {
  const db = store.db;
  return {
    async create(input) {
      const institutionId = await store.allocateIds('institution', 1);
      await db
        .insertInto('institutions')
        .values({
          institution_id: institutionId,
          code: input.code,
          name: input.name,
          kind: input.kind,
          roles: input.roles.join(','),
          created_at: new Date().toISOString(),
        })
        .execute();
      return { institutionId, ...input };
    },
    async addKey(institutionId, keyHash, keyPrefix) {
      await db
        .insertInto('api_keys')
        .values({
          key_hash: keyHash,
          institution_id: institutionId,
          key_prefix: keyPrefix,
          created_at: new Date().toISOString(),
          revoked_at: null,
        })
        .execute();
    },
    async findByKeyHash(keyHash) {
      const [row] = await institutionByKeyHash.rows(db, keyHash);
      return row ? fromRow(row) : undefined;
    },
    async findByCode(code) {
      const row = await db.selectFrom('institutions').selectAll().where('code', '=', code).executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },
    async findById(id) {
      const row = await db
        .selectFrom('institutions')
        .selectAll()
        .where('institution_id', '=', id)
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },
    async list() {
      const rows = await db.selectFrom('institutions').selectAll().orderBy('institution_id').execute();
      return rows.map(fromRow);
    },
    async count() {
      const row = await db
        .selectFrom('institutions')
        .select(db.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
