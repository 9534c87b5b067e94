// `npm run bench`: the app's figures against its production build, in sandbox mode, on the
// embedded database. Benchmarks that print figures, not timed tests. Prints Markdown tables and
// writes them as JSON to bench-results/app.json. Steps, in order:
//   weight        first-load JavaScript per page (gzip) against its budget
//   registration  registration init → passkey + recovery key → complete, at concurrency 1, 8, 32
//   signing       message signing (init → passkey assertion → complete) at concurrency 8
//   transfers     native transfers (init → passkey assertion → complete) at concurrency 8, funded by
//                 the sandbox's faucet; then the wallet page and its per-wallet routes with three wallets
//   memory        server RSS before and after N registrations and N signatures
//   lighthouse    landing, sign-in, onboarding and wallet pages
//   startup       `npm start` → first page, on a fresh data folder and on an existing one
// `npm run bench:memory`: the memory step alone, with 2,000 registrations and 2,000 signatures.
// Options (flags after `npm run bench --`, or environment):
//   --steps=a,b    BENCH_STEPS=a,b      only these steps (default: all)
//   --memory=N     BENCH_MEMORY=N       registrations (and as many signatures) of the memory step (500)
//                  BENCH_QUICK=1        a short run (smaller counts; about two minutes with the build)
//                  BENCH_SKIP_BUILD=1   reuse the last `npm run build`
//   --dfns=process BENCH_DFNS=process  the standalone sandbox in its own process (live mode pointed at
//                                      it) instead of the app's mounted one: the app's CPU without Dfns's
//                  BENCH_POSTGRES_URL=postgresql://…  the app (and a sandbox process) on new databases on
//                                      this PostgreSQL server instead of the embedded database
//                  BENCH_PORT=3106, BENCH_SANDBOX_PORT=3107, BENCH_LIGHTHOUSE_PORT=9226
//                  BENCH_LIGHTHOUSE_PRESET=mobile|desktop   one of Lighthouse's presets (default: both)
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { AppClient, RouteMissingError, RouteTimings, type BenchUser } from "./app-client";
import { emptyDatabaseUrl } from "../lib/testing/database";
import { cpuMsPerOperation, sleep, startServer, type BenchServer } from "./app-server";
import { startSandboxProcess, type SandboxProcess } from "./sandbox-process";
import { runLighthouse, type LighthouseScores } from "./lighthouse";
import { emptyPageKB } from "./empty-page";
import { measurePageWeights, PAGE_BUDGETS, type PageWeights } from "./page-weight";
import { markdownTable, runConcurrent, steadyClimbMB } from "./stats";

/** `--steps=a,b` / `--memory=N` on the command line, else BENCH_STEPS / BENCH_MEMORY. */
const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
const ALL_STEPS = "weight,registration,signing,transfers,memory,lighthouse,startup";
const QUICK = process.env.BENCH_QUICK === "1";
const STEPS = new Set((argument("steps") ?? process.env.BENCH_STEPS ?? ALL_STEPS).split(","));
const PORT = Number(process.env.BENCH_PORT ?? 3106);
const SANDBOX_PORT = Number(process.env.BENCH_SANDBOX_PORT ?? 3107);
/** `mounted`: the app's own sandbox mode (the sandbox inside the app's process); `process`: the standalone sandbox beside it. */
const POSTGRES = process.env.BENCH_POSTGRES_URL || undefined;
const DFNS = (argument("dfns") ?? process.env.BENCH_DFNS ?? "mounted") as "mounted" | "process";
const LIGHTHOUSE_PORT = Number(process.env.BENCH_LIGHTHOUSE_PORT ?? 9226);
const LIGHTHOUSE_PRESETS = (["mobile", "desktop"] as const).filter((p) =>
  [p, undefined].includes(process.env.BENCH_LIGHTHOUSE_PRESET as never),
);
const MEMORY_COUNT = Number(argument("memory") ?? process.env.BENCH_MEMORY ?? (QUICK ? 100 : 500));
const MEMORY_WARM_UP = QUICK ? 60 : 400; // operations of the memory step before its first sample
const MEMORY_REST_SECONDS = QUICK ? 10 : 60; // idle time before an at-rest RSS reading
const REGISTRATION_RUNS = [
  { concurrency: 1, count: QUICK ? 10 : 50, seconds: 20 },
  { concurrency: 8, count: QUICK ? 48 : 300, seconds: 30 },
  { concurrency: 32, count: QUICK ? 64 : 320, seconds: 30 },
];
const SIGNING_RUN = { concurrency: 8, count: QUICK ? 48 : 400, seconds: 30 };
const TRANSFER_RUN = { concurrency: 8, count: QUICK ? 48 : 300, seconds: 30, senders: 16 };
const WALLET_PAGE_VIEWS = QUICK ? 10 : 40;
const WARM_UP = QUICK ? 5 : 20;
const SIGN_UP_CONCURRENCY = 4; // scrypt runs on libuv's 4 threads

