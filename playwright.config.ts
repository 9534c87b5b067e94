import { randomBytes } from "node:crypto";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests in Chromium against the production build: `npm run build` once, then
 * `next start` on its own port with a fresh embedded database for the run.
 *
 *   E2E_PORT            port of the app under test (3100)
 *   E2E_DATABASE_URL    run against a PostgreSQL server instead of a fresh embedded database
 *   E2E_SKIP_BUILD=1    reuse the last `npm run build`
 *   E2E_DEV=1           run against `next dev` instead (e.g. e2e/hydration.spec.ts, as a developer sees it)
 *   CHROMIUM_PATH       the browser (/usr/bin/chromium)
 *
 * This file is evaluated by the runner and again by each worker: values that must agree are
 * kept in process.env, which the workers inherit.
 */
process.env.E2E_RUN_ID ??= new Date().toISOString().replace(/\D/g, "").slice(0, 14);
process.env.E2E_NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");

const port = Number(process.env.E2E_PORT ?? 3100);
const origin = `http://localhost:${port}`;
const dataDir = path.join(".data", `e2e-${process.env.E2E_RUN_ID}`);
// A second server of the same build for the onboarding without wallets (DFNS_WALLET_NETWORKS=none).
const noWalletsPort = port + 1;
process.env.E2E_ORIGIN = origin;
process.env.E2E_NO_WALLETS_ORIGIN = `http://localhost:${noWalletsPort}`;
if (process.env.E2E_DATABASE_URL) {
  const url = new URL(process.env.E2E_DATABASE_URL);
  url.pathname += "_no_wallets";
  process.env.E2E_NO_WALLETS_DATABASE_URL = url.toString();
}

const appEnv = (appOrigin: string, data: string, walletNetworks: string) => ({
  APP_ORIGIN: appOrigin,
  NEXTAUTH_URL: appOrigin,
  NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET!,
  PGLITE_DATA_DIR: data,
  // Empty counts as unset, and wins over a developer's .env: the suite runs on the sandbox.
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
  DFNS_API_URL: "",
  DFNS_AUTH_TOKEN: "",
  DFNS_CRED_ID: "",
  DFNS_PRIVATE_KEY: "",
  PASSKEY_RP_ID: "",
  // Wallets made at registration, and one more network a user can add a wallet on.
  DFNS_WALLET_NETWORKS: walletNetworks,
  DFNS_EXTRA_WALLET_NETWORKS: "BaseSepolia",
  GITHUB_ID: "",
  GITHUB_SECRET: "",
  GOOGLE_CLIENT_ID: "",
  GOOGLE_CLIENT_SECRET: "",
});

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  // `next dev` compiles each page and route on its first request.
  expect: { timeout: process.env.E2E_DEV ? 90_000 : 15_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: origin,
    browserName: "chromium",
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // Started one after the other: the second waits for the first (and its build) to answer.
  webServer: [
    {
      command: process.env.E2E_DEV
        ? `npx next dev -p ${port}`
        : `${process.env.E2E_SKIP_BUILD ? "" : "npm run build && "}npx next start -p ${port}`,
      url: origin,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: appEnv(origin, dataDir, "EthereumSepolia,SolanaDevnet"),
    },
    // Not beside `next dev`: one dev server per project folder.
    ...(process.env.E2E_DEV
      ? []
      : [
          {
            // Its own embedded database (one process per data folder), or a second database on the server.
            command: `npx next start -p ${noWalletsPort}`,
            url: process.env.E2E_NO_WALLETS_ORIGIN,
            timeout: 120_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
            stderr: "pipe" as const,
            env: {
              ...appEnv(process.env.E2E_NO_WALLETS_ORIGIN, `${dataDir}-no-wallets`, "none"),
              DATABASE_URL: process.env.E2E_NO_WALLETS_DATABASE_URL ?? "",
            },
          },
        ]),
  ],
});
