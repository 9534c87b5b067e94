import "server-only";
import { createPrivateKey, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { sandboxLink } from "dfns-sandbox-link";
import { z } from "zod";
import { brand } from "./brand";
import { networkInfo } from "./networks";

/**
 * The one validated configuration of the app, and the one place that decides the mode:
 * no `DFNS_*` variable set → the local Dfns sandbox; all four set → live Dfns. Where the sandbox
 * was removed (no `lib/sandbox`: its link resolves to null, see lib/dfns/sandbox-link.ts), the
 * `DFNS_*` variables are required and their absence stops start-up naming them.
 *
 * `parseEnv(source)` is pure (tests call it with plain objects). `env` parses `process.env` once,
 * on first use, so `next build` works without any variable; instrumentation.ts reads it when the
 * server starts, so a bad configuration stops start-up with a message naming the variables.
 * Messages never contain the values.
 */

export type DfnsConfig =
  | { mode: "sandbox" }
  | { mode: "live"; apiUrl: string; authToken: string; credId: string; privateKey: string };

export type DatabaseConfig =
  /** A PostgreSQL server (DATABASE_URL). */
  | { kind: "postgres"; url: string }
  /** The embedded Postgres (PGlite) in a data folder, or `memory:` for one that lives in the process. */
  | { kind: "embedded"; dataDir: string };

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface Env {
  nodeEnv: "development" | "production" | "test";
  dfns: DfnsConfig;
  database: DatabaseConfig;
  /** The origin users open the app at, e.g. `https://wallet.example.com` (no trailing slash). */
  appOrigin: string;
  /** WebAuthn relying party: passkeys are bound to `rpId`, which is `appOrigin`'s host or a parent of it. */
  passkey: { rpId: string; rpName: string };
  /**
   * Dfns network names of the wallets created at registration, e.g. `["EthereumSepolia", "SolanaDevnet"]`;
   * empty (`none`): registration creates none, and users add them on the wallet page.
   */
  walletNetworks: string[];
  /** More networks a user can add a wallet on later (besides `walletNetworks`), e.g. `["BaseSepolia"]`. */
  extraWalletNetworks: string[];
  auth: {
    /** Signs and encrypts NextAuth's session tokens. Server only. */
    secret: string;
    /** `env`: NEXTAUTH_SECRET / AUTH_SECRET; `local`: generated and kept in `.data/auth-secret`. */
    secretSource: "env" | "local";
    /** NextAuth's canonical URL (NEXTAUTH_URL), APP_ORIGIN by default. */
    url: string;
    /** Set when both GITHUB_ID and GITHUB_SECRET are. */
    github: OAuthClient | null;
    /** Set when both GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are. */
    google: OAuthClient | null;
  };
}

/** A configuration that cannot start. `variables` names what is wrong; no value is ever included. */
export class EnvError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      "Invalid environment configuration:\n" +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join("\n") +
        "\nSee .env.example for every variable.",
    );
    this.name = "EnvError";
  }

  get variables(): string[] {
    return [...new Set(this.problems.map((p) => p.variable))];
  }
}

export const DFNS_VARIABLES = ["DFNS_API_URL", "DFNS_AUTH_TOKEN", "DFNS_CRED_ID", "DFNS_PRIVATE_KEY"] as const;
export const DEFAULT_APP_ORIGIN = "http://localhost:3000";
export const DEFAULT_PGLITE_DATA_DIR = ".data/pglite";
export const DEFAULT_WALLET_NETWORKS = "EthereumSepolia,SolanaDevnet";
export const DEFAULT_EXTRA_WALLET_NETWORKS = "BaseSepolia";

const LOCAL_HOSTS = /^(localhost|.+\.localhost)$/;
// Suffixes under which anyone can get a name: a passkey bound to one would be shared by every
// site below it, and browsers refuse them. Not the whole Public Suffix List, the usual hosts.
const SHARED_SUFFIXES = new Set([
  "vercel.app",
  "netlify.app",
  "pages.dev",
  "workers.dev",
  "github.io",
  "herokuapp.com",
  "onrender.com",
  "fly.dev",
  "railway.app",
  "azurewebsites.net",
  "cloudfront.net",
  "appspot.com",
  "co.uk",
  "org.uk",
  "com.au",
  "co.jp",
  "com.br",
]);

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const NETWORK = /^[A-Za-z][A-Za-z0-9]*$/;

const isLocalHost = (hostname: string) => LOCAL_HOSTS.test(hostname);
/** This machine, by name or by loopback address: where a server may be reached over plain http. */
const isLoopback = (hostname: string) => isLocalHost(hostname) || hostname === "127.0.0.1" || hostname === "[::1]";

