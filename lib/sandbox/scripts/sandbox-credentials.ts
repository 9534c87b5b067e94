// Prints the sandbox's service account as the DFNS_* lines the official SDK examples read:
//   npm run sandbox:credentials >> .env
// Asks the running standalone sandbox (its embedded database belongs to that process); when none
// is running, reads the database itself.
import { openDatabase } from "../../db/open";
import { createSandbox, type ServiceAccountCredentials } from "../index";
import { CREDENTIALS_PATH } from "../node-server";
import { standaloneOptions } from "./sandbox-options";

const { port, config, databaseUrl } = standaloneOptions();
const apiUrl = `http://127.0.0.1:${port}`;

async function fromRunningSandbox(): Promise<ServiceAccountCredentials | undefined> {
  try {
    const response = await fetch(apiUrl + CREDENTIALS_PATH);
    return response.ok ? ((await response.json()) as ServiceAccountCredentials) : undefined;
  } catch {
    return undefined; // not running
  }
}

async function fromDatabase(): Promise<ServiceAccountCredentials> {
  const db = await openDatabase(databaseUrl);
  try {
    await db.migrate();
    return await createSandbox({ prisma: db.prisma, config }).credentials(apiUrl);
  } finally {
    await db.close();
  }
}

const credentials = (await fromRunningSandbox()) ?? (await fromDatabase());
for (const [name, value] of Object.entries(credentials)) {
  // One line each; the PEM's newlines escaped, as .env files and the SDK examples expect.
  console.log(`${name}=${JSON.stringify(value)}`);
}
