import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CredentialView } from "@/lib/dfns/credentials";
import type { RegistrationChallenge } from "@/lib/dfns/registration";
import { getEnv } from "@/lib/env";
import type { BrowserUserAction } from "@/lib/passkeys/types";
import { startApp, type AppHarness, type AppUser } from "@/lib/testing/app-harness";
import { dfnsAcceptsPasskey } from "@/lib/testing/dfns-accepts";
import { registeredUser } from "@/lib/testing/registration";
import { SoftwarePasskey } from "@/lib/testing/software-passkey";
import { POST as completeAdd } from "./add/complete/route";
import { POST as beginAdd } from "./add/route";
import { POST as challengeRoute } from "./challenge/route";
import { POST as completeDeactivate } from "./deactivate/complete/route";
import { POST as beginDeactivate } from "./deactivate/route";
import { GET as list } from "./route";

// The credentials routes against a real database and the sandbox: list, add a passkey approved
// by an existing one, deactivate one, never the last.

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => app.close());

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { message: string; code?: string } }).error;

async function json<T>(response: Response, status = 200): Promise<T> {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return body as T;
}

const listFor = async (user: AppUser) =>
  (await json<{ credentials: CredentialView[]; current: boolean }>(await app.call(list, user, { method: "GET" })))
    .credentials;

/** The browser's side of "Add a passkey": WebAuthn over Dfns's challenge, then `approver` approves. */
async function addPasskey(user: AppUser, approver: SoftwarePasskey, name = "Laptop") {
  const { challenge, challengeToken } = await json<{ challenge: RegistrationChallenge; challengeToken: string }>(
    await app.call(challengeRoute, user),
  );
  const created = SoftwarePasskey.create({
    rpId: challenge.rp.id,
    origin: getEnv().appOrigin,
    challenge: challenge.challenge,
    userId: challenge.user.id,
  });
  const { action } = await json<{ action: BrowserUserAction }>(
    await app.call(beginAdd, user, { body: { challengeToken, name, credentialInfo: created.credentialInfo } }),
  );
  const response = await app.call(completeAdd, user, {
    body: { actionId: action.id, assertion: approver.assert(action.challenge).credentialAssertion },
  });
  return { passkey: created.passkey, response, challengeToken, credentialInfo: created.credentialInfo };
}

async function deactivate(user: AppUser, credentialId: string, approver: SoftwarePasskey) {
  const begun = await app.call(beginDeactivate, user, { body: { credentialId } });
  if (begun.status !== 200) return begun;
  const { action } = (await begun.json()) as { action: BrowserUserAction };
  return app.call(completeDeactivate, user, {
    body: { actionId: action.id, assertion: approver.assert(action.challenge).credentialAssertion },
  });
}

