import type { Database } from "@/lib/db/open";

/**
 * A Dfns for route tests, served on a free port of this machine. Route tests get one through
 * the module `dfns-sandbox-testing` (never by importing `lib/sandbox`): the sandbox's
 * `lib/sandbox/testing/test-dfns.ts` where it exists, `lib/testing/no-test-dfns.ts` (none) where
 * it was removed. The mapping lives in tsconfig.json `paths` and vitest.config.ts.
 */
export interface TestDfns<Switches, Store> {
  /** Base URL for `@dfns/sdk`. */
  url: string;
  /** A service account of its organization. */
  credentials: { authToken: string; credId: string; privateKey: string };
  /** Its behaviour switches (answers Dfns may give), read on every request: tests set them. */
  switches: Switches;
  /** What it holds (the sandbox: its tables), for tests that check what Dfns recorded. */
  store: Store;
  close(): Promise<void>;
}

export interface TestDfnsOptions<Switches> {
  /** The app's database (the sandbox keeps its tables there, as when mounted in the app). */
  database: Database;
  rp: { id: string; name: string; origins: string[] };
  switches: Partial<Switches>;
}

export type StartTestDfns<Switches, Store> = (options: TestDfnsOptions<Switches>) => Promise<TestDfns<Switches, Store>>;

/** Why route tests cannot run in a tree without the sandbox. */
export const NO_TEST_DFNS =
  "Route tests need a Dfns to talk to, and this tree has no local sandbox (lib/sandbox was removed): " +
  "they are skipped. Keep the sandbox for development and CI to run them.";
