import { EnvError, getEnv } from "./env";

/**
 * Validates the configuration when the server starts (from instrumentation.ts): a bad one stops
 * the process with a message naming the variables (never their values), instead of failing on
 * some later request. A good one is summed up in one line.
 */
export function checkConfiguration(): void {
  try {
    const env = getEnv();
    console.log(
      `[env] Dfns: ${env.dfns.mode === "live" ? `live (${env.dfns.apiUrl})` : "local sandbox"}; ` +
        `database: ${env.database.kind === "postgres" ? "PostgreSQL server" : `embedded (${env.database.dataDir})`}; ` +
        `origin ${env.appOrigin}; passkey RP ID ${env.passkey.rpId}`,
    );
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
