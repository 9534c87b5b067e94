import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations, pendingMigrations, type SqlDatabase } from "./migrate";
import { withMergedParsers } from "./pglite-parsers";

export interface Database {
  prisma: PrismaClient;
  /** Applies pending committed migrations; safe to call from every instance at start. */
  migrate(): Promise<string[]>;
  /** The committed migrations not applied yet; changes nothing. */
  pending(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Opens the database named by `url`:
 * - `postgres://…` / `postgresql://…`: a PostgreSQL server through Prisma's `pg` adapter;
 * - `memory:`: an embedded Postgres (PGlite) that lives in this process only (tests);
 * - anything else: a folder for the embedded Postgres (PGlite). One process per folder.
 * The drivers are imported here, lazily, so the one not used is never loaded.
 */
export async function openDatabase(url: string): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  return openPglite(url === "memory:" ? undefined : url.replace(/^(file|pglite):/, ""));
}

async function openPostgres(connectionString: string): Promise<Database> {
  const [{ Pool }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const pool = new Pool({ connectionString });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql: SqlDatabase = {
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          exec: async (text) => void (await client.query(text)),
          query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
  };
  return {
    prisma,
    migrate: () => applyMigrations(sql),
    pending: () => pendingMigrations(sql),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const [{ PGlite }, { PrismaPGlite }, { mkdir }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
    import("node:fs/promises"),
  ]);
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // Postgres's default 128 MB of shared buffers lives in PGlite's WebAssembly memory, which
  // never shrinks: the server's memory grew by up to 128 MB as the tables were first read. The
  // data folder's files stay in the OS cache, so 16 MB costs nothing measurable on a demo's data.
  const pglite = new PGlite(dataDir, { postgresqlconf: "shared_buffers=16MB" });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(withMergedParsers(pglite)) });
  const sql: SqlDatabase = {
    transaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          exec: async (text) => void (await tx.exec(text)),
          query: async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows,
        }),
      ),
  };
  return {
    prisma,
    migrate: () => applyMigrations(sql),
    pending: () => pendingMigrations(sql),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
