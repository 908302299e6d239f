import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';
import type { DbOrTx } from './database';

/** Marks where a named value goes while a prepared query is first compiled; never sent to a database. */
const PLACEHOLDER = '\u0000frontdesk-value:';

interface Plan {
  sql: string;
  /** Per bound parameter: the name of the value that fills it, or a constant the query itself holds. */
  slots: ({ name: string } | { constant: unknown })[];
}

/**
 * A query Kysely builds and compiles once per dialect, then runs with new values. On the message path, building and
 * compiling a query cost about as much as SQLite running it; the few statements every message runs are prepared
 * with this. The values are named by the keys of the first call's `values` (every call passes the same keys: one
 * object literal or row type). `build` gets a placeholder for each: use them as values only (never in identifiers,
 * `sql.raw` or `sql.lit`), which the first compilation checks, so a mistake fails at once rather than silently.
 */
export function prepared<P extends Record<string, unknown>, Row>(build: (db: DbOrTx, values: P) => Compilable<Row>) {
  const plans = new Map<unknown, Plan>();
  return async (db: DbOrTx, values: P): Promise<QueryResult<Row>> => {
    const executor = db.getExecutor();
    // One plan per dialect: SQLite and PostgreSQL compile to different text.
    let plan = plans.get(executor.adapter.constructor);
    if (!plan) {
      plan = compile(db, build, Object.keys(values));
      plans.set(executor.adapter.constructor, plan);
    }
    const parameters = plan.slots.map((slot) => ('name' in slot ? values[slot.name] : slot.constant));
    return db.executeQuery<Row>(CompiledQuery.raw(plan.sql, parameters));
  };
}

function compile<P extends Record<string, unknown>, Row>(db: DbOrTx, build: (db: DbOrTx, values: P) => Compilable<Row>, names: readonly string[]): Plan {
  const placeholders = Object.fromEntries(names.map((name) => [name, `${PLACEHOLDER}${name}`])) as P;
  const built = build(db, placeholders).compile();
  // Through the executor, as a query is run: its plugins (e.g. inlined limits) shape the text.
  const executor = db.getExecutor();
  const { sql, parameters } = executor.compileQuery(executor.transformQuery(built.query, built.queryId), built.queryId);
  if (sql.includes(PLACEHOLDER)) throw new Error('A prepared query used a value where only SQL text can go');
  const slots = parameters.map((p) => (typeof p === 'string' && p.startsWith(PLACEHOLDER) ? { name: p.slice(PLACEHOLDER.length) } : { constant: p }));
  const used = new Set(slots.flatMap((s) => ('name' in s ? [s.name] : [])));
  const unused = names.filter((n) => !used.has(n));
  if (unused.length > 0) throw new Error(`A prepared query never used ${unused.join(', ')}`);
  return { sql, slots };
}
