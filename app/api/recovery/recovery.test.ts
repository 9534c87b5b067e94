import { DfnsApiClient } from "@dfns/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookie } from "@/lib/auth/testing";
import { serviceAccountClient } from "@/lib/dfns/clients";
import { dfnsConnection, setDfnsConnection } from "@/lib/dfns/connection";
import { RECOVERY_ATTEMPT_LIMIT, RECOVERY_ATTEMPTS, recordRecoveryAttempt } from "@/lib/dfns/recovery-attempts";
import type { StartRecoveryResult } from "@/lib/dfns/recovery";
import { getEnv } from "@/lib/env";
import { bucketOf } from "@/lib/rate-limit";
import { generateRecoveryCode, WrongRecoveryCodeError } from "@/lib/recovery";
import { startApp, type AppHarness, type AppUser } from "@/lib/testing/app-harness";
import { recoveryRequest } from "@/lib/testing/browser-credentials";
import { dfnsAcceptsPasskey as dfnsAccepts } from "@/lib/testing/dfns-accepts";
import { browserCredentials, registeredUser } from "@/lib/testing/registration";
import { startLossyProxy, type LossyProxy } from "@/lib/testing/lossy-proxy";
import type { SoftwarePasskey } from "@/lib/testing/software-passkey";
import { POST as complete } from "./complete/route";
import { POST as start } from "./start/route";

// The recovery routes against a real database and the sandbox over HTTP, through the official
// SDK: a user registered by the app's own flow loses their passkey and recovers with the code.

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => app.close());

const origin = () => getEnv().appOrigin;
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { message: string; code?: string } }).error;

async function startFor(user: AppUser): Promise<StartRecoveryResult> {
  const response = await app.call(start, user);
  expect(response.status).toBe(200);
  return (await response.json()) as StartRecoveryResult;
}

/** The user's recovery attempts as the rate limit stores them. */
const attemptsOf = (userId: string) => ({ bucket: bucketOf({ limit: RECOVERY_ATTEMPTS, key: userId }) });

const dfnsAcceptsPasskey = (username: string, passkey: SoftwarePasskey) => dfnsAccepts(app, username, passkey);

async function credentialRows(userId: string) {
  const dfnsUser = await app.database.prisma.dfnsUser.findUniqueOrThrow({
    where: { userId },
    include: { credentials: { orderBy: { createdAt: "asc" } } },
  });
  return dfnsUser.credentials.map(({ credId, kind, active, name }) => ({ credId, kind, active, name }));
}