/** PEM with `\n` escapes (as one-line env values often are) turned back into newlines. */
export function unescapePem(value: string): string {
  return value.replace(/\\r/g, "").replace(/\\n/g, "\n").replace(/\r/g, "").trim();
}

function isPemPrivateKey(pem: string): boolean {
  if (!/^-----BEGIN ([A-Z]+ )?PRIVATE KEY-----\n[\s\S]+\n-----END ([A-Z]+ )?PRIVATE KEY-----$/.test(pem)) return false;
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}

function httpUrl(message: string) {
  return z.string().refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname));
    } catch {
      return false;
    }
  }, message);
}

const Raw = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).catch("development"),
  DFNS_API_URL: httpUrl("must be an https:// URL (http:// only for localhost), e.g. https://api.dfns.io").optional(),
  DFNS_AUTH_TOKEN: z.string().regex(JWT, "must be the service account's token (a JWT: three parts separated by dots)").optional(),
  DFNS_CRED_ID: z.string().regex(/^\S+$/, "must be the service account key's credential id (no spaces)").optional(),
  DFNS_PRIVATE_KEY: z
    .string()
    .transform(unescapePem)
    .refine(
      isPemPrivateKey,
      "must be an unencrypted PEM private key (-----BEGIN PRIVATE KEY----- …); newlines may be written as \\n",
    )
    .optional(),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/\S+$/.test(v), "must be a postgres:// or postgresql:// connection string")
    .optional(),
  PGLITE_DATA_DIR: z.string().default(DEFAULT_PGLITE_DATA_DIR),
  APP_ORIGIN: z.string().default(DEFAULT_APP_ORIGIN),
  PASSKEY_RP_ID: z.string().optional(),
  PASSKEY_RP_NAME: z.string().max(64, "must be at most 64 characters").default(brand.name),
  DFNS_WALLET_NETWORKS: z.string().default(DEFAULT_WALLET_NETWORKS),
  DFNS_EXTRA_WALLET_NETWORKS: z.string().default(DEFAULT_EXTRA_WALLET_NETWORKS),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  NEXTAUTH_URL: httpUrl("must be an https:// URL (http:// only for localhost)").optional(),
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
});
type RawEnv = z.output<typeof Raw>;

type Problem = { variable: string; message: string };

function parseOrigin(value: string, problems: Problem[]): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push({ variable: "APP_ORIGIN", message: "must be an origin such as https://wallet.example.com" });
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    problems.push({ variable: "APP_ORIGIN", message: "must start with https:// (or http:// for localhost)" });
  } else if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
    problems.push({ variable: "APP_ORIGIN", message: "must be an origin only: scheme, host and port, no path" });
  } else if (isIP(url.hostname.replace(/^\[|\]$/g, ""))) {
    problems.push({
      variable: "APP_ORIGIN",
      message: "must use a host name, not an IP address: passkeys need a domain (use http://localhost:PORT locally)",
    });
  } else if (url.protocol === "http:" && !isLocalHost(url.hostname)) {
    problems.push({
      variable: "APP_ORIGIN",
      message: "must use https:// unless the host is localhost: browsers allow passkeys only in a secure context",
    });
  } else {
    return url;
  }
  return undefined;
}

/** Whether `rpId` may be the WebAuthn RP ID of pages served at `hostname`. */
export function isValidRpId(rpId: string, hostname: string): boolean {
  if (rpId === hostname) return true;
  if (!hostname.endsWith(`.${rpId}`)) return false;
  // A parent domain must itself be registrable: not a bare TLD, not a shared hosting suffix.
  return (rpId.includes(".") || rpId === "localhost") && !SHARED_SUFFIXES.has(rpId);
}

function dfnsConfig(raw: RawEnv, given: Record<string, string>, sandboxIncluded: boolean, problems: Problem[]): DfnsConfig {
  const set = DFNS_VARIABLES.filter((name) => given[name] !== undefined);
  if (set.length === 0 && !sandboxIncluded) {
    for (const name of DFNS_VARIABLES) {
      problems.push({
        variable: name,
        message: "is missing: this build has no local Dfns sandbox, so it needs a real Dfns organization (see .env.example)",
      });
    }
    return { mode: "sandbox" };
  }
  if (set.length === 0) return { mode: "sandbox" };
  if (set.length < DFNS_VARIABLES.length) {
    for (const name of DFNS_VARIABLES.filter((n) => given[n] === undefined)) {
      problems.push({
        variable: name,
        message: `is missing: live Dfns needs all of ${DFNS_VARIABLES.join(", ")} (unset them all for the local sandbox)`,
      });
    }
    return { mode: "sandbox" };
  }
  if (DFNS_VARIABLES.some((name) => raw[name] === undefined)) return { mode: "sandbox" }; // malformed: reported
  return {
    mode: "live",
    apiUrl: raw.DFNS_API_URL!.replace(/\/+$/, ""),
    authToken: raw.DFNS_AUTH_TOKEN!,
    credId: raw.DFNS_CRED_ID!,
    privateKey: raw.DFNS_PRIVATE_KEY!,
  };
}

