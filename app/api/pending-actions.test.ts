import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PENDING_ACTIONS } from "@/lib/dfns/user-action";
import { startApp, type AppHarness, type AppUser } from "@/lib/testing/app-harness";
import { registeredUser } from "@/lib/testing/registration";
import { POST as completeSignature } from "./wallets/[walletId]/signatures/complete/route";
import { POST as beginSignature } from "./wallets/[walletId]/signatures/route";
import { GET as listWallets, POST as beginWallet } from "./wallets/route";

// A user's pending actions (signatures, wallets, passkey changes waiting for the passkey) are
// capped: each one asked Dfns for a challenge and keeps a row, and nothing else bounded them.
// Beyond the cap a start is a 429 in words before any Dfns call; expired ones make room.

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => app.close());

type ErrorJson = { error: { message: string; code?: string } };

async function walletOf(user: AppUser): Promise<string> {
  const { wallets } = (await (await app.call(listWallets, user, { method: "GET" })).json()) as {
    wallets: { id: string }[];
  };
  return wallets[0]!.id;
}

const beginSign = (user: AppUser, walletId: string, message = "hello") =>
  app.call(beginSignature, user, { body: { message }, params: { walletId } });
const pendingOf = (user: AppUser) => app.database.prisma.pendingUserAction.count({ where: { userId: user.id } });

describe("the cap on a user's pending actions", () => {
  it(`allows ${MAX_PENDING_ACTIONS}; the next is a 429 in words with Retry-After, without asking Dfns; other users are not affected`, async () => {
    const alice = await registeredUser(app);
    const walletId = await walletOf(alice.user);
    for (let i = 0; i < MAX_PENDING_ACTIONS; i++) expect((await beginSign(alice.user, walletId)).status).toBe(200);

    // Dfns is unreachable: a call to it would be a 502.
    for (const response of await app.withDfnsDown(() =>
      Promise.all([
        beginSign(alice.user, walletId),
        app.call(beginWallet, alice.user, { body: { network: "BaseSepolia" } }),
      ]),
    )) {
      expect(response.status).toBe(429);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(200);
      expect(await response.json()).toEqual({
        error: {
          message:
            "You have 10 requests waiting for your passkey's approval, the most at once. Approve one of them, or wait about 4 minutes until the oldest expires, then try again.",
          code: "too_many_pending_actions",
          status: 429,
        },
      });
    }
    expect(await pendingOf(alice.user)).toBe(MAX_PENDING_ACTIONS);

    const bob = await registeredUser(app);
    expect((await beginSign(bob.user, await walletOf(bob.user))).status).toBe(200);
  });

  it("holds under 25 parallel starts: exactly the cap gets through", async () => {
    const { user } = await registeredUser(app);
    const walletId = await walletOf(user);
    const statuses = (
      await Promise.all(Array.from({ length: 25 }, (_, i) => beginSign(user, walletId, `parallel ${i}`)))
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(MAX_PENDING_ACTIONS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25 - MAX_PENDING_ACTIONS);
    expect(await pendingOf(user)).toBe(MAX_PENDING_ACTIONS);
  });

  it("makes room as actions are used or expire (expired rows are deleted), and when Dfns fails the place is given back", async () => {
    const alice = await registeredUser(app);
    const walletId = await walletOf(alice.user);
    const actions = [];
    for (let i = 0; i < MAX_PENDING_ACTIONS; i++)
      actions.push(
        ((await (await beginSign(alice.user, walletId)).json()) as { action: { id: string; challenge: string } })
          .action,
      );
    expect((await beginSign(alice.user, walletId)).status).toBe(429);

    // Approving one frees its place.
    const used = actions[0]!;
    const completed = await app.call(completeSignature, alice.user, {
      body: { actionId: used.id, assertion: alice.passkey.assert(used.challenge).credentialAssertion },
      params: { walletId },
    });
    expect(completed.status).toBe(200);
    expect((await beginSign(alice.user, walletId)).status).toBe(200);

    // Expired ones make room and are deleted.
    await app.database.prisma.pendingUserAction.updateMany({
      where: { userId: alice.user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await beginSign(alice.user, walletId)).status).toBe(200);
    expect(await pendingOf(alice.user)).toBe(1);

    // A start Dfns does not answer keeps no place.
    const down = await app.withDfnsDown(() => beginSign(alice.user, walletId));
    expect(down.status).toBe(502);
    expect(((await down.json()) as ErrorJson).error.message).toMatch(/^Dfns could not be reached/);
    expect(await pendingOf(alice.user)).toBe(1);
  });
});
