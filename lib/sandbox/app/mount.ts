import "server-only";
import { databaseUrl, getDb } from "@/lib/db";
import { env } from "@/lib/env";
import type { SandboxHandler } from "@/lib/sandbox";

/** Where the sandbox answers inside the app. */
export const SANDBOX_BASE_PATH = "/api/dfns-sandbox";

const cache = globalThis as unknown as { dfnsSandbox?: Promise<SandboxHandler> };

/**
 * The sandbox mounted in the app, sharing the app's database. Only ever loaded in sandbox mode:
 * its module is imported here dynamically, so a live deployment never loads it.
 */
export function mountedSandbox(): Promise<SandboxHandler> {
  cache.dfnsSandbox ??= (async () => {
    const [{ createSandbox, chainDirFor }, database] = await Promise.all([import("@/lib/sandbox"), getDb()]);
    return createSandbox({
      prisma: database.prisma,
      basePath: SANDBOX_BASE_PATH,
      // The local chains' state lives next to the database's (anvil and LiteSVM start on demand).
      chainDir: chainDirFor(databaseUrl(env.database)),
      config: { rp: { id: env.passkey.rpId, name: env.passkey.rpName, origins: [env.appOrigin] } },
    });
  })();
  return cache.dfnsSandbox;
}
