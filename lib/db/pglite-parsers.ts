import type { PGlite, Transaction } from "@electric-sql/pglite";

type Queryable = Pick<PGlite, "query"> | Pick<Transaction, "query">;
type QueryOptions = Parameters<PGlite["query"]>[2];

/**
 * pglite-prisma-adapter passes the same per-query `parsers` with every query, and PGlite copies
 * its whole parser table (300+ entries) whenever a query brings its own: about a third of a small
 * query's cost. Merge them into the instance's table once, and send queries without them.
 */
export function withMergedParsers(pglite: PGlite): PGlite {
  let merged: NonNullable<QueryOptions>["parsers"];
  const query = (target: Queryable) => (sql: string, params?: unknown[], options?: QueryOptions) => {
    if (!options?.parsers) return target.query(sql, params, options);
    const { parsers, ...rest } = options;
    if (merged !== parsers) {
      Object.assign(pglite.parsers, parsers);
      merged = parsers;
    }
    return target.query(sql, params, rest);
  };
  const wrap = <T extends Queryable>(target: T): T =>
    new Proxy(target, {
      get(object, property) {
        if (property === "query") return query(object);
        if (property === "transaction" && "transaction" in object) {
          return (fn: (tx: Transaction) => Promise<unknown>) => (object as PGlite).transaction((tx) => fn(wrap(tx)));
        }
        const value = Reflect.get(object, property, object);
        return typeof value === "function" ? value.bind(object) : value;
      },
    });
  return wrap(pglite);
}
