import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppHarness } from "@/lib/testing/app-harness";
import { registeredUser } from "@/lib/testing/registration";
import { requireDfnsUser, withEndUserClient } from "./end-user";
import { open, seal } from "./secret-box";

// The end user's token from delegated login: fetched once, kept sealed, replaced when refused.

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => app.close());

describe("withEndUserClient", () => {
  it("logs in once, keeps the token sealed, and reuses it", async () => {
    const { user } = await registeredUser(app);
    const dfnsUser = await requireDfnsUser(user);
    expect(dfnsUser.loginTokenSealed).toBeNull();

    const first = await withEndUserClient(dfnsUser, (client) => client.wallets.listWallets());
    const stored = await app.database.prisma.dfnsUser.findUniqueOrThrow({ where: { id: dfnsUser.id } });
    expect(stored.loginTokenSealed).toBeTruthy();
    expect(stored.loginTokenSealed).not.toMatch(/^eyJ/); // not the JWT in clear
    expect(stored.loginTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 5 * 60 * 1000);

    const second = await withEndUserClient(dfnsUser, (client) => client.wallets.listWallets());
    expect(second.items.map((w) => w.id)).toEqual(first.items.map((w) => w.id));
    const again = await app.database.prisma.dfnsUser.findUniqueOrThrow({ where: { id: dfnsUser.id } });
    expect(again.loginTokenSealed).toBe(stored.loginTokenSealed); // no second login
  });

  it("uses the token of the row the caller already read, without reading it again", async () => {
    const { user } = await registeredUser(app);
    await withEndUserClient(await requireDfnsUser(user), (client) => client.wallets.listWallets()); // logs in, keeps it
    const row = await requireDfnsUser(user);
    expect(row.loginTokenSealed).toBeTruthy();
    // Cleared in the database after the caller read its row: a second read would log in again.
    await app.database.prisma.dfnsUser.update({
      where: { id: row.id },
      data: { loginTokenSealed: null, loginTokenExpiresAt: null },
    });
    const { items } = await withEndUserClient(row, (client) => client.wallets.listWallets());
    expect(items.length).toBeGreaterThan(0);
    const after = await app.database.prisma.dfnsUser.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.loginTokenSealed).toBeNull(); // no login happened
  });

  it("logs in again when the cached token is unreadable or refused", async () => {
    const { user } = await registeredUser(app);
    const dfnsUser = await requireDfnsUser(user);
    await app.database.prisma.dfnsUser.update({
      where: { id: dfnsUser.id },
      data: { loginTokenSealed: "garbage.garbage.garbage", loginTokenExpiresAt: new Date(Date.now() + 3600_000) },
    });
    const { items } = await withEndUserClient(dfnsUser, (client) => client.wallets.listWallets());
    expect(items.length).toBeGreaterThan(0);
    const stored = await app.database.prisma.dfnsUser.findUniqueOrThrow({ where: { id: dfnsUser.id } });
    expect(stored.loginTokenSealed).not.toBe("garbage.garbage.garbage");

    // A readable token Dfns refuses (401): replaced by a fresh login, the call succeeds.
    const forged = [
      "eyJhbGciOiJIUzI1NiJ9",
      Buffer.from(JSON.stringify({ exp: 4102444800 })).toString("base64url"),
      "c2ln",
    ].join(".");
    await app.database.prisma.dfnsUser.update({
      where: { id: dfnsUser.id },
      data: {
        loginTokenSealed: seal(forged, "dfns-end-user-token"),
        loginTokenExpiresAt: new Date(Date.now() + 3600_000),
      },
    });
    expect((await withEndUserClient(dfnsUser, (client) => client.wallets.listWallets())).items.length).toBeGreaterThan(
      0,
    );
    const replaced = await app.database.prisma.dfnsUser.findUniqueOrThrow({ where: { id: dfnsUser.id } });
    expect(open(replaced.loginTokenSealed!, "dfns-end-user-token")).not.toBe(forged);
  });

  it("says 409 not_registered for a user without a Dfns user", async () => {
    const user = await app.createUser();
    await expect(requireDfnsUser(user)).rejects.toMatchObject({ status: 409, code: "not_registered" });
  });
});
