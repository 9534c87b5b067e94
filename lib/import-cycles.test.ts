import path from "node:path";
import { describe, expect, it } from "vitest";
import { importCycles, importGraph, moduleGraph, runtimeImports, type ImportGraph } from "@/lib/testing/import-graph";

// No two parts of the app load each other, directly or around a longer loop. Between files, a
// cycle makes one of them run while the other is half-evaluated; between modules (lib/auth,
// lib/http, …) it means neither can be read, tested or replaced without the other.
// Type-only imports are erased by the compiler and do not count (lib/testing/import-graph.ts).

const ROOT = path.resolve(__dirname, "..");
const FOLDERS = ["lib", "app", "components"];

/** What the tests say when they fail: each group, one loop through it, and the imports of each step. */
function described(graph: ImportGraph, files: ImportGraph, moduleOf: (file: string) => string | null = (file) => file) {
  const step = (from: string, to: string) =>
    [...files].flatMap(([file, targets]) =>
      moduleOf(file) === from
        ? targets.filter((target) => moduleOf(target) === to).map((target) => `${file} → ${target}`)
        : [],
    );
  return importCycles(graph).map(({ members, loop }) =>
    [
      `${loop.join(" → ")}   (all of: ${members.join(", ")})`,
      ...loop.slice(1).map((to, i) => `    ${step(loop[i]!, to).join("; ")}`),
    ].join("\n"),
  );
}

/**
 * The module of a file: the folder or file right under lib/ or components/ (lib/auth,
 * lib/rate-limit.ts); each file of app/ is its own. Tests and test helpers are left out: they sit
 * above everything they test.
 */
function moduleOf(file: string): string | null {
  if (/\.test\.tsx?$/.test(file) || file.startsWith("lib/testing/")) return null;
  if (/^lib\/sandbox\/(tests|bench|testing)\//.test(file)) return null;
  const [top, name] = file.split("/");
  return top === "app" ? file : `${top}/${name!.replace(/\.tsx?$/, "")}`;
}

describe("import cycles", () => {
  const files = importGraph(ROOT, FOLDERS);

  it("none between files of lib/, app/ and components/", () => {
    // The graph is real: the route wrapper is found, and it loads the configuration through `@/`.
    expect(files.get("lib/http/handler.ts")).toContain("lib/env/index.ts");
    expect(described(files, files)).toEqual([]);
  });

  it("none between modules", () => {
    // The app reaches the sandbox only through `dfns-sandbox-link` and `dfns-sandbox-testing`,
    // names that resolve to a null module where the sandbox is cut: the sandbox depends on the
    // app, not the other way round.
    const appFiles = importGraph(ROOT, FOLDERS, { skip: ["dfns-sandbox-link", "dfns-sandbox-testing"] });
    const modules = moduleGraph(appFiles, moduleOf);
    expect(modules.get("lib/rate-limit")).toContain("lib/db");
    expect(described(modules, appFiles, moduleOf)).toEqual([]);
  });
});

describe("the cycle finder", () => {
  const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

  it("finds a loop through three files and one through a file importing itself", () => {
    const graph = graphOf({
      "auth.ts": ["rate-limit.ts", "db.ts"],
      "rate-limit.ts": ["http.ts"],
      "http.ts": ["auth.ts", "db.ts"],
      "db.ts": [],
      "self.ts": ["self.ts"],
    });
    expect(importCycles(graph)).toEqual([
      { members: ["auth.ts", "http.ts", "rate-limit.ts"], loop: ["auth.ts", "rate-limit.ts", "http.ts", "auth.ts"] },
      { members: ["self.ts"], loop: ["self.ts", "self.ts"] },
    ]);
  });

  it("finds none in a graph without loops, however many paths meet", () => {
    expect(importCycles(graphOf({ "a.ts": ["b.ts", "c.ts"], "b.ts": ["c.ts"], "c.ts": [] }))).toEqual([]);
  });

  it("groups files into modules: a loop between folders is a cycle even when the files form none", () => {
    const files = graphOf({
      "lib/auth/rate-limits.ts": ["lib/rate-limit.ts"],
      "lib/rate-limit.ts": ["lib/http/errors.ts"],
      "lib/http/errors.ts": [],
      "lib/http/handler.ts": ["lib/auth/session.ts"],
      "lib/auth/session.ts": [],
    });
    expect(importCycles(files)).toEqual([]);
    expect(importCycles(moduleGraph(files, moduleOf)).map((cycle) => cycle.loop)).toEqual([
      ["lib/auth", "lib/rate-limit", "lib/http", "lib/auth"],
    ]);
  });

  it("counts imports that load code, not those the compiler erases", () => {
    const text = [
      'import { a } from "./a";',
      'import b from "./b";',
      'import "./c";',
      'import type { D } from "./d";',
      'import { type E } from "./e";',
      'import { type F, f } from "./f";',
      'export { g } from "./g";',
      'export type { H } from "./h";',
      'export * from "./i";',
      'const j = () => import("./j");',
    ].join("\n");
    expect(runtimeImports("x.ts", text)).toEqual(["./a", "./b", "./c", "./f", "./g", "./i"]);
  });
});
