/**
 * A Kysely query built and compiled once per dialect, then run with new arguments: the hot read
 * and write paths (a report pull, an API key lookup) skip building and compiling the same query
 * on every call, which costs more than running it. The query is built with placeholder values;
 * each placeholder in the compiled parameters is replaced by the argument at its position.
 *
 * @example
 *   const personById = preparedQuery((db, personId: number) =>
 *     db.selectFrom('persons').selectAll().where('person_id', '=', personId));
 *   const rows = await personById.rows(trx, 42);
 */
import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema-types.js';

/** A value standing for the argument at `index` while the query is compiled. */
class Placeholder {
  constructor(readonly index: number) {}
}

interface Template {
  readonly compiled: CompiledQuery;
  /** For each compiled parameter: the argument index, or -1 for a constant of the query. */
  readonly slots: readonly number[];
}

/**
 * Leads the SQL of a query whose rows are wanted as arrays (`tuples`). The SQLite statement cache
 * (sqlite-statement-cache.ts) prepares such a statement in better-sqlite3's raw mode, which
 * builds no object per row; a leading comment changes nothing for either engine's parser.
 */
export const ROWS_AS_ARRAYS = '/* rows as arrays */ ';

/** A row as an array: the selected columns' values in the order of the select list. */
export type Tuple<O> = O[keyof O][];

export interface PreparedQuery<A extends unknown[], O> {
  /** Runs the query on `db` (a Kysely instance or a transaction) and returns its rows. */
  rows(db: Kysely<Database>, ...args: A): Promise<O[]>;
  /**
   * Runs the query and returns its rows as arrays, values in the order of the select list: on
   * SQLite without an object per row (a third less time for a report's month rows); on
   * PostgreSQL the objects' values, in column order.
   */
  tuples(db: Kysely<Database>, ...args: A): Promise<Tuple<O>[]>;
  /** Runs the query and returns the whole result (rows, affected rows). */
  run(db: Kysely<Database>, ...args: A): Promise<QueryResult<O>>;
}

export function preparedQuery<A extends unknown[], O>(
  build: (db: Kysely<Database>, ...args: A) => Compilable<O>,
): PreparedQuery<A, O> {
  // One template per dialect adapter (a transaction shares its Kysely's adapter).
  const templates = new WeakMap<object, Template>();
  const tupleTemplates = new WeakMap<object, Template>();
  const arity = build.length - 1;

  function template(db: Kysely<Database>): Template {
    const adapter = db.getExecutor().adapter;
    let t = templates.get(adapter);
    if (!t) {
      const placeholders = Array.from({ length: arity }, (_, i) => new Placeholder(i)) as unknown as A;
      const compiled = build(db, ...placeholders).compile();
      const slots = compiled.parameters.map((p) => (p instanceof Placeholder ? p.index : -1));
      const used = new Set(slots.filter((s) => s >= 0));
      if (used.size !== arity)
        throw new Error(`preparedQuery: ${arity} arguments declared, ${used.size} used in: ${compiled.sql}`);
      t = { compiled, slots };
      templates.set(adapter, t);
    }
    return t;
  }

  /** The template with its SQL led by ROWS_AS_ARRAYS (a query of its own for the statement cache). */
  function tupleTemplate(db: Kysely<Database>): Template {
    const adapter = db.getExecutor().adapter;
    let t = tupleTemplates.get(adapter);
    if (!t) {
      const base = template(db);
      const sql = ROWS_AS_ARRAYS + base.compiled.sql;
      t = { compiled: { ...base.compiled, sql }, slots: base.slots };
      tupleTemplates.set(adapter, t);
    }
    return t;
  }

  function bind(t: Template, args: A): CompiledQuery<O> {
    const parameters = new Array<unknown>(t.slots.length);
    for (let i = 0; i < t.slots.length; i++) {
      const slot = t.slots[i] as number;
      parameters[i] = slot >= 0 ? args[slot] : t.compiled.parameters[i];
    }
    return { query: t.compiled.query, queryId: t.compiled.queryId, sql: t.compiled.sql, parameters };
  }

  return {
    async rows(db, ...args) {
      return (await db.executeQuery(bind(template(db), args))).rows;
    },
    run(db, ...args) {
      return db.executeQuery(bind(template(db), args));
    },
    async tuples(db, ...args) {
      const rows = (await db.executeQuery(bind(tupleTemplate(db), args))).rows as unknown[];
      // Rows come as arrays from the SQLite statement cache; as objects from any other driver.
      if (rows.length === 0 || Array.isArray(rows[0])) return rows as Tuple<O>[];
      return rows.map((row) => Object.values(row as object)) as Tuple<O>[];
    },
  };
}
