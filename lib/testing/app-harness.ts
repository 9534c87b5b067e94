// For route tests: the app's routes on a fresh database, talking over HTTP to a Dfns served on a
// free port (the local sandbox on the same database, as in the app's sandbox mode; see
// lib/testing/test-dfns.ts), with signed-in users.
import { startTestDfns, type TestDfnsStore, type TestDfnsSwitches } from "dfns-sandbox-testing";
import { beforeEach } from "vitest";
import { sessionCookie } from "@/lib/auth/testing";
import { setDb } from "@/lib/db";
import type { Database } from "@/lib/db/open";
import { setDfnsConnection } from "@/lib/dfns/connection";
import { getEnv } from "@/lib/env";
import { withDfnsDown } from "./dfns-down";
import { freshDatabase } from "./database";
import { NO_TEST_DFNS } from "./test-dfns";

// Without a Dfns (the sandbox was removed), every test of a file that uses this harness is
// skipped with the reason: the hook is registered while the file is collected.
if (!startTestDfns) beforeEach((context) => context.skip(NO_TEST_DFNS));

/** Stands in for the harness where there is no Dfns: closing works, anything else says why not. */
const noHarness = new Proxy({} as AppHarness, {
  get: (_target, key) => {
    if (key === "close") return async () => {};
    if (key === "then") return undefined; // not a promise
    throw new Error(NO_TEST_DFNS);
  },
});

export interface AppUser {
  id: string;
  email: string;
  name: string | null;
}

type Route = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface AppHarness {
  database: Database;
  sandboxUrl: string;
  /** The sandbox's behaviour switches (lib/sandbox/config.ts), read on every request. */
  sandbox: TestDfnsSwitches;
  /** Runs `fn` with some switches set, then puts them back. */
  withSandbox<T>(behaviour: Partial<TestDfnsSwitches>, fn: () => Promise<T>): Promise<T>;
  /** What Dfns holds (the sandbox's tables), to check what it recorded. */
  dfnsStore: TestDfnsStore;
  createUser(email?: string): Promise<AppUser>;
  /**
   * Calls a route as `user` (a session cookie under the user's current session version, and the
   * app's Origin), with a JSON body; POST unless `method` says. `cookie` sends that Cookie instead.
   */
  call(
    route: Route,
    user: AppUser | null,
    init?: {
      method?: string;
      body?: unknown;
      raw?: string;
      origin?: string | null;
      params?: Record<string, string>;
      cookie?: string;
    },
  ): Promise<Response>;
  /** Runs `fn` while Dfns cannot be reached (a closed port): what a route does before calling Dfns. */
  withDfnsDown<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

let users = 0;

export async function startApp(behaviour: Partial<TestDfnsSwitches> = {}): Promise<AppHarness> {
  if (!startTestDfns) return noHarness;
  const env = getEnv();
  const database = await freshDatabase();
  setDb(database);
  const dfns = await startTestDfns({
    database,
    rp: { id: env.passkey.rpId, name: env.passkey.rpName, origins: [env.appOrigin] },
    switches: behaviour,
  });
  setDfnsConnection({ apiUrl: dfns.url, ...dfns.credentials });

  return {
    database,
    sandboxUrl: dfns.url,
    sandbox: dfns.switches,
    dfnsStore: dfns.store,
    async withSandbox(switches, fn) {
      const before = { ...dfns.switches };
      Object.assign(dfns.switches, switches);
      try {
        return await fn();
      } finally {
        Object.assign(dfns.switches, before);
      }
    },
    createUser: (email = `user-${process.pid}-${Date.now()}-${++users}@example.com`) =>
      database.prisma.user.create({ data: { email, name: null }, select: { id: true, email: true, name: true } }),
    async call(route, user, init = {}) {
      const headers = new Headers({ "content-type": "application/json" });
      if (init.cookie) headers.set("cookie", init.cookie);
      else if (user) {
        const row = await database.prisma.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
        headers.set("cookie", await sessionCookie({ ...user, sessionVersion: row?.sessionVersion }));
      }
      const origin = init.origin === undefined ? env.appOrigin : init.origin;
      if (origin !== null) headers.set("origin", origin);
      const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
      const request = new Request(`${env.appOrigin}/api/test`, { method: init.method ?? "POST", headers, body });
      return route(request, { params: Promise.resolve(init.params ?? {}) });
    },
    withDfnsDown,
    async close() {
      setDfnsConnection(undefined);
      setDb(undefined);
      await dfns.close();
      await database.close();
    },
  };
}
