import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, type Env } from ".";
import { loadOrCreateLocalSecret } from "./local-secret";
import { isValidRpId } from "./passkey-domain";

const pem = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const LIVE = {
  DFNS_API_URL: "https://api.dfns.io",
  DFNS_AUTH_TOKEN: "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJzYSJ9.c2lnbmF0dXJl",
  DFNS_CRED_ID: "Y2ktM3VmZjctZDJmbGUtOXZ0ZHE4aG9qbmZxNmd0Nw",
  DFNS_PRIVATE_KEY: pem,
};
const SECRET = "x".repeat(40);
// The sandbox counts as present whatever this tree holds: these tests are about the rules.
const local = { localSecret: () => "local-secret-from-test", sandboxIncluded: true };

function parse(source: Record<string, string | undefined>): Env {
  return parseEnv(source, local);
}

/** The EnvError thrown for `source`, so tests can look at the variables and the message. */
function failure(source: Record<string, string | undefined>): EnvError {
  try {
    parse(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv: defaults", () => {
  it("with nothing set: sandbox mode, embedded database, localhost, the default networks", () => {
    const env = parse({});
    expect(env).toEqual({
      nodeEnv: "development",
      dfns: { mode: "sandbox" },
      database: { kind: "embedded", dataDir: ".data/pglite" },
      appOrigin: "http://localhost:3000",
      passkey: { rpId: "localhost", rpName: "Acme Wallet" },
      walletNetworks: ["EthereumSepolia", "SolanaDevnet"],
      extraWalletNetworks: ["BaseSepolia"],
      auth: {
        secret: "local-secret-from-test",
        secretSource: "local",
        url: "http://localhost:3000",
        github: null,
        google: null,
      },
    } satisfies Env);
  });

  it("treats empty and blank strings as unset", () => {
    const env = parse({
      DFNS_API_URL: "",
      DFNS_AUTH_TOKEN: " ",
      DFNS_CRED_ID: "",
      DFNS_PRIVATE_KEY: "",
      DATABASE_URL: "",
      APP_ORIGIN: "",
      GITHUB_ID: "",
      GITHUB_SECRET: "",
      NEXTAUTH_SECRET: "",
    });
    expect(env.dfns).toEqual({ mode: "sandbox" });
    expect(env.database.kind).toBe("embedded");
    expect(env.appOrigin).toBe("http://localhost:3000");
    expect(env.auth.github).toBeNull();
    expect(env.auth.secretSource).toBe("local");
  });
});

describe("parseEnv: Dfns mode", () => {
  it("all four DFNS_* variables valid: live mode", () => {
    const env = parse({ ...LIVE, DFNS_API_URL: "https://api.dfns.io/" });
    expect(env.dfns).toEqual({
      mode: "live",
      apiUrl: "https://api.dfns.io",
      authToken: LIVE.DFNS_AUTH_TOKEN,
      credId: LIVE.DFNS_CRED_ID,
      privateKey: pem.trim(),
    });
  });

  it("accepts a private key with \\n-escaped newlines, as a one-line env value", () => {
    const oneLine = pem.trim().replace(/\n/g, "\\n");
    expect(oneLine).not.toContain("\n");
    const env = parse({ ...LIVE, DFNS_PRIVATE_KEY: oneLine });
    expect(env.dfns.mode === "live" && env.dfns.privateKey).toBe(pem.trim());
  });

  it("accepts a private key with Windows line endings", () => {
    const env = parse({ ...LIVE, DFNS_PRIVATE_KEY: pem.replace(/\n/g, "\r\n") });
    expect(env.dfns.mode === "live" && env.dfns.privateKey).toBe(pem.trim());
  });

  it("refuses an encrypted private key: the server has no passphrase", () => {
    const { privateKey } = generateKeyPairSync("ec", {
      namedCurve: "P-256",
      privateKeyEncoding: { format: "pem", type: "pkcs8", cipher: "aes-256-cbc", passphrase: "pass phrase" },
      publicKeyEncoding: { format: "pem", type: "spki" },
    });
    expect(failure({ ...LIVE, DFNS_PRIVATE_KEY: privateKey }).variables).toEqual(["DFNS_PRIVATE_KEY"]);
  });

  it("a partial set stops start-up, naming each missing variable", () => {
    const error = failure({ DFNS_API_URL: LIVE.DFNS_API_URL, DFNS_AUTH_TOKEN: LIVE.DFNS_AUTH_TOKEN });
    expect(error.variables).toEqual(["DFNS_CRED_ID", "DFNS_PRIVATE_KEY"]);
    expect(error.message).toContain("DFNS_CRED_ID: is missing");
    expect(error.message).toContain("unset them all for the local sandbox");
  });

  it("without the sandbox (removed from the tree) and no DFNS_*: stops start-up naming all four", () => {
    const error = (() => {
      try {
        parseEnv({}, { ...local, sandboxIncluded: false });
      } catch (e) {
        return e as EnvError;
      }
      throw new Error("parseEnv accepted a tree without the sandbox and without DFNS_*");
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect(error.variables).toEqual(["DFNS_API_URL", "DFNS_AUTH_TOKEN", "DFNS_CRED_ID", "DFNS_PRIVATE_KEY"]);
    expect(error.message).toContain("this build has no local Dfns sandbox");
    // With the variables it is live mode, as with the sandbox.
    expect(parseEnv({ ...LIVE, NEXTAUTH_SECRET: SECRET }, { sandboxIncluded: false }).dfns.mode).toBe("live");
  });

  it("a malformed private key is named, and its value never appears", () => {
    const secretLooking = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PRIVATE KEY-----";
    const error = failure({ ...LIVE, DFNS_PRIVATE_KEY: secretLooking });
    expect(error.variables).toEqual(["DFNS_PRIVATE_KEY"]);
    expect(error.message).not.toContain("bm90IGEga2V5");
  });

  it("a malformed token, credential id or API URL is named without its value", () => {
    const error = failure({
      ...LIVE,
      DFNS_AUTH_TOKEN: "not-a-jwt-token-value",
      DFNS_CRED_ID: "has spaces in it",
      DFNS_API_URL: "http://api.dfns.io",
    });
    expect(error.variables.sort()).toEqual(["DFNS_API_URL", "DFNS_AUTH_TOKEN", "DFNS_CRED_ID"]);
    expect(error.message).not.toContain("not-a-jwt-token-value");
    expect(error.message).not.toContain("has spaces in it");
  });

  it("a malformed value and a missing one are reported together", () => {
    const error = failure({ DFNS_API_URL: "ftp://dfns", DFNS_CRED_ID: LIVE.DFNS_CRED_ID });
    expect(error.variables.sort()).toEqual(["DFNS_API_URL", "DFNS_AUTH_TOKEN", "DFNS_PRIVATE_KEY"]);
  });

  it("allows http:// for a Dfns API on localhost (the standalone sandbox)", () => {
    const env = parse({ ...LIVE, DFNS_API_URL: "http://localhost:4000" });
    expect(env.dfns.mode === "live" && env.dfns.apiUrl).toBe("http://localhost:4000");
    // The loopback address too: `localhost` may resolve to ::1 first, where the sandbox is not listening.
    const loopback = parse({ ...LIVE, DFNS_API_URL: "http://127.0.0.1:3400" });
    expect(loopback.dfns.mode === "live" && loopback.dfns.apiUrl).toBe("http://127.0.0.1:3400");
    expect(failure({ DFNS_API_URL: "http://10.0.0.2:3400" }).variables).toContain("DFNS_API_URL");
  });
});

describe("parseEnv: database", () => {
  it("DATABASE_URL switches to a PostgreSQL server", () => {
    const env = parse({ DATABASE_URL: "postgresql://app:pw@db.example.com:5432/app?sslmode=require" });
    expect(env.database).toEqual({
      kind: "postgres",
      url: "postgresql://app:pw@db.example.com:5432/app?sslmode=require",
    });
  });

  it("PGLITE_DATA_DIR moves the embedded database", () => {
    expect(parse({ PGLITE_DATA_DIR: "/tmp/db" }).database).toEqual({ kind: "embedded", dataDir: "/tmp/db" });
  });

  it("rejects a DATABASE_URL that is not postgres, without echoing it", () => {
    const error = failure({ DATABASE_URL: "mysql://root:hunter2@localhost/app" });
    expect(error.variables).toEqual(["DATABASE_URL"]);
    expect(error.message).not.toContain("hunter2");
  });
});

describe("parseEnv: origin and passkey relying party", () => {
  it("RP ID defaults to the origin's host; NEXTAUTH_URL to the origin", () => {
    const env = parse({ APP_ORIGIN: "https://wallet.example.com/" });
    expect(env.appOrigin).toBe("https://wallet.example.com");
    expect(env.passkey.rpId).toBe("wallet.example.com");
    expect(env.auth.url).toBe("https://wallet.example.com");
  });

  it("accepts a parent domain as RP ID", () => {
    const env = parse({ APP_ORIGIN: "https://wallet.example.com", PASSKEY_RP_ID: "Example.com" });
    expect(env.passkey.rpId).toBe("example.com");
  });

  it("rejects an RP ID that does not cover the origin", () => {
    expect(failure({ APP_ORIGIN: "https://wallet.example.com", PASSKEY_RP_ID: "other.com" }).variables).toEqual([
      "PASSKEY_RP_ID",
    ]);
    expect(failure({ APP_ORIGIN: "http://localhost:3000", PASSKEY_RP_ID: "example.com" }).variables).toEqual([
      "PASSKEY_RP_ID",
    ]);
  });

  it("rejects a shared suffix or a bare TLD as RP ID (a preview domain cannot share passkeys)", () => {
    expect(failure({ APP_ORIGIN: "https://my-app-git-x.vercel.app", PASSKEY_RP_ID: "vercel.app" }).variables).toEqual([
      "PASSKEY_RP_ID",
    ]);
    expect(isValidRpId("com", "example.com")).toBe(false);
    expect(isValidRpId("example.com", "notexample.com")).toBe(false);
    expect(isValidRpId("localhost", "app.localhost")).toBe(true);
  });

  it("rejects an origin with a path, plain http on a public host, or an IP address", () => {
    expect(failure({ APP_ORIGIN: "https://example.com/app" }).variables).toEqual(["APP_ORIGIN"]);
    expect(failure({ APP_ORIGIN: "http://example.com" }).variables).toEqual(["APP_ORIGIN"]);
    expect(failure({ APP_ORIGIN: "http://127.0.0.1:3000" }).message).toContain("use http://localhost");
    expect(failure({ APP_ORIGIN: "not a url" }).variables).toEqual(["APP_ORIGIN"]);
  });

  it("PASSKEY_RP_NAME overrides the brand name", () => {
    expect(parse({ PASSKEY_RP_NAME: "Example Bank" }).passkey.rpName).toBe("Example Bank");
  });
});

describe("parseEnv: wallet networks", () => {
  it("reads a comma list, trimmed and without duplicates", () => {
    expect(parse({ DFNS_WALLET_NETWORKS: " Ethereum, Solana ,Ethereum,," }).walletNetworks).toEqual([
      "Ethereum",
      "Solana",
    ]);
  });

  it("rejects names that are not network names", () => {
    expect(failure({ DFNS_WALLET_NETWORKS: "Ethereum Sepolia;Solana" }).variables).toEqual(["DFNS_WALLET_NETWORKS"]);
    expect(failure({ DFNS_EXTRA_WALLET_NETWORKS: "Base Sepolia" }).variables).toEqual(["DFNS_EXTRA_WALLET_NETWORKS"]);
  });

  it("none: no wallets at registration, as long as users have networks to add them on", () => {
    const env = parse({ DFNS_WALLET_NETWORKS: "none", DFNS_EXTRA_WALLET_NETWORKS: "EthereumSepolia,BaseSepolia" });
    expect(env.walletNetworks).toEqual([]);
    expect(env.extraWalletNetworks).toEqual(["EthereumSepolia", "BaseSepolia"]);
    expect(failure({ DFNS_WALLET_NETWORKS: "none", DFNS_EXTRA_WALLET_NETWORKS: "none" }).variables).toEqual([
      "DFNS_EXTRA_WALLET_NETWORKS",
    ]);
  });

  it("offers extra networks to add later, not those created at registration; none turns them off", () => {
    const env = parse({
      DFNS_WALLET_NETWORKS: "EthereumSepolia",
      DFNS_EXTRA_WALLET_NETWORKS: "SolanaDevnet, EthereumSepolia,BaseSepolia",
    });
    expect(env.extraWalletNetworks).toEqual(["SolanaDevnet", "BaseSepolia"]);
    expect(parse({ DFNS_EXTRA_WALLET_NETWORKS: "none" }).extraWalletNetworks).toEqual([]);
  });
});

describe("parseEnv: session secret", () => {
  it("uses NEXTAUTH_SECRET, else AUTH_SECRET", () => {
    expect(parse({ NEXTAUTH_SECRET: SECRET }).auth).toMatchObject({ secret: SECRET, secretSource: "env" });
    expect(parse({ AUTH_SECRET: SECRET }).auth).toMatchObject({ secret: SECRET, secretSource: "env" });
  });

  it("is required in production with live Dfns", () => {
    const error = failure({ ...LIVE, NODE_ENV: "production", APP_ORIGIN: "https://wallet.example.com" });
    expect(error.variables).toEqual(["NEXTAUTH_SECRET"]);
    expect(parse({ ...LIVE, NODE_ENV: "production", NEXTAUTH_SECRET: SECRET }).auth.secret).toBe(SECRET);
  });

  it("falls back to the local secret in production in sandbox mode, and in development", () => {
    expect(parse({ NODE_ENV: "production" }).auth).toMatchObject({
      secret: "local-secret-from-test",
      secretSource: "local",
    });
    expect(parse({ ...LIVE, NODE_ENV: "development" }).auth.secretSource).toBe("local");
  });

  it("without a local secret to fall back on, says so; the doctor's (empty: it writes nothing) is one", () => {
    const error = (() => {
      try {
        parseEnv({}, { sandboxIncluded: true });
      } catch (e) {
        return e as EnvError;
      }
      throw new Error("parseEnv accepted no secret at all");
    })();
    expect(error.problems).toEqual([
      { variable: "NEXTAUTH_SECRET", message: "is not set and no local secret is available" },
    ]);
    expect(parseEnv({}, { sandboxIncluded: true, localSecret: () => "" }).auth).toMatchObject({
      secret: "",
      secretSource: "local",
    });
  });

  it("rejects a short secret", () => {
    expect(failure({ NEXTAUTH_SECRET: "short" }).variables).toEqual(["NEXTAUTH_SECRET"]);
  });

  it("the local secret is made once and kept in a file only the owner can read", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "env-test-")), "nested", "auth-secret");
    const first = loadOrCreateLocalSecret(file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadOrCreateLocalSecret(file)).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
  });
});

