/**
 * Allocates blocks of ids from named sequences, the same way on both engines (an upsert with
 * RETURNING on the sequences table). Call it outside long transactions: gaps are harmless,
 * and allocation never blocks another batch for long.
 *
 * @example
 *   const first = await allocateIds(db, 'person', 3); // ids first, first+1, first+2
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema-types.js';

export type SequenceName =
  | 'institution'
  | 'person'
  | 'account'
  | 'attribute'
  | 'batch'
  | 'inquiry'
  | 'report_request'
  | 'link_decision'
  | 'identity_review'
  | 'identity_audit';

export async function allocateIds(db: Kysely<Database>, name: SequenceName, count: number): Promise<number> {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`allocateIds: count must be a positive integer, got ${count}`);
  const row = await sql<{ next_value: number }>`
    insert into sequences (name, next_value) values (${name}, ${count + 1})
    on conflict (name) do update set next_value = sequences.next_value + ${count}
    returning next_value`.execute(db);
  const next = Number(row.rows[0]?.next_value);
  if (!Number.isSafeInteger(next)) throw new Error(`sequence ${name} returned no value`);
  return next - count;
}
