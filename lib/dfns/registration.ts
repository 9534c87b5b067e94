import "server-only";
import type { CreateDelegatedRegistrationChallengeResponse } from "@dfns/sdk/generated/auth/types";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { getEnv } from "@/lib/env";
import type { PendingRegistration } from "@/lib/generated/prisma/client";
import { conflict, isDfnsError } from "@/lib/http";
import { credentialsRefused, isExternalIdTaken, isUserAlreadyExists, isUserNotFound } from "./answers";
import { endUserClient, serviceAccountClient, temporaryClient } from "./clients";
import { passkeyRelyingParty } from "./relying-party";
import { CREDENTIAL_NAMES } from "./credential-names";
import type { CompleteRegistrationInput } from "./registration-schema";
import { open, seal } from "./secret-box";
import { saveDfnsUser, type DfnsWalletData } from "./store";
import { tokenUserId } from "./token";

// Delegated registration (README, "Architecture"). Every step is safe to retry:
// - start returns the pending challenge while it is valid, and one row per user (unique userId)
//   decides between parallel starts;
// - complete claims the pending row (Started → Completing) with one atomic update, so of
//   parallel completes exactly one calls Dfns;
// - a user Dfns already knows (a completion whose answer was lost) is adopted, never re-created.

/** Less than the temporary token's own lifetime, so the server never hands out a dead one. */
export const PENDING_TTL_MS = 14 * 60 * 1000;
const TOKEN_PURPOSE = "registration-temporary-token";

/** What the browser needs for WebAuthn, and nothing else (no temporary token). */
type WebAuthnFields =
  "challenge" | "user" | "pubKeyCredParams" | "authenticatorSelection" | "attestation" | "excludeCredentials";
export type RegistrationChallenge = Pick<CreateDelegatedRegistrationChallengeResponse, WebAuthnFields> & {
  rp: { id: string; name: string };
};

export type StartResult =
  | { status: "registered" }
  | { status: "started"; username: string; expiresAt: string; challenge: RegistrationChallenge };

/** The WebAuthn part of a Dfns registration, recovery or new-credential challenge: what the browser gets. */
export function browserChallenge(
  response: Pick<CreateDelegatedRegistrationChallengeResponse, WebAuthnFields | "rp">,
): RegistrationChallenge {
  const { challenge, rp, user, pubKeyCredParams, authenticatorSelection, attestation, excludeCredentials } = response;
  return {
    challenge,
    rp: passkeyRelyingParty(rp),
    user,
    pubKeyCredParams,
    authenticatorSelection,
    attestation,
    excludeCredentials,
  };
}

/** The Dfns username of an app user: the email, as Dfns's delegated registration takes it. */
export const dfnsUsername = (user: Pick<SessionUser, "email">) => user.email.trim().toLowerCase();

/** How many Dfns usernames one app user may go through (see `registrationUsername`). */
export const MAX_REGISTRATION_ATTEMPTS = 5;

/**
 * The Dfns username and externalId of an app user's `attempt`-th registration (from 1). The first
 * is the email and the app user's id. Dfns may refuse a new challenge for a username whose
 * registration never completed ("User already exists."; its documents do not say, and 0.8.x has
 * no restart call), and documents a reused externalId as a 409: then the next attempt tags both,
 * `name+dfns2-<app user id>@domain`. The app user's id in the tag makes the username this user's
 * alone, so adopting it (delegated login) can never reach another user's wallets.
 */
export function registrationUsername(
  user: Pick<SessionUser, "id" | "email">,
  attempt: number,
): { username: string; externalId: string } {
  const email = dfnsUsername(user);
  if (attempt === 1) return { username: email, externalId: user.id };
  const at = email.lastIndexOf("@");
  return {
    username: `${email.slice(0, at)}+dfns${attempt}-${user.id.toLowerCase()}${email.slice(at)}`,
    externalId: `${user.id}:${attempt}`,
  };
}

/**
 * A new registration challenge, trying the user's usernames in order. A username Dfns already
 * has is either this user's finished registration whose answer was lost (delegated login works:
 * adopt it) or an unfinished one Dfns will not restart (login says "User not found": next one).
 */
