import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

/**
 * What the app needs from a local Dfns sandbox mounted in it, without importing the sandbox.
 *
 * The app imports the module `dfns-sandbox-link` (never `lib/sandbox`). Where `lib/sandbox`
 * exists that name resolves to `lib/sandbox/app/link.ts`; where it was cut away, to
 * `lib/dfns/no-sandbox-link.ts`, whose link is null. The mapping lives in tsconfig.json `paths`
 * (type check, tsx scripts), next.config.mjs (the build) and vitest.config.ts (tests).
 */
export interface SandboxLink {
  /** The service account the mounted sandbox provisioned for the app, its API served at the app's origin. */
  credentials(mount: SandboxMount): Promise<{ authToken: string; credId: string; privateKey: string }>;
}

/** What the sandbox gets from the app it is mounted in (it imports nothing of the app). */
export interface SandboxMount {
  /** The app's database: the sandbox keeps its tables there. */
  prisma: PrismaClient;
  /** Where that database lives: the sandbox's local chains keep their state next to it. */
  databaseUrl: string;
  /** The app's passkey relying party and origin. */
  rp: { id: string; name: string; origins: string[] };
}

export async function sandboxMount(): Promise<SandboxMount> {
  const env = getEnv();
  return {
    prisma: (await getDb()).prisma,
    databaseUrl: databaseUrl(env.database),
    rp: { id: env.passkey.rpId, name: env.passkey.rpName, origins: [env.appOrigin] },
  };
}
