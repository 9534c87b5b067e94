// Compiles SandboxToken.sol with solc (the npm package: the compiler as WebAssembly, a
// devDependency). `npm run sandbox:token` writes artifact.json; a test compiles again and
// compares, so the shipped bytecode is always the one this source produces.
import { readFileSync } from "node:fs";
import path from "node:path";

export const TOKEN_SOURCE_PATH = path.join(path.dirname(new URL(import.meta.url).pathname), "SandboxToken.sol");
export const TOKEN_ARTIFACT_PATH = path.join(path.dirname(TOKEN_SOURCE_PATH), "artifact.json");

export interface TokenArtifact {
  compiler: string;
  abi: unknown[];
  bytecode: `0x${string}`;
}

export async function compileToken(): Promise<TokenArtifact> {
  const solc = (await import("solc")).default as { compile(input: string): string; version(): string };
  const input = {
    language: "Solidity",
    sources: { "SandboxToken.sol": { content: readFileSync(TOKEN_SOURCE_PATH, "utf8") } },
    settings: {
      // Cancun: what every chain anvil emulates by default understands; no metadata hash, so the
      // bytecode depends on the source only (not on file paths or comments).
      evmVersion: "cancun",
      optimizer: { enabled: true, runs: 200 },
      metadata: { bytecodeHash: "none", appendCBOR: false },
      outputSelection: { "*": { SandboxToken: ["abi", "evm.bytecode.object"] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  const contract = output.contracts["SandboxToken.sol"]!.SandboxToken!;
  return { compiler: solc.version(), abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
}