async function createChallengeOrAdopt(
  user: SessionUser,
): Promise<"registered" | { username: string; response: CreateDelegatedRegistrationChallengeResponse }> {
  const dfns = await serviceAccountClient();
  for (let attempt = 1; attempt <= MAX_REGISTRATION_ATTEMPTS; attempt++) {
    const { username, externalId } = registrationUsername(user, attempt);
    try {
      const response = await dfns.auth.createDelegatedRegistrationChallenge({
        body: { kind: "EndUser", email: username, externalId },
      });
      return { username, response };
    } catch (error) {
      // 401 in Dfns's error table, 409 by its generic rule: recognised by the message.
      if (!isUserAlreadyExists(error) && !isExternalIdTaken(error)) throw error;
    }
    try {
      await adoptRegisteredDfnsUser(user, username);
      return "registered";
    } catch (error) {
      if (!isUserNotFound(error)) throw error;
    }
  }
  throw conflict(
    "Your wallet registration was started too many times without finishing. Contact support to clear it.",
    {
      code: "registration_attempts_exhausted",
    },
  );
}

function started(row: PendingRegistration): StartResult {
  return {
    status: "started",
    username: row.username,
    expiresAt: row.expiresAt.toISOString(),
    challenge: row.challenge as unknown as RegistrationChallenge,
  };
}

export async function startRegistration(user: SessionUser): Promise<StartResult> {
  const prisma = await db();
  if (await prisma.dfnsUser.findUnique({ where: { userId: user.id } })) return { status: "registered" };

  const now = new Date();
  const pending = await prisma.pendingRegistration.findUnique({ where: { userId: user.id } });
  if (pending && pending.expiresAt > now) return started(pending);
  if (pending) await prisma.pendingRegistration.deleteMany({ where: { id: pending.id, expiresAt: { lte: now } } });

  const challenged = await createChallengeOrAdopt(user);
  if (challenged === "registered") return { status: "registered" };
  const { username, response } = challenged;

  const dfnsUser = response.user;
  const webauthn = browserChallenge(response);
  try {
    const row = await prisma.pendingRegistration.create({
      data: {
        userId: user.id,
        dfnsUserId: dfnsUser.id,
        username,
        challenge: webauthn,
        temporaryTokenEncrypted: seal(response.temporaryAuthenticationToken, TOKEN_PURPOSE),
        state: "Started",
        expiresAt: new Date(now.getTime() + PENDING_TTL_MS),
      },
    });
    await prisma.auditEvent.create({
      data: { userId: user.id, type: "dfns.registration.started", detail: { dfnsUserId: dfnsUser.id } },
    });
    return started(row);
  } catch (error) {
    // A parallel start won the race: everyone gets its challenge.
    if (isUniqueViolation(error)) {
      return started(await prisma.pendingRegistration.findUniqueOrThrow({ where: { userId: user.id } }));
    }
    throw error;
  }
}

export interface CompleteResult {
  status: "registered";
  wallets: { id: string; network: string; address?: string }[];
}

