import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const firstExisting = (...files: string[]) =>
  path.resolve(
    __dirname,
    files.find((f) => existsSync(path.resolve(__dirname, f)))!,
  );

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // The local sandbox's link, or a null link where lib/sandbox was removed (lib/dfns/sandbox-link.ts).
      "dfns-sandbox-link": firstExisting("lib/sandbox/app/link.ts", "lib/dfns/no-sandbox-link.ts"),
      // A Dfns for route tests: the sandbox, or none where it was removed (lib/testing/test-dfns.ts).
      "dfns-sandbox-testing": firstExisting("lib/sandbox/testing/test-dfns.ts", "lib/testing/no-test-dfns.ts"),
      // `server-only` throws outside React's server build; tests run on the server anyway.
      "server-only": path.resolve(__dirname, "lib/testing/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts", "bench/stats.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
