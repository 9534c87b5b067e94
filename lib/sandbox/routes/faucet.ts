import { z } from "zod";
import { creditFromFaucet } from "../chain/faucet";
import { badRequest } from "../errors";
import { json, parseBody } from "../http";
import type { Route } from "../router";
import { faucetPage } from "../faucet-page";
import { parseDestination } from "../transfers/destination";
import { resolveNetwork } from "../wallets";

// Not a Dfns endpoint: the sandbox's own, for test funds on its local chains. No Dfns
// authentication (there is nothing of value: the chains exist on this machine only).

const faucetSchema = z.strictObject({
  network: z.string().min(1),
  address: z.string().min(1),
  asset: z.enum(["native", "token"]),
});

function localChain(network: string) {
  const spec = resolveNetwork(network);
  if (spec.family !== "evm" && spec.family !== "solana") {
    throw badRequest(`The sandbox runs no local chain for ${network}: the faucet serves EVM and Solana networks`, {
      field: "network",
    });
  }
  return { ...spec, family: spec.family };
}

const credit: Route = {
  method: "POST",
  pattern: "/sandbox/faucet",
  async handler(ctx) {
    const body = parseBody(ctx.rawBody, faucetSchema);
    const spec = localChain(body.network);
    const address = parseDestination(spec.family, body.address, "address");
    if (spec.family === "solana" && body.asset === "token")
      throw badRequest("The sandbox has no test token on Solana: ask for native SOL", { field: "asset" });
    const { txHash, amount } = await creditFromFaucet(ctx.sandbox, spec.family, spec.network, address, body.asset);
    return json({ txHash, network: spec.network, address, asset: body.asset, amount: amount.toString() });
  },
};

const page: Route = {
  method: "GET",
  pattern: "/sandbox/faucet",
  async handler(ctx) {
    const network = ctx.query.get("network") ?? "";
    const address = ctx.query.get("address") ?? "";
    const spec = localChain(network);
    parseDestination(spec.family, address, "address");
    return new Response(faucetPage({ network: spec.network, address, hasToken: spec.family === "evm" }), {
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  },
};

export const faucetRoutes = [credit, page];
