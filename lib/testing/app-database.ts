import { afterAll, beforeAll } from "vitest";
import { setDb } from "@/lib/db";
import type { Database } from "@/lib/db/open";
import { freshDatabase } from "./database";

/**
 * For a test file: a fresh migrated database as the app's own (what `db()` returns), opened before
 * its tests and closed after. Use the result inside tests only (it is open from `beforeAll` on).
 *
 *   const database = useAppDatabase();
 *   it("…", async () => expect(await database.prisma.user.count()).toBe(0));
 */
export function useAppDatabase(): Database {
  let opened: Database | undefined;
  const current = () => {
    if (!opened) throw new Error("useAppDatabase: the database opens in beforeAll; use it inside tests");
    return opened;
  };
  beforeAll(async () => {
    opened = await freshDatabase();
    setDb(opened);
  });
  afterAll(async () => {
    setDb(undefined);
    await opened?.close();
  });
  return {
    get prisma() {
      return current().prisma;
    },
    migrate: () => current().migrate(),
    pending: () => current().pending(),
    close: () => current().close(),
  };
}
