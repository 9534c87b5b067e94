// Runs once when a server starts, before it takes requests: a bad configuration stops the
// server here, with a message naming the variables (never their values), instead of failing on
// some later request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv, EnvError } = await import("./lib/env");
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
