import type { z } from "zod";
import {
  authenticateServiceAccount,
  requireOperation,
  checkUserAction,
  spendOnce,
  temporaryToken,
  userActionReused,
  type Tx,
} from "../auth";
import { createChallenge, loadTemporaryChallenge } from "../challenges";
import { SandboxError, unauthorized } from "../errors";
import { json, parseBody } from "../http";
import { newId } from "../ids";
import { credentialSummary, storeCredentials, verifyNewCredentials } from "../new-credentials";
import type { RequestContext, Route } from "../router";
import type { Sandbox } from "../sandbox";
import { delegatedRegistrationSchema, newCredentialsSchema, registerEndUserSchema } from "../schemas";
import type { TokenClaims } from "../tokens";
import { endUserToken } from "../end-user-token";
import { createWallets, prepareWallets } from "../wallet-store";
import { credentialCreationOptions } from "../serialize";

// POST /auth/registration/delegated: a service account creates (or restarts) an end user's registration.
const delegated: Route = {
  method: "POST",
  pattern: "/auth/registration/delegated",
  async handler(ctx) {
    const caller = await authenticateServiceAccount(ctx);
    requireOperation(ctx, caller, "Auth:Register:Delegated");
    const userAction = checkUserAction(ctx, caller);
    const body = parseBody(ctx.rawBody, delegatedRegistrationSchema);
    const { sandbox } = ctx;

    const user = await sandbox.prisma.$transaction(async (tx) => {
      await spendOnce(tx, userAction, userActionReused());
      // Insert first, read only if the username is taken: a new user costs one query, not two.
      const [created] = await tx.sandboxUser.createManyAndReturn({
        data: {
          id: newId("us"),
          orgId: sandbox.org.id,
          username: body.email,
          kind: "EndUser",
          externalId: body.externalId ?? null,
        },
        skipDuplicates: true,
      });
      if (created) return created;
      const existing = await tx.sandboxUser.findUniqueOrThrow({
        where: { orgId_username: { orgId: sandbox.org.id, username: body.email } },
      });
      if (existing.registered || sandbox.config.behaviour.unfinishedRegistration === "user-exists")
        throw userAlreadyExists(sandbox);
      return existing; // never completed: a fresh challenge for the same user
    });
    const { challenge, token } = createChallenge(sandbox, { kind: "Registration", userId: user.id });
    return json({
      user: { id: user.id, displayName: user.username, name: user.username },
      temporaryAuthenticationToken: token,
      challenge,
      ...credentialCreationOptions(sandbox.config, []),
    });
  },
};

/**
 * Flips the user's `registered` flag and returns the user. Atomic: of two registrations racing
 * for one user (two challenges), one flips it. The read that tells why is on the failure path only.
 */
async function markRegistered(tx: Tx, sandbox: Sandbox, userId: string) {
  const [user] = await tx.sandboxUser.updateManyAndReturn({
    where: { id: userId, registered: false },
    data: { registered: true },
  });
  if (user) return user;
  if (!(await tx.sandboxUser.findUnique({ where: { id: userId }, select: { id: true } }))) {
    throw unauthorized("The user of this registration no longer exists");
  }
  throw userAlreadyExists(sandbox);
}

/** "User already exists.": 401 in Dfns's error table, 409 behind the switch (the generic rule). */
const userAlreadyExists = (sandbox: Sandbox) =>
  new SandboxError(sandbox.config.behaviour.userExistsStatus, "User already exists.");

async function completeRegistration(
  ctx: RequestContext,
  claims: TokenClaims,
  body: z.infer<typeof newCredentialsSchema>,
  walletSpecs: { network: string; name?: string }[] | undefined,
) {
  const { sandbox } = ctx;
  const challenge = loadTemporaryChallenge(claims);

  // Everything that can fail on the client's input fails before anything is written.
  const wallets = walletSpecs ? prepareWallets(walletSpecs) : [];
  const inputs = [body.firstFactorCredential, body.secondFactorCredential, body.recoveryCredential].filter(
    (c) => c !== undefined,
  );
  const verified = await verifyNewCredentials(sandbox, challenge.challenge, inputs);

  const { user, credentials, createdWallets } = await sandbox.prisma.$transaction(async (tx) => {
    await spendOnce(tx, claims, unauthorized("Temporary authentication token has already been used"));
    const user = await markRegistered(tx, sandbox, challenge.userId);
    const credentials = await storeCredentials(tx, user.id, verified);
    const createdWallets = await createWallets(tx, sandbox, user.id, wallets);
    return { user, credentials, createdWallets };
  });

  return {
    credential: credentialSummary(credentials[0]!),
    user: { id: user.id, username: user.username, orgId: sandbox.org.id },
    authentication: {
      token: endUserToken(sandbox, user.id),
    },
    wallets: createdWallets,
  };
}

// POST /auth/registration/enduser: Complete End User Registration with Wallets.
const endUser: Route = {
  method: "POST",
  pattern: "/auth/registration/enduser",
  async handler(ctx) {
    const claims = temporaryToken(ctx, "Registration");
    const body = parseBody(ctx.rawBody, registerEndUserSchema);
    return json(await completeRegistration(ctx, claims, body, body.wallets));
  },
};

// POST /auth/registration: Complete User Registration (no wallets, no token in the response).
const register: Route = {
  method: "POST",
  pattern: "/auth/registration",
  async handler(ctx) {
    const claims = temporaryToken(ctx, "Registration");
    const body = parseBody(ctx.rawBody, newCredentialsSchema);
    const { credential, user } = await completeRegistration(ctx, claims, body, undefined);
    return json({ credential, user });
  },
};

export const registrationRoutes = [delegated, endUser, register];
