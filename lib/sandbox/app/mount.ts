import "server-only";
import type { SandboxMount } from "@/lib/dfns/sandbox-link";
import type { SandboxHandler } from "../index";

/** Where the sandbox answers inside the app. */
export const SANDBOX_BASE_PATH = "/api/dfns-sandbox";

const cache = globalThis as unknown as { dfnsSandbox?: Promise<SandboxHandler> };

/**
 * The sandbox mounted in the app, sharing the app's database. Only ever loaded in sandbox mode:
 * its module is imported here dynamically, so a live deployment never loads it.
 */
export function mountedSandbox(mount: SandboxMount): Promise<SandboxHandler> {
  cache.dfnsSandbox ??= (async () => {
    const { createSandbox, chainDirFor } = await import("../index");
    return createSandbox({
      prisma: mount.prisma,
      basePath: SANDBOX_BASE_PATH,
      // The local chains' state lives next to the database's (anvil and LiteSVM start on demand).
      chainDir: chainDirFor(mount.databaseUrl),
      config: { rp: mount.rp },
    });
  })();
  return cache.dfnsSandbox;
}
