import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const SCRIPT = path.resolve("scripts/compile-hints.mjs");
const HINT = "//# allFunctionsCalledOnLoad\n";

describe("compile hints on a build's client scripts", () => {
  const dist = mkdtempSync(path.join(tmpdir(), "compile-hints-"));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const chunks = path.join(dist, "static", "chunks");
  const write = (name: string, content: string) => {
    mkdirSync(path.dirname(path.join(chunks, name)), { recursive: true });
    writeFileSync(path.join(chunks, name), content);
  };
  const read = (name: string) => readFileSync(path.join(chunks, name), "utf8");
  write("root.js", "(()=>{})();\n//# sourceMappingURL=root.js.map");
  write("root.js.map", JSON.stringify({ version: 3, sources: ["a.ts"], mappings: "AAAA" }));
  write("app/page.js", "globalThis.x=1;");
  write(
    "app/page.js.map",
    JSON.stringify({ version: 3, sections: [{ offset: { line: 0, column: 0 }, map: { mappings: "AAAA" } }] }),
  );
  write("style.css", "body{}");

  it("puts the hint on the first line of every script, once, and leaves other files alone", () => {
    const first = execFileSync("node", [SCRIPT, dist], { encoding: "utf8" });
    expect(first).toContain("2 client scripts");
    expect(read("root.js")).toBe(`${HINT}(()=>{})();\n//# sourceMappingURL=root.js.map`);
    expect(read("app/page.js")).toBe(`${HINT}globalThis.x=1;`);
    expect(read("style.css")).toBe("body{}");

    const second = execFileSync("node", [SCRIPT, dist], { encoding: "utf8" });
    expect(second).toContain("0 client scripts");
    expect(read("root.js").split(HINT)).toHaveLength(2);
  });

  it("shifts the source maps by the added line", () => {
    expect(JSON.parse(read("root.js.map")).mappings).toBe(";AAAA");
    expect(JSON.parse(read("app/page.js.map")).sections[0].offset.line).toBe(1);
  });

  it("says so when there is no build", () => {
    const run = spawnSync("node", [SCRIPT, path.join(dist, "nothing")], { encoding: "utf8" });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/No client scripts/);
  });
});