describe("delegated recovery through the app's routes", () => {
  it("recovers: the old passkey is refused, the new one signs, the new code recovers again", async () => {
    const registered = await registeredUser(app);
    const { user } = registered;

    const started = await startFor(user);
    expect(started).toMatchObject({
      status: "started",
      username: registered.username,
      recoveryCredential: { id: registered.recoveryCredId },
    });
    expect(started.recoveryCredential.encryptedRecoveryKey.length).toBeGreaterThan(100);
    expect(JSON.stringify(started)).not.toMatch(/temporaryAuthenticationToken|eyJ[\w-]+\.[\w-]+\./); // no token, no JWT

    const recovery = await recoveryRequest(started, registered.recoveryCode, origin());
    const response = await app.call(complete, user, { body: recovery.body });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "recovered" });

    // The app's records: old credentials inactive, the new passkey and recovery key active.
    const rows = await credentialRows(user.id);
    expect(rows).toEqual([
      { credId: registered.passkey.credId, kind: "Fido2", active: false, name: "Passkey" },
      { credId: registered.recoveryCredId, kind: "RecoveryKey", active: false, name: "Recovery key" },
      expect.objectContaining({ credId: recovery.passkey.credId, kind: "Fido2", active: true }),
      expect.objectContaining({ credId: recovery.recoveryCredId, kind: "RecoveryKey", active: true }),
    ]);
    expect(await app.database.prisma.pendingRecovery.count({ where: { userId: user.id } })).toBe(0);
    expect(await app.database.prisma.rateLimitAttempt.count({ where: attemptsOf(user.id) })).toBe(1);
    const audit = await app.database.prisma.auditEvent.findMany({
      where: { userId: user.id, type: { startsWith: "dfns.recovery" } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((e) => e.type)).toEqual(["dfns.recovery.started", "dfns.recovery.completed"]);

    // Dfns: the old passkey is refused, the new one signs for the same wallets.
    expect(await dfnsAcceptsPasskey(registered.username, registered.passkey)).toBe(false);
    expect(await dfnsAcceptsPasskey(registered.username, recovery.passkey)).toBe(true);
    const { token } = await (
      await serviceAccountClient()
    ).auth.delegatedLogin({ body: { username: registered.username } });
    const signer = new DfnsApiClient({ baseUrl: app.sandboxUrl, authToken: token, signer: recovery.passkey.signer() });
    const signed = await signer.wallets.generateSignature({
      walletId: registered.wallets[0]!.id,
      body: { kind: "Message", message: "0x6869" },
    });
    expect(signed.status).toBe("Signed");

    // A second recovery: the old code no longer opens the key on offer, the new one does.
    const again = await startFor(user);
    expect(again.recoveryCredential.id).toBe(recovery.recoveryCredId);
    await expect(recoveryRequest(again, registered.recoveryCode, origin())).rejects.toBeInstanceOf(
      WrongRecoveryCodeError,
    );
    const second = await recoveryRequest(again, recovery.recoveryCode, origin());
    expect((await app.call(complete, user, { body: second.body })).status).toBe(200);
    expect(await dfnsAcceptsPasskey(registered.username, second.passkey)).toBe(true);
    expect(await dfnsAcceptsPasskey(registered.username, recovery.passkey)).toBe(false);
  });

  it("ends every session of the user: cookies from before are refused, this browser gets a new session", async () => {
    const registered = await registeredUser(app);
    const other = await registeredUser(app);
    const { user } = registered;
    const [before, otherCookie] = [await sessionCookie(user), await sessionCookie(other.user)];
    expect((await app.call(start, null, { cookie: before })).status).toBe(200);

    const recovery = await recoveryRequest(await startFor(user), registered.recoveryCode, origin());
    const response = await app.call(complete, null, { cookie: before, body: recovery.body });
    expect(response.status).toBe(200);
    const renewed = response.headers.get("set-cookie")!;
    expect(renewed).toMatch(/^next-auth\.session-token=[\w.-]+; Path=\/; Max-Age=604800; HttpOnly; SameSite=Lax$/);

    const refused = await app.call(start, null, { cookie: before });
    expect(refused.status).toBe(401);
    expect((await app.call(start, null, { cookie: renewed.split(";")[0] })).status).toBe(200);
    expect((await app.call(start, null, { cookie: otherCookie })).status).toBe(200);
  });

  it("gives the same challenge to a reload and to 10 parallel starts, counting one attempt", async () => {
    const { user } = await registeredUser(app);
    const first = await startFor(user);
    const parallel = await Promise.all(Array.from({ length: 10 }, () => startFor(user)));
    for (const s of parallel) expect(s.challenge.challenge).toBe(first.challenge.challenge);
    expect(await app.database.prisma.pendingRecovery.count({ where: { userId: user.id } })).toBe(1);
    expect(await app.database.prisma.rateLimitAttempt.count({ where: attemptsOf(user.id) })).toBe(1);
  });

  it("gives 20 parallel first starts one challenge and counts one attempt; once it expires, a new start counts", async () => {
    const { user } = await registeredUser(app);
    const responses = await Promise.all(Array.from({ length: 20 }, () => app.call(start, user)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const challenges = await Promise.all(
      responses.map(async (r) => ((await r.json()) as StartRecoveryResult).challenge.challenge),
    );
    expect(new Set(challenges).size).toBe(1);
    expect(await app.database.prisma.rateLimitAttempt.count({ where: attemptsOf(user.id) })).toBe(1);
    expect(
      await app.database.prisma.auditEvent.count({ where: { userId: user.id, type: "dfns.recovery.started" } }),
    ).toBe(1);

    await app.database.prisma.pendingRecovery.update({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const next = await startFor(user);
    expect(next.challenge.challenge).not.toBe(challenges[0]);
    expect(await app.database.prisma.rateLimitAttempt.count({ where: attemptsOf(user.id) })).toBe(2);
  });

  it("lets exactly one of 10 parallel completes recover", async () => {
    const registered = await registeredUser(app);
    const started = await startFor(registered.user);
    const { body } = await recoveryRequest(started, registered.recoveryCode, origin());
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => app.call(complete, registered.user, { body })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
  });

  it("a tampered package is refused by Dfns: 400 in words, nothing changed, the old passkey still works, starting again works", async () => {
    const registered = await registeredUser(app);
    const { user } = registered;
    const before = await credentialRows(user.id);
    const started = await startFor(user);
    const { body } = await recoveryRequest(started, registered.recoveryCode, origin());
    // Another passkey over the same challenge: valid by itself, but not what the recovery key signed.
    const other = await browserCredentials(started);
    const tampered = { ...body, firstFactorCredential: other.body.firstFactorCredential };

    const refused = await app.call(complete, user, { body: tampered });
    expect(refused.status).toBe(400);
    const { message } = await errorOf(refused);
    expect(message).toMatch(
      /^Dfns could not complete the recovery: .+ \(auth\.\w+, HTTP 401, error id er-[0-9a-v-]+\)\. Nothing was changed: start the recovery again\.$/,
    );
    expect(message).not.toMatch(/eyJ|D1-/);

    expect(await credentialRows(user.id)).toEqual(before);
    expect(await app.database.prisma.pendingRecovery.count({ where: { userId: user.id } })).toBe(0);
    expect(await dfnsAcceptsPasskey(registered.username, registered.passkey)).toBe(true);
    // The refused challenge is spent: the untampered body is now too late, a new start works.
    expect((await errorOf(await app.call(complete, user, { body }))).code).toBe("recovery_expired");
    const restarted = await startFor(user);
    expect(restarted.challenge.challenge).not.toBe(started.challenge.challenge);
    const retried = await recoveryRequest(restarted, registered.recoveryCode, origin());
    expect((await app.call(complete, user, { body: retried.body })).status).toBe(200);
  });

  it("answers an expired or never-started recovery with 409 and changes nothing", async () => {
    const registered = await registeredUser(app);
    const { user } = registered;
    const started = await startFor(user);
    const { body } = await recoveryRequest(started, registered.recoveryCode, origin());
    const before = await credentialRows(user.id);

    // Never started (another user's valid package): nothing pending for them.
    const bystander = await registeredUser(app);
    const never = await app.call(complete, bystander.user, { body });
    expect(never.status).toBe(409);
    expect((await errorOf(never)).code).toBe("recovery_expired");

    await app.database.prisma.pendingRecovery.update({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await app.call(complete, user, { body });
    expect(expired.status).toBe(409);
    expect(await errorOf(expired)).toMatchObject({
      message: expect.stringMatching(/expired.+Nothing was changed/),
      code: "recovery_expired",
    });
    expect(await app.database.prisma.pendingRecovery.count({ where: { userId: user.id } })).toBe(0);
    expect(await credentialRows(user.id)).toEqual(before);
    expect(await dfnsAcceptsPasskey(registered.username, registered.passkey)).toBe(true);

    const restarted = await startFor(user);
    expect(restarted.challenge.challenge).not.toBe(started.challenge.challenge);
    expect(
      (
        await app.call(complete, user, {
          body: (await recoveryRequest(restarted, registered.recoveryCode, origin())).body,
        })
      ).status,
    ).toBe(200);
  });

  it("answers a user without a Dfns user with 409", async () => {
    const user = await app.createUser();
    for (const route of [start, complete]) {
      const response = await app.call(route, user, { body: {} });
      expect(response.status).toBe(route === start ? 409 : 400); // complete validates its body first
    }
    const registered = await registeredUser(app);
    const { body } = await recoveryRequest(await startFor(registered.user), registered.recoveryCode, origin());
    const response = await app.call(complete, user, { body });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe("not_registered");
    expect((await errorOf(await app.call(start, user))).message).toMatch(/don.t have a wallet yet/);
  });

  it("says in words when Dfns does not know the user (401 `User not found`), and changes nothing", async () => {
    const registered = await registeredUser(app);
    await app.database.prisma.dfnsUser.update({
      where: { userId: registered.user.id },
      data: { username: `gone-${registered.user.email}` },
    });
    const response = await app.call(start, registered.user);
    expect(response.status).toBe(409);
    const error = await errorOf(response);
    expect(error.code).toBe("dfns_user_not_found");
    expect(error.message).toMatch(/Dfns has no wallet account under your name.*Contact support/);
    expect(await app.database.prisma.pendingRecovery.count({ where: { userId: registered.user.id } })).toBe(0);
  });

  it("refuses bad requests with the right status and changes nothing", async () => {
    const registered = await registeredUser(app);
    const { user } = registered;
    const started = await startFor(user);
    const { body } = await recoveryRequest(started, registered.recoveryCode, origin());

    expect((await app.call(start, null)).status).toBe(401);
    expect((await app.call(complete, null, { body })).status).toBe(401);
    expect((await app.call(start, user, { origin: "https://evil.example" })).status).toBe(403);
    expect((await app.call(complete, user, { body, origin: null })).status).toBe(403);
    expect((await app.call(complete, user, { raw: "{not json" })).status).toBe(400);
    const missing = await app.call(complete, user, { body: { ...body, recovery: undefined } });
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).message).toMatch(/recovery/);
    const wrongKind = await app.call(complete, user, {
      body: { ...body, recovery: { ...body.recovery, kind: "Fido2" } },
    });
    expect(wrongKind.status).toBe(400);

    expect(await app.database.prisma.pendingRecovery.count({ where: { userId: user.id } })).toBe(1);
    expect((await app.call(complete, user, { body })).status).toBe(200);
  });

  it(`limits recovery starts to ${RECOVERY_ATTEMPT_LIMIT} an hour per user: 429 with Retry-After and a plain sentence`, async () => {
    const { user } = await registeredUser(app);
    const other = await registeredUser(app);
    for (let i = 0; i < RECOVERY_ATTEMPT_LIMIT; i++) {
      await startFor(user);
      // Each abandoned challenge expires; the next start asks Dfns for a new one.
      await app.database.prisma.pendingRecovery.update({
        where: { userId: user.id },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
    }
    const limited = await app.call(start, user);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await errorOf(limited)).toEqual({
      message: expect.stringMatching(
        /^You have started a recovery 5 times in the last hour.+wait about 60 minutes, then try again\.$/,
      ),
      code: "recovery_rate_limited",
      status: 429,
    });
    // The refused attempt is not counted, no challenge was asked for, and other users are not affected.
    expect(await app.database.prisma.rateLimitAttempt.count({ where: attemptsOf(user.id) })).toBe(
      RECOVERY_ATTEMPT_LIMIT,
    );
    expect(
      await app.database.prisma.pendingRecovery.count({ where: { userId: user.id, expiresAt: { gt: new Date() } } }),
    ).toBe(0);
    expect((await app.call(start, other.user)).status).toBe(200);

    // An hour later the oldest attempt has left the window.
    const oldest = await app.database.prisma.rateLimitAttempt.findFirstOrThrow({
      where: attemptsOf(user.id),
      orderBy: { createdAt: "asc" },
    });
    await app.database.prisma.rateLimitAttempt.update({
      where: { id: oldest.id },
      data: { expiresAt: new Date(Date.now() - 60 * 1000) },
    });
    expect((await app.call(start, user)).status).toBe(200);
  });

  it("of 10 parallel starts with one attempt left, one asks Dfns: the others share its challenge or get 429", async () => {
    const { user } = await registeredUser(app);
    for (let i = 0; i < RECOVERY_ATTEMPT_LIMIT - 1; i++) await recordRecoveryAttempt(user.id);
    const responses = await Promise.all(Array.from({ length: 10 }, () => app.call(start, user)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    const challenges = await Promise.all(
      responses
        .filter((r) => r.status === 200)
        .map(async (r) => ((await r.json()) as StartRecoveryResult).challenge.challenge),
    );
    expect(challenges.length).toBeGreaterThanOrEqual(1);
    expect(new Set(challenges).size).toBe(1);
    expect(await app.database.prisma.rateLimitAttempt.count({ where: attemptsOf(user.id) })).toBe(
      RECOVERY_ATTEMPT_LIMIT,
    );
  });
});

describe("a recovery whose answer was lost (issue 14 point 9)", () => {
  async function withLossyDfns<T>(setup: (proxy: LossyProxy) => void, fn: () => Promise<T>): Promise<T> {
    const real = await dfnsConnection();
    const proxy = await startLossyProxy(real.apiUrl);
    setup(proxy);
    setDfnsConnection({ ...real, apiUrl: proxy.url });
    try {
      return await fn();
    } finally {
      setDfnsConnection(real);
      await proxy.close();
    }
  }

  it("is adopted by the same request: Dfns has the new credentials, the app's rows follow, the user is told it worked", async () => {
    const registered = await registeredUser(app);
    const started = await startFor(registered.user);
    const next = await recoveryRequest(started, registered.recoveryCode, origin());
    const response = await withLossyDfns(
      (proxy) => proxy.lose.add("POST /auth/recover/user"),
      () => app.call(complete, registered.user, { body: next.body }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "recovered", adopted: true });

    const rows = await credentialRows(registered.user.id);
    expect(
      rows
        .filter((c) => c.active)
        .map((c) => c.credId)
        .sort(),
    ).toEqual([next.body.firstFactorCredential.credentialInfo.credId, next.recoveryCredId].sort());
    expect(rows.find((c) => c.credId === registered.recoveryCredId)?.active).toBe(false);
    expect(await app.database.prisma.pendingRecovery.count({ where: { userId: registered.user.id } })).toBe(0);
    expect(
      await app.database.prisma.auditEvent.count({
        where: { userId: registered.user.id, type: "dfns.recovery.adopted" },
      }),
    ).toBe(1);
    expect(await dfnsAcceptsPasskey(registered.username, next.passkey)).toBe(true);
  });

  it("is adopted on the next visit when the request could not tell: the page says it went through, in words", async () => {
    const registered = await registeredUser(app);
    const started = await startFor(registered.user);
    const next = await recoveryRequest(started, registered.recoveryCode, origin());
    // The answer is lost, and Dfns cannot be asked whether it recovered (delegated login fails too).
    const response = await withLossyDfns(
      (proxy) => {
        proxy.lose.add("POST /auth/recover/user");
        proxy.break.add("POST /auth/login/delegated");
      },
      () => app.call(complete, registered.user, { body: next.body }),
    );
    expect(response.status).toBe(502);
    expect((await credentialRows(registered.user.id)).find((c) => c.credId === registered.recoveryCredId)?.active).toBe(
      true,
    ); // stale, for now

    const reload = await app.call(start, registered.user);
    expect(reload.status).toBe(409);
    const error = await errorOf(reload);
    expect(error.code).toBe("already_recovered");
    expect(error.message).toMatch(/already went through.*Use the passkey you made during the recovery/);
    const rows = await credentialRows(registered.user.id);
    expect(rows.find((c) => c.credId === registered.recoveryCredId)?.active).toBe(false);
    expect(rows.find((c) => c.credId === next.body.firstFactorCredential.credentialInfo.credId)?.active).toBe(true);
    expect(await app.database.prisma.pendingRecovery.count({ where: { userId: registered.user.id } })).toBe(0);
    // And the next recovery starts from the new recovery key.
    const again = await startFor(registered.user);
    expect(again.recoveryCredential.id).toBe(next.recoveryCredId);
  });
});

describe("when Dfns cannot be reached", () => {
  it("answers 502 with a plain sentence and keeps the pending recovery for a retry", async () => {
    const { setDfnsConnection, dfnsConnection } = await import("@/lib/dfns/connection");
    const registered = await registeredUser(app);
    const started = await startFor(registered.user);
    const { body } = await recoveryRequest(started, registered.recoveryCode, origin());
    const real = await dfnsConnection();
    setDfnsConnection({ ...real, apiUrl: "http://127.0.0.1:9" });
    try {
      const response = await app.call(complete, registered.user, { body });
      expect(response.status).toBe(502);
      expect((await errorOf(response)).message).toMatch(/could not be reached to complete the recovery/);
    } finally {
      setDfnsConnection(real);
    }
    expect((await app.call(complete, registered.user, { body })).status).toBe(200);
  });

  it("a wrong recovery code never reaches the server: the browser's decryption refuses it", async () => {
    const registered = await registeredUser(app);
    const started = await startFor(registered.user);
    await expect(recoveryRequest(started, generateRecoveryCode(), origin())).rejects.toBeInstanceOf(
      WrongRecoveryCodeError,
    );
  });
});
