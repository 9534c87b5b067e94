import { generateKeyPairSync } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { getEnv } from "@/lib/env";

let sandboxLoaded = false;
vi.mock("@/lib/sandbox", () => {
  sandboxLoaded = true;
  return {};
});

// Live mode: the sandbox's route answers 404 and loads nothing of the sandbox.
// (Each test file runs in its own process, so this configuration stays here.)
const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
Object.assign(process.env, {
  DFNS_API_URL: "https://api.dfns.io",
  DFNS_AUTH_TOKEN: "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl",
  DFNS_CRED_ID: "Y2ktbGl2ZQ",
  DFNS_PRIVATE_KEY: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  NEXTAUTH_SECRET: "a-test-secret-that-is-long-enough-for-production-use",
});
afterAll(() => {
  for (const name of ["DFNS_API_URL", "DFNS_AUTH_TOKEN", "DFNS_CRED_ID", "DFNS_PRIVATE_KEY", "NEXTAUTH_SECRET"])
    delete process.env[name];
});

describe("/api/dfns-sandbox in live mode", () => {
  it("is a JSON 404 for every method, and the sandbox module is never loaded", async () => {
    expect(getEnv().dfns.mode).toBe("live");
    const route = await import("./route");
    for (const method of ["GET", "POST", "PUT", "DELETE"] as const) {
      const response = await route[method](new Request(`http://localhost:3000/api/dfns-sandbox/wallets`, { method }));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { message: "Not found", status: 404 } });
    }
    expect(sandboxLoaded).toBe(false);
  });
});
