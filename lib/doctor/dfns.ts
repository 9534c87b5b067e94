import type { UserActionChallengeResponse } from "@dfns/sdk/baseAuthApi";
import { serviceAccountClientFor, serviceAccountSigner } from "@/lib/dfns/clients";
import type { DfnsConnection } from "@/lib/dfns/connection";
import { tokenUserId } from "@/lib/dfns/token";
import type { Env } from "@/lib/env";
import { describeDfnsError, isDfnsError } from "@/lib/errors";
import { fail, note, ok, type CheckLine } from "./result";

// The service account against Dfns, read only: nothing is created. The token and the key are
// checked with a user-action signature for a request the doctor never sends (Dfns verifies the
// signature and issues a single-use token, which expires unused); the permissions are read from
// the service account itself (GET /auth/service-accounts/:id).

/** The operations the app's service account uses, and what for. */
export const SERVICE_ACCOUNT_PERMISSIONS = [
  { operation: "Auth:Register:Delegated", use: "delegated registration (onboarding)" },
  { operation: "Auth:Login:Delegated", use: "delegated login (reading a user's wallets and credentials)" },
  { operation: "Auth:Recover:Delegated", use: "delegated recovery (the recovery code)" },
  { operation: "Wallets:Read", use: "reading wallets" },
] as const;

/** What the doctor itself needs to read the permissions. */
const READ_SELF = "Auth:ServiceAccounts:Read";

const TIMEOUT_MS = 10_000;

const refusal = (error: unknown, action: string) =>
  isDfnsError(error)
    ? describeDfnsError(error, action)
    : `Dfns could not ${action}: ${error instanceof Error ? error.message : String(error)}`;

/**
 * One request to the API's root. Tried twice when the first connection is reset: a kept-alive
 * connection the server had just closed is reused once at most, and says nothing about Dfns.
 */
async function probe(url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      await response.body?.cancel();
      return;
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (attempt >= 2 || (code !== "ECONNRESET" && code !== "UND_ERR_SOCKET")) throw error;
    }
  }
}

export async function checkDfns(connection: DfnsConnection, env: Env): Promise<CheckLine[]> {
  const lines: CheckLine[] = [];

  try {
    await probe(connection.apiUrl);
    lines.push(ok(`Dfns API reachable at ${connection.apiUrl}`));
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    lines.push(
      fail(
        `Dfns API not reachable at ${connection.apiUrl} (${reason})`,
        "Check DFNS_API_URL (e.g. https://api.dfns.io) and this machine's network or proxy.",
      ),
    );
    return lines;
  }

  const client = serviceAccountClientFor(connection);
  let challenge: UserActionChallengeResponse;
  try {
    challenge = await client.auth.createUserActionChallenge({
      body: {
        userActionPayload: "{}",
        userActionHttpMethod: "POST",
        userActionHttpPath: "/auth/registration/delegated",
      },
    });
    lines.push(ok("Service account token accepted (DFNS_AUTH_TOKEN)"));
  } catch (error) {
    lines.push(
      fail(
        `Dfns refused the service account token: ${refusal(error, "start a user action")}`,
        "Copy the service account's token again into DFNS_AUTH_TOKEN (Dfns dashboard → Settings → Service Accounts); a deactivated service account's token stops working.",
      ),
    );
    return lines;
  }

  lines.push(...(await checkKey(connection, challenge)));
  lines.push(checkRelyingParty(challenge, env));
  lines.push(...(await checkPermissions(connection)));
  lines.push(
    note(
      "End users need no setup here: Dfns gives each one its managed end-user permission (ManagedDefaultEndUserAccess) at registration, covering their own wallets, signatures, transfers and credentials",
    ),
  );
  return lines;
}

async function checkKey(connection: DfnsConnection, challenge: UserActionChallengeResponse): Promise<CheckLine[]> {
  if (!challenge.allowCredentials.key.some((key) => key.id === connection.credId)) {
    return [
      fail(
        "DFNS_CRED_ID is not a key credential of this service account",
        "Set DFNS_CRED_ID to the credential id Dfns shows for the service account's public key (Settings → Service Accounts).",
      ),
    ];
  }
  try {
    const firstFactor = await serviceAccountSigner(connection).sign(challenge);
    await serviceAccountClientFor(connection).auth.createUserActionSignature({
      body: { challengeIdentifier: challenge.challengeIdentifier, firstFactor },
    });
    return [ok("Service account key accepted (DFNS_CRED_ID, DFNS_PRIVATE_KEY): Dfns verified its signature")];
  } catch (error) {
    return [
      fail(
        `Dfns refused the service account key's signature: ${refusal(error, "verify the signature")}`,
        "DFNS_PRIVATE_KEY must be the private key whose public key is registered for the service account under DFNS_CRED_ID (PEM, newlines written as \\n).",
      ),
    ];
  }
}

/** Dfns's challenges carry the organization's RP ID when it says one (Passkey Settings). */
function checkRelyingParty(challenge: UserActionChallengeResponse, env: Env): CheckLine {
  const dfnsRpId = challenge.rp?.id;
  if (!dfnsRpId) {
    return note(
      `Dfns does not say its passkey RP ID here: check Settings → Passkey Settings says ${env.passkey.rpId} and allows ${env.appOrigin}`,
    );
  }
  if (dfnsRpId === env.passkey.rpId) return ok(`The organization's passkey RP ID is PASSKEY_RP_ID (${dfnsRpId})`);
  return fail(
    `The organization's passkey RP ID is ${dfnsRpId}, but PASSKEY_RP_ID is ${env.passkey.rpId}: Dfns would refuse every passkey this site makes`,
    `Set Dfns dashboard → Settings → Passkey Settings to RP ID ${env.passkey.rpId} with origin ${env.appOrigin}, or serve the app under ${dfnsRpId} and set PASSKEY_RP_ID to it.`,
  );
}

async function checkPermissions(connection: DfnsConnection): Promise<CheckLine[]> {
  let operations: Set<string>;
  try {
    const account = await serviceAccountClientFor(connection).auth.getServiceAccount({
      serviceAccountId: tokenUserId(connection.authToken),
    });
    const assignments = [
      ...account.userInfo.permissionAssignments,
      ...account.accessTokens.flatMap((token) => token.permissionAssignments),
    ];
    operations = new Set(assignments.flatMap((assignment) => assignment.operations ?? []));
  } catch (error) {
    return [
      fail(
        `Cannot read the service account's permissions: ${refusal(error, "read the service account")}`,
        `Grant the service account ${READ_SELF} so the doctor can check, or check it has ${SERVICE_ACCOUNT_PERMISSIONS.map((p) => p.operation).join(", ")} in the dashboard.`,
      ),
    ];
  }
  return SERVICE_ACCOUNT_PERMISSIONS.map(({ operation, use }) =>
    operations.has(operation)
      ? ok(`Permission ${operation}: ${use}`)
      : fail(
          `Permission ${operation} not granted to the service account: ${use} will fail`,
          `Add ${operation} to a permission assigned to the service account (Dfns dashboard → Settings → Permissions), then run npm run doctor again.`,
        ),
  );
}