describe("credentials through the app's routes", () => {
  it("lists the passkey and the recovery key with names, dates and states", async () => {
    const { user } = await registeredUser(app);
    const response = await app.call(list, user, { method: "GET" });
    const body = await json<{ credentials: CredentialView[]; current: boolean }>(response);
    expect(body.current).toBe(true);
    expect(body.credentials).toEqual([
      { id: expect.any(String), kind: "Fido2", name: "Passkey", active: true, createdAt: expect.any(String) },
      {
        id: expect.any(String),
        kind: "RecoveryKey",
        name: "Recovery key",
        active: true,
        createdAt: expect.any(String),
      },
    ]);
    expect(Date.now() - Date.parse(body.credentials[0]!.createdAt)).toBeLessThan(60_000);
  });

  it("adds a passkey approved by the existing one; deactivates the first, approved by the new one; the first is then refused", async () => {
    const registered = await registeredUser(app);
    const { user, passkey: first } = registered;
    const added = await addPasskey(user, first, "  Work laptop ");
    const { credential } = await json<{ credential: CredentialView }>(added.response);
    expect(credential).toMatchObject({ kind: "Fido2", name: "Work laptop", active: true });
    expect(await dfnsAcceptsPasskey(app, registered.username, added.passkey)).toBe(true);

    const [firstRow] = await listFor(user);
    expect(firstRow!.name).toBe("Passkey");
    const done = await json<{ credential: CredentialView }>(await deactivate(user, firstRow!.id, added.passkey));
    expect(done.credential).toMatchObject({ id: firstRow!.id, active: false });
    expect((await listFor(user)).map((c) => [c.name, c.active])).toEqual([
      ["Passkey", false],
      ["Recovery key", true],
      ["Work laptop", true],
    ]);
    expect(await dfnsAcceptsPasskey(app, registered.username, first)).toBe(false);
    const audit = await app.database.prisma.auditEvent.findMany({
      where: { userId: user.id, type: { startsWith: "dfns.credential" } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((e) => e.type)).toEqual(["dfns.credential.created", "dfns.credential.deactivated"]);
  });

  it("never deactivates the last active passkey, nor the recovery key", async () => {
    const registered = await registeredUser(app);
    const { user, passkey } = registered;
    const [only, recoveryKey] = await listFor(user);

    const last = await app.call(beginDeactivate, user, { body: { credentialId: only!.id } });
    expect(last.status).toBe(409);
    expect(await errorOf(last)).toMatchObject({
      message: expect.stringMatching(/only active passkey.+Add another passkey first/),
      code: "last_passkey",
    });
    const recovery = await app.call(beginDeactivate, user, { body: { credentialId: recoveryKey!.id } });
    expect(recovery.status).toBe(409);
    expect((await errorOf(recovery)).code).toBe("not_a_passkey");
    expect(await dfnsAcceptsPasskey(app, registered.username, passkey)).toBe(true);
  });

  it("checks again on completion: of two passkeys deactivated in parallel, the second is refused", async () => {
    const registered = await registeredUser(app);
    const { user, passkey: first } = registered;
    const added = await addPasskey(user, first);
    await json(added.response);
    const [a, , b] = await listFor(user);
    const begin = async (id: string) =>
      (await json<{ action: BrowserUserAction }>(await app.call(beginDeactivate, user, { body: { credentialId: id } })))
        .action;
    const [actionA, actionB] = [await begin(a!.id), await begin(b!.id)];

    const completeWith = (action: BrowserUserAction, approver: SoftwarePasskey) =>
      app.call(completeDeactivate, user, {
        body: { actionId: action.id, assertion: approver.assert(action.challenge).credentialAssertion },
      });
    expect((await completeWith(actionB, first)).status).toBe(200);
    const refused = await completeWith(actionA, first);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe("last_passkey");
    expect(await dfnsAcceptsPasskey(app, registered.username, first)).toBe(true);
    expect((await listFor(user)).filter((c) => c.kind === "Fido2").map((c) => c.active)).toEqual([true, false]);
  });

  it.each([2, 10])(
    "of %i deactivations of two passkeys completed in parallel, one succeeds; the others get 409 in words; a passkey stays active",
    async (n) => {
      const registered = await registeredUser(app);
      const { user, passkey: first } = registered;
      const added = await addPasskey(user, first);
      await json(added.response);
      const [a, , b] = await listFor(user);
      const actions = await Promise.all(
        Array.from(
          { length: n },
          async (_, i) =>
            (
              await json<{ action: BrowserUserAction }>(
                await app.call(beginDeactivate, user, { body: { credentialId: (i % 2 ? a : b)!.id } }),
              )
            ).action,
        ),
      );
      const responses = await Promise.all(
        actions.map((action) =>
          app.call(completeDeactivate, user, {
            body: { actionId: action.id, assertion: first.assert(action.challenge).credentialAssertion },
          }),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(n - 1);
      for (const response of responses.filter((r) => r.status === 409)) {
        expect(await errorOf(response)).toMatchObject({
          message: expect.stringMatching(/only active passkey|already inactive|approve/),
          code: expect.stringMatching(/^(last_passkey|already_inactive)$/),
        });
      }
      const passkeys = (await listFor(user)).filter((c) => c.kind === "Fido2");
      expect(passkeys.filter((c) => c.active)).toHaveLength(1);
      const { dfnsUserId } = await app.database.prisma.dfnsUser.findUniqueOrThrow({ where: { userId: user.id } });
      expect(
        await app.dfnsStore.sandboxCredential.count({ where: { userId: dfnsUserId, kind: "Fido2", isActive: true } }),
      ).toBe(1); // at Dfns
      expect(
        (await dfnsAcceptsPasskey(app, registered.username, first)) ||
          (await dfnsAcceptsPasskey(app, registered.username, added.passkey)),
      ).toBe(true);
    },
  );

  it("answers another user's credential, action or challenge with 404 / 400, and changes nothing", async () => {
    const mine = await registeredUser(app);
    const theirs = await registeredUser(app);
    const [theirPasskey] = await listFor(theirs.user);

    const foreign = await app.call(beginDeactivate, mine.user, { body: { credentialId: theirPasskey!.id } });
    expect(foreign.status).toBe(404);
    expect((await errorOf(foreign)).code).toBe("credential_not_found");
    expect((await app.call(beginDeactivate, mine.user, { body: { credentialId: "no-such-id" } })).status).toBe(404);

    // Their challenge token does not open for me; a forged one neither.
    const { challengeToken } = await json<{ challengeToken: string }>(await app.call(challengeRoute, theirs.user));
    const credentialInfo = SoftwarePasskey.create({
      rpId: "localhost",
      origin: getEnv().appOrigin,
      challenge: "x",
    }).credentialInfo;
    for (const token of [challengeToken, "forged.token.value"]) {
      const response = await app.call(beginAdd, mine.user, {
        body: { challengeToken: token, name: "Mine", credentialInfo },
      });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe("challenge_invalid");
    }

    // Their pending action cannot be completed by me, even with their passkey's approval.
    const added = await json<{ challenge: RegistrationChallenge; challengeToken: string }>(
      await app.call(challengeRoute, theirs.user),
    );
    const created = SoftwarePasskey.create({
      rpId: added.challenge.rp.id,
      origin: getEnv().appOrigin,
      challenge: added.challenge.challenge,
      userId: added.challenge.user.id,
    });
    const { action } = await json<{ action: BrowserUserAction }>(
      await app.call(beginAdd, theirs.user, {
        body: { challengeToken: added.challengeToken, name: "Theirs", credentialInfo: created.credentialInfo },
      }),
    );
    const hijack = await app.call(completeAdd, mine.user, {
      body: { actionId: action.id, assertion: theirs.passkey.assert(action.challenge).credentialAssertion },
    });
    expect(hijack.status).toBe(404);
    expect(await listFor(theirs.user)).toHaveLength(2);
    expect(await listFor(mine.user)).toHaveLength(2);
  });

  it("refuses bad requests with the right status", async () => {
    const { user, passkey } = await registeredUser(app);
    const stranger = await app.createUser();
    expect((await app.call(list, null, { method: "GET" })).status).toBe(401);
    expect((await app.call(challengeRoute, user, { origin: "https://evil.example" })).status).toBe(403);
    expect((await app.call(beginDeactivate, user, { body: {} })).status).toBe(400);
    const { challengeToken } = await json<{ challengeToken: string }>(await app.call(challengeRoute, user));
    const credentialInfo = SoftwarePasskey.create({
      rpId: "localhost",
      origin: getEnv().appOrigin,
      challenge: "x",
    }).credentialInfo;
    const unnamed = await app.call(beginAdd, user, { body: { challengeToken, name: "   ", credentialInfo } });
    expect(unnamed.status).toBe(400);
    expect((await errorOf(unnamed)).message).toMatch(/Give the passkey a name/);
    for (const [route, method] of [
      [list, "GET"],
      [challengeRoute, "POST"],
    ] as const) {
      const response = await app.call(route, stranger, { method });
      expect(response.status).toBe(409);
      expect((await errorOf(response)).code).toBe("not_registered");
    }
    // An approval by a passkey that is not the user's.
    const outsider = SoftwarePasskey.create({ rpId: "localhost", origin: getEnv().appOrigin, challenge: "x" }).passkey;
    const { response } = await addPasskey(user, outsider);
    expect(response.status).toBe(403);
    expect(await listFor(user)).toHaveLength(2);
    expect((await addPasskey(user, passkey)).response.status).toBe(200);
  });
});
