// Settings of the standalone sandbox, from the environment, with local defaults.
import type { SandboxBehaviour, SandboxOptions } from "../index";

export const SANDBOX_DEFAULT_PORT = 3400;

/**
 * The behaviour switches (lib/sandbox/config.ts), to try an app against each answer Dfns may give:
 * SANDBOX_USER_EXISTS_STATUS=409, SANDBOX_UNFINISHED_REGISTRATION=user-exists,
 * SANDBOX_CHALLENGE_RP=omitted|<another RP ID>, SANDBOX_POLICY_APPROVAL=1.
 */
function behaviourOptions(env: Record<string, string | undefined>): Partial<SandboxBehaviour> {
  const behaviour: Partial<SandboxBehaviour> = {};
  if (env.SANDBOX_USER_EXISTS_STATUS === "409" || env.SANDBOX_USER_EXISTS_STATUS === "401") {
    behaviour.userExistsStatus = Number(env.SANDBOX_USER_EXISTS_STATUS) as 401 | 409;
  }
  if (
    env.SANDBOX_UNFINISHED_REGISTRATION === "user-exists" ||
    env.SANDBOX_UNFINISHED_REGISTRATION === "fresh-challenge"
  ) {
    behaviour.unfinishedRegistration = env.SANDBOX_UNFINISHED_REGISTRATION;
  }
  const rp = env.SANDBOX_CHALLENGE_RP?.trim();
  if (rp) behaviour.challengeRp = rp === "omitted" || rp === "configured" ? rp : { id: rp, name: rp };
  if (env.SANDBOX_POLICY_APPROVAL === "1") behaviour.policyApproval = true;
  return behaviour;
}

export function standaloneOptions(env: Record<string, string | undefined> = process.env) {
  const port = Number(env.PORT || SANDBOX_DEFAULT_PORT);
  const origins = (env.SANDBOX_ORIGINS || "http://localhost:3000")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  const config: SandboxOptions = {
    rp: {
      id: env.SANDBOX_RP_ID || new URL(origins[0]!).hostname,
      name: env.SANDBOX_RP_NAME || "Dfns Sandbox",
      origins,
    },
    behaviour: behaviourOptions(env),
  };
  // Its own database by default: the embedded one allows one process per data folder.
  const databaseUrl = env.SANDBOX_DATABASE_URL || env.DATABASE_URL || ".data/sandbox-pglite";
  return { port, config, databaseUrl };
}
