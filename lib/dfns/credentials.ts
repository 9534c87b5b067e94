import "server-only";
import type { CreateCredentialRequest, DeactivateCredentialRequest } from "@dfns/sdk/generated/auth/types";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { withLease } from "@/lib/db/lease";
import type { Credential } from "@/lib/generated/prisma/client";
import { badRequest, conflict, describeDfnsFailure, isDfnsError, notFound } from "@/lib/http";
import { isNetworkError } from "@/lib/errors";
import type { BrowserUserAction } from "@/lib/passkeys/types";
import type { AddPasskeyInput } from "./credentials-schema";
import { requireDfnsUser, withEndUserClient, type DfnsUserWithCredentials } from "./end-user";
import { browserChallenge, type RegistrationChallenge } from "./registration";
import { open, seal } from "./secret-box";
import { syncCredentials, upsertCredential } from "./store";
import { beginUserAction, completeUserAction } from "./user-action";
import type { CompleteUserActionInput } from "./user-action-schema";

// The user's credentials: their passkeys and recovery key as Dfns lists them, a passkey added
// (Dfns's credential challenge, then a user action approved by a passkey the user already has),
// and a passkey deactivated (a user action too), never the last active one.

const CREATE = "CreateCredential";
const DEACTIVATE = "DeactivateCredential";

/** What pages show of a credential. `id` is the app's id, the one the routes take. */
export interface CredentialView {
  id: string;
  kind: string;
  name: string;
  active: boolean;
  createdAt: string;
}

const view = ({ id, kind, name, active, createdAt }: Credential): CredentialView => ({
  id,
  kind,
  name,
  active,
  createdAt: createdAt.toISOString(),
});

/** The challenge's identifier travels through the browser sealed and bound to the user: it is Dfns's, not the page's. */
const challengePurpose = (user: Pick<SessionUser, "id">) => `dfns-credential-challenge:${user.id}`;

/** Reads Dfns's list into the app's copy. */
async function refresh(dfnsUser: DfnsUserWithCredentials): Promise<Credential[]> {
  const { items } = await withEndUserClient(dfnsUser, (client) => client.auth.listCredentials());
  const prisma = await db();
  await prisma.$transaction((tx) => syncCredentials(tx, dfnsUser.id, items));
  return prisma.credential.findMany({ where: { dfnsUserId: dfnsUser.id }, orderBy: { createdAt: "asc" } });
}

/**
 * The user's credentials, oldest first, as Dfns lists them now. When Dfns cannot be reached, the
 * app's last copy, with `current: false` so the page can say so.
 */
export async function listCredentials(user: SessionUser): Promise<{ credentials: CredentialView[]; current: boolean }> {
  const dfnsUser = await requireDfnsUser(user);
  try {
    return { credentials: (await refresh(dfnsUser)).map(view), current: true };
  } catch (error) {
    if (!isDfnsError(error) && !isNetworkError(error)) throw error;
    console.error(`[credentials] ${describeDfnsFailure(error, "list the credentials")}; showing the stored ones`);
    const rows = [...dfnsUser.credentials].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    return { credentials: rows.map(view), current: false };
  }
}

/** Dfns's challenge for a new passkey: the WebAuthn options, and its identifier sealed. */
export async function newPasskeyChallenge(
  user: SessionUser,
): Promise<{ challenge: RegistrationChallenge; challengeToken: string }> {
  const dfnsUser = await requireDfnsUser(user);
  const response = await withEndUserClient(dfnsUser, (client) =>
    client.auth.createCredentialChallenge({ body: { kind: "Fido2" } }),
  );
  if (response.kind !== "Fido2")
    throw new Error(`Dfns answered a Fido2 credential challenge with a ${response.kind} one`);
  return {
    challenge: browserChallenge(response),
    challengeToken: seal(response.challengeIdentifier, challengePurpose(user)),
  };
}

/** The user action that adds the passkey the browser made over that challenge. */
export async function beginAddPasskey(
  user: SessionUser,
  input: AddPasskeyInput,
): Promise<{ action: BrowserUserAction }> {
  const dfnsUser = await requireDfnsUser(user);
  let challengeIdentifier: string;
  try {
    challengeIdentifier = open(input.challengeToken, challengePurpose(user));
  } catch {
    throw badRequest("This passkey request is not valid for your account. Start again.", { code: "challenge_invalid" });
  }
  const request: CreateCredentialRequest = {
    body: {
      credentialKind: "Fido2",
      credentialInfo: input.credentialInfo,
      credentialName: input.name,
      challengeIdentifier,
    },
  };
  const action = await beginUserAction({
    dfnsUser,
    kind: CREATE,
    request,
    init: (client) => client.auth.createCredentialInit(request),
  });
  return { action };
}

