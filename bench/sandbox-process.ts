// The standalone Dfns sandbox (`scripts/sandbox.ts`) as a child process for benchmarks, on its own
// embedded database (or a new database on BENCH_POSTGRES_URL), provisioned before it starts, so
// its service account's credentials are known.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ServiceAccountCredentials } from "../lib/sandbox/provision";
import { emptyDatabaseUrl } from "../lib/testing/database";
import { cpuOf } from "./app-server";

export interface SandboxProcess {
  url: string;
  credentials: ServiceAccountCredentials;
  /** CPU time the sandbox process has used, seconds; NaN without /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function startSandboxProcess(opts: { port: number; origin: string; postgresUrl?: string }): Promise<SandboxProcess> {
  const url = `http://127.0.0.1:${opts.port}`;
  let databaseUrl: string;
  if (opts.postgresUrl) {
    databaseUrl = await emptyDatabaseUrl(opts.postgresUrl);
  } else {
    databaseUrl = await mkdtemp(path.join(tmpdir(), "bench-sandbox-"));
  }
  // Provision first (the embedded database allows one process per data folder), then hand the
  // database to the server.
  const { openDatabase } = await import("../lib/db/open");
  const { createSandbox } = await import("../lib/sandbox");
  const db = await openDatabase(databaseUrl);
  await db.migrate();
  const rp = { id: new URL(opts.origin).hostname, name: "Bench", origins: [opts.origin] };
  const credentials = await createSandbox({ prisma: db.prisma, config: { rp } }).credentials(url);
  await db.close();

  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "scripts/sandbox.ts"], {
    env: { ...process.env, PORT: String(opts.port), SANDBOX_DATABASE_URL: databaseUrl, SANDBOX_ORIGINS: opts.origin, SANDBOX_RP_ID: rp.id },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    child.once("exit", (code) => reject(new Error(`The sandbox exited with ${code}`)));
  });
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
