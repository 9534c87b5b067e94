import { createHash, randomUUID } from "node:crypto";
import { readMigrations, type MigrationSource } from "./migrations";

/** The least a migrator needs from a database: run SQL and read rows inside a transaction. */
export interface SqlTransaction {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}
export interface SqlDatabase {
  transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T>;
}

// Prisma's own bookkeeping table, so that `prisma migrate deploy` (the documented path on a
// machine with internet) sees these migrations as applied, and the other way round.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any fixed key: it only has to be the same for every instance that migrates this database.
const MIGRATION_LOCK_KEY = 72707369;

const checksum = (sql: string) => createHash("sha256").update(sql).digest("hex");

/** The committed migrations the database has not applied yet (read only: creates nothing). */
export async function pendingMigrations(db: SqlDatabase, migrations?: MigrationSource[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  const applied = await db.transaction(async (tx) => {
    const [table] = await tx.query<{ name: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS name`);
    if (!table?.name) return new Set<string>();
    const rows = await tx.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    return new Set(rows.map((r) => r.migration_name));
  });
  return all.map((m) => m.name).filter((name) => !applied.has(name));
}

/**
 * Applies the committed migrations in `prisma/migrations` that the database has not seen yet,
 * each in its own transaction. Instances starting together serialize on an advisory lock.
 * Returns the names it applied.
 */
export async function applyMigrations(db: SqlDatabase, migrations?: MigrationSource[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await tx.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await tx.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const done: string[] = [];
    for (const migration of all) {
      const seen = applied.get(migration.name);
      if (seen !== undefined) {
        if (seen !== checksum(migration.sql)) {
          throw new Error(`Migration ${migration.name} was edited after it was applied; add a new migration instead.`);
        }
        continue;
      }
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), checksum(migration.sql), migration.name],
      );
      done.push(migration.name);
    }
    return done;
  });
}
