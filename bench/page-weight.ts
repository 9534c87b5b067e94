// First-load JavaScript per page, gzip, from the production build in .next: what a browser
// downloads to show a route the first time. Next 16's build no longer prints it, so it is
// computed here from the build's manifests. Used by `npm run bench` and by the size check of
// the test suite (bench/page-weight.test.ts, after a build).
//
// A route's first load = the framework's root scripts (build-manifest `rootMainFiles`, on every
// page) + the client chunks of every entry of that route's tree (its client reference manifest
// `entryJSFiles`: layouts, error and not-found boundaries, the page). Legacy polyfills are left
// out (`nomodule`: modern browsers skip them), as Next's own figure did. gzip level 9, 1 kB = 1000 bytes.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

/**
 * Budgets, in kB (gzip) over what an App Router page with no client code of its own weighs on the
 * same Next version (bench/empty-page.ts measures it: 134.6 kB with Next 16.4.6 — React DOM, the
 * router and runtime, and the router's layout components). The public pages carry little of their
 * own (links, the sign-in form); the app's pages carry passkey, recovery and wallet code.
 */
export const PAGE_BUDGETS: Record<string, { overKB: number }> = {
  "/": { overKB: 8 },
  "/sign-in": { overKB: 8 },
  "/onboarding": { overKB: 30 },
  "/wallet": { overKB: 30 },
  "/recovery": { overKB: 30 },
};

export interface RouteWeight {
  route: string;
  /** null: this route's page is not in the build (not built yet). */
  kB: number | null;
  /** The part of `kB` that is not the framework's shared root scripts. */
  ownKB: number | null;
  /** The empty page's weight plus the route's allowance. */
  budgetKB: number;
  files: string[];
}

export interface PageWeights {
  /** The framework's root scripts (React, the Next router and runtime), loaded on every page. */
  frameworkKB: number;
  routes: RouteWeight[];
}

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;

/** The `entryJSFiles` of a page's client reference manifest (a script that assigns a global). */
function entryFiles(distDir: string, pageKey: string): string[] {
  const sandbox: {
    globalThis?: unknown;
    __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }>;
  } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(
    readFileSync(path.join(distDir, "server", "app", `${pageKey}_client-reference-manifest.js`), "utf8"),
    sandbox,
  );
  const manifest = sandbox.__RSC_MANIFEST?.[pageKey];
  if (!manifest?.entryJSFiles) throw new Error(`No entryJSFiles for ${pageKey}: has the build output changed shape?`);
  return Object.values(manifest.entryJSFiles).flat();
}

/** Every budgeted route's weight in the build in `distDir`, its budget `emptyPageKB` + its allowance. */
export function measurePageWeights(
  distDir: string,
  budgets: Record<string, { overKB: number }>,
  emptyPageKB: number,
): PageWeights {
  if (!existsSync(path.join(distDir, "BUILD_ID")))
    throw new Error(`No production build in ${distDir}: run \`npm run build\` first.`);
  const gzipped = new Map<string, number>();
  const size = (file: string) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length);
    return gzipped.get(file)!;
  };
  const kB = (files: Iterable<string>) => Math.round([...files].reduce((sum, file) => sum + size(file), 0) / 100) / 10;
  const normalize = (file: string) => file.replace(/^\/?_next\//, "").replace(/^\//, "");

  const framework = ((readJson(path.join(distDir, "build-manifest.json")).rootMainFiles as string[]) ?? []).map(
    normalize,
  );
  // "/(auth)/sign-in/page" → "/sign-in"
  const pageOfRoute = new Map(
    Object.entries(readJson(path.join(distDir, "app-path-routes-manifest.json")) as Record<string, string>)
      .filter(([key]) => key.endsWith("/page"))
      .map(([key, route]) => [route, key]),
  );

  const routes = Object.entries(budgets).map(([route, { overKB }]): RouteWeight => {
    const budgetKB = Math.round((emptyPageKB + overKB) * 10) / 10;
    const pageKey = pageOfRoute.get(route);
    if (!pageKey) return { route, kB: null, ownKB: null, budgetKB, files: [] };
    const own = new Set(
      entryFiles(distDir, pageKey)
        .map(normalize)
        .filter((f) => f.endsWith(".js") && !framework.includes(f)),
    );
    return { route, kB: kB([...framework, ...own]), ownKB: kB(own), budgetKB, files: [...framework, ...own] };
  });
  return { frameworkKB: kB(framework), routes };
}
