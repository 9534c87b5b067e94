import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The closing line CI reads: what it counts from vitest's and Playwright's JSON reports.

function summarize(reports: Record<string, unknown>) {
  const dir = mkdtempSync(path.join(tmpdir(), "test-summary-"));
  const files = Object.entries(reports).map(([name, report]) => {
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify(report));
    return file;
  });
  const run = spawnSync(process.execPath, ["scripts/test-summary.mjs", ...files, path.join(dir, "missing.json")], {
    encoding: "utf8",
  });
  return { line: run.stdout.trim().split("\n").at(-1), status: run.status };
}

const vitest = (passed: number, failed: number, testResults: unknown[] = []) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: 0,
  testResults,
});

describe("the closing line", () => {
  it("adds up vitest and Playwright reports, and counts a missing report as a failure", () => {
    const { line, status } = summarize({
      "unit.json": vitest(10, 0),
      "e2e.json": { stats: { expected: 3, flaky: 1, unexpected: 0, skipped: 2 } },
    });
    expect(line).toBe("14 passed, 1 failed, 2 skipped");
    expect(status).toBe(1);
  });

  it("counts a test file that failed before any test ran (an import error) as a failure", () => {
    const { line } = summarize({
      "weight.json": vitest(0, 0, [{ status: "failed", assertionResults: [] }]),
      "unit.json": vitest(5, 1, [{ status: "failed", assertionResults: [{ status: "failed" }] }]),
    });
    expect(line).toBe("5 passed, 3 failed"); // the unrun file, the failed test, the missing report
  });
});
