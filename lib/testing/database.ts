import { openDatabase, type Database } from "@/lib/db/open";

/**
 * The URL of a new, empty database: in-process PGlite, or with a PostgreSQL `server` (by default
 * TEST_DATABASE_URL) a new database on it (the production path, with real row locking between
 * connections).
 */
export async function emptyDatabaseUrl(server = process.env.TEST_DATABASE_URL): Promise<string> {
  if (!server) return "memory:";
  const { Client } = await import("pg");
  const name = `test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database with the committed migrations applied, for one test file. */
export async function freshDatabase(): Promise<Database> {
  const database = await openDatabase(await emptyDatabaseUrl());
  await database.migrate();
  return database;
}
