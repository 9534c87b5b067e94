import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export interface MigrationSource {
  name: string;
  sql: string;
}

/** The committed migrations, oldest first (their folder names start with a timestamp). */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationSource[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => ({ name, sql: await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8") })),
  );
}
