import { createRequire } from "node:module";
import path from "node:path";
import { spawnTied, type TiedProcess } from "../tied-process";

/**
 * The anvil binary of this platform. `@foundry-rs/anvil` ships it in a platform package
 * (`@foundry-rs/anvil-linux-amd64`, …) installed as an optional dependency; its own postinstall
 * (a download fallback) is not needed and not allowed to run (`allowScripts`).
 */
export function anvilBinary(): string {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const name = `@foundry-rs/anvil-${process.platform}-${arch}`;
  const require = createRequire(path.join(process.cwd(), "package.json"));
  try {
    return path.join(
      path.dirname(require.resolve(`${name}/package.json`)),
      "bin",
      process.platform === "win32" ? "anvil.exe" : "anvil",
    );
  } catch {
    throw new Error(`The local EVM chain needs ${name} (installed with @foundry-rs/anvil by npm install)`);
  }
}

export interface AnvilNode {
  rpcUrl: string;
  process: TiedProcess;
}

const STARTUP_TIMEOUT_MS = 20_000;

/**
 * Starts anvil for one chain id on 127.0.0.1 and a free port (port 0: the OS picks; anvil prints
 * which). Blocks are mined as transactions arrive (no interval), so a receipt exists right after
 * the broadcast and a client polling the transfer sees it confirmed on its next read.
 */
export async function startAnvil(chainId: number): Promise<AnvilNode> {
  const tied = spawnTied(anvilBinary(), [
    "--host",
    "127.0.0.1",
    "--port",
    "0",
    "--chain-id",
    String(chainId),
    // One funded account (the sandbox's faucet and token deployer); no others needed.
    "--accounts",
    "1",
    "--balance",
    "1000000000",
  ]);
  const rpcUrl = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => fail(new Error(`anvil did not start within ${STARTUP_TIMEOUT_MS / 1000} s`)),
      STARTUP_TIMEOUT_MS,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      void tied.stop();
      reject(error);
    };
    tied.child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        output = "";
        tied.child.stdout!.removeAllListeners("data");
        tied.child.stdout!.resume(); // keep draining: a full pipe would block anvil
        resolve(`http://${match[1]}`);
      }
    });
    tied.child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    tied.child.once("exit", (code) =>
      fail(new Error(`anvil exited (${code}) before listening: ${output.slice(-500)}`)),
    );
  });
  return { rpcUrl, process: tied };
}
