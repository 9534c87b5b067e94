import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StartTestDfns } from "@/lib/testing/test-dfns";
import { createSandbox, type SandboxBehaviour } from "../index";
import { listen } from "../node-server";

/** The sandbox as the route tests' Dfns (`dfns-sandbox-testing`, see lib/testing/test-dfns.ts). */
export type TestDfnsSwitches = SandboxBehaviour;
/** The sandbox's tables. */
export type TestDfnsStore = Pick<
  PrismaClient,
  "sandboxUser" | "sandboxCredential" | "sandboxWallet" | "sandboxSignature" | "sandboxTransfer"
>;

export const startTestDfns: StartTestDfns<TestDfnsSwitches, TestDfnsStore> | null = async ({
  database,
  rp,
  switches,
}) => {
  const sandbox = createSandbox({ prisma: database.prisma, config: { rp, behaviour: switches } });
  const { server, url } = await listen(sandbox, 0);
  const c = await sandbox.credentials(url);
  return {
    url,
    credentials: { authToken: c.DFNS_AUTH_TOKEN, credId: c.DFNS_CRED_ID, privateKey: c.DFNS_PRIVATE_KEY },
    switches: sandbox.config.behaviour,
    store: database.prisma,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
