import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv, type DatabaseConfig } from "@/lib/env";
import { openDatabase, type Database } from "./open";

/**
 * The database of this process: opened on first use from the configuration (the embedded
 * Postgres in PGLITE_DATA_DIR, or DATABASE_URL), with the committed migrations applied once.
 * Never at import or build time: the embedded database allows one process per data folder.
 *
 * Kept on `globalThis`, so that every copy of this module in the process (Next bundles the same
 * file into several server chunks, and dev reloads it) shares one client and one PGlite.
 */
const globalForDb = globalThis as unknown as { __appDatabase?: Promise<Database> };

export function databaseUrl(config: DatabaseConfig): string {
  return config.kind === "postgres" ? config.url : config.dataDir;
}

async function open(): Promise<Database> {
  const database = await openDatabase(databaseUrl(getEnv().database));
  try {
    await database.migrate();
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return database;
}

export function getDb(): Promise<Database> {
  if (!globalForDb.__appDatabase) {
    const opening = open();
    globalForDb.__appDatabase = opening;
    // A failed open (server not up yet, …) is not cached: the next request tries again.
    opening.catch(() => {
      if (globalForDb.__appDatabase === opening) globalForDb.__appDatabase = undefined;
    });
  }
  return globalForDb.__appDatabase;
}

/** The Prisma client: `const prisma = await db()`. */
export async function db(): Promise<PrismaClient> {
  return (await getDb()).prisma;
}

/**
 * Makes `getDb()` return `database` (already migrated) instead of opening one from the
 * configuration; `undefined` forgets it. For tests: `setDb(await openDatabase("memory:"))`.
 */
export function setDb(database: Database | undefined): void {
  globalForDb.__appDatabase = database ? Promise.resolve(database) : undefined;
}

/** Closes the database of this process, if one is open. */
export async function closeDb(): Promise<void> {
  const opening = globalForDb.__appDatabase;
  globalForDb.__appDatabase = undefined;
  if (opening) await (await opening).close();
}
