import type { PrismaClient } from "../generated/prisma/client";
import { ChainManager, chainManagerFor } from "./chain/manager";
import { sandboxConfig, type SandboxConfig, type SandboxOptions } from "./config";
import { SandboxError } from "./errors";
import { errorResponse } from "./http";
import {
  ensureOrg,
  serviceAccountCredentials,
  type SandboxOrgState,
  type ServiceAccountCredentials,
} from "./provision";
import { compileRoutes, matchRoute } from "./router";
import { routes } from "./routes";

export interface Sandbox {
  prisma: PrismaClient;
  config: SandboxConfig;
  org: SandboxOrgState;
  /** Users that passed authentication, by id (see `authenticate`). */
  activeUsers: Map<string, { id: string; username: string }>;
  /** The local chains behind transfers, balances and history (started on first use). */
  chains: ChainManager;
}

export interface SandboxHandler {
  /** Answers one Dfns API request. `basePath` is stripped from the URL first. */
  handle(request: Request): Promise<Response>;
  /** The provisioned service account, as the `DFNS_*` variables of the official SDK examples. */
  credentials(apiUrl: string): Promise<ServiceAccountCredentials>;
  /** Saves and stops the local chains (anvil processes end). The database is the caller's. */
  close(): Promise<void>;
  /** Its configuration, read on every request: tests flip `behaviour` switches on a running sandbox. */
  config: SandboxConfig;
}

const compiled = compileRoutes(routes);

/**
 * `chainDir`: where the local chains keep their state (kept next to the database's, so both
 * survive restarts together); without it they run in a temporary folder that `close()` removes.
 */
export function createSandbox(options: {
  prisma: PrismaClient;
  config?: SandboxOptions;
  basePath?: string;
  chainDir?: string;
}): SandboxHandler {
  const config = sandboxConfig(options.config);
  const basePath = options.basePath?.replace(/\/$/, "") ?? "";
  let org: Promise<SandboxOrgState> | undefined;
  const activeUsers = new Map<string, { id: string; username: string }>();
  const chains = options.chainDir ? chainManagerFor(options.chainDir) : new ChainManager();
  const getOrg = () => {
    org ??= ensureOrg(options.prisma, config).catch((error) => {
      org = undefined; // retry on the next request rather than failing forever
      throw error;
    });
    return org;
  };

  return {
    async handle(request) {
      try {
        const url = new URL(request.url);
        const path =
          basePath && url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || "/" : url.pathname;
        const { route, params, pathMatched } = matchRoute(compiled, request.method, path);
        if (!route || !params) {
          throw new SandboxError(
            pathMatched ? 405 : 404,
            pathMatched
              ? `Method ${request.method} is not allowed on ${path}`
              : `No Dfns endpoint at ${request.method} ${path} in the sandbox`,
          );
        }
        const sandbox: Sandbox = { prisma: options.prisma, config, org: await getOrg(), activeUsers, chains };
        const rawBody = request.method === "GET" ? "" : await request.text();
        return await route.handler({
          sandbox,
          request,
          method: request.method,
          path,
          params,
          query: url.searchParams,
          rawBody,
        });
      } catch (error) {
        return errorResponse(error);
      }
    },
    async credentials(apiUrl) {
      return serviceAccountCredentials(await getOrg(), apiUrl);
    },
    close: () => chains.close(),
    config,
  };
}
