import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileToken, TOKEN_ARTIFACT_PATH } from "./compile";

describe("the test token's shipped artifact", () => {
  it("is exactly what SandboxToken.sol compiles to (else: npm run sandbox:token)", async () => {
    const shipped = JSON.parse(readFileSync(TOKEN_ARTIFACT_PATH, "utf8"));
    expect(await compileToken()).toEqual(shipped);
  }, 60_000);
});
