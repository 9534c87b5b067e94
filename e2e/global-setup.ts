import { readdir, rm } from "node:fs/promises";
import path from "node:path";

/**
 * Before the run: removes the embedded databases of earlier runs (`.data/e2e-*`) and their
 * sandbox chains (`.data/chain/e2e-*`, `.data/chain/postgres-e2e_*`), with
 * E2E_DATABASE_URL creates the databases on that server when they do not exist yet, then makes
 * each app server open its database (the first request does; the servers are up by now).
 */
export default async function globalSetup(): Promise<void> {
  const current = `e2e-${process.env.E2E_RUN_ID}`;
  const earlier = (name: string) =>
    (name.startsWith("e2e-") || name.startsWith("postgres-e2e_")) &&
    name !== current &&
    !name.startsWith(`${current}-`);
  for (const folder of [".data", path.join(".data", "chain")]) {
    const entries = await readdir(folder).catch(() => [] as string[]);
    await Promise.all(
      entries.filter(earlier).map((name) => rm(path.join(folder, name), { recursive: true, force: true })),
    );
  }

  for (const url of [process.env.E2E_DATABASE_URL, process.env.E2E_NO_WALLETS_DATABASE_URL])
    if (url) await createDatabase(url);

  // Each server opens and migrates its database on its first request: seconds, many more on a
  // busy machine. That happens here, not inside the first test's time limits.
  for (const origin of [process.env.E2E_ORIGIN, process.env.E2E_NO_WALLETS_ORIGIN]) if (origin) await warmUp(origin);
}

async function warmUp(origin: string): Promise<void> {
  const response = await fetch(`${origin}/api/auth/sign-up`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({
      email: `warm-up-${process.env.E2E_RUN_ID}@example.com`,
      password: "correct horse battery staple",
    }),
    signal: AbortSignal.timeout(180_000),
  });
  if (response.status !== 201 && response.status !== 409)
    throw new Error(`Warming up ${origin} failed: HTTP ${response.status}`);
}

async function createDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^\w+$/.test(name)) throw new Error("E2E_DATABASE_URL must name a database made of letters, digits and _");
  const { Client } = await import("pg");
  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}