const TARGETS = {
  registrationsPerSecond: 30,
  appP95Ms: 15,
  signaturesPerSecond: 50,
  lighthouse: 95,
  memoryGrowthMB: 50,
  memoryClimbMB: 10,
};

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "n/a");
const mark = (ok: boolean) => (ok ? "✓" : "✗ missed");
const results: Record<string, unknown> = {};
/** With `--dfns=process`: the sandbox process, whose CPU is reported beside the app's. */
let sandboxProcess: SandboxProcess | null = null;

/** CPU used per operation by the app server and, with `--dfns=process`, by the sandbox process. */
function cpuMeter(server: BenchServer) {
  const app = cpuMsPerOperation(server.cpuSeconds);
  const sandbox = sandboxProcess && cpuMsPerOperation(sandboxProcess.cpuSeconds);
  return (done: number) => ({ serverCpuMsEach: app(done), sandboxCpuMsEach: sandbox ? sandbox(done) : null });
}
/** A route's name (without `prefix`) and its timings: wall p50 / p95 / p99, then the app's own p50 / p95. */
const routeCells = (route: ReturnType<RouteTimings["summary"]>[number], prefix: string) => [
  route.name.replace(prefix, ""),
  ...[route.p50, route.p95, route.p99, route.appP50, route.appP95].map(f1),
];
const ROUTE_COLUMNS = ["route", "p50 ms", "p95 ms", "p99 ms", "app p50 ms", "app p95 ms"];
const cpuColumns = () => (sandboxProcess ? ["app server CPU ms each", "sandbox CPU ms each"] : ["server CPU ms each"]);
const cpuCells = (first: boolean, cpu: ReturnType<ReturnType<typeof cpuMeter>>) =>
  sandboxProcess
    ? [first ? f1(cpu.serverCpuMsEach) : "", first ? f1(cpu.sandboxCpuMsEach!) : ""]
    : [first ? f1(cpu.serverCpuMsEach) : ""];
/** A load run of a wallet route pair: its rate and counts on the first row, then one row per route. */
function loadTable(
  rate: string,
  perSecond: number,
  run: { done: number; errors: number },
  cpu: ReturnType<ReturnType<typeof cpuMeter>>,
  routes: ReturnType<RouteTimings["summary"]>,
) {
  return markdownTable(
    [rate, "done / errors", ...cpuColumns(), ...ROUTE_COLUMNS],
    routes.map((r, i) => [
      i === 0 ? f1(perSecond) : "",
      i === 0 ? `${run.done} / ${run.errors}` : "",
      ...cpuCells(i === 0, cpu),
      ...routeCells(r, "POST /api/wallets/:id/"),
    ]),
  );
}
const summary: [string, string, string, string][] = [];
const printed: string[] = [];

/** What is running now, on stderr (the tables go to stdout). */
const progress = (message: string) => console.error(`… ${message}`);

function print(title: string, table: string, note?: string) {
  const text = `\n### ${title}\n\n${table}${note ? `\n\n${note}` : ""}`;
  console.log(text);
  printed.push(text);
}

