// Prints the sandbox's service account as the DFNS_* lines the official SDK examples read:
//   npm run sandbox:credentials >> .env
import { openDatabase } from "../lib/db/open";
import { createSandbox } from "../lib/sandbox";
import { standaloneOptions } from "./sandbox-options";

const { port, config, databaseUrl } = standaloneOptions();
const db = await openDatabase(databaseUrl);
await db.migrate();
const apiUrl = process.env.DFNS_SANDBOX_URL || `http://127.0.0.1:${port}`;
const credentials = await createSandbox({ prisma: db.prisma, config }).credentials(apiUrl);
await db.close();
for (const [name, value] of Object.entries(credentials)) {
  // One line each; the PEM's newlines escaped, as .env files and the SDK examples expect.
  console.log(`${name}=${JSON.stringify(value)}`);
}
