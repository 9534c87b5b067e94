// Lighthouse scores of the app's pages (npm `lighthouse` driving the system Chromium), signed in
// where a page needs it (the session cookie as an extra header).
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import lighthouse, { desktopConfig } from "lighthouse";
import { sleep } from "./app-server";

export interface LighthousePage {
  name: string;
  path: string;
  /** A session cookie, for a page that needs a signed-in user. */
  cookie?: string;
}

export interface LighthouseScores {
  name: string;
  path: string;
  /** The URL Lighthouse ended on (a redirect would show here). */
  finalUrl: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Scored audits that did not pass, for finding the cause of a low score. */
  missed: string[];
}

const CATEGORIES = ["performance", "accessibility", "best-practices"];

/**
 * `preset`: "mobile" is Lighthouse's default (a mid-range phone: 4× slower CPU, slow 4G, both
 * simulated from this machine's run, so other programs' load shows in it); "desktop" its desktop
 * preset. `runs` per page: the run with the median performance score is kept, as Lighthouse's
 * own guidance on variability advises. One run before all others warms Chromium up, not counted.
 */
export async function runLighthouse(
  origin: string,
  pages: LighthousePage[],
  opts: { port: number; preset: "mobile" | "desktop"; runs: number; chromium?: string },
): Promise<LighthouseScores[]> {
  const profile = await mkdtemp(path.join(tmpdir(), "bench-chromium-"));
  const chromium = spawn(
    opts.chromium ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--remote-debugging-port=${opts.port}`,
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    { stdio: "ignore", detached: true },
  );
  try {
    const deadline = Date.now() + 30_000;
    while (
      !(await fetch(`http://127.0.0.1:${opts.port}/json/version`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline || chromium.exitCode !== null)
        throw new Error(`Chromium did not open its debugging port ${opts.port}.`);
      await sleep(100);
    }
    const run = async (page: LighthousePage, attempt = 1): Promise<LighthouseScores> => {
      const flags = {
        port: opts.port,
        logLevel: "error" as const,
        onlyCategories: CATEGORIES,
        extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
      };
      const result = await lighthouse(
        `${origin}${page.path}`,
        flags,
        opts.preset === "desktop" ? desktopConfig : undefined,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      const { lhr } = result;
      if (lhr.runtimeError) {
        // A trace that failed to record (NO_NAVSTART, …): Lighthouse says to run it again.
        if (attempt < 3) return run(page, attempt + 1);
        throw new Error(`Lighthouse could not load ${page.path}: ${lhr.runtimeError.message}`);
      }
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const missed = Object.values(lhr.categories).flatMap((category) =>
        category.auditRefs
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${ref.id}${lhr.audits[ref.id]!.displayValue ? ` (${lhr.audits[ref.id]!.displayValue})` : ""}`),
      );
      return {
        name: page.name,
        path: page.path,
        finalUrl: lhr.finalDisplayedUrl,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        missed,
      };
    };
    await run(pages[0]!); // warm-up
    const results: LighthouseScores[] = [];
    for (const page of pages) {
      const runs: LighthouseScores[] = [];
      for (let i = 0; i < opts.runs; i++) runs.push(await run(page));
      runs.sort((a, b) => a.performance - b.performance);
      results.push(runs[Math.floor(runs.length / 2)]!);
    }
    return results;
  } finally {
    try {
      process.kill(-chromium.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await sleep(500);
    await rm(profile, { recursive: true, force: true });
  }
}