function build() {
  console.log("Building (npm run build: next build, then the compile hints)…");
  const started = performance.now();
  const run = spawnSync("npm", ["run", "build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`npm run build failed:\n${run.stdout}\n${run.stderr}`);
  console.log(`Built in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

function pageWeightStep(): PageWeights {
  const emptyKB = emptyPageKB();
  const weights = measurePageWeights(".next", PAGE_BUDGETS, emptyKB);
  const rows = weights.routes.map((r) => [
    r.route,
    r.kB === null ? "not built yet" : f1(r.kB),
    r.ownKB === null ? "" : f1(r.ownKB),
    f1(r.budgetKB),
    r.kB === null ? "" : mark(r.kB <= r.budgetKB),
  ]);
  print(
    "First-load JavaScript per page (gzip, kB)",
    markdownTable(["page", "first load", "page's own", "budget", "within"], rows),
    `The framework's own share, on every page (React DOM, the Next.js router and runtime): ${f1(weights.frameworkKB)} kB; ` +
      `an App Router page with no client code of its own: ${f1(emptyKB)} kB (budgets are set above it).`,
  );
  for (const r of weights.routes) {
    if (r.kB !== null)
      summary.push([`first-load JS ${r.route}`, `${f1(r.kB)} kB`, `≤ ${f1(r.budgetKB)} kB`, mark(r.kB <= r.budgetKB)]);
  }
  return weights;
}

/** Signed-up (not yet registered) users, made through the sign-up route; not timed. */
async function signUpMany(client: AppClient, count: number): Promise<BenchUser[]> {
  if (count > 20) progress(`signing up ${count} users (scrypt: about 20 a second)`);
  const users: BenchUser[] = [];
  const run = await runConcurrent(
    count,
    SIGN_UP_CONCURRENCY,
    600_000,
    async () => void users.push(await client.signUp()),
  );
  if (run.errors) throw new Error(`${run.errors} sign-ups failed`);
  return users;
}

/** Registers `users` one after another (not measured) and adds them to `registered`. */
async function registerEach(client: AppClient, users: BenchUser[], registered: BenchUser[]) {
  for (const user of users) {
    await client.register(user, new RouteTimings());
    registered.push(user);
  }
}

async function registrationStep(client: AppClient, server: BenchServer, registered: BenchUser[]) {
  // Warm-up, not measured: the first requests load the route modules and provision the sandbox.
  await registerEach(client, await signUpMany(client, WARM_UP), registered);
  const runs = [];
  for (const { concurrency, count, seconds } of REGISTRATION_RUNS) {
    const users = await signUpMany(client, count);
    progress(`registrations at concurrency ${concurrency} (up to ${count} or ${seconds} s)`);
    const timings = new RouteTimings();
    const cpu = cpuMeter(server);
    const run = await runConcurrent(count, concurrency, seconds * 1000, async (i) => {
      await client.register(users[i]!, timings);
      registered.push(users[i]!);
    });
    runs.push({ concurrency, ...run, perSecond: run.done / run.seconds, ...cpu(run.done), routes: timings.summary() });
  }
  const rows = runs.flatMap((run) =>
    run.routes.map((route, i) => [
      i === 0 ? run.concurrency : "",
      i === 0 ? f1(run.perSecond) : "",
      i === 0 ? `${run.done} / ${run.errors}` : "",
      ...cpuCells(i === 0, run),
      ...routeCells(route, "POST /api/registration/"),
    ]),
  );
  print(
    "Registration load (through the app's routes)",
    markdownTable(["concurrency", "registrations/s", "done / errors", ...cpuColumns(), ...ROUTE_COLUMNS], rows),
    "`app`: the server's own time per request from its `Server-Timing` header, without the time spent waiting on Dfns " +
      (sandboxProcess
        ? "(here the sandbox, in its own process). CPU: each process's CPU time (all threads) per registration, "
        : "(here the sandbox, served by the same process over HTTP). Server CPU: the server process's CPU time (all threads) " +
          "per registration, sandbox included, ") +
      "which other programs on the machine do not inflate as they do wall times.",
  );
  for (const run of runs) {
    if (run.concurrency === 8)
      summary.push([
        "registrations/s at concurrency 8",
        f1(run.perSecond),
        `≥ ${TARGETS.registrationsPerSecond}`,
        mark(run.perSecond >= TARGETS.registrationsPerSecond),
      ]);
    if (run.concurrency !== 32) {
      const worst = Math.max(...run.routes.map((r) => r.appP95));
      summary.push([
        `app's own time p95, worst route, concurrency ${run.concurrency}`,
        `${f1(worst)} ms`,
        `≤ ${TARGETS.appP95Ms} ms`,
        mark(worst <= TARGETS.appP95Ms),
      ]);
    }
    summary.push([
      `registration errors, concurrency ${run.concurrency}`,
      String(run.errors),
      "0",
      mark(run.errors === 0),
    ]);
  }
  results.registration = runs;
}

/** Whether the signing routes exist (another change adds them): the wallet list answers JSON. */
async function signingRoutesPresent(client: AppClient, user: BenchUser): Promise<boolean> {
  try {
    await client.call(null, "GET /api/wallets", "/api/wallets", { user });
    return true;
  } catch (error) {
    if (error instanceof RouteMissingError) return false;
    throw error;
  }
}

async function signingStep(client: AppClient, server: BenchServer, registered: BenchUser[]) {
  if (!(await signingRoutesPresent(client, registered[0]!))) {
    print("Signing load", "skipped: routes not present (GET /api/wallets answers 404)");
    results.signing = { skipped: "routes not present" };
    summary.push([
      "signatures/s at concurrency 8",
      "skipped: routes not present",
      `≥ ${TARGETS.signaturesPerSecond}`,
      "",
    ]);
    return;
  }
  const { concurrency, count, seconds } = SIGNING_RUN;
  // Wallet ids first (one list per user, not part of the signing figures).
  const signers = registered.slice(0, Math.max(concurrency * 4, Math.min(registered.length, 64)));
  await runConcurrent(signers.length, concurrency, 120_000, async (i) => {
    const user = signers[i]!;
    user.walletIds ??= (
      await client.call<{ wallets: { id: string }[] }>(null, "GET /api/wallets", "/api/wallets", { user })
    ).wallets.map((w) => w.id);
  });
  progress(`signatures at concurrency ${concurrency} (up to ${count} or ${seconds} s)`);
  const timings = new RouteTimings();
  const meter = cpuMeter(server);
  const run = await runConcurrent(count, concurrency, seconds * 1000, (i) =>
    client.sign(signers[i % signers.length]!, `bench message ${i}`, timings),
  );
  const cpu = meter(run.done);
  const perSecond = run.done / run.seconds;
  const routes = timings.summary();
  print(`Signing load (concurrency ${concurrency})`, loadTable("signatures/s", perSecond, run, cpu, routes));
  summary.push([
    "signatures/s at concurrency 8",
    f1(perSecond),
    `≥ ${TARGETS.signaturesPerSecond}`,
    mark(perSecond >= TARGETS.signaturesPerSecond),
  ]);
  summary.push(["signing errors", String(run.errors), "0", mark(run.errors === 0)]);
  const worst = Math.max(...routes.map((r) => r.appP95));
  summary.push([
    "app's own time p95, worst signing route",
    `${f1(worst)} ms`,
    `≤ ${TARGETS.appP95Ms} ms`,
    mark(worst <= TARGETS.appP95Ms),
  ]);
  results.signing = { concurrency, ...run, perSecond, ...cpu, routes };
}

type WalletRow = { id: string; network: string; address: string | null };

/**
 * Native transfers at concurrency 8 from funded senders (the sandbox's faucet, on its local
 * chain), each accepted by Dfns; then the wallet page of a user with three wallets (the page
 * itself, and the per-wallet balance and activity routes its cards call).
 */
async function transfersStep(client: AppClient, server: BenchServer, registered: BenchUser[]) {
  const { concurrency, count, seconds } = TRANSFER_RUN;
  if (registered.length < TRANSFER_RUN.senders) {
    await registerEach(client, await signUpMany(client, TRANSFER_RUN.senders - registered.length), registered);
  }
  const senders = registered.slice(0, TRANSFER_RUN.senders);
  const evm = new Map<BenchUser, WalletRow>();
  progress(`funding ${senders.length} senders from the sandbox's faucet`);
  await runConcurrent(senders.length, 4, 120_000, async (i) => {
    const user = senders[i]!;
    const { wallets } = await client.call<{ wallets: WalletRow[] }>(null, "GET /api/wallets", "/api/wallets", { user });
    const wallet = wallets.find((w) => w.network === "EthereumSepolia");
    if (!wallet?.address) throw new Error("transfers: the user has no EthereumSepolia wallet");
    evm.set(user, wallet);
    await client.faucet(wallet.network, wallet.address);
  });
  const recipient = evm.get(senders[0]!)!.address!;
  progress(`transfers at concurrency ${concurrency} (up to ${count} or ${seconds} s)`);
  const timings = new RouteTimings();
  const meter = cpuMeter(server);
  const run = await runConcurrent(count, concurrency, seconds * 1000, (i) => {
    const user = senders[1 + (i % (senders.length - 1))]!;
    return client.transfer(user, evm.get(user)!.id, { asset: "native", to: recipient, amount: "0.0001" }, timings);
  });
  const cpu = meter(run.done);
  const perSecond = run.done / run.seconds;
  const routes = timings.summary();
  print(
    `Transfer load (concurrency ${concurrency})`,
    loadTable("transfers/s", perSecond, run, cpu, routes),
    "A transfer counts once Dfns has accepted it (Pending or later); the local chain confirms it after.",
  );
  summary.push(["transfers/s at concurrency 8", f1(perSecond), "(no target)", ""]);
  summary.push(["transfer errors", String(run.errors), "0", mark(run.errors === 0)]);

  // The wallet page with three wallets: add the extra network's wallet to a funded sender.
  const user = senders[1]!;
  const path = "/api/wallets";
  const listed = await client.call<{ wallets: WalletRow[]; addableNetworks: { network: string }[] }>(
    null,
    "GET /api/wallets",
    path,
    { user },
  );
  let { wallets } = listed;
  const { addableNetworks } = listed;
  if (wallets.length < 3 && addableNetworks[0]) {
    const { action } = await client.call<{ action: { id: string; challenge: string } }>(
      null,
      "POST /api/wallets",
      path,
      { user, body: { network: addableNetworks[0].network } },
    );
    await client.call(null, "POST /api/wallets/complete", `${path}/complete`, {
      user,
      body: { actionId: action.id, assertion: user.passkey!.assert(action.challenge).credentialAssertion },
    });
    ({ wallets } = await client.call<{ wallets: WalletRow[]; addableNetworks: { network: string }[] }>(
      null,
      "GET /api/wallets",
      path,
      { user },
    ));
  }
  progress(`the wallet page with ${wallets.length} wallets, ${WALLET_PAGE_VIEWS} views`);
  const page = new RouteTimings();
  for (let i = 0; i < WALLET_PAGE_VIEWS; i++) {
    await client.page(user, "/wallet", page);
    // What the page's cards ask for once it shows.
    await Promise.all(
      wallets.flatMap((w) => [
        client.call(page, "GET /api/wallets/:id/assets", `/api/wallets/${w.id}/assets`, { user }),
        client.call(page, "GET /api/wallets/:id/activity", `/api/wallets/${w.id}/activity`, { user }),
      ]),
    );
  }
  const pageRoutes = page.summary();
  print(
    `Wallet page with ${wallets.length} wallets (concurrency 1)`,
    markdownTable(
      ["route", "p50 ms", "p95 ms", "p99 ms", "app p50 ms", "app p95 ms"],
      pageRoutes.map((r) => routeCells(r, "")),
    ),
    "The page itself waits on Dfns's wallet list; balances and activity are loaded by the browser afterwards, one call each per wallet.",
  );
  const wallet = pageRoutes.find((r) => r.name === "GET /wallet");
  summary.push([
    `wallet page with ${wallets.length} wallets, p95 (server answer)`,
    `${f1(wallet?.p95 ?? NaN)} ms`,
    "(no target)",
    "",
  ]);
  results.transfers = {
    concurrency,
    ...run,
    perSecond,
    ...cpu,
    routes,
    walletPage: { wallets: wallets.length, routes: pageRoutes },
  };
}

/**
 * The server's RSS after it has been idle for `seconds`. Under load V8 lets garbage pile up to
 * about four times the live heap before collecting it; at rest its memory reducer collects and
 * hands memory back (measured: 722 → 402 MB some 35 s after a run). Retained memory shows here.
 */
async function restingRssMB(server: BenchServer, seconds = MEMORY_REST_SECONDS) {
  await sleep(seconds * 1000);
  return server.rssMB();
}

async function memoryStep(client: AppClient, server: BenchServer, registered: BenchUser[]) {
  if (registered.length === 0) {
    await registerEach(client, await signUpMany(client, 8), registered);
  }
  const signingPresent = await signingRoutesPresent(client, registered[0]!);
  // Every user first (sign-up is scrypt on other threads; the server's heap shrinks meanwhile),
  // then a warm-up of the same mix right before the first sample: RSS rises over the first few
  // hundred operations after start or a pause (V8's heap, the embedded database's memory) and
  // then stays flat, so "before" is taken after it.
  const total = signingPresent ? MEMORY_COUNT * 2 : MEMORY_COUNT;
  const users = await signUpMany(
    client,
    Math.ceil((signingPresent ? MEMORY_WARM_UP / 2 : MEMORY_WARM_UP) + MEMORY_COUNT),
  );
  let signer = 0;
  const operation = async (i: number, timings: RouteTimings) => {
    // Registrations and signatures interleaved, so that every stretch has both.
    if (signingPresent && i % 2 === 1)
      return client.sign(registered[signer++ % registered.length]!, `memory ${i}`, timings);
    const user = users.pop()!;
    await client.register(user, timings);
    registered.push(user);
  };
  progress(`memory: ${MEMORY_WARM_UP} operations of warm-up, then ${total} at concurrency 8`);
  const warm = await runConcurrent(MEMORY_WARM_UP, 8, 600_000, (i) => operation(i, new RouteTimings()));
  const before = server.rssMB();
  const beforeAtRest = await restingRssMB(server);
  const samples = [{ operations: 0, rssMB: before }];
  const every = Math.max(1, Math.floor(total / 40));
  let completed = 0;
  const timings = new RouteTimings();
  const run = await runConcurrent(total, 8, 900_000, async (i) => {
    await operation(i, timings);
    if (++completed % every === 0) samples.push({ operations: completed, rssMB: server.rssMB() });
  });
  const after = server.rssMB();
  samples.push({ operations: completed, rssMB: after });
  const afterAtRest = await restingRssMB(server);
  const climb = steadyClimbMB(samples, completed);
  const growth = after - before;
  const growthAtRest = afterAtRest - beforeAtRest;
  const errors = warm.errors + run.errors;
  const what = signingPresent
    ? `${Math.ceil(run.done / 2)} registrations and ${Math.floor(run.done / 2)} signatures`
    : `${run.done} registrations (signing routes not present)`;
  print(
    "Memory (server RSS)",
    markdownTable(
      ["operations", "errors", "", "RSS before", "RSS after", "growth", "trend over the last half"],
      [
        [what, errors, "under load", `${f1(before)} MB`, `${f1(after)} MB`, `${f1(growth)} MB`, `${f1(climb)} MB`],
        ["", "", "at rest", `${f1(beforeAtRest)} MB`, `${f1(afterAtRest)} MB`, `${f1(growthAtRest)} MB`, ""],
      ],
    ),
    `Before: after ${MEMORY_WARM_UP} operations of the same mix (warm-up). Under load: the moment the load stops. At rest: ` +
      `after the server has been idle for ${MEMORY_REST_SECONDS} s, when V8 has usually collected the garbage it lets pile up under load (up to about ` +
      "four times the live heap); what is still there is memory kept. Trend: the median growth of the four quarters " +
      "of the last half, times four: a leak grows RSS in every quarter and shows in full; one step of RSS (a block of memory " +
      "taken once) does not.",
  );
  summary.push([
    `RSS growth over ${what}, under load`,
    `${f1(growth)} MB`,
    `≤ ${TARGETS.memoryGrowthMB} MB`,
    mark(growth <= TARGETS.memoryGrowthMB),
  ]);
  summary.push([
    `RSS growth over ${what}, at rest`,
    `${f1(growthAtRest)} MB`,
    `≤ ${TARGETS.memoryGrowthMB} MB`,
    mark(growthAtRest <= TARGETS.memoryGrowthMB),
  ]);
  summary.push([
    "RSS trend over the last half",
    `${f1(climb)} MB`,
    `≤ ${TARGETS.memoryClimbMB} MB (no steady climb)`,
    mark(climb <= TARGETS.memoryClimbMB),
  ]);
  summary.push(["memory step errors", String(errors), "0", mark(errors === 0)]);
  results.memory = {
    operations: what,
    ...run,
    errors,
    beforeMB: before,
    afterMB: after,
    growthMB: growth,
    atRest: { beforeMB: beforeAtRest, afterMB: afterAtRest, growthMB: growthAtRest },
    lastHalfTrendMB: climb,
    samples,
  };
}

async function lighthouseStep(client: AppClient, registered: BenchUser[]) {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    print(
      "Lighthouse",
      `skipped: no Chromium at ${chromium} (install it, e.g. \`apt-get install chromium\`, or set CHROMIUM_PATH)`,
    );
    results.lighthouse = { skipped: "no Chromium" };
    return;
  }
  const [newcomer] = await signUpMany(client, 1);
  const pages = [
    { name: "landing", path: "/" },
    { name: "sign-in", path: "/sign-in" },
    { name: "onboarding", path: "/onboarding", cookie: newcomer!.cookie },
    { name: "wallet home", path: "/wallet", cookie: registered[0]?.cookie },
  ];
  const byPreset: Record<string, LighthouseScores[]> = {};
  for (const preset of LIGHTHOUSE_PRESETS) {
    const runs = preset === "mobile" && !QUICK ? 3 : 1; // mobile varies most with the machine's load
    progress(
      `Lighthouse (${preset}) on ${pages.length} pages, ${runs === 1 ? "1 run" : `median of ${runs} runs`} each`,
    );
    const scores = await runLighthouse(client.origin, pages, { port: LIGHTHOUSE_PORT, preset, runs, chromium });
    byPreset[preset] = scores;
    print(
      `Lighthouse (${preset})`,
      markdownTable(
        ["page", "performance", "accessibility", "best practices", "audits not passed"],
        scores.map((s) => [
          `${s.name} (${new URL(s.finalUrl).pathname})`,
          s.performance,
          s.accessibility,
          s.bestPractices,
          s.missed.join(", ") || "none",
        ]),
      ),
      preset === "mobile"
        ? `Mobile: Lighthouse's default, a mid-range phone (4× slower CPU, slow 4G), simulated from this machine's own run${runs === 1 ? "" : `; the median of ${runs} runs per page`}.`
        : undefined,
    );
    for (const s of scores) {
      const low = Math.min(s.performance, s.accessibility, s.bestPractices);
      summary.push([
        `Lighthouse ${preset}, ${s.name} (perf / a11y / best pr.)`,
        `${s.performance} / ${s.accessibility} / ${s.bestPractices}`,
        `≥ ${TARGETS.lighthouse} each`,
        mark(low >= TARGETS.lighthouse),
      ]);
    }
  }
  results.lighthouse = byPreset;
}

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? "?",
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

async function main() {
  const started = performance.now();
  if (process.env.BENCH_SKIP_BUILD !== "1") build();
  if (STEPS.has("weight")) results.pageWeight = pageWeightStep();

  const needsServer = ["registration", "signing", "transfers", "memory", "lighthouse", "startup"].some((step) =>
    STEPS.has(step),
  );
  if (needsServer) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "bench-app-"));
    const secret = randomBytes(32).toString("base64url");
    sandboxProcess =
      DFNS === "process"
        ? await startSandboxProcess({ port: SANDBOX_PORT, origin: `http://localhost:${PORT}`, postgresUrl: POSTGRES })
        : null;
    const databaseUrl = POSTGRES ? await emptyDatabaseUrl(POSTGRES) : undefined;
    const serverOptions = { port: PORT, dataDir, secret, databaseUrl, dfns: sandboxProcess?.credentials };
    let server = await startServer(serverOptions).catch(async (error) => {
      await sandboxProcess?.stop();
      throw error;
    });
    const startup = [
      {
        data: "fresh folder (migrations applied)",
        firstPage: server.firstPageSeconds,
        databaseReady: server.databaseReadySeconds,
      },
    ];
    try {
      const client = new AppClient(server.origin, secret);
      const registered: BenchUser[] = [];
      if (STEPS.has("registration")) await registrationStep(client, server, registered);
      const needsRegistered = ["signing", "transfers", "lighthouse"].some((step) => STEPS.has(step));
      if (needsRegistered && registered.length < 8) {
        await registerEach(client, await signUpMany(client, 8 - registered.length), registered);
      }
      if (STEPS.has("signing")) await signingStep(client, server, registered);
      if (STEPS.has("transfers")) await transfersStep(client, server, registered);
      if (STEPS.has("memory")) await memoryStep(client, server, registered);
      if (STEPS.has("lighthouse")) await lighthouseStep(client, registered);
      if (STEPS.has("startup")) {
        await server.stop();
        server = await startServer(serverOptions);
        startup.push({
          data: "existing folder",
          firstPage: server.firstPageSeconds,
          databaseReady: server.databaseReadySeconds,
        });
      }
    } finally {
      await server.stop();
      await sandboxProcess?.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
    if (STEPS.has("startup")) {
      print(
        "Start-up (`npm start` → first answer)",
        markdownTable(
          ["data folder", "first page (s)", "first database answer (s)"],
          startup.map((s) => [s.data, s.firstPage.toFixed(2), s.databaseReady.toFixed(2)]),
        ),
        "The embedded database is opened, and migrated, on the first request that needs it.",
      );
      for (const s of startup)
        summary.push([`start-up, ${s.data}`, `${s.databaseReady.toFixed(2)} s`, "(no target)", ""]);
      results.startup = startup;
    }
  }

  print("Summary", markdownTable(["figure", "result", "target", ""], summary));
  const date = new Date().toISOString();
  const report = {
    date,
    quick: QUICK,
    dfns: DFNS,
    database: POSTGRES ? "postgresql" : "pglite",
    machine: machine(),
    commit: gitCommit(),
    results,
    tables: printed.join("\n"),
  };
  await mkdir("bench-results", { recursive: true });
  const file = `bench-results/app${[...STEPS].join(",") === ALL_STEPS ? "" : `-${[...STEPS].join("-")}`}.json`;
  await writeFile(file, JSON.stringify(report, null, 2));
  console.log(
    `\n${date.slice(0, 10)}, ${report.machine.cores} cores (${report.machine.cpu}), Node ${process.version}. ` +
      `Took ${((performance.now() - started) / 1000).toFixed(0)} s. Written to ${file}`,
  );
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
