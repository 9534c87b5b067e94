import { readdir, rm } from "node:fs/promises";
import path from "node:path";

/**
 * Before the run: removes the embedded databases of earlier runs (`.data/e2e-*`), and with
 * E2E_DATABASE_URL creates that database on its server when it does not exist yet. The app opens
 * its database on the first request, which comes after this.
 */
export default async function globalSetup(): Promise<void> {
  const current = `e2e-${process.env.E2E_RUN_ID}`;
  const entries = await readdir(".data").catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => name.startsWith("e2e-") && name !== current && !name.startsWith(`${current}-`))
      .map((name) => rm(path.join(".data", name), { recursive: true, force: true })),
  );

  for (const url of [process.env.E2E_DATABASE_URL, process.env.E2E_NO_WALLETS_DATABASE_URL]) if (url) await createDatabase(url);
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
