// The standalone Dfns sandbox (`npm run sandbox`) as a child process for benchmarks, on its own
// embedded database (or a new database on BENCH_POSTGRES_URL). Nothing of the sandbox is imported:
// its service account's credentials are read from the running process, as `npm run
// sandbox:credentials` does.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { emptyDatabaseUrl } from "../lib/testing/database";
import { cpuOf } from "./app-server";

export interface SandboxProcess {
  url: string;
  /** Its service account as the DFNS_* variables (DFNS_API_URL is its own URL). */
  credentials: Record<"DFNS_API_URL" | "DFNS_AUTH_TOKEN" | "DFNS_CRED_ID" | "DFNS_PRIVATE_KEY", string>;
  /** CPU time the sandbox process has used, seconds; NaN without /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** `npm run sandbox`'s script: part of the sandbox, absent where it was removed. */
const SANDBOX_SCRIPT = "lib/sandbox/scripts/sandbox.ts";

export async function startSandboxProcess(opts: {
  port: number;
  origin: string;
  postgresUrl?: string;
}): Promise<SandboxProcess> {
  const url = `http://127.0.0.1:${opts.port}`;
  let databaseUrl: string;
  if (opts.postgresUrl) {
    databaseUrl = await emptyDatabaseUrl(opts.postgresUrl);
  } else {
    databaseUrl = await mkdtemp(path.join(tmpdir(), "bench-sandbox-"));
  }
  const rpId = new URL(opts.origin).hostname;
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", SANDBOX_SCRIPT], {
    env: {
      ...process.env,
      PORT: String(opts.port),
      SANDBOX_DATABASE_URL: databaseUrl,
      SANDBOX_ORIGINS: opts.origin,
      SANDBOX_RP_ID: rpId,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    child.once("exit", (code) => reject(new Error(`The sandbox exited with ${code}`)));
  });
  // The standalone sandbox provisions its service account on start and serves it to this machine.
  const credentials = (await (await fetch(`${url}/_sandbox/credentials`)).json()) as SandboxProcess["credentials"];
  return {
    url,
    credentials,
    cpuSeconds: () => cpuOf(child.pid!),
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
      if (!opts.postgresUrl) await rm(databaseUrl, { recursive: true, force: true });
    },
  };
}
