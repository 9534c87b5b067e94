import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/open";
import { createSandbox } from "@/lib/sandbox";
import { freshDatabase } from "@/lib/testing/database";

describe("sandbox state", () => {
  it("persists across restarts: same service account, same users and wallets", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sandbox-"));
    try {
      const first = await openDatabase(dir);
      await first.migrate();
      const before = await createSandbox({ prisma: first.prisma }).credentials("http://x");
      await first.prisma.sandboxUser.create({
        data: { id: "us-test", orgId: before.DFNS_ORG_ID, username: "kept@example.com", kind: "EndUser" },
      });
      await first.close();

      const second = await openDatabase(dir);
      await second.migrate();
      const after = await createSandbox({ prisma: second.prisma }).credentials("http://x");
      expect(after).toEqual(before);
      expect(await second.prisma.sandboxUser.count({ where: { username: "kept@example.com" } })).toBe(1);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("provisions one organization even when two instances start at once", async () => {
    const db = await freshDatabase();
    const [a, b] = await Promise.all([
      createSandbox({ prisma: db.prisma }).credentials("u"),
      createSandbox({ prisma: db.prisma }).credentials("u"),
    ]);
    expect(a.DFNS_ORG_ID).toBe(b.DFNS_ORG_ID);
    expect(await db.prisma.sandboxOrg.count()).toBe(1);
    await db.close();
  });

  it("answers under a base path, as mounted in the app, and 404s outside it", async () => {
    const db = await openDatabase("memory:");
    await db.migrate();
    const sandbox = createSandbox({ prisma: db.prisma, basePath: "/api/dfns-sandbox" });
    const { DFNS_AUTH_TOKEN } = await sandbox.credentials("u");
    const ok = await sandbox.handle(
      new Request("http://app/api/dfns-sandbox/wallets", { headers: { authorization: `Bearer ${DFNS_AUTH_TOKEN}` } }),
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ items: [] });
    await db.close();
  });
});
