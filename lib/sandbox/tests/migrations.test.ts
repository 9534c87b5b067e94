import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, readMigrations, readMigrationsIn, SANDBOX_MIGRATIONS_DIR } from "@/lib/db/migrations";
import { openDatabase, type Database } from "@/lib/db/open";
import { emptyDatabaseUrl } from "@/lib/testing/database";

// The sandbox's own migrations (prisma/sandbox-migrations), applied by the app's migrator.

describe("the sandbox's migrations", () => {
  let db: Database | undefined;
  afterEach(async () => db?.close());

  it("come after the app's, and the first finds its tables already made by the app's history", async () => {
    const [app, sandbox] = await Promise.all([
      readMigrationsIn(MIGRATIONS_DIR),
      readMigrationsIn(SANDBOX_MIGRATIONS_DIR),
    ]);
    expect(sandbox.length).toBeGreaterThan(0);
    expect(sandbox.map((m) => m.folder)).toEqual(sandbox.map(() => "sandbox-migrations"));
    expect((await readMigrations()).map((m) => m.name)).toEqual([...app, ...sandbox].map((m) => m.name));
    db = await openDatabase(await emptyDatabaseUrl());
    expect(await db.migrate()).toEqual([...app, ...sandbox].map((m) => m.name));
    expect(await db.prisma.sandboxUser.count()).toBe(0);
    expect(await db.migrate()).toEqual([]);
  });
});
