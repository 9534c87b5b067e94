import { openDatabase, type Database } from "@/lib/db/open";

/**
 * A fresh, migrated database for one test file: in-process PGlite, or with TEST_DATABASE_URL a
 * new database on that PostgreSQL server (the production path, with real row locking).
 */
export async function freshDatabase(): Promise<Database> {
  const server = process.env.TEST_DATABASE_URL;
  let database: Database;
  if (!server) {
    database = await openDatabase("memory:");
  } else {
    const { Client } = await import("pg");
    const name = `test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    database = await openDatabase(url.toString());
  }
  await database.migrate();
  return database;
}