/** A comma list of network names: trimmed, without blanks or duplicates. */
function networkList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean),
    ),
  ];
}

function oauthClient(
  idName: string,
  secretName: string,
  clientId: string | undefined,
  clientSecret: string | undefined,
  provider: string,
  problems: Problem[],
): OAuthClient | null {
  if (clientId && clientSecret) return { clientId, clientSecret };
  if (clientId || clientSecret) {
    problems.push({
      variable: clientId ? secretName : idName,
      message: `is missing: set both ${idName} and ${secretName} to offer ${provider} sign-in, or neither`,
    });
  }
  return null;
}

export interface ParseEnvOptions {
  /**
   * Where the session secret comes from when neither NEXTAUTH_SECRET nor AUTH_SECRET is set and
   * that is allowed (anything but live Dfns in production). `getEnv` passes a generator that
   * keeps the secret in `.data/auth-secret`; tests pass a constant.
   */
  localSecret?: () => string;
  /** Whether the local sandbox is part of this tree; by default whether its link resolved (it did unless it was cut). */
  sandboxIncluded?: boolean;
}

/** Validates a set of environment variables (process.env or a plain object). Throws EnvError. */
export function parseEnv(source: Record<string, string | undefined>, options: ParseEnvOptions = {}): Env {
  // Empty (or blank) values count as unset; everything else is trimmed.
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(Raw.shape)) {
    const value = source[key]?.trim();
    if (value) cleaned[key] = value;
  }

  // Each variable on its own, so that one message lists every problem.
  const problems: Problem[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(Raw.shape)) {
    const result = (schema as z.ZodType).safeParse(cleaned[key]);
    if (result.success) values[key] = result.data;
    else for (const issue of result.error.issues) problems.push({ variable: key, message: issue.message });
  }
  const raw = values as RawEnv;

  const dfns = dfnsConfig(raw, cleaned, options.sandboxIncluded ?? sandboxLink !== null, problems);

  const origin = parseOrigin(raw.APP_ORIGIN, problems);
  const rpId = (raw.PASSKEY_RP_ID ?? origin?.hostname ?? "").toLowerCase();
  if (origin && !isValidRpId(rpId, origin.hostname)) {
    problems.push({
      variable: "PASSKEY_RP_ID",
      message:
        "must be the host of APP_ORIGIN or a registrable parent domain of it: passkeys only work on pages under their RP ID",
    });
  }

  // `none`: registration creates no wallets (Dfns's Complete User Registration); users add them later.
  const walletNetworks = raw.DFNS_WALLET_NETWORKS.toLowerCase() === "none" ? [] : networkList(raw.DFNS_WALLET_NETWORKS);
  if ((walletNetworks.length === 0 && raw.DFNS_WALLET_NETWORKS.toLowerCase() !== "none") || !walletNetworks.every((n) => NETWORK.test(n))) {
    problems.push({
      variable: "DFNS_WALLET_NETWORKS",
      message: "must be a comma-separated list of Dfns network names, e.g. EthereumSepolia,SolanaDevnet, or none",
    });
  }
  const extraWalletNetworks =
    raw.DFNS_EXTRA_WALLET_NETWORKS.toLowerCase() === "none"
      ? []
      : networkList(raw.DFNS_EXTRA_WALLET_NETWORKS).filter((n) => !walletNetworks.includes(n));
  if (!extraWalletNetworks.every((n) => NETWORK.test(n))) {
    problems.push({
      variable: "DFNS_EXTRA_WALLET_NETWORKS",
      message: "must be a comma-separated list of Dfns network names, e.g. BaseSepolia,ArbitrumSepolia, or none",
    });
  }
  if (walletNetworks.length === 0 && extraWalletNetworks.length === 0) {
    problems.push({
      variable: "DFNS_EXTRA_WALLET_NETWORKS",
      message: "must name the networks users can add wallets on when DFNS_WALLET_NETWORKS is none",
    });
  }

  const github = oauthClient("GITHUB_ID", "GITHUB_SECRET", raw.GITHUB_ID, raw.GITHUB_SECRET, "GitHub", problems);
  const google = oauthClient(
    "GOOGLE_CLIENT_ID",
    "GOOGLE_CLIENT_SECRET",
    raw.GOOGLE_CLIENT_ID,
    raw.GOOGLE_CLIENT_SECRET,
    "Google",
    problems,
  );

  const configuredSecret = raw.NEXTAUTH_SECRET ?? raw.AUTH_SECRET;
  if (!configuredSecret && raw.NODE_ENV === "production" && dfns.mode === "live") {
    problems.push({
      variable: "NEXTAUTH_SECRET",
      message: "is required in production with live Dfns (or AUTH_SECRET); generate one with: openssl rand -base64 32",
    });
  }

  if (problems.length > 0) throw new EnvError(problems);

  const appOrigin = origin!.origin;
  let secret = configuredSecret;
  if (!secret) {
    if (!options.localSecret) {
      throw new EnvError([{ variable: "NEXTAUTH_SECRET", message: "is not set and no local secret is available" }]);
    }
    secret = options.localSecret();
  }

  return {
    nodeEnv: raw.NODE_ENV,
    dfns,
    database: raw.DATABASE_URL
      ? { kind: "postgres", url: raw.DATABASE_URL }
      : { kind: "embedded", dataDir: raw.PGLITE_DATA_DIR },
    appOrigin,
    passkey: { rpId, rpName: raw.PASSKEY_RP_NAME },
    walletNetworks,
    extraWalletNetworks,
    auth: {
      secret,
      secretSource: configuredSecret ? "env" : "local",
      url: raw.NEXTAUTH_URL ?? appOrigin,
      github,
      google,
    },
  };
}

