import { DfnsApiClient } from "@dfns/sdk";
import { AsymmetricKeySigner } from "@dfns/sdk-keysigner";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm run sandbox` and `npm run sandbox:credentials` as a user runs them, then an SDK script
// pointed at the printed variables.

const PORT = 3000 + (process.pid % 1000) + 400;
let dir: string;
let server: ChildProcess;
const env = () => ({ ...process.env, PORT: String(PORT), SANDBOX_DATABASE_URL: path.join(dir, "db") });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sandbox-cli-"));
  server = spawn(process.execPath, ["--import", "tsx", "lib/sandbox/scripts/sandbox.ts"], {
    env: env(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    server.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
}, 60_000);
async function stopServer() {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}
afterAll(async () => {
  await stopServer();
  await rm(dir, { recursive: true, force: true });
});

async function printedCredentials(): Promise<Record<string, string>> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "lib/sandbox/scripts/sandbox-credentials.ts"],
    { env: env() },
  );
  return Object.fromEntries(
    stdout
      .trim()
      .split("\n")
      .map((line) => {
        const [name, ...rest] = line.split("=");
        return [name!, JSON.parse(rest.join("=")) as string];
      }),
  );
}

describe("the standalone sandbox", () => {
  it("prints DFNS_* lines that an SDK script can use as they are", async () => {
    const vars = await printedCredentials();
    expect(Object.keys(vars)).toEqual([
      "DFNS_API_URL",
      "DFNS_ORG_ID",
      "DFNS_AUTH_TOKEN",
      "DFNS_CRED_ID",
      "DFNS_PRIVATE_KEY",
    ]);
    expect(vars.DFNS_PRIVATE_KEY).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const dfns = new DfnsApiClient({
      baseUrl: vars.DFNS_API_URL,
      orgId: vars.DFNS_ORG_ID,
      authToken: vars.DFNS_AUTH_TOKEN,
      signer: new AsymmetricKeySigner({ credId: vars.DFNS_CRED_ID!, privateKey: vars.DFNS_PRIVATE_KEY! }),
    });
    const challenge = await dfns.auth.createDelegatedRegistrationChallenge({
      body: { kind: "EndUser", email: "cli@example.com" },
    });
    expect(challenge.user.name).toBe("cli@example.com");
    expect((await dfns.wallets.listWallets()).items).toEqual([]);
  });

  it("keeps its service account across restarts", async () => {
    const before = await printedCredentials();
    await stopServer();
    // Stopped: the command reads the database itself.
    expect(await printedCredentials()).toEqual(before);
  });
});
