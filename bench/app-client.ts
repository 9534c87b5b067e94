// What a browser does against the app's own routes, over HTTP, for benchmarks: sign up, register
// (a software passkey and a recovery key over the challenge), sign messages with the passkey.
// Every route call is timed twice: wall time at the client, and the app's own time from the
// answer's `Server-Timing` (the time the server spent apart from waiting on Dfns).
import { encodeSessionCookie } from "../lib/auth/session-cookie";
import { KeyCredential } from "../lib/testing/key-credential";
import { SoftwarePasskey } from "../lib/testing/software-passkey";
import { Timings } from "./stats";

export interface BenchUser {
  id: string;
  email: string;
  cookie: string;
  passkey?: SoftwarePasskey;
  walletIds?: string[];
}

/** Where one run's timings go: wall time per route, and the app's own time per route. */
export class RouteTimings {
  readonly wall = new Timings();
  readonly app = new Timings();
  summary() {
    const app = new Map(this.app.summary().map((row) => [row.name, row]));
    return this.wall
      .summary()
      .map((row) => ({ ...row, appP50: app.get(row.name)?.p50 ?? NaN, appP95: app.get(row.name)?.p95 ?? NaN }));
  }
}

export class RouteMissingError extends Error {}

const PASSWORD = "bench-password-1234";
let counter = 0;

/** `app;dur=3.1, dfns;dur=12.4, total;dur=15.5` → 3.1 */
const appDuration = (header: string | null) => Number(/(?:^|,\s*)app;dur=([\d.]+)/.exec(header ?? "")?.[1] ?? NaN);

export class AppClient {
  constructor(
    readonly origin: string,
    private readonly secret: string,
  ) {}

  /** One route call: `name` labels it in the timings (e.g. `POST /api/wallets/:id/signatures`). */
  async call<T>(
    timings: RouteTimings | null,
    name: string,
    path: string,
    init: { user?: BenchUser; body?: unknown; method?: string } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { origin: this.origin };
    if (init.user) headers.cookie = init.user.cookie;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const start = performance.now();
    const response = await fetch(`${this.origin}${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: "manual",
    });
    const text = await response.text();
    timings?.wall.record(name, performance.now() - start);
    timings?.app.record(name, appDuration(response.headers.get("server-timing")));
    // A route that does not exist is Next's HTML not-found page, not the app's JSON error.
    if (response.status === 404 && !response.headers.get("content-type")?.includes("json"))
      throw new RouteMissingError(`${name}: no such route`);
    if (!response.ok) throw new Error(`${name}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  /** A new account through the app's sign-up route, signed in (NextAuth's session cookie). */
  async signUp(): Promise<BenchUser> {
    const email = `bench-${process.pid}-${Date.now()}-${++counter}@example.com`;
    const { user } = await this.call<{ user: { id: string; email: string } }>(
      null,
      "POST /api/auth/sign-up",
      "/api/auth/sign-up",
      {
        body: { email, password: PASSWORD },
      },
    );
    return { ...user, cookie: await encodeSessionCookie(user, { secret: this.secret, url: this.origin }) };
  }

  /**
   * Registration init → passkey + recovery key → complete. The recovery key is a RecoveryKey made
   * with node:crypto: the browser's PBKDF2 over the recovery code (35 ms of CPU per user) is the
   * client's cost, not the server's, which verifies the same kind of attestation either way.
   */
  async register(user: BenchUser, timings: RouteTimings): Promise<void> {
    const started = await this.call<{
      status: string;
      challenge: { challenge: string; rp: { id: string }; user: { id: string } };
    }>(timings, "POST /api/registration/start", "/api/registration/start", { user, method: "POST" });
    if (started.status !== "started") throw new Error(`registration start: ${started.status}`);
    const { challenge, rp, user: dfnsUser } = started.challenge;
    const { passkey, credentialInfo } = SoftwarePasskey.create({
      rpId: rp.id,
      origin: this.origin,
      challenge,
      userId: dfnsUser.id,
    });
    const recovery = KeyCredential.create({ challenge, origin: this.origin, kind: "RecoveryKey" });
    await this.call(timings, "POST /api/registration/complete", "/api/registration/complete", {
      user,
      body: {
        firstFactorCredential: { credentialInfo },
        recoveryCredential: {
          credentialInfo: recovery.credentialInfo,
          encryptedPrivateKey: "bench: the key wrapped under the recovery code",
        },
      },
    });
    user.passkey = passkey;
  }

  /** Signing init → passkey assertion → complete, with the user's first wallet. */
  async sign(user: BenchUser, message: string, timings: RouteTimings): Promise<void> {
    if (!user.passkey) throw new Error("sign: the user is not registered");
    user.walletIds ??= (
      await this.call<{ wallets: { id: string }[] }>(timings, "GET /api/wallets", "/api/wallets", { user })
    ).wallets.map((w) => w.id);
    const walletId = user.walletIds[0];
    if (!walletId) throw new Error("sign: the user has no wallet");
    const path = `/api/wallets/${encodeURIComponent(walletId)}/signatures`;
    const { action } = await this.call<{ action: { id: string; challenge: string } }>(
      timings,
      "POST /api/wallets/:id/signatures",
      path,
      {
        user,
        body: { message },
      },
    );
    const { credentialAssertion } = user.passkey.assert(action.challenge);
    const { signature } = await this.call<{ signature: { verified: boolean } }>(
      timings,
      "POST /api/wallets/:id/signatures/complete",
      `${path}/complete`,
      {
        user,
        body: { actionId: action.id, assertion: credentialAssertion },
      },
    );
    if (!signature.verified) throw new Error("sign: the signature did not verify");
  }

  /** Transfer init → passkey assertion → complete, from the user's wallet `walletId` (accepted by Dfns: Pending or later). */
  async transfer(
    user: BenchUser,
    walletId: string,
    body: { asset: string; to: string; amount: string },
    timings: RouteTimings,
  ): Promise<void> {
    if (!user.passkey) throw new Error("transfer: the user is not registered");
    const path = `/api/wallets/${encodeURIComponent(walletId)}/transfers`;
    const { action } = await this.call<{ action: { id: string; challenge: string } }>(
      timings,
      "POST /api/wallets/:id/transfers",
      path,
      { user, body },
    );
    const { credentialAssertion } = user.passkey.assert(action.challenge);
    const { transfer } = await this.call<{ transfer: { status: string } }>(
      timings,
      "POST /api/wallets/:id/transfers/complete",
      `${path}/complete`,
      {
        user,
        body: { actionId: action.id, assertion: credentialAssertion },
      },
    );
    if (["Failed", "Rejected"].includes(transfer.status)) throw new Error(`transfer: ${transfer.status}`);
  }

  /** Credits `address` from the mounted sandbox's faucet (sandbox mode only). */
  async faucet(network: string, address: string, asset: "native" | "token" = "native"): Promise<void> {
    await this.call(null, "POST faucet", "/api/dfns-sandbox/sandbox/faucet", { body: { network, address, asset } });
  }

  /** A page as the browser asks for it (HTML), timed at the client. */
  async page(user: BenchUser, path: string, timings: RouteTimings): Promise<void> {
    const start = performance.now();
    const response = await fetch(`${this.origin}${path}`, { headers: { cookie: user.cookie }, redirect: "manual" });
    await response.text();
    timings.wall.record(`GET ${path}`, performance.now() - start);
    timings.app.record(`GET ${path}`, appDuration(response.headers.get("server-timing")));
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  }
}
