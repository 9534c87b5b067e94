// The Dfns sandbox on its own: `npm run sandbox` (PORT, default 3100).
import { openDatabase } from "../../db/open";
import { chainDirFor, createSandbox } from "../index";
import { listen } from "../node-server";
import { standaloneOptions } from "./sandbox-options";

const { port, config, databaseUrl } = standaloneOptions();
const db = await openDatabase(databaseUrl);
await db.migrate();
const sandbox = createSandbox({ prisma: db.prisma, config, chainDir: chainDirFor(databaseUrl) });
const { server, url } = await listen(sandbox, port, process.env.HOST || "127.0.0.1");
await sandbox.credentials(url); // provision on start, not on the first request
console.log(`Dfns sandbox listening on ${url} (not MPC, not custody: keys are held locally, for demos and tests only)`);
console.log("Service account credentials: npm run sandbox:credentials");

const stop = async () => {
  server.close();
  await sandbox.close(); // saves and ends the local chains (anvil)
  await db.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
