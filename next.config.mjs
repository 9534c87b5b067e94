// Next.js configuration. Deliberately no `env` block: values put there are inlined into the
// JavaScript bundles, the browser's included. Configuration is read at run time, on the server,
// by lib/env.

import { existsSync } from "node:fs";

const isDev = process.env.NODE_ENV !== "production";

// The local Dfns sandbox is a removable part (README, "Removing the sandbox"). The app reaches it
// only through the module `dfns-sandbox-link` (lib/dfns/sandbox-link.ts): its link where
// lib/sandbox exists, a null link where it was removed. tsconfig.json `paths` says the same.
const sandboxLink = existsSync(new URL("./lib/sandbox/app/link.ts", import.meta.url))
  ? "./lib/sandbox/app/link.ts"
  : "./lib/dfns/no-sandbox-link.ts";

// Next's own inline scripts need 'unsafe-inline' without per-request nonces; the policy still
// refuses scripts, frames, forms and connections to other origins.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com https://lh3.googleusercontent.com",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
  "frame-ancestors 'none'",
  "form-action 'self' https://github.com https://accounts.google.com",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Passkeys for this origin only; nothing else the app does not use.
  {
    key: "Permissions-Policy",
    value:
      "publickey-credentials-create=(self), publickey-credentials-get=(self), camera=(), microphone=(), geolocation=(), payment=()",
  },
  // Ignored by browsers over plain http (localhost); kept for https deployments.
  { key: "Strict-Transport-Security", value: "max-age=63072000" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The stylesheet (Tailwind: ~5 kB gzip) inside the HTML instead of a render-blocking request:
  // first paint one round trip sooner (Lighthouse mobile LCP 2.2–2.4 s → 1.5–1.9 s, `npm run bench`).
  experimental: { inlineCss: true },
  turbopack: { resolveAlias: { "dfns-sandbox-link": sandboxLink } },
  // Loaded by Node at run time rather than bundled: the embedded Postgres ships WebAssembly and
  // data files it finds next to itself, the database drivers are native-style Node packages, and
  // the Dfns SDK must be one copy for `instanceof DfnsError` to hold across the app.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "@prisma/adapter-pg",
    "@prisma/client",
    "@dfns/sdk",
    "@dfns/sdk-keysigner",
    // The sandbox's local Solana VM: a native Node addon (loaded from its platform package).
    "litesvm",
    "@solana/kit",
    "@solana-program/system",
  ],
  // The app applies the committed migrations itself (lib/db/migrate.ts) at run time: ship them.
  outputFileTracingIncludes: {
    "/*": ["./prisma/migrations/**/*"],
  },
  // The sandbox's local chains (anvil ~43 MB, LiteSVM ~12 MB, the Solidity compiler for the test
  // token) run on a developer's machine only: never in live mode, so never in a deployment.
  outputFileTracingExcludes: {
    "/*": [
      "node_modules/@foundry-rs/**",
      "node_modules/litesvm/**",
      "node_modules/litesvm-*/**",
      "node_modules/@solana/**",
      "node_modules/@solana-program/**",
      "node_modules/solc/**",
    ],
  },
  // `@dfns/sdk` resolves its paths (`/auth/…`, `/wallets/…`) against the origin of its base URL,
  // so in sandbox mode the app's own origin must answer them: requests that carry the SDK's
  // header go to the mounted sandbox (which is a 404 in live mode, where the SDK calls Dfns).
  async rewrites() {
    const sdk = [{ type: "header", key: "x-dfns-sdk-version" }];
    return {
      beforeFiles: ["/auth/:path*", "/wallets", "/wallets/:path*"].map((source) => ({
        source,
        has: sdk,
        destination: `/api/dfns-sandbox${source}`,
      })),
    };
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
