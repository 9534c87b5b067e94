import "server-only";
import type { DfnsDelegatedApiClient } from "@dfns/sdk";
import type { SignUserActionChallengeRequest, UserActionChallengeResponse } from "@dfns/sdk/baseAuthApi";
import { db } from "@/lib/db";
import type { DfnsUser, Prisma } from "@/lib/generated/prisma/client";
import { advisoryLockId, lockUntilCommit } from "@/lib/db/advisory-lock";
import { formatUtc } from "@/lib/format-date";
import { badRequest, conflict, forbidden, HttpError, isDfnsError, notFound } from "@/lib/http";
import { tooManyAttempts } from "@/lib/rate-limit";
import type { BrowserUserAction } from "@/lib/passkeys/types";
import { isPolicyPending, isUserActionUsed, pendingApproval, type PendingApproval } from "./answers";
import { withEndUserClient } from "./end-user";
import { passkeyRelyingParty } from "./relying-party";
import type { Fido2AssertionInput } from "./user-action-schema";

// Dfns user actions (a signature, a new wallet, a new passkey…) in two routes:
// 1. begin: the server makes the Dfns request, asks Dfns for its challenge (xxxInit), stores both
//    and gives the browser only what WebAuthn needs;
// 2. complete: the browser returns the passkey's assertion; the server checks it answers this
//    challenge with one of the allowed passkeys, claims the action once, and runs the STORED
//    request with it (xxxComplete). The browser can neither change the request nor replay it.

/** The answer for an action that is not this user's pending one (used, unknown, someone else's). */
export const actionNotFound = () =>
  notFound("This request was already used or does not exist. Start again.", { code: "action_not_found" });

/** Shorter than Dfns's challenge lifetime (5 min), so an action is never sent to die at Dfns. */
const ACTION_TTL_MS = 4 * 60 * 1000;

type EndUser = Pick<DfnsUser, "id" | "userId" | "username">;

/** A user's most pending actions at once: each holds a Dfns challenge and a row until used or expired. */
export const MAX_PENDING_ACTIONS = 10;
/** Expired actions of any user deleted with each new one: the table stays near its live size. */
const PRUNE_BATCH = 20;

/**
 * Starts a user action: reserves a place among the user's pending actions (429 beyond
 * MAX_PENDING_ACTIONS, before anything is asked of Dfns), asks Dfns for the challenge, and keeps
 * it with the request. The browser gets only what WebAuthn needs.
 */
export async function beginUserAction(args: {
  dfnsUser: EndUser;
  kind: string;
  request: Prisma.InputJsonObject;
  init: (client: DfnsDelegatedApiClient) => Promise<UserActionChallengeResponse>;
  /**
   * Stores what the action is for (e.g. the transfer it will send) in the same transaction as the
   * action itself: both are kept, or neither.
   */
  store?: (tx: Prisma.TransactionClient, actionId: string) => Promise<unknown>;
}): Promise<BrowserUserAction> {
  const prisma = await db();
  const reserved = await reservePendingAction(args.dfnsUser.userId, args.kind, args.request);
  try {
    const challenge = await withEndUserClient(args.dfnsUser, args.init);
    const rpId = passkeyRelyingParty(challenge.rp).id; // a mismatch is refused before the passkey is asked
    const allowCredentials = challenge.allowCredentials.webauthn.map((credential) => credential.id);
    if (allowCredentials.length === 0) {
      throw conflict("You have no active passkey to approve this with. Recover your account to add one.", {
        code: "no_passkey",
      });
    }
    // The challenge and what the action is for (e.g. the transfer it will send): both kept, or neither.
    const action = await prisma.$transaction(async (tx) => {
      const updated = await tx.pendingUserAction.update({
        where: { id: reserved.id },
        data: { challengeIdentifier: challenge.challengeIdentifier, challenge: challenge.challenge, allowCredentials },
      });
      await args.store?.(tx, updated.id);
      return updated;
    });
    return {
      id: action.id,
      challenge: action.challenge,
      rpId,
      allowCredentials,
      userVerification: challenge.userVerification ?? "required",
      expiresAt: action.expiresAt.toISOString(),
    };
  } catch (error) {
    // Its place among the user's pending actions is given back: nothing can complete it.
    await prisma.pendingUserAction.deleteMany({ where: { id: reserved.id } });
    throw error;
  }
}

/**
 * The row of a new pending action, without its challenge yet (no passkey can complete it: it
 * allows none), or a 429 when the user already has MAX_PENDING_ACTIONS live ones. Parallel
 * starts of one user take turns on an advisory lock, so the count and the insert are one step.
 */
async function reservePendingAction(
  userId: string,
  kind: string,
  request: Prisma.InputJsonObject,
): Promise<{ id: string }> {
  const now = new Date();
  const outcome = await (
    await db()
  ).$transaction(async (tx) => {
    await lockUntilCommit(tx, advisoryLockId(`pending-user-actions:${userId}`));
    // Rows another transaction is deleting are skipped, not waited for.
    await tx.$executeRaw`DELETE FROM "PendingUserAction" WHERE "id" IN (
      SELECT "id" FROM "PendingUserAction" WHERE "expiresAt" <= ${now.toISOString()}::timestamp
      ORDER BY "expiresAt" LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED)`;
    await tx.pendingUserAction.deleteMany({ where: { userId, expiresAt: { lte: now } } });
    const live = await tx.pendingUserAction.findMany({
      where: { userId },
      orderBy: { expiresAt: "asc" },
      select: { expiresAt: true },
    });
    if (live.length >= MAX_PENDING_ACTIONS) return { full: true as const, freeAt: live[0]!.expiresAt };
    const row = await tx.pendingUserAction.create({
      data: {
        userId,
        kind,
        // Kept as its JSON text: jsonb reorders object keys, and Dfns checks the user action against
        // the exact bytes of the body signed at init, which the SDK sends again on completion.
        request: JSON.stringify(request),
        challengeIdentifier: "",
        challenge: "",
        allowCredentials: [],
        expiresAt: new Date(now.getTime() + ACTION_TTL_MS),
      },
      select: { id: true },
    });
    return { full: false as const, id: row.id };
  });
  if (!outcome.full) return { id: outcome.id };
  throw tooManyAttempts(
    outcome.freeAt.getTime() - now.getTime(),
    (wait) =>
      `You have ${MAX_PENDING_ACTIONS} requests waiting for your passkey's approval, the most at once. ` +
      `Approve one of them, or wait ${wait} until the oldest expires, then try again.`,
    "too_many_pending_actions",
  );
}

