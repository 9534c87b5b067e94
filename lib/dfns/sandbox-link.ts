/**
 * What the app needs from a local Dfns sandbox mounted in it, without importing the sandbox.
 *
 * The app imports the module `dfns-sandbox-link` (never `lib/sandbox`). Where `lib/sandbox`
 * exists that name resolves to `lib/sandbox/app/link.ts`; where it was cut away, to
 * `lib/dfns/no-sandbox-link.ts`, whose link is null. The mapping lives in tsconfig.json `paths`
 * (type check, tsx scripts), next.config.mjs (the build) and vitest.config.ts (tests).
 */
export interface SandboxLink {
  /** The service account the mounted sandbox provisioned for the app, its API served at `origin`. */
  credentials(origin: string): Promise<{ authToken: string; credId: string; privateKey: string }>;
}
