// npm run doctor: checks the configuration against Dfns and the database, read only.
// `--dev` (run by `npm run dev`): live mode only, the ✗ lines only, never stops the server.
import nextEnv from "@next/env";
import { allPassed, formatReport, runDoctor } from "../lib/doctor";

const dev = process.argv.includes("--dev");
// The same .env files Next reads, in the same order.
nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });

const lines = await runDoctor({ source: process.env, liveOnly: dev });
if (dev) {
  if (lines.length > 0) console.warn(formatReport(lines, { short: true }).replace(/^/gm, "[doctor] "));
  process.exit(0);
}
console.log("npm run doctor: this app's configuration, its database and its Dfns organization (read only)\n");
console.log(formatReport(lines));
process.exit(allPassed(lines) ? 0 : 1);
