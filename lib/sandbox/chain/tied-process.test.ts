import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { descendants } from "@/lib/testing/process-tree";
import { spawnTied } from "./tied-process";

const until = async (check: () => boolean, ms = 5000) => {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(process.platform !== "linux")("a tied child process", () => {
  it("ends on stop()", async () => {
    const tied = spawnTied("sleep", ["300"]);
    await until(() => descendants(process.pid).some((p) => p.name === "sleep"));
    const sleeper = descendants(tied.child.pid!).find((p) => p.name === "sleep")!;
    expect(alive(sleeper.pid)).toBe(true);
    await tied.stop();
    expect(await until(() => !alive(sleeper.pid))).toBe(true);
  });

  it("ends when the process that started it is killed with SIGKILL (no exit handler runs)", async () => {
    const modulePath = path.join(__dirname, "tied-process.ts");
    const parent = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `import { spawnTied } from ${JSON.stringify(modulePath)}; spawnTied("sleep", ["300"]); setInterval(() => {}, 1000);`,
      ],
      { stdio: "ignore" },
    );
    expect(await until(() => descendants(parent.pid!).some((p) => p.name === "sleep"), 15_000)).toBe(true);
    const sleeper = descendants(parent.pid!).find((p) => p.name === "sleep")!;
    parent.kill("SIGKILL");
    expect(await until(() => !alive(sleeper.pid))).toBe(true);
  });
});
