import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { startApp, type AppHarness } from "@/lib/testing/app-harness";
import { registeredUser } from "@/lib/testing/registration";
import type { SoftwarePasskey } from "@/lib/testing/software-passkey";
import { requireDfnsUser } from "./end-user";
import { beginUserAction, completeUserAction } from "./user-action";

// A user action through the sandbox: the stored request runs once, only with the user's passkey
// over this challenge.

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => app.close());

const KIND = "SignMessage";

async function signingSetup() {
  const registered = await registeredUser(app);
  const dfnsUser = await requireDfnsUser(registered.user);
  const wallet = await app.database.prisma.wallet.findFirstOrThrow({
    where: { dfnsUserId: dfnsUser.id, network: "EthereumSepolia" },
  });
  const request = { walletId: wallet.dfnsWalletId, body: { kind: "Message", message: "0x68656c6c6f" } };
  const begin = () =>
    beginUserAction({
      dfnsUser,
      kind: KIND,
      request,
      init: (client) => client.wallets.generateSignatureInit(request as never),
    });
  const complete = (actionId: string, assertion: ReturnType<SoftwarePasskey["assert"]>["credentialAssertion"]) =>
    completeUserAction({
      dfnsUser,
      kind: KIND,
      actionId,
      assertion,
      complete: (client, stored, signed) => client.wallets.generateSignatureComplete(stored as never, signed),
    });
  return { ...registered, dfnsUser, begin, complete };
}

describe("user actions", () => {
  it("runs the stored request with the passkey's approval, once", async () => {
    const { passkey, begin, complete } = await signingSetup();
    const action = await begin();
    expect(action.allowCredentials).toEqual([passkey.credId]);
    expect(action.rpId).toBe(getEnv().passkey.rpId);
    expect(JSON.stringify(action)).not.toMatch(/eyJ|challengeIdentifier/);

    const assertion = passkey.assert(action.challenge).credentialAssertion;
    const { result, request } = await complete(action.id, assertion);
    expect(result).toMatchObject({ status: "Signed", requestBody: { kind: "Message", message: "0x68656c6c6f" } });
    expect(request.body).toEqual({ kind: "Message", message: "0x68656c6c6f" });

    // Replaying the same approval: the action is gone.
    await expect(complete(action.id, assertion)).rejects.toMatchObject({ status: 404 });
  });

  it("refuses another passkey, an assertion over another challenge, and another user's action", async () => {
    const { begin, complete, passkey } = await signingSetup();
    const other = await signingSetup();
    const action = await begin();

    await expect(complete(action.id, other.passkey.assert(action.challenge).credentialAssertion)).rejects.toMatchObject(
      {
        status: 403,
        code: "passkey_not_allowed",
      },
    );
    await expect(complete(action.id, passkey.assert("another challenge").credentialAssertion)).rejects.toMatchObject({
      status: 400,
      code: "challenge_mismatch",
    });
    await expect(other.complete(action.id, passkey.assert(action.challenge).credentialAssertion)).rejects.toMatchObject(
      { status: 404 },
    );

    // None of those used it up.
    const { result } = await complete(action.id, passkey.assert(action.challenge).credentialAssertion);
    expect(result).toMatchObject({ status: "Signed" });
  });

  it("turns a signature Dfns rejects into 403, and lets exactly one of parallel completions run", async () => {
    const { begin, complete, passkey } = await signingSetup();
    const action = await begin();
    const tampered = { ...passkey.assert(action.challenge).credentialAssertion };
    tampered.signature = passkey.assert("something else").credentialAssertion.signature;
    await expect(complete(action.id, tampered)).rejects.toMatchObject({ status: 403, code: "approval_refused" });

    const next = await begin();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => complete(next.id, passkey.assert(next.challenge).credentialAssertion)),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
  });

  it("sends Dfns the body exactly as it was signed, whatever order the database keeps JSON keys in", async () => {
    const { dfnsUser, passkey } = await signingSetup();
    const wallet = await app.database.prisma.wallet.findFirstOrThrow({
      where: { dfnsUserId: dfnsUser.id, network: "EthereumSepolia" },
    });
    // jsonb would store `kind` before `message` (shorter keys first); the signed body has them the other way round.
    const request = { walletId: wallet.dfnsWalletId, body: { message: "0x6869", kind: "Message" } };
    const action = await beginUserAction({
      dfnsUser,
      kind: KIND,
      request,
      init: (client) => client.wallets.generateSignatureInit(request as never),
    });
    const { result } = await completeUserAction({
      dfnsUser,
      kind: KIND,
      actionId: action.id,
      assertion: passkey.assert(action.challenge).credentialAssertion,
      complete: (client, stored, signed) => client.wallets.generateSignatureComplete(stored as never, signed),
    });
    expect(result).toMatchObject({ status: "Signed" });
  });

  it("answers a policy approval without its own handling with a 202 in words: waiting, until when, nothing to redo", async () => {
    const { begin, complete, passkey, user } = await signingSetup();
    const action = await begin();
    const waiting = await app.withSandbox({ policyApproval: true }, () =>
      complete(action.id, passkey.assert(action.challenge).credentialAssertion).catch((e: unknown) => e),
    );
    expect(waiting).toMatchObject({
      status: 202,
      code: "pending_approval",
      extras: { details: { approvalId: expect.stringMatching(/^ap-/) } },
    });
    expect((waiting as Error).message).toMatch(
      /^Waiting for approval: .* \(until \d+ \w+ \d{4}, \d\d:\d\d UTC\)\. It goes ahead once approved; you don't need to do it again\.$/,
    );
    expect(
      await app.database.prisma.auditEvent.count({ where: { userId: user.id, type: "dfns.approval.pending" } }),
    ).toBe(1);
  });

  it("refuses an expired action and forgets it", async () => {
    const { begin, complete, passkey } = await signingSetup();
    const action = await begin();
    await app.database.prisma.pendingUserAction.update({
      where: { id: action.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(complete(action.id, passkey.assert(action.challenge).credentialAssertion)).rejects.toMatchObject({
      status: 409,
      code: "action_expired",
    });
    expect(await app.database.prisma.pendingUserAction.count({ where: { id: action.id } })).toBe(0);
  });
});