/**
 * Completes the user's pending action `actionId` of this `kind` with the passkey's assertion.
 * Another user's action, a used one, or one of another kind: 404. Returns what `complete`
 * returned and the stored request it ran.
 */
export async function completeUserAction<Request extends Prisma.JsonObject, Result>(args: {
  dfnsUser: EndUser;
  kind: string;
  actionId: string;
  assertion: Fido2AssertionInput;
  /**
   * Checks the stored request against the route (e.g. that it signs with the wallet in the path)
   * before anything is claimed: what it throws is answered and the action stays usable.
   */
  beforeClaim?: (request: Request) => void | Promise<void>;
  complete: (
    client: DfnsDelegatedApiClient,
    request: Request,
    signed: SignUserActionChallengeRequest,
  ) => Promise<Result>;
  /**
   * Dfns answered 202: a policy asks for an approval first. Dfns keeps the request (the user
   * action is spent), so this records it as waiting and returns what `complete` would have.
   * Without it the answer is a 202 in words (`waitingForApproval`).
   */
  onPolicyPending?: (approval: PendingApproval, request: Request) => Result | Promise<Result>;
}): Promise<{ result: Result; request: Request }> {
  const prisma = await db();
  const action = await prisma.pendingUserAction.findFirst({
    where: { id: args.actionId, userId: args.dfnsUser.userId, kind: args.kind },
  });
  if (!action) throw actionNotFound();
  const request = JSON.parse(action.request as string) as Request;
  await args.beforeClaim?.(request);
  if (action.expiresAt <= new Date()) {
    await prisma.pendingUserAction.deleteMany({ where: { id: action.id } });
    throw conflict("The passkey request expired before it was approved. Start again.", { code: "action_expired" });
  }
  if (!(action.allowCredentials as string[]).includes(args.assertion.credId)) {
    throw forbidden(
      "This passkey can't approve requests for your wallet. Use the passkey you created for this account.",
      {
        code: "passkey_not_allowed",
      },
    );
  }
  if (!answersChallenge(args.assertion.clientData, action.challenge)) {
    throw badRequest("The passkey signed something other than this request. Start again.", {
      code: "challenge_mismatch",
    });
  }

  // One completion per action, even with parallel requests: the delete is the claim.
  const claimed = await prisma.pendingUserAction.deleteMany({ where: { id: action.id } });
  if (claimed.count !== 1) throw actionNotFound();

  const signed: SignUserActionChallengeRequest = {
    challengeIdentifier: action.challengeIdentifier,
    firstFactor: { kind: "Fido2", credentialAssertion: args.assertion },
  };
  try {
    const result = await withEndUserClient(args.dfnsUser, (client) => args.complete(client, request, signed));
    return { result, request };
  } catch (error) {
    if (isPolicyPending(error)) {
      const approval = pendingApproval(error);
      await prisma.auditEvent.create({
        data: {
          userId: args.dfnsUser.userId,
          type: "dfns.approval.pending",
          detail: { kind: args.kind, approvalId: approval.id ?? null },
        },
      });
      if (!args.onPolicyPending) throw waitingForApproval(approval);
      return { result: await args.onPolicyPending(approval, request), request };
    }
    if (isUserActionUsed(error)) throw actionNotFound(); // spent at Dfns already: never sent twice
    if (isDfnsError(error) && (error.httpStatus === 401 || error.httpStatus === 403)) {
      throw forbidden(
        "Dfns did not accept the passkey's approval. Start again, and approve with this account's passkey.",
        {
          code: "approval_refused",
        },
      );
    }
    throw error;
  }
}

/** A 202 in words: Dfns has the request, and a policy wants someone to approve it first. */
export function waitingForApproval(approval: PendingApproval): HttpError {
  const until = approval.expiresAt ? ` (until ${formatUtc(approval.expiresAt)})` : "";
  return new HttpError(
    202,
    "pending_approval",
    `Waiting for approval: your organization's policy asks for someone to approve this first${until}. It goes ahead once approved; you don't need to do it again.`,
    { details: { approvalId: approval.id ?? null, expiresAt: approval.expiresAt ?? null } },
  );
}

/** Whether clientDataJSON is a WebAuthn assertion over `challenge` (as the SDK encodes it: UTF-8 bytes). */
function answersChallenge(clientData: string, challenge: string): boolean {
  try {
    const parsed = JSON.parse(Buffer.from(clientData, "base64url").toString("utf8")) as {
      type?: unknown;
      challenge?: unknown;
    };
    return parsed.type === "webauthn.get" && parsed.challenge === Buffer.from(challenge, "utf8").toString("base64url");
  } catch {
    return false;
  }
}