describe("parseEnv: OAuth providers", () => {
  it("turns a provider on only when both of its variables are set", () => {
    const env = parse({ GITHUB_ID: "gh-id", GITHUB_SECRET: "gh-secret" });
    expect(env.auth.github).toEqual({ clientId: "gh-id", clientSecret: "gh-secret" });
    expect(env.auth.google).toBeNull();
    expect(parse({ GOOGLE_CLIENT_ID: "g-id", GOOGLE_CLIENT_SECRET: "g-secret" }).auth.google).toEqual({
      clientId: "g-id",
      clientSecret: "g-secret",
    });
  });

  it("half a pair is named as a mistake", () => {
    expect(failure({ GITHUB_ID: "gh-id" }).variables).toEqual(["GITHUB_SECRET"]);
    const error = failure({ GOOGLE_CLIENT_SECRET: "g-secret-value" });
    expect(error.variables).toEqual(["GOOGLE_CLIENT_ID"]);
    expect(error.message).not.toContain("g-secret-value");
  });
});

describe("parseEnv: NODE_ENV", () => {
  it("reads production and test; anything else is development", () => {
    expect(parse({ NODE_ENV: "production" }).nodeEnv).toBe("production");
    expect(parse({ NODE_ENV: "test" }).nodeEnv).toBe("test");
    expect(parse({ NODE_ENV: "staging" }).nodeEnv).toBe("development");
  });
});