export const LOCAL_SECRET_FILE = path.join(".data", "auth-secret");

/**
 * The session secret of a machine without NEXTAUTH_SECRET: made once, kept in
 * `.data/auth-secret` (git-ignored, readable by the owner only) so sessions survive restarts.
 * Where the disk is read-only it lives in memory, and sessions end with the process.
 */
export function loadOrCreateLocalSecret(file = path.join(process.cwd(), LOCAL_SECRET_FILE)): string {
  try {
    const existing = readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not there yet
  }
  const secret = randomBytes(32).toString("base64url");
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
    // Written aside, then linked into place: a process starting at the same time either wins
    // the link or reads a complete file, never a half-written one.
    writeFileSync(/*turbopackIgnore: true*/ draft, `${secret}\n`, { mode: 0o600 });
    linkSync(/*turbopackIgnore: true*/ draft, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
    console.warn(
      `[env] NEXTAUTH_SECRET is not set and ${file} cannot be written; using a secret that lasts until this process exits.`,
    );
    return secret;
  } finally {
    rmSync(/*turbopackIgnore: true*/ draft, { force: true });
  }
}

const globalForEnv = globalThis as unknown as { __appEnv?: Env };

/** The configuration of this process, parsed from `process.env` on first call. */
export function getEnv(): Env {
  globalForEnv.__appEnv ??= parseEnv(process.env, { localSecret: () => loadOrCreateLocalSecret() });
  return globalForEnv.__appEnv;
}

/**
 * The configuration of this process, as an object: `env.appOrigin`, `env.dfns.mode`, ….
 * Reading any property parses `process.env` (once); importing this module does not.
 */
export const env: Env = new Proxy({} as Env, {
  get: (_target, key) => Reflect.get(getEnv(), key),
  has: (_target, key) => Reflect.has(getEnv(), key),
  ownKeys: () => Reflect.ownKeys(getEnv()),
  getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(getEnv(), key),
});

/**
 * Where a user gets test coins for `address` on `network`: in sandbox mode the sandbox's faucet
 * page (it credits the local chain), in live mode the testnet's public faucet; null on a mainnet
 * or a testnet without a faucet we know.
 */
export function testFundsUrl(network: string, address: string, config: Pick<Env, "dfns" | "appOrigin"> = getEnv()): string | null {
  const { dfns, appOrigin } = config;
  if (dfns.mode === "sandbox") {
    const query = new URLSearchParams({ network, address });
    return `${appOrigin}/api/dfns-sandbox/sandbox/faucet?${query}`;
  }
  return networkInfo(network).publicFaucetUrl;
}

/**
 * The explorer page of a transaction, or null. In sandbox mode the chain is local and no public
 * explorer knows it, so the page shows the hash alone.
 */
export function transactionUrl(network: string, txHash: string, config: Pick<Env, "dfns"> = getEnv()): string | null {
  if (config.dfns.mode === "sandbox") return null;
  return networkInfo(network).explorerTxUrl?.(txHash) ?? null;
}
