// Runs once when a server starts, before it takes requests: a bad configuration stops start-up
// here, with a message naming the variables, instead of failing on some later request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  const env = getEnv();
  console.log(
    `[env] Dfns: ${env.dfns.mode === "live" ? `live (${env.dfns.apiUrl})` : "local sandbox"}; ` +
      `database: ${env.database.kind === "postgres" ? "PostgreSQL server" : `embedded (${env.database.dataDir})`}; ` +
      `origin ${env.appOrigin}; passkey RP ID ${env.passkey.rpId}`,
  );
}
