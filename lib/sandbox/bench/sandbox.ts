// Benchmark (not a test): full delegated registrations against the standalone sandbox, through
// the official SDK, at concurrency 1 and 8. Prints registrations/s and p50/p95 per endpoint.
//   npm run bench:sandbox
// Targets on a 2-core machine: >= 50 registrations/s at concurrency 8; p95 of
// Complete End User Registration <= 50 ms.
import { DfnsApiClient } from "@dfns/sdk";
import { AsymmetricKeySigner } from "@dfns/sdk-keysigner";
import { KeyCredential } from "@/lib/testing/key-credential";
import { SoftwarePasskey } from "@/lib/testing/software-passkey";
import { cpuMsPerOperation, cpuOf } from "@/bench/app-server";
import { startSandboxProcess } from "@/bench/sandbox-process";
import { ms, runConcurrent, Timings } from "@/bench/stats";

const PORT = Number(process.env.BENCH_SANDBOX_PORT || 3190);
const ORIGIN = "http://localhost:3000";
const URL_ = `http://127.0.0.1:${PORT}`;

async function main() {
  // BENCH_POSTGRES_URL (a PostgreSQL server): the sandbox runs on a new database there instead of
  // the embedded one, so the database's work leaves the sandbox's Node thread.
  const postgres = process.env.BENCH_POSTGRES_URL;
  console.log(`sandbox database: ${postgres ? "PostgreSQL" : "embedded PGlite"}`);
  const sandbox = await startSandboxProcess({ port: PORT, origin: ORIGIN, postgresUrl: postgres });
  const c = sandbox.credentials;

  const serviceAccount = new DfnsApiClient({
    baseUrl: URL_,
    authToken: c.DFNS_AUTH_TOKEN,
    signer: new AsymmetricKeySigner({ credId: c.DFNS_CRED_ID, privateKey: c.DFNS_PRIVATE_KEY }),
  });
  const results: Record<string, unknown>[] = [];
  try {
    for (const [concurrency, count] of [
      [1, 100],
      [8, 400],
    ] as const) {
      const timings = new Timings();
      // Both on the same 2 cores: where each registration's CPU went.
      const sandboxCpu = cpuMsPerOperation(sandbox.cpuSeconds);
      const clientCpu = cpuMsPerOperation(() => cpuOf(process.pid));
      let n = 0;
      const run = await runConcurrent(count, concurrency, 60_000, async () => {
        const email = `bench-${concurrency}-${Date.now()}-${n++}@example.com`;
        const body = { kind: "EndUser" as const, email };
        const action = await timings.time("POST /auth/action/init", () =>
          serviceAccount.auth.createUserActionChallenge({
            body: {
              userActionPayload: JSON.stringify(body),
              userActionHttpMethod: "POST",
              userActionHttpPath: "/auth/registration/delegated",
              userActionServerKind: "Api",
            },
          }),
        );
        const signer = new AsymmetricKeySigner({ credId: c.DFNS_CRED_ID, privateKey: c.DFNS_PRIVATE_KEY });
        const { userAction } = await timings.time("POST /auth/action", async () =>
          serviceAccount.auth.createUserActionSignature({
            body: { challengeIdentifier: action.challengeIdentifier, firstFactor: await signer.sign(action) },
          }),
        );
        const challenge = await timings.time("POST /auth/registration/delegated", async () => {
          const response = await fetch(`${URL_}/auth/registration/delegated`, {
            method: "POST",
            headers: {
              authorization: `Bearer ${c.DFNS_AUTH_TOKEN}`,
              "content-type": "application/json",
              "x-dfns-useraction": userAction,
            },
            body: JSON.stringify(body),
          });
          if (!response.ok) throw new Error(`delegated registration: ${response.status} ${await response.text()}`);
          return (await response.json()) as {
            challenge: string;
            temporaryAuthenticationToken: string;
            user: { id: string };
          };
        });
        const { credentialInfo } = SoftwarePasskey.create({
          rpId: "localhost",
          origin: ORIGIN,
          challenge: challenge.challenge,
          userId: challenge.user.id,
        });
        // A RecoveryKey made with node:crypto: the browser's PBKDF2 is the client's cost, not the sandbox's.
        const recovery = KeyCredential.create({ challenge: challenge.challenge, origin: ORIGIN, kind: "RecoveryKey" });
        const temp = new DfnsApiClient({ baseUrl: URL_, authToken: challenge.temporaryAuthenticationToken });
        await timings.time("POST /auth/registration/enduser", () =>
          temp.auth.registerEndUser({
            body: {
              firstFactorCredential: { credentialKind: "Fido2", credentialInfo, credentialName: "Passkey" },
              recoveryCredential: {
                credentialKind: "RecoveryKey",
                credentialInfo: recovery.credentialInfo,
                encryptedPrivateKey: "bench",
                credentialName: "Recovery",
              },
              wallets: [{ network: "EthereumSepolia" }, { network: "SolanaDevnet" }],
            },
          }),
        );
      });
      const rate = run.done / run.seconds;
      const cpuMs = { sandbox: sandboxCpu(run.done), client: clientCpu(run.done) };
      console.log(
        `\nconcurrency ${concurrency}: ${run.done} registrations in ${run.seconds.toFixed(1)} s = ${rate.toFixed(1)} registrations/s, errors ${run.errors}`,
      );
      console.log(
        `  CPU per registration: sandbox ${cpuMs.sandbox.toFixed(1)} ms, this client ${cpuMs.client.toFixed(1)} ms`,
      );
      console.log("  endpoint                              p50        p95        p99");
      for (const row of timings.summary()) {
        console.log(
          `  ${row.name.padEnd(36)} ${ms(row.p50).padStart(9)}  ${ms(row.p95).padStart(9)}  ${ms(row.p99).padStart(9)}`,
        );
      }
      results.push({
        concurrency,
        registrations: run.done,
        seconds: run.seconds,
        perSecond: rate,
        errors: run.errors,
        cpuMs,
        endpoints: timings.summary(),
      });
    }
  } finally {
    await sandbox.stop();
  }
  const { mkdir, writeFile } = await import("node:fs/promises");
  await mkdir("bench-results", { recursive: true });
  await writeFile(
    "bench-results/sandbox.json",
    JSON.stringify({ date: new Date().toISOString(), database: postgres ? "postgresql" : "pglite", results }, null, 2),
  );
  console.log("\nWritten to bench-results/sandbox.json");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
