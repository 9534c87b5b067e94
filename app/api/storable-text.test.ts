import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppHarness } from "@/lib/testing/app-harness";
import { registeredUser } from "@/lib/testing/registration";
import { POST as signUp } from "./auth/sign-up/route";
import { POST as deactivate } from "./credentials/deactivate/route";
import { POST as completeSignature } from "./wallets/[walletId]/signatures/complete/route";
import { GET as listSignatures, POST as beginSignature } from "./wallets/[walletId]/signatures/route";
import { GET as listWallets, POST as beginWallet } from "./wallets/route";

// Text Postgres cannot store (a NUL character, a lone UTF-16 surrogate) is refused with a 400
// naming the field, by the route wrapper, before any Dfns call (Dfns is unreachable during these
// calls: a call would be a 502) and before any write. It used to reach the database after Dfns
// had signed: a 500, the action spent, the signature lost.

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => app.close());

type ErrorJson = { error: { message: string; issues?: { path: string; message: string }[] } };
const errorOf = async (response: Response) => ((await response.json()) as ErrorJson).error;
async function aWalletOf(user: Parameters<AppHarness["call"]>[1]): Promise<string> {
  const { wallets } = (await (await app.call(listWallets, user, { method: "GET" })).json()) as {
    wallets: { id: string }[];
  };
  return wallets[0]!.id;
}
const NOT_STORABLE = "must not contain a NUL character or broken Unicode";

describe("text Postgres cannot store", () => {
  it.each([
    ["a NUL character", "a\u0000b"],
    ["a lone high surrogate", "a\ud800b"],
    ["a lone low surrogate", "\udc00"],
  ])("in a message to sign (%s): 400 naming the field, no Dfns call, nothing stored", async (_, message) => {
    const { user } = await registeredUser(app);
    const walletId = await aWalletOf(user);
    const before = await app.database.prisma.pendingUserAction.count();
    const response = await app.withDfnsDown(() =>
      app.call(beginSignature, user, { body: { message }, params: { walletId } }),
    );
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({
      message: `Request body is invalid: message: ${NOT_STORABLE}`,
      code: "invalid_body",
      status: 400,
      issues: [{ path: "message", message: NOT_STORABLE }],
    });
    expect(await app.database.prisma.pendingUserAction.count()).toBe(before);
  });

  it("a valid message with emoji and other scripts still signs (a surrogate pair is fine)", async () => {
    const { user } = await registeredUser(app);
    const walletId = await aWalletOf(user);
    const response = await app.call(beginSignature, user, { body: { message: "héllo 👋 世界" }, params: { walletId } });
    expect(response.status).toBe(200);
  });

  it("in a sign-up name, email or password: 400, no account", async () => {
    for (const body of [
      { email: "nul-name@example.com", password: "long enough password", name: "Ann\u0000" },
      { email: "nul\u0000@example.com", password: "long enough password" },
      { email: "nul-password@example.com", password: "long enough\u0000password" },
    ]) {
      const response = await app.call(signUp, null, { body });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).message).toContain(NOT_STORABLE);
    }
    expect(await app.database.prisma.user.count({ where: { email: { startsWith: "nul" } } })).toBe(0);
  });

  it("in an actionId, a nested field or a field name: 400 naming it", async () => {
    const { user } = await registeredUser(app);
    const walletId = await aWalletOf(user);
    const assertion = { credId: "a", clientData: "b", authenticatorData: "c", signature: "d" };
    const cases: [unknown, string][] = [
      [{ actionId: "x\u0000", assertion }, "actionId"],
      [{ actionId: "x", assertion: { ...assertion, userHandle: "\ud800" } }, "assertion.userHandle"],
      [{ actionId: "x", assertion, ["extra\u0000"]: 1 }, "(a field name)"],
    ];
    for (const [body, path] of cases) {
      const response = await app.withDfnsDown(() => app.call(completeSignature, user, { body, params: { walletId } }));
      expect(response.status).toBe(400);
      expect((await errorOf(response)).issues).toEqual([{ path, message: NOT_STORABLE }]);
    }
    const network = await app.call(beginWallet, user, { body: { network: "Base\u0000Sepolia" } });
    expect(network.status).toBe(400);
    const credential = await app.call(deactivate, user, { body: { credentialId: "\u0000" } });
    expect(credential.status).toBe(400);
  });

  it("in a path parameter: 400 naming it", async () => {
    const { user } = await registeredUser(app);
    for (const route of [listSignatures, beginSignature]) {
      const method = route === listSignatures ? "GET" : "POST";
      const response = await app.withDfnsDown(() =>
        app.call(route, user, {
          method,
          body: method === "POST" ? { message: "hi" } : undefined,
          params: { walletId: "w\u0000" },
        }),
      );
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toEqual({
        message: `The address of this request is invalid: walletId ${NOT_STORABLE}.`,
        code: "invalid_body",
        status: 400,
        issues: [{ path: "walletId", message: NOT_STORABLE }],
      });
    }
  });
});
