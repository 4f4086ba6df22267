/**
 * A versioned schema migration. Versions are applied in order, once, each in its own transaction.
 *
 * @example
 *   export const addThing: Migration = { version: 2, name: 'add-thing', async up(db) { ... } };
 */
import type { Kysely } from 'kysely';

export interface Migration {
  readonly version: number;
  readonly name: string;
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  up(db: Kysely<any>): Promise<void>;
}
