import path from "node:path";

/**
 * Where the local chains of a sandbox keep their state, next to its database's so that both
 * survive restarts together: an embedded database in `.data/pglite` → `.data/chain/pglite`;
 * a PostgreSQL database `app` → `.data/chain/postgres-app`; an in-memory database → none (the
 * chains then live in a temporary folder and go with the sandbox).
 */
export function chainDirFor(databaseUrl: string): string | undefined {
  if (databaseUrl === "memory:") return undefined;
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const name = new URL(databaseUrl).pathname.replace(/^\//, "") || "postgres";
    return path.join(".data", "chain", `postgres-${name.replace(/[^A-Za-z0-9_-]/g, "_")}`);
  }
  const dataDir = path.resolve(databaseUrl.replace(/^(file|pglite):/, ""));
  return path.join(path.dirname(dataDir), "chain", path.basename(dataDir));
}
