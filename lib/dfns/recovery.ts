import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { endAllSessions } from "@/lib/auth/session-version";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { withLease } from "@/lib/db/lease";
import type { DfnsUser, PendingRecovery } from "@/lib/generated/prisma/client";
import { conflict, describeDfnsFailure, isDfnsError } from "@/lib/http";
import { credentialsRefused, isUserNotFound } from "./answers";
import { serviceAccountClient, temporaryClient } from "./clients";
import { forgetEndUserToken, requireDfnsUser, withEndUserClient } from "./end-user";
import { recordRecoveryAttempt } from "./recovery-attempts";
import { recoveryNewCredentials } from "./recovery-request";
import type { CompleteRecoveryInput } from "./recovery-schema";
import { browserChallenge, PENDING_TTL_MS, type RegistrationChallenge } from "./registration";
import { open, seal } from "./secret-box";
import { syncCredentials, type DfnsListedCredential } from "./store";

// Delegated recovery (Dfns's Create Delegated Recovery Challenge, then Recover User), shaped like
// registration: the service account asks Dfns for a recovery challenge, whose temporary token
// stays sealed on the server; the browser decrypts the recovery key with the code, makes a new
// passkey and a new recovery key, signs them with the old recovery key; the server completes.
// Safe to retry:
// - start returns the pending challenge while it is valid; parallel starts take turns, so the
//   first asks Dfns (one attempt counted) and the others get its challenge;
// - complete claims the pending row by deleting it, so of parallel completes exactly one calls Dfns;
// - a Dfns refusal (4xx) leaves the row deleted and the old credentials untouched: start again;
// - a recovery Dfns did but whose answer was lost is adopted (`adoptLostRecovery`).

const TOKEN_PURPOSE = "recovery-temporary-token";

/** What the browser needs: WebAuthn options for the new passkey, and the wrapped old recovery key. */
export interface RecoveryChallenge {
  username: string;
  challenge: RegistrationChallenge;
  /** Dfns's `allowedRecoveryCredentials` entry: only the recovery code opens it, in the browser. */
  recoveryCredential: { id: string; encryptedRecoveryKey: string };
}

export type StartRecoveryResult = { status: "started"; expiresAt: string } & RecoveryChallenge;

function started(row: PendingRecovery): StartRecoveryResult {
  return {
    status: "started",
    expiresAt: row.expiresAt.toISOString(),
    ...(row.challenge as unknown as RecoveryChallenge),
  };
}

/**
 * The user's recovery challenge: the pending one while it is valid, else a new one from Dfns,
 * which counts as one attempt. Parallel starts take turns (a lease per user), so a burst asks
 * Dfns once, counts once, and every start of it gets that one challenge.
 */
export function startRecovery(user: SessionUser): Promise<StartRecoveryResult> {
  return withLease(`recovery-start:${user.id}`, () => startRecoveryNow(user), {
    busy: () =>
      conflict("Your recovery is already being started. Wait a moment, then try again.", {
        code: "recovery_in_progress",
      }),
  });
}

async function startRecoveryNow(user: SessionUser): Promise<StartRecoveryResult> {
  const dfnsUser = await requireDfnsUser(user);
  const prisma = await db();
  const now = new Date();
  const pending = await prisma.pendingRecovery.findUnique({ where: { userId: user.id } });
  if (pending && (await adoptLostRecovery(user, dfnsUser, pending)) !== null) {
    throw conflict(
      "Your recovery already went through (its answer was lost on the way). Use the passkey you made during the recovery, and keep the new recovery code you saved: the old ones no longer work.",
      { code: "already_recovered" },
    );
  }
  if (pending && pending.expiresAt > now) return started(pending);
  if (pending) await prisma.pendingRecovery.deleteMany({ where: { id: pending.id, expiresAt: { lte: now } } });

  const recoveryKey = dfnsUser.credentials.find((c) => c.kind === "RecoveryKey" && c.active);
  if (!recoveryKey) {
    throw conflict(
      "Your account has no recovery key, so it can't be recovered with a recovery code. Contact support.",
      {
        code: "no_recovery_key",
      },
    );
  }

  await recordRecoveryAttempt(user.id);
  const dfns = await serviceAccountClient();
  const response = await dfns.auth
    .createDelegatedRecoveryChallenge({ body: { username: dfnsUser.username, credentialId: recoveryKey.credId } })
    .catch((error: unknown) => {
      if (isUserNotFound(error)) {
        throw conflict("Dfns has no wallet account under your name, so there is nothing to recover. Contact support.", {
          code: "dfns_user_not_found",
        });
      }
      throw error;
    });
  const offered = response.allowedRecoveryCredentials.find((c) => c.id === recoveryKey.credId);
  if (!offered) throw new Error("Dfns's recovery challenge does not offer the recovery credential it was asked for");

  const challenge: RecoveryChallenge = {
    username: dfnsUser.username,
    challenge: browserChallenge(response),
    recoveryCredential: { id: offered.id, encryptedRecoveryKey: offered.encryptedRecoveryKey },
  };
  try {
    const row = await prisma.pendingRecovery.create({
      data: {
        userId: user.id,
        challenge: challenge as never,
        temporaryTokenEncrypted: seal(response.temporaryAuthenticationToken, TOKEN_PURPOSE),
        expiresAt: new Date(now.getTime() + PENDING_TTL_MS),
      },
    });
    await prisma.auditEvent.create({
      data: { userId: user.id, type: "dfns.recovery.started", detail: { dfnsUserId: dfnsUser.dfnsUserId } },
    });
    return started(row);
  } catch (error) {
    // A start whose lease ran out (a very slow Dfns) raced another: everyone gets the stored challenge.
    if (isUniqueViolation(error)) {
      return started(await prisma.pendingRecovery.findUniqueOrThrow({ where: { userId: user.id } }));
    }
    throw error;
  }
}

