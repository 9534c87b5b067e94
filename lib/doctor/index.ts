import type { Database } from "@/lib/db/open";
import type { DfnsConnection } from "@/lib/dfns/connection";
import { checkConfiguration } from "./configuration";
import { checkDatabase } from "./database";
import { checkDfns } from "./dfns";
import { ok, type CheckLine } from "./result";

export { allPassed, formatReport, type CheckLine } from "./result";
export { SERVICE_ACCOUNT_PERMISSIONS } from "./dfns";

// `npm run doctor`: is this configuration ready for Dfns? Read only against Dfns and the
// database; each ✗ comes with one sentence on how to fix it.

export interface DoctorOptions {
  /** The variables to check: process.env. */
  source: Record<string, string | undefined>;
  /** For tests: the database to check instead of opening the configured one. */
  database?: Database;
  /** Check nothing in sandbox mode unless the configuration itself is wrong (`npm run dev`). */
  liveOnly?: boolean;
}

export async function runDoctor(options: DoctorOptions): Promise<CheckLine[]> {
  const { env, lines } = checkConfiguration(options.source);
  if (!env) return lines; // nothing else can be checked without a configuration
  if (options.liveOnly && env.dfns.mode !== "live") return [];

  lines.push(...(await checkDatabase(env, options.database)));
  if (env.dfns.mode === "live") {
    const connection: DfnsConnection = env.dfns;
    lines.push(...(await checkDfns(connection, env)));
  } else {
    lines.push(
      ok("Dfns: the built-in sandbox answers (sandbox mode); set the DFNS_* variables to check a real organization"),
    );
  }
  return lines;
}
