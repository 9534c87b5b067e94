// For route tests: the app's routes on a fresh database, talking over HTTP to a sandbox served on
// a free port (the same database, as in the app's sandbox mode), with signed-in users.
import type { Server } from "node:http";
import { sessionCookie } from "@/lib/auth/testing";
import { setDb } from "@/lib/db";
import type { Database } from "@/lib/db/open";
import { setDfnsConnection } from "@/lib/dfns/connection";
import { getEnv } from "@/lib/env";
import { createSandbox, type SandboxBehaviour } from "@/lib/sandbox";
import { listen } from "@/lib/sandbox/node-server";
import { withDfnsDown } from "./dfns-down";
import { freshDatabase } from "./database";

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
  sandbox: SandboxBehaviour;
  /** Runs `fn` with some switches set, then puts them back. */
  withSandbox<T>(behaviour: Partial<SandboxBehaviour>, fn: () => Promise<T>): Promise<T>;
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

export async function startApp(behaviour: Partial<SandboxBehaviour> = {}): Promise<AppHarness> {
  const env = getEnv();
  const database = await freshDatabase();
  setDb(database);
  const sandbox = createSandbox({
    prisma: database.prisma,
    config: { rp: { id: env.passkey.rpId, name: env.passkey.rpName, origins: [env.appOrigin] }, behaviour },
  });
  const { server, url } = await listen(sandbox, 0);
  const c = await sandbox.credentials(url);
  setDfnsConnection({
    apiUrl: url,
    authToken: c.DFNS_AUTH_TOKEN,
    credId: c.DFNS_CRED_ID,
    privateKey: c.DFNS_PRIVATE_KEY,
  });

  return {
    database,
    sandboxUrl: url,
    sandbox: sandbox.config.behaviour,
    async withSandbox(switches, fn) {
      const before = { ...sandbox.config.behaviour };
      Object.assign(sandbox.config.behaviour, switches);
      try {
        return await fn();
      } finally {
        Object.assign(sandbox.config.behaviour, before);
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
      await new Promise<void>((resolve) => (server as Server).close(() => resolve()));
      await database.close();
    },
  };
}
