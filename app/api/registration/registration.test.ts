import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_REGISTRATION_ATTEMPTS } from "@/lib/dfns/registration";
import { getEnv } from "@/lib/env";
import { startApp, type AppHarness, type AppUser } from "@/lib/testing/app-harness";
import { browserCredentials as credentialsFor, startRegistrationFor } from "@/lib/testing/registration";
import { POST as complete } from "./complete/route";
import { POST as start } from "./start/route";

// The registration routes against a real database and the sandbox over HTTP, through the
// official SDK: what a browser would do, with a software passkey.

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => app.close());

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { message: string; code?: string } }).error;

describe("delegated registration through the app's routes", () => {
  it("registers: passkey + recovery key → Dfns user, credentials and wallets stored; no token reaches the browser", async () => {
    const user = await app.createUser();
    const started = await startRegistrationFor(app, user);
    expect(started.status).toBe("started");
    expect(started.username).toBe(user.email);
    expect(JSON.stringify(started)).not.toMatch(/temporaryAuthenticationToken|eyJ/);

    const { body } = await credentialsFor(started);
    const response = await app.call(complete, user, { body });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { status: string; wallets: { network: string; address: string }[] };
    expect(JSON.stringify(result)).not.toMatch(/eyJ/);
    expect(result.wallets.map((w) => w.network)).toEqual(getEnv().walletNetworks);

    const stored = await app.database.prisma.dfnsUser.findUniqueOrThrow({
      where: { userId: user.id },
      include: { credentials: true, wallets: true },
    });
    expect(stored.dfnsUserId).toMatch(/^us-/);
    expect(stored.credentials.map((c) => c.kind).sort()).toEqual(["Fido2", "RecoveryKey"]);
    expect(stored.credentials.find((c) => c.kind === "Fido2")!.credId).toBe(
      body.firstFactorCredential.credentialInfo.credId,
    );
    expect(stored.wallets.map((w) => w.address)).toEqual(result.wallets.map((w) => w.address));
    expect(await app.database.prisma.pendingRegistration.count({ where: { userId: user.id } })).toBe(0);
    // The app keeps the temporary token encrypted while pending, and no end-user token at all.
    const audit = await app.database.prisma.auditEvent.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((e) => e.type)).toEqual(["dfns.registration.started", "dfns.registration.completed"]);

    // Starting again says so instead of creating anything.
    expect(await (await app.call(start, user)).json()).toEqual({ status: "registered" });
    const again = await app.call(complete, user, { body });
    expect(again.status).toBe(409);
  });

  it("gives the same challenge to a reload and to 10 parallel starts", async () => {
    const user = await app.createUser();
    const first = await startRegistrationFor(app, user);
    const parallel = await Promise.all(Array.from({ length: 10 }, () => startRegistrationFor(app, user)));
    for (const s of parallel) expect(s.challenge.challenge).toBe(first.challenge.challenge);
    expect(await app.database.prisma.pendingRegistration.count({ where: { userId: user.id } })).toBe(1);
  });

  it("lets exactly one of 20 parallel completes register: one Dfns user, one set of wallets", async () => {
    const user = await app.createUser();
    const started = await startRegistrationFor(app, user);
    const attempts = await Promise.all(Array.from({ length: 20 }, () => credentialsFor(started)));
    const responses = await Promise.all(attempts.map(({ body }) => app.call(complete, user, { body })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const stored = await app.database.prisma.dfnsUser.findUniqueOrThrow({
      where: { userId: user.id },
      include: { wallets: true },
    });
    expect(stored.wallets).toHaveLength(getEnv().walletNetworks.length);
    // And Dfns (the sandbox) has exactly one registered user with that many wallets.
    const dfnsUser = await app.dfnsStore.sandboxUser.findFirstOrThrow({
      where: { username: user.email },
      include: { wallets: true },
    });
    expect(dfnsUser.wallets).toHaveLength(getEnv().walletNetworks.length);
  });

  it("a second user gets different wallets", async () => {
    const [a, b] = await Promise.all([app.createUser(), app.createUser()]);
    const register = async (user: AppUser) => {
      const { body } = await credentialsFor(await startRegistrationFor(app, user));
      return ((await (await app.call(complete, user, { body })).json()) as { wallets: { address: string }[] }).wallets;
    };
    const [wa, wb] = await Promise.all([register(a), register(b)]);
    expect(wa[0]!.address).not.toBe(wb[0]!.address);
  });

  it("refuses bad requests with the right status and changes nothing", async () => {
    const user = await app.createUser();
    const started = await startRegistrationFor(app, user);
    const { body } = await credentialsFor(started);

    expect((await app.call(start, null)).status).toBe(401);
    expect((await app.call(complete, null, { body })).status).toBe(401);
    expect((await app.call(start, user, { origin: "https://evil.example" })).status).toBe(403);
    expect((await app.call(complete, user, { body, origin: null })).status).toBe(403);
    expect((await app.call(complete, user, { raw: "{not json" })).status).toBe(400);
    const missing = await app.call(complete, user, { body: { firstFactorCredential: body.firstFactorCredential } });
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).message).toMatch(/recoveryCredential/);
    const notBase64 = {
      ...body,
      firstFactorCredential: {
        credentialInfo: { ...body.firstFactorCredential.credentialInfo, credId: "not base64url!" },
      },
    };
    expect((await app.call(complete, user, { body: notBase64 })).status).toBe(400);

    const pending = await app.database.prisma.pendingRegistration.findUniqueOrThrow({ where: { userId: user.id } });
    expect(pending.state).toBe("Started");
    expect(await app.database.prisma.dfnsUser.count({ where: { userId: user.id } })).toBe(0);
    expect((await app.call(complete, user, { body })).status).toBe(200);
  });

  it("answers a complete without a start, or after expiry, with 409; starting again works", async () => {
    const user = await app.createUser();
    const never = await app.call(complete, user, {
      body: (
        await credentialsFor({
          status: "started" as const,
          username: user.email,
          challenge: { challenge: "x", rp: { id: "localhost" }, user: { id: "us-x" } },
        })
      ).body,
    });
    expect(never.status).toBe(409);
    expect((await errorOf(never)).code).toBe("registration_expired");

    const stale = await startRegistrationFor(app, user);
    await app.database.prisma.pendingRegistration.update({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await app.call(complete, user, { body: (await credentialsFor(stale)).body });
    expect(expired.status).toBe(409);
    const fresh = await startRegistrationFor(app, user);
    expect(fresh.challenge.challenge).not.toBe(stale.challenge.challenge);
    expect((await app.call(complete, user, { body: (await credentialsFor(fresh)).body })).status).toBe(200);
  });

  it("turns a Dfns refusal of the credentials into a 400 in words (the fuzz test's finding: not a 502), and lets the user start again", async () => {
    const user = await app.createUser();
    const started = await startRegistrationFor(app, user);
    const wrong = await credentialsFor(started, "a challenge Dfns never issued");
    const refused = await app.call(complete, user, { body: wrong.body });
    expect(refused.status).toBe(400);
    const { message } = await errorOf(refused);
    expect(message).toMatch(
      /^Dfns could not complete the registration: .+ \(auth\.\w+, HTTP 401, error id er-[0-9a-v-]+\)\. Nothing was changed: start the registration again\.$/,
    );
    expect(message).not.toMatch(/\{\}|eyJ/);
    const restarted = await startRegistrationFor(app, user);
    expect(restarted.challenge.challenge).not.toBe(started.challenge.challenge);
    expect((await app.call(complete, user, { body: (await credentialsFor(restarted)).body })).status).toBe(200);
  });

  it.each([401, 409] as const)(
    "adopts a Dfns user whose completion answer was lost, instead of creating a second one ('User already exists.' as %i)",
    (status) =>
      app.withSandbox({ userExistsStatus: status }, async () => {
        const user = await app.createUser();
        const started = await startRegistrationFor(app, user);
        expect((await app.call(complete, user, { body: (await credentialsFor(started)).body })).status).toBe(200);
        const before = await app.database.prisma.dfnsUser.findUniqueOrThrow({
          where: { userId: user.id },
          include: { wallets: true },
        });
        await app.database.prisma.dfnsUser.delete({ where: { userId: user.id } }); // the app "forgot"

        expect(await (await app.call(start, user)).json()).toEqual({ status: "registered" });
        const after = await app.database.prisma.dfnsUser.findUniqueOrThrow({
          where: { userId: user.id },
          include: { wallets: true, credentials: true },
        });
        expect(after.dfnsUserId).toBe(before.dfnsUserId);
        expect(after.wallets.map((w) => w.dfnsWalletId).sort()).toEqual(
          before.wallets.map((w) => w.dfnsWalletId).sort(),
        );
        expect(after.credentials).toHaveLength(2);
      }),
  );
});

describe("an unfinished registration started again", () => {
  const expirePending = (user: AppUser) =>
    app.database.prisma.pendingRegistration.update({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

  it("gets a fresh challenge for the same username when Dfns restarts it (the sandbox's default)", async () => {
    const user = await app.createUser();
    const first = await startRegistrationFor(app, user);
    await expirePending(user);
    const again = await startRegistrationFor(app, user);
    expect(again.username).toBe(first.username);
    expect(again.challenge.challenge).not.toBe(first.challenge.challenge);
    expect((await app.call(complete, user, { body: (await credentialsFor(again)).body })).status).toBe(200);
  });

  it("moves to the user's next username when Dfns answers 'User already exists.' for it, and still adopts a lost answer", () =>
    app.withSandbox({ unfinishedRegistration: "user-exists" }, async () => {
      const user = await app.createUser();
      const first = await startRegistrationFor(app, user);
      expect(first.username).toBe(user.email);
      await expirePending(user); // abandoned: Dfns keeps an unfinished user under the email

      const second = await startRegistrationFor(app, user);
      const [local, domain] = user.email.split("@");
      expect(second.username).toBe(`${local}+dfns2-${user.id.toLowerCase()}@${domain}`);
      const { body } = await credentialsFor(second);
      expect((await app.call(complete, user, { body })).status).toBe(200);
      const stored = await app.database.prisma.dfnsUser.findUniqueOrThrow({ where: { userId: user.id } });
      expect(stored.username).toBe(second.username);
      const atDfns = await app.dfnsStore.sandboxUser.findMany({ where: { externalId: { startsWith: user.id } } });
      expect(
        atDfns
          .map((u: { username: string; externalId: string | null; registered: boolean }) => [
            u.username,
            u.externalId,
            u.registered,
          ])
          .sort(),
      ).toEqual(
        [
          [user.email, user.id, false],
          [second.username, `${user.id}:2`, true],
        ].sort(),
      );

      // The answer of that completion "lost": the next start walks the usernames and adopts the second.
      await app.database.prisma.dfnsUser.delete({ where: { userId: user.id } });
      expect(await (await app.call(start, user)).json()).toEqual({ status: "registered" });
      const adopted = await app.database.prisma.dfnsUser.findUniqueOrThrow({
        where: { userId: user.id },
        include: { wallets: true },
      });
      expect(adopted.username).toBe(second.username);
      expect(adopted.dfnsUserId).toBe(stored.dfnsUserId);
      expect(adopted.wallets).toHaveLength(getEnv().walletNetworks.length);
    }));

  it(`stops after ${MAX_REGISTRATION_ATTEMPTS} unfinished usernames with a 409 in words`, () =>
    app.withSandbox({ unfinishedRegistration: "user-exists" }, async () => {
      const user = await app.createUser();
      for (let attempt = 1; attempt <= MAX_REGISTRATION_ATTEMPTS; attempt++) {
        await startRegistrationFor(app, user);
        await expirePending(user);
      }
      const response = await app.call(start, user);
      expect(response.status).toBe(409);
      const error = await errorOf(response);
      expect(error.code).toBe("registration_attempts_exhausted");
      expect(error.message).toMatch(/Contact support/);
    }));
});

describe("when Dfns cannot be reached", () => {
  it("answers 502 with a plain sentence", async () => {
    const { setDfnsConnection, dfnsConnection } = await import("@/lib/dfns/connection");
    const real = await dfnsConnection();
    setDfnsConnection({ ...real, apiUrl: "http://127.0.0.1:9" });
    try {
      const user = await app.createUser();
      const response = await app.call(start, user);
      expect(response.status).toBe(502);
      expect((await errorOf(response)).message).toMatch(/could not be reached/);
    } finally {
      setDfnsConnection(real);
    }
  });
});
