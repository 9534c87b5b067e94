// The size check of the test suite: every page's first-load JavaScript (gzip) within its budget,
// measured on the production build that exists (scripts/test-all.sh runs it right after the
// Playwright run, which builds). Sizes, not times: stable from run to run.
//   npm run build && npx vitest run --config vitest.page-weight.config.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { emptyPageKB } from "./empty-page";
import { measurePageWeights, PAGE_BUDGETS } from "./page-weight";

describe("first-load JavaScript per page, within its budget", () => {
  // Budgets are relative to an empty App Router page built with the same Next (~1 min the first time).
  const emptyKB = emptyPageKB();
  const weights = measurePageWeights(".next", PAGE_BUDGETS, emptyKB);
  it(`an empty App Router page weighs ${emptyKB} kB, more than the framework's root scripts (${weights.frameworkKB} kB)`, () => {
    expect(emptyKB).toBeGreaterThan(weights.frameworkKB);
  });
  for (const route of weights.routes) {
    const title = `${route.route}: ${route.kB ?? "?"} kB ≤ ${route.budgetKB} kB`;
    // A page another change has not added yet is not a failure; once built, it is checked.
    it.skipIf(route.kB === null)(route.kB === null ? `${route.route}: not built yet` : title, () => {
      expect(route.kB).toBeLessThanOrEqual(route.budgetKB);
    });
  }
});

describe("the measurement", () => {
  // A build output of the same shape, with files of known gzip size.
  const dist = mkdtempSync(path.join(tmpdir(), "page-weight-"));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const file = (name: string, content: string) => {
    mkdirSync(path.dirname(path.join(dist, name)), { recursive: true });
    writeFileSync(path.join(dist, name), content);
  };
  const random = (bytes: number) =>
    Array.from({ length: bytes }, () => String.fromCharCode(33 + Math.floor(Math.random() * 90))).join("");
  const chunks = { root: random(3000), layout: random(2000), page: random(1000), css: random(5000) };
  for (const [name, content] of Object.entries(chunks))
    file(`static/chunks/${name}.${name === "css" ? "css" : "js"}`, content);
  file("BUILD_ID", "x");
  file(
    "build-manifest.json",
    JSON.stringify({ rootMainFiles: ["static/chunks/root.js"], polyfillFiles: ["static/chunks/polyfill.js"] }),
  );
  file("app-path-routes-manifest.json", JSON.stringify({ "/(shop)/cart/page": "/cart", "/api/x/route": "/api/x" }));
  const entries = {
    "[project]/app/layout": ["static/chunks/layout.js"],
    "[project]/app/(shop)/cart/page": [
      "static/chunks/layout.js",
      "/_next/static/chunks/page.js",
      "static/chunks/css.css",
    ],
  };
  file(
    "server/app/(shop)/cart/page_client-reference-manifest.js",
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST["/(shop)/cart/page"] = ${JSON.stringify({ entryJSFiles: entries })};`,
  );
  const gz = (text: string) => gzipSync(text, { level: 9 }).length;

  it("adds the framework's root scripts and each entry's chunks once, gzip, leaving out CSS and polyfills", () => {
    const weights = measurePageWeights(dist, { "/cart": { overKB: 1 }, "/later": { overKB: 2.5 } }, 100);
    expect(weights.frameworkKB).toBe(Math.round(gz(chunks.root) / 100) / 10);
    const cart = weights.routes.find((r) => r.route === "/cart")!;
    expect(cart.kB).toBe(Math.round((gz(chunks.root) + gz(chunks.layout) + gz(chunks.page)) / 100) / 10);
    expect(cart.ownKB).toBe(Math.round((gz(chunks.layout) + gz(chunks.page)) / 100) / 10);
    expect(cart.files).toEqual(["static/chunks/root.js", "static/chunks/layout.js", "static/chunks/page.js"]);
    expect(cart.budgetKB).toBe(101);
    expect(weights.routes.find((r) => r.route === "/later")).toMatchObject({ kB: null, budgetKB: 102.5, files: [] });
  });

  it("says so when there is no build", () => {
    expect(() => measurePageWeights(path.join(dist, "nothing"), {}, 0)).toThrow(/No production build/);
  });
});
