import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The app's migrations (its own tables; the first ones also made the sandbox's, see below). */
export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
/**
 * The local Dfns sandbox's migrations: applied after the app's where the folder exists, and
 * removed with the sandbox (scripts/sandbox-paths.txt). They are not shipped to a deployment
 * (next.config.mjs traces the app's folder only), so a live database never gets them.
 */
export const SANDBOX_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "sandbox-migrations");

export interface MigrationSource {
  name: string;
  /** Its folder's name: `migrations` (the app's) or `sandbox-migrations`. */
  folder: string;
  sql: string;
}

/**
 * Every migration to apply: the app's, oldest first (their folder names start with a timestamp),
 * then the sandbox's where it is present. The two sets touch different tables.
 */
export async function readMigrations(): Promise<MigrationSource[]> {
  const [app, sandbox] = await Promise.all([
    readMigrationsIn(MIGRATIONS_DIR),
    readMigrationsIn(SANDBOX_MIGRATIONS_DIR).catch(absentAsEmpty),
  ]);
  return [...app, ...sandbox];
}

const absentAsEmpty = (error: NodeJS.ErrnoException): MigrationSource[] => {
  if (error.code === "ENOENT") return [];
  throw error;
};

/** The committed migrations of one folder, oldest first. */
export async function readMigrationsIn(dir: string): Promise<MigrationSource[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      folder: path.basename(dir),
      sql: await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8"),
    })),
  );
}
