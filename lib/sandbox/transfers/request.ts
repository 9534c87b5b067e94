import { z } from "zod";
import { TOKEN, TOKEN_ADDRESS } from "../chain/evm/token";
import { evmNativeAsset } from "../chain/evm/networks";
import { badRequest } from "../errors";
import { parseBody } from "../http";
import type { NetworkSpec } from "../wallets";
import { parseAmount, parseDestination } from "./destination";

// The kinds of `TransferAssetBody` (@dfns/sdk generated/wallets/types.d.ts) the local chains can
// carry out. Other fields of the SDK's body (memo, feeSponsorId, travelRule, …) are refused.
const common = {
  to: z.string().min(1),
  amount: z.string(),
  externalId: z.string().min(1).max(200).optional(),
};
const transferSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("Native"), ...common, priority: z.enum(["Slow", "Standard", "Fast"]).optional() }),
  z.strictObject({
    kind: z.literal("Erc20"),
    ...common,
    contract: z.string().min(1),
    priority: z.enum(["Slow", "Standard", "Fast"]).optional(),
  }),
]);

export type TransferBody = z.infer<typeof transferSchema>;

export interface AssetMetadata {
  symbol: string;
  decimals: number;
  verified: boolean;
}

export interface TransferRequest {
  /** The body as sent: stored and returned as `requestBody`, compared for idempotency. */
  body: TransferBody;
  kind: "Native" | "Erc20";
  to: string;
  amount: bigint;
  priority: "Slow" | "Standard" | "Fast";
  asset: AssetMetadata;
}

export const SOL = { symbol: "SOL", decimals: 9 } as const;

/** Native asset of a network the sandbox runs a chain for. */
export function nativeAsset(spec: NetworkSpec): AssetMetadata {
  if (spec.family === "evm") return { ...evmNativeAsset(spec.network), verified: true };
  if (spec.family === "solana") return { ...SOL, verified: true };
  throw badRequest(
    `The sandbox runs no local chain for ${spec.network}: value transfers work on EVM and Solana networks`,
    { field: "network" },
  );
}

export function parseTransferRequest(rawBody: string, spec: NetworkSpec): TransferRequest {
  let kind: unknown;
  try {
    kind = (JSON.parse(rawBody) as { kind?: unknown } | null)?.kind;
  } catch {
    kind = undefined; // parseBody says it is not JSON
  }
  if (typeof kind === "string" && kind !== "Native" && kind !== "Erc20") {
    throw badRequest(
      `Transfers of kind ${kind} are not supported by the sandbox (supported: Native, Erc20 on EVM networks; Native on Solana)`,
      { field: "kind" },
    );
  }
  const body = parseBody(rawBody, transferSchema);
  const asset = nativeAsset(spec);
  const to = parseDestination(spec.family, body.to);
  const amount = parseAmount(body.amount);
  if (spec.family !== "evm" && body.priority)
    throw badRequest(`priority is only supported on EVM networks, not on ${spec.network}`, { field: "priority" });
  if (body.kind === "Erc20") {
    if (spec.family !== "evm")
      throw badRequest(`Erc20 transfers need an EVM network, not ${spec.network}`, { field: "kind" });
    const contract = parseDestination("evm", body.contract, "contract");
    if (contract !== TOKEN_ADDRESS) {
      throw badRequest(
        `Unknown token contract ${body.contract}: the sandbox's chains have one ERC-20 token, ${TOKEN.symbol} at ${TOKEN_ADDRESS}`,
        { field: "contract" },
      );
    }
    return {
      body,
      kind: "Erc20",
      to,
      amount,
      priority: body.priority ?? "Standard",
      asset: { symbol: TOKEN.symbol, decimals: TOKEN.decimals, verified: false },
    };
  }
  return { body, kind: "Native", to, amount, priority: body.priority ?? "Standard", asset };
}
