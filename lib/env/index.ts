import "server-only";
import { sandboxLink } from "dfns-sandbox-link";
import { loadOrCreateLocalSecret } from "./local-secret";
import { configuredSecret, toEnv } from "./config";
import { variablesSchema } from "./schema";
import type { Env } from "./types";

/**
 * The one validated configuration of the app, and the one place that decides the mode:
 * no `DFNS_*` variable set → the local Dfns sandbox; all four set → live Dfns. Where the sandbox
 * was removed (no `lib/sandbox`: its link resolves to null, see lib/dfns/sandbox-link.ts), the
 * `DFNS_*` variables are required and their absence stops start-up naming them.
 *
 * The variables and their rules are in ./schema.ts. `parseEnv(source)` is pure (tests call it with
 * plain objects). `getEnv()` parses `process.env` once, on first use, so `next build` works
 * without any variable; instrumentation.ts calls it when the server starts, so a bad
 * configuration stops start-up with a message naming the variables. Messages never contain values.
 */

export type { DatabaseConfig, DfnsConfig, Env, OAuthClient } from "./types";

/** A configuration that cannot start. `variables` names what is wrong; no value is ever included. */
export class EnvError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      "Invalid environment configuration:\n" +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join("\n") +
        "\nSee .env.example for every variable.",
    );
    this.name = "EnvError";
  }

  get variables(): string[] {
    return [...new Set(this.problems.map((p) => p.variable))];
  }
}

export interface ParseEnvOptions {
  /**
   * Where the session secret comes from when neither NEXTAUTH_SECRET nor AUTH_SECRET is set and
   * that is allowed (anything but live Dfns in production). `getEnv` passes a generator that
   * keeps the secret in `.data/auth-secret`; tests pass a constant.
   */
  localSecret?: () => string;
  /** Whether the local sandbox is part of this tree; by default whether its link resolved (it did unless it was cut). */
  sandboxIncluded?: boolean;
}

/** Validates a set of environment variables (process.env or a plain object). Throws EnvError listing every problem. */
export function parseEnv(source: Record<string, string | undefined>, options: ParseEnvOptions = {}): Env {
  const result = variablesSchema(options.sandboxIncluded ?? sandboxLink !== null).safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => ({ variable: String(issue.path[0]), message: issue.message })),
    );
  }
  const secret = configuredSecret(result.data) ?? options.localSecret?.();
  if (secret === undefined)
    throw new EnvError([{ variable: "NEXTAUTH_SECRET", message: "is not set and no local secret is available" }]);
  return toEnv(result.data, secret);
}

const globalForEnv = globalThis as unknown as { __appEnv?: Env };

/** The configuration of this process, parsed from `process.env` on first call. */
export function getEnv(): Env {
  globalForEnv.__appEnv ??= parseEnv(process.env, { localSecret: () => loadOrCreateLocalSecret() });
  return globalForEnv.__appEnv;
}