/**
 * Completes the pending recovery. Every session of the user ends with it (a thief's too): the
 * caller gives this browser a new one under the returned `sessionVersion`. `adopted`: Dfns had
 * recovered already, but its answer had been lost (see `adoptLostRecovery`).
 */
export async function completeRecovery(
  user: SessionUser,
  input: CompleteRecoveryInput,
): Promise<{ status: "recovered"; sessionVersion: number; adopted?: true }> {
  const dfnsUser = await requireDfnsUser(user);
  const prisma = await db();
  const pending = await prisma.pendingRecovery.findUnique({ where: { userId: user.id } });
  if (!pending || pending.expiresAt <= new Date()) {
    if (pending) await prisma.pendingRecovery.deleteMany({ where: { id: pending.id } });
    throw conflict(
      "Your recovery session has expired or was not started. Nothing was changed: start again with your recovery code.",
      {
        code: "recovery_expired",
      },
    );
  }
  // The claim: of parallel completes, exactly one deletes the row and goes on to Dfns.
  const claimed = await prisma.pendingRecovery.deleteMany({ where: { id: pending.id } });
  if (claimed.count !== 1) {
    throw conflict("Your recovery is already being completed. Wait a moment, then reload the page.", {
      code: "recovery_in_progress",
    });
  }

  let recovered;
  try {
    const dfns = await temporaryClient(open(pending.temporaryTokenEncrypted, TOKEN_PURPOSE));
    recovered = await dfns.auth.recover({
      body: { recovery: input.recovery, newCredentials: recoveryNewCredentials(input) },
    });
  } catch (error) {
    // The answer may have been lost after Dfns recovered (a timeout, a reset, a 5xx; or, on a
    // retry, a refusal of the spent token): if Dfns already has the new credentials, adopt them.
    const adopted = await adoptLostRecovery(user, dfnsUser, pending);
    if (adopted !== null) return { status: "recovered", sessionVersion: adopted, adopted: true };
    // Refused (4xx): Dfns changed nothing and this challenge is spent; the user starts again.
    // Otherwise (network, 5xx) the same challenge may be retried: put the row back.
    if (isDfnsError(error) && error.httpStatus >= 400 && error.httpStatus < 500) {
      await prisma.auditEvent.create({
        data: { userId: user.id, type: "dfns.recovery.refused", detail: { status: error.httpStatus } },
      });
      throw credentialsRefused(error, "recovery");
    } else {
      await prisma.pendingRecovery
        .create({ data: { ...pending, challenge: pending.challenge as never } })
        .catch(() => {}); // unless a new start took its place
    }
    throw error;
  }

  // Every old credential is dead at Dfns now. Read back what it lists; if that fails, record what
  // the answer says, and the credentials page reads the rest later.
  const listed = await listCredentialsAfterRecovery(dfnsUser).catch((error: unknown) => {
    console.error(`[recovery] ${describeDfnsFailure(error, "list the credentials after the recovery")}`);
    return null;
  });
  const sessionVersion = await prisma.$transaction(async (tx) => {
    if (listed) {
      await syncCredentials(tx, dfnsUser.id, listed);
    } else {
      await tx.credential.updateMany({ where: { dfnsUserId: dfnsUser.id }, data: { active: false } });
      const { uuid, kind, name } = recovered.credential;
      await tx.credential.create({
        data: {
          dfnsUserId: dfnsUser.id,
          dfnsUuid: uuid,
          credId: input.firstFactorCredential.credentialInfo.credId,
          kind,
          name,
        },
      });
    }
    await tx.auditEvent.create({
      data: {
        userId: user.id,
        type: "dfns.recovery.completed",
        detail: { dfnsUserId: dfnsUser.dfnsUserId, credential: recovered.credential.uuid },
      },
    });
    return endAllSessions(user.id, tx);
  });
  return { status: "recovered", sessionVersion };
}

/**
 * Issue: a recovery whose answer was lost leaves the app's credential rows stale. Dfns disables
 * every old credential when it recovers, so if the recovery key this pending recovery was made
 * for is no longer active at Dfns, the recovery happened: the rows are brought up to date from
 * Dfns's list, the pending recovery is done, every session ends, and the new session version is
 * returned. Null when it did not happen, or when Dfns cannot tell us now (then nothing changes).
 */
async function adoptLostRecovery(
  user: SessionUser,
  dfnsUser: DfnsUser,
  pending: PendingRecovery,
): Promise<number | null> {
  const oldRecoveryKey = (pending.challenge as unknown as RecoveryChallenge).recoveryCredential.id;
  const listed = await listCredentialsAfterRecovery(dfnsUser).catch(() => null);
  if (!listed || listed.some((c) => c.credentialId === oldRecoveryKey && c.isActive)) return null;
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await syncCredentials(tx, dfnsUser.id, listed);
    await tx.pendingRecovery.deleteMany({ where: { userId: user.id } });
    await tx.auditEvent.create({
      data: { userId: user.id, type: "dfns.recovery.adopted", detail: { dfnsUserId: dfnsUser.dfnsUserId } },
    });
    // A recovery ends every session, whether its answer arrived or not.
    return endAllSessions(user.id, tx);
  });
}

/** The list after a fresh delegated login: a cached end-user token predates the recovery. */
async function listCredentialsAfterRecovery(dfnsUser: DfnsUser): Promise<DfnsListedCredential[]> {
  await forgetEndUserToken(dfnsUser.id);
  return (await withEndUserClient(dfnsUser, (client) => client.auth.listCredentials())).items;
}
