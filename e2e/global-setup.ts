import { readdir, rm } from "node:fs/promises";
import path from "node:path";

/** Removes the embedded databases of earlier runs (`.data/e2e-*`); this run's is made fresh by the app. */
export default async function globalSetup(): Promise<void> {
  const current = `e2e-${process.env.E2E_RUN_ID}`;
  const entries = await readdir(".data").catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => name.startsWith("e2e-") && name !== current)
      .map((name) => rm(path.join(".data", name), { recursive: true, force: true })),
  );
}
