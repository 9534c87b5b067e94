import { existsSync } from "node:fs";
import { databaseUrl } from "@/lib/db";
import { openDatabase, type Database } from "@/lib/db/open";
import type { Env } from "@/lib/env";
import { fail, note, ok, type CheckLine } from "./result";

/**
 * The database reachable and every committed migration applied. Read only: it never migrates.
 * The embedded database is the app's own: made and migrated at start, so pending migrations
 * there are a note. `database` is for tests; otherwise the configured one is opened and closed.
 */
export async function checkDatabase(env: Env, database?: Database): Promise<CheckLine[]> {
  const embedded = env.database.kind === "embedded";
  const where = embedded ? `the embedded database in ${databaseUrl(env.database)}` : "DATABASE_URL";
  if (!database && embedded && !existsSync(databaseUrl(env.database))) {
    return [note(`Database: ${where} does not exist yet; the app makes it at its first start`)];
  }
  let opened: Database | undefined;
  try {
    const db = database ?? (opened = await openDatabase(databaseUrl(env.database)));
    const pending = await db.pending();
    if (pending.length === 0) return [ok(`Database reachable (${where}) and migrated`)];
    if (embedded)
      return [
        note(`Database reachable (${where}); the app applies ${pending.length} new migration(s) at its next start`),
      ];
    return [
      fail(
        `Database reachable (${where}) but ${pending.length} migration${pending.length === 1 ? "" : "s"} not applied (${pending.join(", ")})`,
        "Start the app once (it applies them), or run `npx prisma migrate deploy` with the same DATABASE_URL.",
      ),
    ];
  } catch (error) {
    return [
      fail(
        `Database not reachable (${where}): ${error instanceof Error ? error.message : String(error)}`,
        env.database.kind === "postgres"
          ? "Check DATABASE_URL (host, port, user, password, database) and that the server accepts connections from here."
          : "Stop the app first (the embedded database takes one process at a time), or check the folder can be written.",
      ),
    ];
  } finally {
    await opened?.close().catch(() => {});
  }
}
