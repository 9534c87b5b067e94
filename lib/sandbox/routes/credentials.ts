import { authenticateEndUser, checkUserAction, spendOnce, userActionReused } from "../auth";
import { createChallenge, loadChallenge } from "../challenges";
import { badRequest, notFound } from "../errors";
import { json, parseBody } from "../http";
import { storeCredentials, verifyNewCredentials } from "../new-credentials";
import type { RequestContext, Route } from "../router";
import { createCredentialChallengeSchema, createCredentialSchema, credentialUuidSchema } from "../schemas";
import { credentialCreationOptions, credentialItem } from "../serialize";

// GET /auth/credentials: the caller's credentials, active or not.
const list: Route = {
  method: "GET",
  pattern: "/auth/credentials",
  async handler(ctx) {
    const caller = await authenticateEndUser(ctx);
    const rows = await ctx.sandbox.prisma.sandboxCredential.findMany({
      where: { userId: caller.userId },
      orderBy: { createdAt: "asc" },
    });
    return json({ items: rows.map(credentialItem) });
  },
};

// POST /auth/credentials/init: a challenge for a new credential of the caller.
const init: Route = {
  method: "POST",
  pattern: "/auth/credentials/init",
  async handler(ctx) {
    const caller = await authenticateEndUser(ctx);
    const { kind } = parseBody(ctx.rawBody, createCredentialChallengeSchema);
    const { sandbox } = ctx;
    const existing = await sandbox.prisma.sandboxCredential.findMany({
      where: { userId: caller.userId, isActive: true, kind: "Fido2" },
    });
    const { challenge, token } = createChallenge(sandbox, {
      kind: "Credential",
      userId: caller.userId,
      context: { kind },
    });
    const { rp, attestation, pubKeyCredParams, authenticatorSelection, excludeCredentials } = credentialCreationOptions(
      sandbox.config,
      existing.map((c) => c.credId),
    );
    return json({
      kind,
      user: { id: caller.userId, displayName: caller.username, name: caller.username },
      challengeIdentifier: token,
      challenge,
      ...(rp ? { rp } : {}),
      attestation,
      pubKeyCredParams,
      ...(kind === "Fido2" ? { authenticatorSelection, excludeCredentials } : {}),
      temporaryAuthenticationToken: token, // deprecated alias the SDK type still lists
    });
  },
};

// POST /auth/credentials: the new credential, signed over its challenge, authorized by a user action.
const create: Route = {
  method: "POST",
  pattern: "/auth/credentials",
  async handler(ctx) {
    const caller = await authenticateEndUser(ctx);
    const userAction = checkUserAction(ctx, caller);
    const body = parseBody(ctx.rawBody, createCredentialSchema);
    const { sandbox } = ctx;
    const { claims, challenge, context } = loadChallenge(
      sandbox,
      body.challengeIdentifier,
      "Credential",
      caller.userId,
    );
    if (context.kind !== body.credentialKind)
      throw badRequest(`The challenge was made for a ${context.kind} credential, not ${body.credentialKind}`);
    const verified = await verifyNewCredentials(sandbox, challenge, [body as never]);
    const [created] = await sandbox.prisma.$transaction(async (tx) => {
      await spendOnce(tx, userAction, userActionReused());
      await spendOnce(tx, claims, badRequest("This credential challenge has already been used"));
      return storeCredentials(tx, caller.userId, verified);
    });
    return json(credentialItem(created!));
  },
};

function setActive(isActive: boolean): Route {
  return {
    method: "PUT",
    pattern: isActive ? "/auth/credentials/activate" : "/auth/credentials/deactivate",
    async handler(ctx: RequestContext) {
      const caller = await authenticateEndUser(ctx);
      const userAction = checkUserAction(ctx, caller);
      const { credentialUuid } = parseBody(ctx.rawBody, credentialUuidSchema);
      const { sandbox } = ctx;
      const credential = await sandbox.prisma.sandboxCredential.findUnique({ where: { uuid: credentialUuid } });
      if (!credential || credential.userId !== caller.userId) throw notFound("Credential not found");
      await sandbox.prisma.$transaction(async (tx) => {
        await spendOnce(tx, userAction, userActionReused());
        await tx.sandboxCredential.update({ where: { uuid: credentialUuid }, data: { isActive } });
      });
      return json({ message: "success" });
    },
  };
}

export const credentialRoutes = [list, init, create, setActive(true), setActive(false)];
