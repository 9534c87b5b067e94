// The app's production server for benchmarks: `npm start` on its own port, in sandbox mode, on
// the embedded database in a given folder. Measures how long it takes to serve, and reads the
// server process's resident memory.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { encodeSessionCookie } from "../lib/auth/session-cookie";

export interface BenchServer {
  origin: string;
  secret: string;
  /** `npm start` → first page served (`/`, 200). */
  firstPageSeconds: number;
  /** `npm start` → first answer that needed the database (opened and migrated on first use). */
  databaseReadySeconds: number;
  /** Resident memory of the Next.js server process, MB; NaN where /proc is not there. */
  rssMB(): number;
  /** CPU time the server process has used (all its threads, user + system), seconds; NaN without /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Child processes of `pid`, recursively (Linux /proc). */
function descendants(pid: number): number[] {
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return [];
  const children = readdirSync(tasks).flatMap((tid) => {
    try {
      return readFileSync(`${tasks}/${tid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
  return children.flatMap((child) => [child, ...descendants(child)]);
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export function cpuOf(pid: number): number {
  try {
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** CPU milliseconds per operation from now on, for a reader of a process's CPU seconds. */
export function cpuMsPerOperation(cpuSeconds: () => number) {
  const before = cpuSeconds();
  return (done: number) => ((cpuSeconds() - before) * 1000) / Math.max(1, done);
}

function rssOf(pid: number): number {
  try {
    const kB = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kB ? Number(kB) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Polls until `probe` says yes; throws after `timeoutMs`. */
async function waitFor(what: string, timeoutMs: number, probe: () => Promise<boolean>, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(25);
  }
  throw new Error(`The server did not ${what} within ${timeoutMs / 1000} s. Its output:\n${output()}`);
}

export interface ServerOptions {
  port: number;
  dataDir: string;
  secret: string;
  timeoutMs?: number;
  /** A PostgreSQL database for the app instead of the embedded one in `dataDir`. */
  databaseUrl?: string;
  /** A Dfns to talk to (the DFNS_* variables), e.g. a sandbox process; without it, the mounted sandbox. */
  dfns?: { DFNS_API_URL: string; DFNS_AUTH_TOKEN: string; DFNS_CRED_ID: string; DFNS_PRIVATE_KEY: string };
}

export async function startServer(opts: ServerOptions): Promise<BenchServer> {
  const origin = `http://localhost:${opts.port}`;
  const started = performance.now();
  // BENCH_CPU_PROF=<folder>: the server runs under `node --cpu-prof` (what `npm start` runs, minus
  // npm), and writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF;
  const [command, args] = profile
    ? [
        process.execPath,
        [
          "--cpu-prof",
          `--cpu-prof-dir=${profile}`,
          "node_modules/next/dist/bin/next",
          "start",
          "-p",
          String(opts.port),
        ],
      ]
    : ["npm", ["start", "--", "-p", String(opts.port)]];
  const child = spawn(command, args, {
    detached: true, // its own process group, so stop() ends npm, the shell and the server together
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_ORIGIN: origin,
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: opts.secret,
      PGLITE_DATA_DIR: opts.dataDir,
      // Empty counts as unset and wins over a developer's .env: sandbox mode, embedded database.
      DATABASE_URL: opts.databaseUrl ?? "",
      DFNS_API_URL: "",
      DFNS_AUTH_TOKEN: "",
      DFNS_CRED_ID: "",
      DFNS_PRIVATE_KEY: "",
      PASSKEY_RP_ID: "",
      GITHUB_ID: "",
      GITHUB_SECRET: "",
      GOOGLE_CLIENT_ID: "",
      GOOGLE_CLIENT_SECRET: "",
      ...(opts.dfns && {
        DFNS_API_URL: opts.dfns.DFNS_API_URL,
        DFNS_AUTH_TOKEN: opts.dfns.DFNS_AUTH_TOKEN,
        DFNS_CRED_ID: opts.dfns.DFNS_CRED_ID,
        DFNS_PRIVATE_KEY: opts.dfns.DFNS_PRIVATE_KEY,
      }),
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));

  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    await Promise.race([exit, sleep(10_000)]);
    if (!exited) process.kill(-child.pid!, "SIGKILL");
  };

  try {
    const timeoutMs = opts.timeoutMs ?? 120_000;
    await waitFor(
      "serve its first page",
      timeoutMs,
      async () => {
        if (exited) throw new Error(`The server exited. Its output:\n${output}`);
        return (await fetch(`${origin}/`, { redirect: "manual" })).status === 200;
      },
      () => output,
    );
    const firstPageSeconds = (performance.now() - started) / 1000;
    // A signed-in page reads the user from the database: the first such answer includes opening
    // the embedded database and applying the migrations (a fresh folder) or not (an existing one).
    const cookie = await encodeSessionCookie(
      { id: "bench-nobody", email: "nobody@example.com" },
      { secret: opts.secret, url: origin },
    );
    await waitFor(
      "answer from its database",
      timeoutMs,
      async () => {
        const status = (await fetch(`${origin}/wallet`, { redirect: "manual", headers: { cookie } })).status;
        return status === 307 || status === 200; // an unknown user is sent to sign in
      },
      () => output,
    );
    const databaseReadySeconds = (performance.now() - started) / 1000;

    // npm → sh → node (or node alone, profiled): the server is the process titled next-server.
    const isServer = (pid: number) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("next-server");
      } catch {
        return false;
      }
    };
    const serverPid = () => [child.pid!, ...descendants(child.pid!)].find(isServer);
    return {
      origin,
      secret: opts.secret,
      firstPageSeconds,
      databaseReadySeconds,
      rssMB: () => {
        const pid = serverPid();
        return pid ? rssOf(pid) : NaN;
      },
      cpuSeconds: () => {
        const pid = serverPid();
        return pid ? cpuOf(pid) : NaN;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
