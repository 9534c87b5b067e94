import { afterEach, describe, expect, it } from "vitest";
import { emptyDatabaseUrl } from "@/lib/testing/database";
import { openDatabase, type Database } from "./open";

describe("applyMigrations on the embedded database", () => {
  let db: Database | undefined;
  afterEach(async () => db?.close());

  it("applies every committed migration once, then nothing", async () => {
    db = await openDatabase(await emptyDatabaseUrl());
    const first = await db.migrate();
    expect(first.length).toBeGreaterThan(0);
    expect(await db.migrate()).toEqual([]);
    // The tables exist and Prisma can use them.
    expect(await db.prisma.user.count()).toBe(0);
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(first);
  });
});