export async function completeRegistration(
  user: SessionUser,
  input: CompleteRegistrationInput,
): Promise<CompleteResult> {
  const prisma = await db();
  // The claim reads the row it claims: one query on the way that succeeds. (A registered user has
  // no pending row, so its claim fails and is told why below.)
  const [pending] = await prisma.pendingRegistration.updateManyAndReturn({
    where: { userId: user.id, state: "Started", expiresAt: { gt: new Date() } },
    data: { state: "Completing" },
  });
  if (!pending) {
    if (await prisma.dfnsUser.findUnique({ where: { userId: user.id } }))
      throw conflict("You already have a wallet.", { code: "already_registered" });
    const other = await prisma.pendingRegistration.findUnique({ where: { userId: user.id } });
    if (other?.state === "Completing" && other.expiresAt > new Date()) {
      throw conflict("Your registration is already being completed. Wait a moment, then reload the page.", {
        code: "registration_in_progress",
      });
    }
    throw conflict("Your registration session has expired or was not started. Start again to create a new passkey.", {
      code: "registration_expired",
    });
  }

  let registration: Registered;
  try {
    registration = await registerWithDfns(
      open(pending.temporaryTokenEncrypted, TOKEN_PURPOSE),
      pending.username,
      input,
    );
  } catch (error) {
    // Dfns refused (4xx): this challenge is done for, the user starts again. Otherwise
    // (network, 5xx) the same challenge may be retried.
    const refused = isDfnsError(error) && error.httpStatus >= 400 && error.httpStatus < 500;
    await (refused
      ? prisma.pendingRegistration.deleteMany({ where: { id: pending.id } })
      : prisma.pendingRegistration.updateMany({ where: { id: pending.id }, data: { state: "Started" } }));
    throw refused ? credentialsRefused(error, "registration") : error;
  }

  // The end-user token is used once, here, to read the credentials' ids; not stored.
  const { items: credentials } = await (await endUserClient(registration.token)).auth.listCredentials();
  await prisma.$transaction(async (tx) => {
    await saveDfnsUser(tx, {
      userId: user.id,
      dfnsUserId: registration.user.id,
      username: pending.username,
      credentials,
      wallets: registration.wallets,
    });
    await tx.pendingRegistration.delete({ where: { id: pending.id } });
    await tx.auditEvent.create({
      data: {
        userId: user.id,
        type: "dfns.registration.completed",
        detail: { dfnsUserId: registration.user.id, wallets: registration.wallets.length },
      },
    });
  });
  return {
    status: "registered",
    wallets: registration.wallets.map(({ id, network, address }) => ({ id, network, address })),
  };
}

interface Registered {
  user: { id: string };
  wallets: DfnsWalletData[];
  /** An end-user token, to read back the credentials. */
  token: string;
}

/**
 * Completes the registration at Dfns with the browser's passkey and recovery key. With wallet
 * networks configured: Complete End User Registration with Wallets (its answer has a token).
 * Without (DFNS_WALLET_NETWORKS=none): Complete User Registration, whose answer has no token, so
 * the service account logs the new user in to read its credentials.
 */
async function registerWithDfns(
  temporaryToken: string,
  username: string,
  input: CompleteRegistrationInput,
): Promise<Registered> {
  const dfns = await temporaryClient(temporaryToken);
  const credentials = {
    firstFactorCredential: {
      credentialKind: "Fido2" as const,
      credentialInfo: input.firstFactorCredential.credentialInfo,
      credentialName: CREDENTIAL_NAMES.passkey,
    },
    recoveryCredential: {
      credentialKind: "RecoveryKey" as const,
      credentialInfo: input.recoveryCredential.credentialInfo,
      encryptedPrivateKey: input.recoveryCredential.encryptedPrivateKey,
      credentialName: CREDENTIAL_NAMES.recoveryKey,
    },
  };
  const networks = getEnv().walletNetworks;
  if (networks.length > 0) {
    const answer = await dfns.auth.registerEndUser({
      body: { ...credentials, wallets: networks.map((network) => ({ network: network as never })) },
    });
    return { user: answer.user, wallets: answer.wallets, token: answer.authentication.token };
  }
  const answer = await dfns.auth.register({ body: credentials });
  const { token } = await (await serviceAccountClient()).auth.delegatedLogin({ body: { username } });
  return { user: answer.user, wallets: [], token };
}

/** Records a Dfns user that exists at Dfns but not here, from what Dfns says it has. */
async function adoptRegisteredDfnsUser(user: SessionUser, username: string): Promise<void> {
  const { token } = await (await serviceAccountClient()).auth.delegatedLogin({ body: { username } });
  const dfns = await endUserClient(token);
  const [{ items: wallets }, { items: credentials }] = await Promise.all([
    dfns.wallets.listWallets(),
    dfns.auth.listCredentials(),
  ]);
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    if (await tx.dfnsUser.findUnique({ where: { userId: user.id } })) return;
    await saveDfnsUser(tx, {
      userId: user.id,
      dfnsUserId: tokenUserId(token),
      username,
      credentials,
      wallets,
    });
    await tx.pendingRegistration.deleteMany({ where: { userId: user.id } });
    await tx.auditEvent.create({
      data: { userId: user.id, type: "dfns.registration.adopted", detail: { wallets: wallets.length } },
    });
  });
}
