import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as completeSignature } from "@/app/api/wallets/[walletId]/signatures/complete/route";
import { POST as beginSignature } from "@/app/api/wallets/[walletId]/signatures/route";
import { getEnv } from "@/lib/env";
import { startApp, type AppHarness } from "@/lib/testing/app-harness";
import { browserCredentials, registeredUser, startRegistrationFor } from "@/lib/testing/registration";
import { POST as complete } from "./complete/route";
import { POST as start } from "./start/route";

// The passkey relying party of Dfns's challenges: Dfns takes it from the organization's Passkey
// Settings and may leave `rp` out; one that differs from PASSKEY_RP_ID is refused in words.

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => app.close());

interface ErrorJson {
  error: { message: string; code?: string };
}

const appWalletId = async (userId: string) =>
  (await app.database.prisma.wallet.findFirstOrThrow({ where: { dfnsUser: { userId } } })).id;

describe("a Dfns challenge without rp", () => {
  it("registers and signs with PASSKEY_RP_ID", () =>
    app.withSandbox({ challengeRp: "omitted" }, async () => {
      const registered = await registeredUser(app); // start → passkey for challenge.rp.id → complete (200)
      const user = await app.createUser();
      expect((await startRegistrationFor(app, user)).challenge.rp.id).toBe(getEnv().passkey.rpId);

      const walletId = await appWalletId(registered.user.id);
      const begun = await app.call(beginSignature, registered.user, {
        body: { message: "hello" },
        params: { walletId },
      });
      expect(begun.status).toBe(200);
      const { action } = (await begun.json()) as { action: { id: string; challenge: string; rpId: string } };
      expect(action.rpId).toBe(getEnv().passkey.rpId);
      const assertion = registered.passkey.assert(action.challenge).credentialAssertion;
      expect(
        (
          await app.call(completeSignature, registered.user, {
            body: { actionId: action.id, assertion },
            params: { walletId },
          })
        ).status,
      ).toBe(200);
    }));
});

describe("a Dfns challenge whose rp.id is not PASSKEY_RP_ID", () => {
  const other = { id: "wallet.other.example", name: "Other" };

  it("is refused before any passkey is made, naming both RP IDs, storing nothing, and logged with the setting to change", async () => {
    const registered = await registeredUser(app);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await app.withSandbox({ challengeRp: other }, async () => {
        const user = await app.createUser();
        const response = await app.call(start, user);
        expect(response.status).toBe(500);
        const { error } = (await response.json()) as ErrorJson;
        expect(error.code).toBe("rp_id_mismatch");
        expect(error.message).toContain(other.id);
        expect(error.message).toContain(getEnv().passkey.rpId);
        expect(await app.database.prisma.pendingRegistration.count({ where: { userId: user.id } })).toBe(0);

        const walletId = await appWalletId(registered.user.id);
        const begun = await app.call(beginSignature, registered.user, {
          body: { message: "hello" },
          params: { walletId },
        });
        expect(begun.status).toBe(500);
        expect(((await begun.json()) as ErrorJson).error.code).toBe("rp_id_mismatch");
        expect(await app.database.prisma.pendingUserAction.count({ where: { userId: registered.user.id } })).toBe(0);
      });
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/Passkey Settings.*npm run doctor/));
    } finally {
      log.mockRestore();
    }
  });

  it("works again once the settings agree", async () => {
    const user = await app.createUser();
    const started = await startRegistrationFor(app, user);
    expect((await app.call(complete, user, { body: (await browserCredentials(started)).body })).status).toBe(200);
  });
});
