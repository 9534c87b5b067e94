import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { getEnv } from "@/lib/env";
import { startApp, type AppHarness } from "@/lib/testing/app-harness";
import { nextAuth, postToNextAuth, signIn } from "@/lib/testing/next-auth";
import { registeredUser } from "@/lib/testing/registration";
import { POST as beginSignature } from "../../wallets/[walletId]/signatures/route";
import { GET as listWallets } from "../../wallets/route";

// Signing out ends the session for real: a copy of the session cookie taken before
// `POST /api/auth/signout` is refused afterwards (the cookie is a stateless JWT valid for a week;
// the user's session version in the database is what ends it), on every device, for that user only.

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => app.close());

const PASSWORD = "correct horse battery staple";

/** A registered user (Dfns user and wallets) with a password, signed in through NextAuth. */
async function signedInUser() {
  const registered = await registeredUser(app);
  await app.database.prisma.user.update({
    where: { id: registered.user.id },
    data: { passwordHash: await hashPassword(PASSWORD) },
  });
  const { sessionCookie } = await signIn(registered.user.email, PASSWORD);
  expect(sessionCookie).not.toBeNull();
  return { ...registered, cookie: sessionCookie! };
}

/** `name=value` as NextAuth's handler takes cookies. */
function cookiesOf(cookie: string): Record<string, string> {
  const at = cookie.indexOf("=");
  return { [cookie.slice(0, at)]: cookie.slice(at + 1) };
}

const signOut = (cookie: string) => postToNextAuth(["signout"], { callbackUrl: "/" }, { cookies: cookiesOf(cookie) });

const walletsWith = (cookie: string) => app.call(listWallets, null, { method: "GET", cookie });

describe("signing out", () => {
  it("ends the session: the old cookie gets 401 on reads and on starting a signature; signing in again works", async () => {
    const alice = await signedInUser();
    const secondDevice = (await signIn(alice.user.email, PASSWORD)).sessionCookie!;
    expect((await walletsWith(alice.cookie)).status).toBe(200);
    const { wallets } = (await (await walletsWith(alice.cookie)).json()) as { wallets: { id: string }[] };

    await signOut(alice.cookie);

    for (const cookie of [alice.cookie, secondDevice]) {
      const read = await walletsWith(cookie);
      expect(read.status).toBe(401);
      expect(await read.json()).toEqual({
        error: {
          message: "You are not signed in, or your session has ended. Sign in and try again.",
          code: "not_signed_in",
          status: 401,
        },
      });
      const sign = await app.call(beginSignature, null, {
        cookie,
        body: { message: "after sign-out" },
        params: { walletId: wallets[0]!.id },
      });
      expect(sign.status).toBe(401);
    }
    expect(await app.database.prisma.pendingUserAction.count({ where: { userId: alice.user.id } })).toBe(0);

    const again = await signIn(alice.user.email, PASSWORD);
    expect((await walletsWith(again.sessionCookie!)).status).toBe(200);
  });

  it("leaves other users signed in", async () => {
    const alice = await signedInUser();
    const bob = await signedInUser();
    await signOut(alice.cookie);
    expect((await walletsWith(alice.cookie)).status).toBe(401);
    expect((await walletsWith(bob.cookie)).status).toBe(200);
  });

  it("NextAuth's own session endpoint no longer reads the old cookie either", async () => {
    const alice = await signedInUser();
    const cookies = cookiesOf(alice.cookie);
    const host = { host: new URL(getEnv().appOrigin).host };
    const before = await nextAuth(["session"], { method: "GET", headers: host, cookies });
    expect(before.body).toMatchObject({ user: { id: alice.user.id, email: alice.user.email } });
    await signOut(alice.cookie);
    const after = await nextAuth(["session"], { method: "GET", headers: host, cookies });
    expect(after.body).toEqual({});
  });
});
