import "server-only";
import { DfnsApiClient, DfnsDelegatedApiClient } from "@dfns/sdk";
import { AsymmetricKeySigner } from "@dfns/sdk-keysigner";
import { timedDfnsClient } from "@/lib/http/server-timing";
import { dfnsConnection, type DfnsConnection } from "./connection";

// The one place that builds Dfns clients. Tokens never leave the server. Each is timed for the
// route's `Server-Timing` header (lib/http/server-timing.ts).

/** The service account: delegated registration, login and recovery, signed with its key. */
export async function serviceAccountClient(): Promise<DfnsApiClient> {
  return serviceAccountClientFor(await dfnsConnection());
}

/** The service account of a given connection (the doctor checks one before the app uses it). */
export function serviceAccountClientFor(c: DfnsConnection): DfnsApiClient {
  return timedDfnsClient(
    new DfnsApiClient({ baseUrl: c.apiUrl, authToken: c.authToken, signer: serviceAccountSigner(c) }),
    c.timeLimitMs,
  );
}

/** The service account's key, signing user-action challenges. */
export const serviceAccountSigner = (c: Pick<DfnsConnection, "credId" | "privateKey">) =>
  new AsymmetricKeySigner({ credId: c.credId, privateKey: c.privateKey });

/** A client for one registration or recovery call, authenticated by its temporary token. */
export async function temporaryClient(temporaryAuthenticationToken: string): Promise<DfnsApiClient> {
  const c = await dfnsConnection();
  return timedDfnsClient(
    new DfnsApiClient({ baseUrl: c.apiUrl, authToken: temporaryAuthenticationToken }),
    c.timeLimitMs,
  );
}

/** An end user's client: reads directly; mutations are signed in the browser (xxxInit/xxxComplete). */
export async function endUserClient(token: string): Promise<DfnsDelegatedApiClient> {
  const c = await dfnsConnection();
  return timedDfnsClient(new DfnsDelegatedApiClient({ baseUrl: c.apiUrl, authToken: token }), c.timeLimitMs);
}
