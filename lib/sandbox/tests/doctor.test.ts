import { generateKeyPairSync } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/open";
import { SERVICE_ACCOUNT_OPERATIONS } from "@/lib/sandbox";
import { startSandbox, type Harness } from "@/lib/sandbox/tests/harness";
import { freshDatabase } from "@/lib/testing/database";
import { allPassed, formatReport, runDoctor, SERVICE_ACCOUNT_PERMISSIONS, type CheckLine } from "@/lib/doctor";

// npm run doctor against a sandbox served over HTTP (live mode pointed at it, as with
// `npm run sandbox`): it passes, and each ✗ appears when exactly that one thing is broken.

let h: Harness;
let database: Database;
beforeAll(async () => {
  [h, database] = await Promise.all([startSandbox(), freshDatabase()]);
});
afterAll(async () => Promise.all([h.close(), database.close()]));

const liveSource = (overrides: Record<string, string | undefined> = {}) => ({
  DFNS_API_URL: h.url,
  DFNS_AUTH_TOKEN: h.credentials.DFNS_AUTH_TOKEN,
  DFNS_CRED_ID: h.credentials.DFNS_CRED_ID,
  DFNS_PRIVATE_KEY: h.credentials.DFNS_PRIVATE_KEY.replace(/\n/g, "\\n"),
  APP_ORIGIN: "http://localhost:3000",
  NEXTAUTH_SECRET: "a-test-secret-that-is-at-least-32-characters",
  DATABASE_URL: "postgresql://doctor@localhost:5432/app",
  ...overrides,
});

const failures = (lines: CheckLine[]) => lines.filter((line) => line.status === "fail");

/** Runs the doctor with one thing broken and returns its only ✗, which must say how to fix it. */
async function onlyFailure(source: Record<string, string | undefined>, db: Database = database): Promise<CheckLine> {
  const lines = await runDoctor({ source, database: db });
  expect(allPassed(lines)).toBe(false);
  const failed = failures(lines);
  expect(failed, formatReport(lines)).toHaveLength(1);
  expect(failed[0]!.fix).toMatch(/\w.*\.$/);
  return failed[0]!;
}

describe("npm run doctor", () => {
  it("passes against the sandbox in live mode: token, key, permissions, RP ID, networks, database, each on its line", async () => {
    const lines = await runDoctor({ source: liveSource(), database });
    expect(failures(lines), formatReport(lines)).toEqual([]);
    const passed = lines
      .filter((l) => l.status === "ok")
      .map((l) => l.text)
      .join("\n");
    for (const expected of [
      /Configuration: live mode/,
      /reachable at http:\/\/127\.0\.0\.1/,
      /token accepted/,
      /key accepted/,
      /passkey RP ID is PASSKEY_RP_ID \(localhost\)/,
      /Wallet networks known to @dfns\/sdk/,
      /Database reachable .* and migrated/,
    ]) {
      expect(passed).toMatch(expected);
    }
    for (const { operation } of SERVICE_ACCOUNT_PERMISSIONS) expect(passed).toContain(`Permission ${operation}`);
    expect(formatReport(lines)).toMatch(/\n\d+ checks passed\.$/);
  });

  it("passes in sandbox mode", async () => {
    const { DFNS_API_URL, DFNS_AUTH_TOKEN, DFNS_CRED_ID, DFNS_PRIVATE_KEY, ...rest } = liveSource();
    void [DFNS_API_URL, DFNS_AUTH_TOKEN, DFNS_CRED_ID, DFNS_PRIVATE_KEY];
    const lines = await runDoctor({ source: rest, database });
    expect(allPassed(lines)).toBe(true);
    expect(lines.map((l) => l.text).join("\n")).toMatch(/built-in sandbox/);
    expect(await runDoctor({ source: rest, database, liveOnly: true })).toEqual([]); // npm run dev in sandbox mode: silent
  });

  it("✗ a malformed or missing variable, named, and nothing else checked", async () => {
    const failed = await onlyFailure(liveSource({ DFNS_CRED_ID: undefined }));
    expect(failed.text).toMatch(/^DFNS_CRED_ID is missing/);
    expect(failed.fix).toMatch(/Set DFNS_CRED_ID in \.env/);
  });

  it("✗ a wrong token", async () => {
    const [header, payload] = h.credentials.DFNS_AUTH_TOKEN.split(".");
    const forged = `${header}.${payload}.${Buffer.from("not the sandbox's signature").toString("base64url")}`;
    const failed = await onlyFailure(liveSource({ DFNS_AUTH_TOKEN: forged }));
    expect(failed.text).toMatch(/Dfns refused the service account token: .*HTTP 401/);
    expect(failed.fix).toMatch(/DFNS_AUTH_TOKEN/);
  });

  it("✗ a wrong key", async () => {
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    const failed = await onlyFailure(liveSource({ DFNS_PRIVATE_KEY: other.replace(/\n/g, "\\n") }));
    expect(failed.text).toMatch(/refused the service account key's signature: .*HTTP 401/);
    expect(failed.fix).toMatch(/DFNS_PRIVATE_KEY/);
  });

  it("✗ a key credential id that is not the service account's", async () => {
    const failed = await onlyFailure(liveSource({ DFNS_CRED_ID: "Y2ktbm90LWEta2V5" }));
    expect(failed.text).toMatch(/DFNS_CRED_ID is not a key credential/);
  });

  it("✗ a missing permission, by name", async () => {
    h.config.serviceAccountOperations = SERVICE_ACCOUNT_OPERATIONS.filter((op) => op !== "Auth:Recover:Delegated");
    try {
      const failed = await onlyFailure(liveSource());
      expect(failed.text).toMatch(/^Permission Auth:Recover:Delegated not granted/);
      expect(failed.fix).toMatch(/Add Auth:Recover:Delegated to a permission assigned to the service account/);
    } finally {
      h.config.serviceAccountOperations = [...SERVICE_ACCOUNT_OPERATIONS];
    }
  });

  it("✗ an organization RP ID that does not match PASSKEY_RP_ID", async () => {
    h.config.behaviour.challengeRp = { id: "wallet.other.example", name: "Other" };
    try {
      const failed = await onlyFailure(liveSource());
      expect(failed.text).toMatch(/RP ID is wallet\.other\.example, but PASSKEY_RP_ID is localhost/);
      expect(failed.fix).toMatch(/Passkey Settings/);
    } finally {
      h.config.behaviour.challengeRp = "configured";
    }
  });

  it("✗ an unknown network", async () => {
    const failed = await onlyFailure(liveSource({ DFNS_WALLET_NETWORKS: "EthereumSepolia,EthereumSepolla" }));
    expect(failed.text).toBe("DFNS_WALLET_NETWORKS: EthereumSepolla is not a network @dfns/sdk knows");
  });

  it("✗ an unmigrated database, naming the migrations", async () => {
    const empty = await openDatabase("memory:");
    try {
      const failed = await onlyFailure(liveSource(), empty);
      expect(failed.text).toMatch(/migrations? not applied \(\d{14}_init/);
      expect(failed.fix).toMatch(/prisma migrate deploy/);
      expect(await empty.pending()).not.toEqual([]); // and the doctor applied nothing
    } finally {
      await empty.close();
    }
  });

  it("✗ a Dfns that cannot be reached, and stops there", async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const failed = await onlyFailure(liveSource({ DFNS_API_URL: `http://127.0.0.1:${closed}` }));
    expect(failed.text).toBe(`Dfns API not reachable at http://127.0.0.1:${closed} (ECONNREFUSED)`);
  });
});
