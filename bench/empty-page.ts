// What the framework itself costs: the first-load JavaScript of an App Router page with no client
// code of its own, built with this project's Next.js. Page budgets are set above it
// (bench/page-weight.ts), so they move with Next rather than by hand.
//
// The empty app lives in .next-baseline/ (git-ignored) inside the project, so it resolves the
// project's own node_modules; it is rebuilt only when the Next version changes. Plain .jsx: no
// TypeScript, so Next leaves the folder's configuration alone.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { measurePageWeights } from "./page-weight";

export const EMPTY_APP_DIR = ".next-baseline";

const FILES: Record<string, string> = {
  "app/layout.jsx": `export default function Layout({ children }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n`,
  "app/page.jsx": `export default function Page() {\n  return <p>An empty page</p>;\n}\n`,
  "next.config.mjs": "export default {};\n",
  // Its own (empty) instrumentation hook: Next would otherwise build the project's, and with it
  // the app's start-up code.
  "instrumentation.js": "export function register() {}\n",
};

const projectRequire = (root: string) => createRequire(path.join(root, "package.json"));
const nextVersion = (root: string) => (projectRequire(root)("next/package.json") as { version: string }).version;

/** Builds the empty app unless a build for this Next version is there; returns its build folder. */
export function buildEmptyApp(root = process.cwd()): string {
  const dir = path.join(root, EMPTY_APP_DIR);
  const stamp = path.join(dir, ".next", "next-version");
  const version = nextVersion(root);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === version) return path.join(dir, ".next");

  rmSync(dir, { recursive: true, force: true });
  for (const [file, content] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  const build = spawnSync(process.execPath, [projectRequire(root).resolve("next/dist/bin/next"), "build", dir], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (build.status !== 0)
    throw new Error(`Building the empty App Router page failed:\n${build.stdout}\n${build.stderr}`);
  writeFileSync(stamp, version);
  return path.join(dir, ".next");
}

/** First-load JavaScript (gzip kB) of the empty page, built if needed. */
export function emptyPageKB(root = process.cwd()): number {
  const [page] = measurePageWeights(buildEmptyApp(root), { "/": { overKB: 0 } }, 0).routes;
  if (page?.kB == null) throw new Error("The empty app's page is missing from its build.");
  return page.kB;
}
