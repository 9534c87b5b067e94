// Settings of the standalone sandbox, from the environment, with local defaults.
import type { SandboxOptions } from "../lib/sandbox";

export const SANDBOX_DEFAULT_PORT = 3400;

export function standaloneOptions(env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env.PORT || SANDBOX_DEFAULT_PORT);
  const origins = (env.SANDBOX_ORIGINS || "http://localhost:3000").split(",").map((o) => o.trim()).filter(Boolean);
  const config: SandboxOptions = {
    rp: { id: env.SANDBOX_RP_ID || new URL(origins[0]!).hostname, name: env.SANDBOX_RP_NAME || "Dfns Sandbox", origins },
  };
  // Its own database by default: the embedded one allows one process per data folder.
  const databaseUrl = env.SANDBOX_DATABASE_URL || env.DATABASE_URL || ".data/sandbox-pglite";
  return { port, config, databaseUrl };
}
