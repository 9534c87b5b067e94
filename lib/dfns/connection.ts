import "server-only";
import { getEnv } from "@/lib/env";

/** How the server reaches Dfns as its service account. */
export interface DfnsConnection {
  /** Base URL for `@dfns/sdk`. The SDK resolves its paths (`/auth/…`) against this URL's origin. */
  apiUrl: string;
  authToken: string;
  credId: string;
  privateKey: string;
  /** How long one Dfns call may take (DFNS_CALL_TIME_LIMIT_MS unless set; tests set it short). */
  timeLimitMs?: number;
}

const globalForDfns = globalThis as unknown as { __dfnsConnection?: DfnsConnection };

/**
 * Live mode: the DFNS_* variables. Sandbox mode: the service account the sandbox provisioned,
 * reached at the app's own origin (next.config.mjs routes SDK requests to the mounted sandbox).
 * The sandbox module is imported only here and only in sandbox mode.
 */
export async function dfnsConnection(): Promise<DfnsConnection> {
  if (globalForDfns.__dfnsConnection) return globalForDfns.__dfnsConnection;
  const { dfns, appOrigin } = getEnv();
  if (dfns.mode === "live") return dfns;
  const { mountedSandbox } = await import("./sandbox-mount");
  const credentials = await (await mountedSandbox()).credentials(appOrigin);
  return {
    apiUrl: appOrigin,
    authToken: credentials.DFNS_AUTH_TOKEN,
    credId: credentials.DFNS_CRED_ID,
    privateKey: credentials.DFNS_PRIVATE_KEY,
  };
}

/** For tests: talk to this Dfns (e.g. a standalone sandbox) instead; `undefined` forgets it. */
export function setDfnsConnection(connection: DfnsConnection | undefined): void {
  globalForDfns.__dfnsConnection = connection;
}
