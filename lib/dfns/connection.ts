import "server-only";
import { sandboxLink } from "dfns-sandbox-link";
import { getEnv } from "@/lib/env";
import { sandboxMount } from "./sandbox-link";

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
 * The sandbox is loaded only here, only in sandbox mode, through its link (lib/dfns/sandbox-link.ts).
 */
export async function dfnsConnection(): Promise<DfnsConnection> {
  if (globalForDfns.__dfnsConnection) return globalForDfns.__dfnsConnection;
  const { dfns, appOrigin } = getEnv();
  if (dfns.mode === "live") return dfns;
  // lib/env picks sandbox mode only when the sandbox is there.
  if (!sandboxLink) throw new Error("Sandbox mode without lib/sandbox");
  return { apiUrl: appOrigin, ...(await sandboxLink.credentials(await sandboxMount())) };
}

/** For tests: talk to this Dfns (e.g. a standalone sandbox) instead; `undefined` forgets it. */
export function setDfnsConnection(connection: DfnsConnection | undefined): void {
  globalForDfns.__dfnsConnection = connection;
}
