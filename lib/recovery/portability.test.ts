// This folder ships in the browser bundle: keep Node-only APIs out of the non-test modules.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = __dirname;
const modules = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

describe("lib/recovery portability", () => {
  it("finds the modules", () => {
    expect(modules).toContain("index.ts");
  });

  it.each(modules)("%s uses no Node-only API", (file) => {
    const code = readFileSync(path.join(dir, file), "utf8").replace(/\/\/.*$/gm, "");
    expect(code).not.toMatch(/from\s+["'](node:|crypto["']|buffer["'])/);
    expect(code).not.toMatch(/\brequire\s*\(|\bBuffer\b|\bprocess\./);
    for (const m of code.matchAll(/from\s+["']([^"']+)["']/g)) expect(m[1]).toMatch(/^\.\//);
  });
});
