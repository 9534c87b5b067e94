import { spawn, type ChildProcess } from "node:child_process";

/**
 * Runs `command` so that it ends when this process ends, however this process ends (Ctrl-C,
 * SIGTERM, a crash, SIGKILL). A small `sh` stands between: it starts the command, then reads its
 * stdin, a pipe from us, until end of file, which the OS delivers when our side closes: on
 * `stop()` or when this process is gone. Then it kills the command. (Exit handlers alone cannot
 * cover SIGKILL.) POSIX only: Linux and macOS.
 */
const WATCHDOG = [
  "exec 3<&0",
  '"$@" </dev/null &',
  "child=$!",
  // A background job's stdin is /dev/null unless redirected explicitly: read the pipe via fd 3.
  '( cat <&3 >/dev/null; kill "$child" 2>/dev/null ) &',
  'wait "$child"',
].join("\n");

export interface TiedProcess {
  /** The watchdog `sh`; the command is its child. */
  child: ChildProcess;
  /** Ends the command and waits for the watchdog to exit. */
  stop(): Promise<void>;
}

export function spawnTied(command: string, args: string[]): TiedProcess {
  const child = spawn("/bin/sh", ["-c", WATCHDOG, "sandbox-chain", command, ...args], {
    stdio: ["pipe", "pipe", "pipe"],
    // Not in our process group: Ctrl-C in a terminal reaches us, we exit, the pipe closes.
    detached: false,
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  return {
    child,
    async stop() {
      child.stdin?.end();
      await exited;
    },
  };
}
