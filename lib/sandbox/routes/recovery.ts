import { challengeMatches, verifyAssertion } from "../credentials";
import { parseClientData } from "../credentials/client-data";
import {
  authenticateServiceAccount,
  requireOperation,
  checkUserAction,
  spendOnce,
  temporaryToken,
  userActionReused,
} from "../auth";
import { createChallenge, loadTemporaryChallenge } from "../challenges";
import { notFound, unauthorized } from "../errors";
import { json, parseBody } from "../http";
import { credentialSummary, storeCredentials, verifyNewCredentials } from "../new-credentials";
import type { Route } from "../router";
import { delegatedRecoverySchema, recoverSchema } from "../schemas";
import { credentialCreationOptions } from "../serialize";

// POST /auth/recover/user/delegated: a recovery challenge for an end user's recovery key.
const delegatedRecovery: Route = {
  method: "POST",
  pattern: "/auth/recover/user/delegated",
  async handler(ctx) {
    const caller = await authenticateServiceAccount(ctx);
    requireOperation(ctx, caller, "Auth:Recover:Delegated");
    const userAction = checkUserAction(ctx, caller);
    const body = parseBody(ctx.rawBody, delegatedRecoverySchema);
    const { sandbox } = ctx;
    const user = await sandbox.prisma.sandboxUser.findUnique({
      where: { orgId_username: { orgId: sandbox.org.id, username: body.username } },
    });
    // Dfns documents an unknown user of delegated auth as 401 `User not found`.
    if (!user || user.kind !== "EndUser" || !user.registered) throw unauthorized("User not found");
    const credential = await sandbox.prisma.sandboxCredential.findUnique({ where: { credId: body.credentialId } });
    if (!credential || credential.userId !== user.id || !credential.isActive)
      throw notFound("Recovery credential not found");
    if (credential.kind !== "RecoveryKey") throw unauthorized("Credential cannot be used as a recovery factor.");

    await sandbox.prisma.$transaction((tx) => spendOnce(tx, userAction, userActionReused()));
    const active = await sandbox.prisma.sandboxCredential.findMany({
      where: { userId: user.id, isActive: true },
      select: { credId: true, kind: true },
    });
    const { challenge, token } = createChallenge(sandbox, { kind: "Recovery", userId: user.id });
    return json({
      user: { id: user.id, displayName: user.username, name: user.username },
      temporaryAuthenticationToken: token,
      challenge,
      ...credentialCreationOptions(
        sandbox.config,
        active.filter((c) => c.kind === "Fido2").map((c) => c.credId),
      ),
      allowedRecoveryCredentials: [
        { id: credential.credId, encryptedRecoveryKey: credential.encryptedPrivateKey ?? "" },
      ],
    });
  },
};

// POST /auth/recover/user: the recovery key signs the new credentials; every old credential dies.
const recover: Route = {
  method: "POST",
  pattern: "/auth/recover/user",
  async handler(ctx) {
    const claims = temporaryToken(ctx, "Recovery");
    const body = parseBody(ctx.rawBody, recoverSchema);
    const { sandbox } = ctx;
    const challenge = loadTemporaryChallenge(claims);

    const recoveryCredential = await sandbox.prisma.sandboxCredential.findUnique({
      where: { credId: body.recovery.credentialAssertion.credId },
    });
    if (!recoveryCredential || recoveryCredential.userId !== challenge.userId || !recoveryCredential.isActive) {
      throw unauthorized("Recovery credential is not an active credential of this user");
    }
    if (recoveryCredential.kind !== "RecoveryKey")
      throw unauthorized("Credential cannot be used as a recovery factor.");
    await verifyAssertion({
      assertion: body.recovery,
      challenge: recoverySignedChallenge(
        body.recovery.credentialAssertion.clientData,
        challenge.challenge,
        ctx.rawBody,
      ),
      credential: recoveryCredential,
      rp: { rpId: sandbox.config.rp.id, origins: sandbox.config.rp.origins },
    });
    const { firstFactorCredential, secondFactorCredential, recoveryCredential: newRecovery } = body.newCredentials;
    const inputs = [firstFactorCredential, secondFactorCredential, newRecovery].filter((c) => c !== undefined);
    const verified = await verifyNewCredentials(sandbox, challenge.challenge, inputs);

    const credentials = await sandbox.prisma.$transaction(async (tx) => {
      await spendOnce(tx, claims, unauthorized("Temporary authentication token has already been used"));
      await tx.sandboxCredential.updateMany({
        where: { userId: challenge.userId, isActive: true },
        data: { isActive: false },
      });
      return storeCredentials(tx, challenge.userId, verified);
    });
    const user = await sandbox.prisma.sandboxUser.findUniqueOrThrow({ where: { id: challenge.userId } });
    return json({
      credential: credentialSummary(credentials[0]!),
      user: { id: user.id, username: user.username, orgId: sandbox.org.id },
    });
  },
};

/**
 * What the recovery key signed. Dfns's documents: the new credentials themselves, as sent
 * (`base64url(JSON.stringify(newCredentials))`). Dfns's newest browser SDK: the recovery
 * challenge. Both bind the assertion to this recovery (the new credentials sign that challenge
 * too), so both are accepted, as Dfns very likely does: the client data's challenge says which.
 */
function recoverySignedChallenge(clientData: string, recoveryChallenge: string, rawBody: string): string {
  const signed = parseClientData(clientData).json.challenge;
  if (challengeMatches(signed, recoveryChallenge)) return recoveryChallenge;
  return JSON.stringify((JSON.parse(rawBody) as { newCredentials: unknown }).newCredentials);
}

export const recoveryRoutes = [delegatedRecovery, recover];
