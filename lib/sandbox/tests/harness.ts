// A sandbox served over real HTTP on a free port, on an in-memory embedded Postgres, driven by
// the official SDK. The clock can be moved forward to expire tokens.
import { DfnsApiClient, DfnsDelegatedApiClient } from "@dfns/sdk";
import { AsymmetricKeySigner } from "@dfns/sdk-keysigner";
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "@/lib/db/open";
import { freshDatabase } from "@/lib/testing/database";
import { createRecoveryCredential } from "@/lib/recovery";
import {
  createSandbox,
  type SandboxBehaviour,
  type SandboxConfig,
  type ServiceAccountCredentials,
} from "@/lib/sandbox";
import { chainManagerFor, type ChainManager } from "@/lib/sandbox/chain/manager";
import { listen } from "@/lib/sandbox/node-server";
import { SoftwarePasskey } from "@/lib/testing/software-passkey";

export const RP_ID = "localhost";
export const ORIGIN = "http://localhost:3000";

export interface Harness {
  url: string;
  db: Database;
  credentials: ServiceAccountCredentials;
  serviceAccount: DfnsApiClient;
  /** The sandbox's local chains (the same manager the sandbox uses), to read balances directly. */
  chains: ChainManager;
  chainDir: string;
  /** The running sandbox's configuration: set `config.behaviour` switches between calls. */
  config: SandboxConfig;
  advanceClock(seconds: number): void;
  close(): Promise<void>;
}

/**
 * A fresh sandbox; with `databaseUrl`, `chainDir` and `port`, one reopened on existing state (a
 * restart: the clients made before reach it at the same URL).
 * Without `chainDir` its local chains live in a temporary folder removed by `close()`.
 * `behaviour`: the sandbox's switches for what the Dfns documents leave open.
 */
export async function startSandbox(
  options: { databaseUrl?: string; chainDir?: string; port?: number; behaviour?: Partial<SandboxBehaviour> } = {},
): Promise<Harness> {
  const db = options.databaseUrl ? await openDatabase(options.databaseUrl) : await freshDatabase();
  if (options.databaseUrl) await db.migrate();
  const chainDir = options.chainDir ?? (await mkdtemp(path.join(tmpdir(), "sandbox-chain-test-")));
  let offsetMs = 0;
  const sandbox = createSandbox({
    prisma: db.prisma,
    config: {
      rp: { id: RP_ID, name: "Test", origins: [ORIGIN] },
      now: () => new Date(Date.now() + offsetMs),
      behaviour: options.behaviour ?? {},
    },
    chainDir,
  });
  const { server, url } = await listen(sandbox, options.port ?? 0);
  const credentials = await sandbox.credentials(url);
  return {
    url,
    db,
    credentials,
    serviceAccount: serviceAccountClient(url, credentials),
    chains: chainManagerFor(chainDir),
    chainDir,
    config: sandbox.config,
    advanceClock: (seconds) => void (offsetMs += seconds * 1000),
    close: async () => {
      await new Promise<void>((resolve) => (server as Server).close(() => resolve()));
      await sandbox.close();
      await db.close();
      if (!options.chainDir) await rm(chainDir, { recursive: true, force: true });
    },
  };
}

export function serviceAccountClient(url: string, c: ServiceAccountCredentials) {
  return new DfnsApiClient({
    baseUrl: url,
    orgId: c.DFNS_ORG_ID,
    authToken: c.DFNS_AUTH_TOKEN,
    signer: new AsymmetricKeySigner({ credId: c.DFNS_CRED_ID, privateKey: c.DFNS_PRIVATE_KEY }),
  });
}

export interface RegisteredUser {
  email: string;
  userId: string;
  token: string;
  passkey: SoftwarePasskey;
  recoveryCode: string;
  recoveryCredId: string;
  wallets: Awaited<ReturnType<DfnsApiClient["auth"]["registerEndUser"]>>["wallets"];
  /** DfnsApiClient signing with the user's passkey. */
  client: DfnsApiClient;
  /** DfnsDelegatedApiClient: xxxInit / xxxComplete with the challenge signed in between. */
  delegated: DfnsDelegatedApiClient;
}

let counter = 0;
export const uniqueEmail = (tag = "user") => `${tag}-${process.pid}-${Date.now()}-${++counter}@example.com`;

/** The whole delegated registration, as the app does it: challenge, passkey + recovery key, complete. */
export async function registerUser(
  h: Harness,
  networks = ["EthereumSepolia", "SolanaDevnet"],
  email = uniqueEmail(),
): Promise<RegisteredUser> {
  const challenge = await h.serviceAccount.auth.createDelegatedRegistrationChallenge({
    body: { kind: "EndUser", email, externalId: `app-${email}` },
  });
  const { passkey, credentialInfo } = SoftwarePasskey.create({
    rpId: RP_ID,
    origin: ORIGIN,
    challenge: challenge.challenge,
    userId: challenge.user.id,
  });
  const recovery = await createRecoveryCredential({ username: email, challenge: challenge.challenge, origin: ORIGIN });
  const temp = new DfnsApiClient({ baseUrl: h.url, authToken: challenge.temporaryAuthenticationToken });
  const result = await temp.auth.registerEndUser({
    body: {
      firstFactorCredential: { credentialKind: "Fido2", credentialInfo, credentialName: "Test passkey" },
      recoveryCredential: { ...recovery.credential, credentialName: "Recovery key" },
      wallets: networks.map((network) => ({ network: network as never })),
    },
  });
  return {
    email,
    userId: result.user.id,
    token: result.authentication.token,
    passkey,
    recoveryCode: recovery.recoveryCode,
    recoveryCredId: recovery.credential.credentialInfo.credId,
    wallets: result.wallets,
    client: new DfnsApiClient({ baseUrl: h.url, authToken: result.authentication.token, signer: passkey.signer() }),
    delegated: new DfnsDelegatedApiClient({ baseUrl: h.url, authToken: result.authentication.token }),
  };
}

/** Runs `fn` and returns the DfnsError it throws (status + message), failing if it does not throw. */
export async function dfnsError(
  fn: () => Promise<unknown>,
): Promise<{ httpStatus: number; message: string; body: unknown }> {
  try {
    await fn();
  } catch (error) {
    const e = error as { httpStatus?: number; message: string; context?: { body?: unknown } };
    if (typeof e.httpStatus !== "number") throw error;
    return { httpStatus: e.httpStatus, message: e.message, body: e.context?.body };
  }
  throw new Error("expected a Dfns error, but the call succeeded");
}

/** A raw HTTP call, for what the SDK would never send (malformed bodies, missing headers). */
export async function raw(
  h: Harness,
  method: string,
  path: string,
  init: { token?: string; body?: string; headers?: Record<string, string> } = {},
) {
  const response = await fetch(h.url + path, {
    method,
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      ...init.headers,
    },
    body: init.body,
  });
  return {
    status: response.status,
    body: (await response.json()) as { error?: { message: string; status: number; details?: unknown } } & Record<
      string,
      unknown
    >,
  };
}
