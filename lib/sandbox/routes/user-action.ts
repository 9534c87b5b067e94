import { verifyAssertion } from "../credentials";
import { authenticate, payloadHash, spendOnce, type Tx } from "../auth";
import { createChallenge, loadChallenge } from "../challenges";
import { unauthorized, forbidden } from "../errors";
import { json, parseBody } from "../http";
import { newId } from "../ids";
import type { Route } from "../router";
import { userActionInitSchema, userActionSignSchema } from "../schemas";
import { announcedRp } from "../serialize";
import { issueToken } from "../tokens";

const SIGNING_KINDS = ["Fido2", "Key", "PasswordProtectedKey"];

// POST /auth/action/init: a challenge bound to the method, path and exact body of one request.
const init: Route = {
  method: "POST",
  pattern: "/auth/action/init",
  async handler(ctx) {
    const caller = await authenticate(ctx);
    const body = parseBody(ctx.rawBody, userActionInitSchema);
    const credentials = await ctx.sandbox.prisma.sandboxCredential.findMany({
      where: { userId: caller.userId, isActive: true, kind: { in: SIGNING_KINDS } },
      orderBy: { createdAt: "asc" },
    });
    const { challenge, token } = createChallenge(ctx.sandbox, {
      kind: "UserAction",
      userId: caller.userId,
      context: {
        method: body.userActionHttpMethod,
        path: body.userActionHttpPath.split("?")[0]!,
        payload: payloadHash(body.userActionPayload),
      },
    });
    const allow = (kind: string) =>
      credentials.filter((c) => c.kind === kind).map((c) => ({ type: "public-key" as const, id: c.credId }));
    return json({
      challenge,
      challengeIdentifier: token,
      ...announcedRp(ctx.sandbox.config),
      supportedCredentialKinds: SIGNING_KINDS.map((kind) => ({ kind, factor: "either", requiresSecondFactor: false })),
      userVerification: "required",
      attestation: "none",
      allowCredentials: {
        key: allow("Key"),
        webauthn: allow("Fido2"),
        passwordProtectedKey: credentials
          .filter((c) => c.kind === "PasswordProtectedKey")
          .map((c) => ({
            type: "public-key" as const,
            id: c.credId,
            encryptedPrivateKey: c.encryptedPrivateKey ?? "",
          })),
      },
      externalAuthenticationUrl: "",
    });
  },
};

// POST /auth/action: the signed challenge in, a single-use user action token out.
const sign: Route = {
  method: "POST",
  pattern: "/auth/action",
  async handler(ctx) {
    const caller = await authenticate(ctx);
    const body = parseBody(ctx.rawBody, userActionSignSchema);
    const { sandbox } = ctx;
    const { claims, challenge, context } = loadChallenge(
      sandbox,
      body.challengeIdentifier,
      "UserAction",
      caller.userId,
    );

    const factors = [body.firstFactor, ...(body.secondFactor ? [body.secondFactor] : [])];
    const verified = await Promise.all(
      factors.map(async (assertion) => {
        const credential = await sandbox.prisma.sandboxCredential.findUnique({
          where: { credId: assertion.credentialAssertion.credId },
        });
        if (!credential || credential.userId !== caller.userId || !credential.isActive) {
          throw unauthorized("Credential is not an active credential of this user");
        }
        if (!SIGNING_KINDS.includes(credential.kind))
          throw unauthorized(`A ${credential.kind} credential cannot sign user actions`);
        if (credential.kind !== assertion.kind)
          throw unauthorized(`Credential is a ${credential.kind}, not a ${assertion.kind}`);
        const { signCount } = await verifyAssertion({
          assertion,
          challenge,
          credential,
          rp: { rpId: sandbox.config.rp.id, origins: sandbox.config.rp.origins },
        });
        return { uuid: credential.uuid, signCount, changed: signCount !== credential.signCount };
      }),
    );

    const userAction = newId("to");
    const spend = (tx: Tx) =>
      spendOnce(tx, claims, forbidden("This challenge has already been signed: start a new user action"));
    // A Key credential's count never moves: then the spend is the only write, no transaction needed.
    const counters = verified.filter((v) => v.changed);
    if (counters.length === 0) await spend(sandbox.prisma);
    else {
      await sandbox.prisma.$transaction(async (tx) => {
        await spend(tx);
        for (const { uuid, signCount } of counters)
          await tx.sandboxCredential.update({ where: { uuid }, data: { signCount } });
      });
    }
    return json({
      userAction: issueToken(sandbox.org.jwtSecret, {
        id: userAction,
        orgId: sandbox.org.id,
        userId: caller.userId,
        kind: "UserAction",
        now: sandbox.config.now(),
        ttlSeconds: sandbox.config.ttl.userAction,
        ctx: { method: context.method!, path: context.path!, payload: context.payload! },
      }),
    });
  },
};

export const userActionRoutes = [init, sign];
