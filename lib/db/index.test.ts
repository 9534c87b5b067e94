import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db, getDb, setDb } from "./index";
import { openDatabase } from "./open";

// This file runs in its own process (vitest's forks pool): the configuration is read from
// process.env on first use, so point the embedded database at memory before anything opens it.
process.env.PGLITE_DATA_DIR = "memory:";
process.env.DATABASE_URL = "";

afterAll(() => closeDb());

describe("getDb", () => {
  it("opens the configured database once, migrated, however many callers ask at once", async () => {
    const [a, b] = await Promise.all([getDb(), getDb()]);
    expect(a).toBe(b);
    expect(await (await db()).user.count()).toBe(0);
    const rows = await a.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it("hands out the database a test sets, and opens a new one after closeDb", async () => {
    const first = await getDb();
    const injected = await openDatabase("memory:");
    await injected.migrate();
    await injected.prisma.user.create({ data: { email: "injected@example.com" } });
    setDb(injected);
    expect(await (await db()).user.count()).toBe(1);

    await closeDb(); // closes the injected one
    await first.close();
    const reopened = await getDb();
    expect(reopened).not.toBe(injected);
    expect(await reopened.prisma.user.count()).toBe(0);
  });
});