export async function completeAddPasskey(
  user: SessionUser,
  input: CompleteUserActionInput,
): Promise<{ credential: CredentialView }> {
  const dfnsUser = await requireDfnsUser(user);
  const { result } = await completeUserAction({
    dfnsUser,
    kind: CREATE,
    ...input,
    complete: (client, request: CreateCredentialRequest, signed) =>
      client.auth.createCredentialComplete(request, signed),
  });
  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    const created = await upsertCredential(tx, dfnsUser.id, result);
    await tx.auditEvent.create({
      data: {
        userId: user.id,
        type: "dfns.credential.created",
        detail: { credential: result.credentialUuid, kind: result.kind },
      },
    });
    return created;
  });
  return { credential: view(row) };
}

const noSuchPasskey = () => notFound("There is no such passkey on your account.", { code: "credential_not_found" });

const LAST_PASSKEY =
  "This is your only active passkey, and your wallet needs one. Add another passkey first, then deactivate this one.";

/** Refuses what must not be deactivated; `credentials` is the user's current list. */
function checkDeactivatable(
  target: Pick<Credential, "id" | "kind" | "active">,
  credentials: Pick<Credential, "id" | "kind" | "active">[],
) {
  if (target.kind !== "Fido2") {
    throw conflict(
      "Your recovery key can't be turned off here: it is how you get back in if you lose your passkeys. A recovery replaces it.",
      {
        code: "not_a_passkey",
      },
    );
  }
  if (!target.active) throw conflict("This passkey is already inactive.", { code: "already_inactive" });
  if (!credentials.some((c) => c.kind === "Fido2" && c.active && c.id !== target.id))
    throw conflict(LAST_PASSKEY, { code: "last_passkey" });
}

/** The user action that deactivates one of the user's passkeys (404 for anyone else's). */
export async function beginDeactivateCredential(
  user: SessionUser,
  credentialId: string,
): Promise<{ action: BrowserUserAction }> {
  const dfnsUser = await requireDfnsUser(user);
  const credentials = await refresh(dfnsUser);
  const target = credentials.find((c) => c.id === credentialId);
  if (!target) throw noSuchPasskey();
  checkDeactivatable(target, credentials);
  const request: DeactivateCredentialRequest = { body: { credentialUuid: target.dfnsUuid } };
  const action = await beginUserAction({
    dfnsUser,
    kind: DEACTIVATE,
    request,
    init: (client) => client.auth.deactivateCredentialInit(request),
  });
  return { action };
}

/**
 * Deactivates the passkey, approved by a passkey. A user's deactivations take turns (a lease per
 * user, held across Dfns's list and deactivation), so "another passkey stays active" still holds
 * when the deactivation runs: of parallel ones that would leave none, the later are refused (409).
 */
export async function completeDeactivateCredential(
  user: SessionUser,
  input: CompleteUserActionInput,
): Promise<{ credential: CredentialView }> {
  const dfnsUser = await requireDfnsUser(user);
  return withLease(`credential-deactivate:${dfnsUser.id}`, () => deactivateApproved(user, dfnsUser, input), {
    busy: () =>
      conflict("Another change to your passkeys is under way. Wait a moment, then reload this page.", {
        code: "credentials_busy",
      }),
  });
}

async function deactivateApproved(
  user: SessionUser,
  dfnsUser: DfnsUserWithCredentials,
  input: CompleteUserActionInput,
): Promise<{ credential: CredentialView }> {
  const { request } = await completeUserAction({
    dfnsUser,
    kind: DEACTIVATE,
    ...input,
    complete: async (client, request: DeactivateCredentialRequest, signed) => {
      // Checked again with Dfns's list: another passkey may have been deactivated since this began.
      const { items } = await client.auth.listCredentials();
      const listed = items.map((c) => ({ id: c.credentialUuid, kind: c.kind, active: c.isActive }));
      const target = listed.find((c) => c.id === request.body.credentialUuid);
      if (!target) throw noSuchPasskey();
      checkDeactivatable(target, listed);
      return client.auth.deactivateCredentialComplete(request, signed);
    },
  });
  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    const updated = await tx.credential.update({
      where: { dfnsUuid: request.body.credentialUuid },
      data: { active: false },
    });
    await tx.auditEvent.create({
      data: {
        userId: user.id,
        type: "dfns.credential.deactivated",
        detail: { credential: request.body.credentialUuid },
      },
    });
    return updated;
  });
  return { credential: view(row) };
}
