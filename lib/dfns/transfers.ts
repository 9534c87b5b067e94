import "server-only";
import { randomUUID } from "node:crypto";
import type { DfnsDelegatedApiClient } from "@dfns/sdk";
import type { GetTransferResponse, TransferAssetBody, TransferAssetRequest } from "@dfns/sdk/generated/wallets/types";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { transactionUrl } from "@/lib/network-links";
import type { DfnsUser, Transfer, Wallet } from "@/lib/generated/prisma/client";
import { badRequest, conflict, HttpError, notFound } from "@/lib/http";
import { networkInfo } from "@/lib/networks";
import type { BrowserUserAction } from "@/lib/passkeys/types";
import { formatAmount } from "@/lib/transfers/amount";
import { isSettled } from "@/lib/transfers/status";
import { checkTransfer } from "@/lib/transfers/transfer-input";
import { fetchWalletAssets } from "./assets";
import { isDfnsUnavailable, withTimeout } from "./availability";
import { requireDfnsUser, withEndUserClient } from "./end-user";
import type { SendInput } from "./transfer-schema";
import { actionNotFound, beginUserAction, completeUserAction } from "./user-action";
import type { CompleteUserActionInput } from "./user-action-schema";
import { findUserWallet, REFRESH_TIMEOUT_MS } from "./wallets";
import { isRefusal } from "./answers";

// Sending value from one of the user's wallets, approved with the passkey, sent at most once.
//
// begin:    the server checks the input against what Dfns says the wallet holds, builds the Dfns
//           request with a fresh `externalId`, asks Dfns for its challenge and stores the action
//           and a Transfer row (AwaitingApproval) together.
// complete: the action is claimed once (parallel completes: one wins), the row becomes
//           Submitting, and the STORED request goes to Dfns. Its answer is stored on the row.
//           If the answer is lost, Dfns may or may not have the transfer: the row stays
//           Submitting and `refreshTransfer` looks it up at Dfns by `externalId` rather than
//           sending again (the approval was used up anyway: nothing can send it twice).
// refresh:  asks Dfns for the transfer's status until it is Confirmed, Failed or Rejected.

/** A transfer as routes and pages show it. */
export interface TransferView {
  id: string;
  walletId: string;
  network: string;
  networkName: string;
  kind: string;
  /** The token's contract or mint; null for the native asset. */
  token: string | null;
  symbol: string;
  decimals: number;
  /** Base units, and as people read it. */
  amount: string;
  formattedAmount: string;
  to: string;
  /** The fee priority sent to Dfns; null where the network has none. */
  priority: string | null;
  status: string;
  txHash: string | null;
  /** The explorer page of the transaction; null without a hash or a public explorer (sandbox). */
  explorerUrl: string | null;
  /** Network fee in the native asset's base units, once Dfns reports it. */
  fee: string | null;
  /** Dfns's reason, for a failed or rejected transfer. */
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TransferStatusAnswer {
  transfer: TransferView;
  /** false: Dfns did not answer in time; `transfer` is as stored. */
  refreshed: boolean;
}

const TRANSFER = "TransferAsset";
/**
 * A transfer Dfns still does not list this long after it was submitted never reached Dfns: the
 * approval's challenge (5 minutes at Dfns) has expired, so it can no longer arrive either.
 */
export const NEVER_RECEIVED_AFTER_MS = 10 * 60 * 1000;
/** How long a transfer the passkey never approved is kept (its approval expires after 4 minutes). */
export const UNAPPROVED_KEPT_MS = 60 * 60 * 1000;
/** How many of the wallet's latest Dfns transfers are searched for a lost one's `externalId`. */
const LOOKUP_LIMIT = 500;

type TransferRequest = { walletId: string; body: TransferAssetBody & { externalId: string } };
type DfnsTransfer = Pick<
  GetTransferResponse,
  "id" | "status" | "txHash" | "fee" | "reason" | "dateBroadcasted" | "dateConfirmed"
>;
type EndUser = Pick<DfnsUser, "id" | "username">;

export function transferView(wallet: Pick<Wallet, "network">, row: Transfer): TransferView {
  const info = networkInfo(wallet.network);
  return {
    id: row.id,
    walletId: row.walletId,
    network: wallet.network,
    networkName: info.displayName,
    kind: row.kind,
    token: row.token,
    symbol: row.symbol,
    decimals: row.decimals,
    amount: row.amount,
    formattedAmount: formatAmount(row.amount, row.decimals),
    to: row.to,
    priority: (JSON.parse(row.request) as { body: { priority?: string } }).body.priority ?? null,
    status: row.status,
    txHash: row.txHash,
    explorerUrl: row.txHash ? transactionUrl(wallet.network, row.txHash) : null,
    fee: row.fee,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Starts a transfer from the user's wallet `walletId`: checks it against the wallet's assets at
 * Dfns, stores it and returns the passkey challenge with what will be sent (for the review step).
 */
export async function beginTransfer(
  user: Pick<SessionUser, "id">,
  walletId: string,
  input: SendInput,
): Promise<{ action: BrowserUserAction; transfer: TransferView }> {
  const dfnsUser = await requireDfnsUser(user);
  const wallet = await findUserWallet(dfnsUser, walletId);
  if (wallet.status !== "Active") {
    throw conflict(
      `This wallet can't send right now (its status is ${wallet.status}). Reload the page, or use another wallet.`,
      {
        code: "wallet_inactive",
      },
    );
  }
  const asset = (await fetchWalletAssets(dfnsUser, wallet)).find((a) => a.id === input.asset);
  if (!asset) {
    throw badRequest("This wallet doesn't hold that asset. Choose one from your balances, or get some first.", {
      code: "asset_not_held",
      field: "asset",
    });
  }
  const checked = checkTransfer({ network: wallet.network, asset, to: input.to, amount: input.amount });
  if (!checked.ok) throw badRequest(checked.issue.message, { code: checked.issue.code, field: checked.issue.field });

  await forgetUnapproved(wallet);

  const externalId = randomUUID();
  const to = input.to.trim();
  const amount = checked.baseUnits.toString();
  const priority = networkInfo(wallet.network).feePriority ? (input.priority ?? "Standard") : undefined;
  const body = transferBody({ kind: asset.kind, token: asset.token, to, amount, priority, externalId });
  const request: TransferRequest = { walletId: wallet.dfnsWalletId, body };

  let row: Transfer | undefined;
  const action = await beginUserAction({
    dfnsUser,
    kind: TRANSFER,
    request,
    init: (client) => client.wallets.transferAssetInit(request as TransferAssetRequest),
    store: async (tx) => {
      row = await tx.transfer.create({
        data: {
          walletId: wallet.id,
          externalId,
          request: JSON.stringify(request),
          kind: asset.kind,
          token: asset.token,
          symbol: asset.symbol,
          decimals: asset.decimals,
          amount,
          to,
          status: "AwaitingApproval",
        },
      });
    },
  });
  return { action, transfer: transferView(wallet, row!) };
}

/**
 * Transfers of this wallet the passkey never approved, long after their approval expired (4
 * minutes): nothing was sent for them, nothing can be any more, and no page lists them.
 */
async function forgetUnapproved(wallet: Pick<Wallet, "id">): Promise<void> {
  await (
    await db()
  ).transfer.deleteMany({
    where: {
      walletId: wallet.id,
      status: "AwaitingApproval",
      createdAt: { lt: new Date(Date.now() - UNAPPROVED_KEPT_MS) },
    },
  });
}

/** The Dfns body of a transfer: only the fields the app sets, in a fixed order. */
function transferBody(args: {
  kind: "Native" | "Erc20" | "Spl" | "Spl2022";
  token: string | null;
  to: string;
  amount: string;
  priority: "Slow" | "Standard" | "Fast" | undefined;
  externalId: string;
}): TransferRequest["body"] {
  const { to, amount, externalId } = args;
  const priority = args.priority ? { priority: args.priority } : {};
  switch (args.kind) {
    case "Native":
      return { kind: "Native", to, amount, ...priority, externalId };
    case "Erc20":
      return { kind: "Erc20", contract: args.token!, to, amount, ...priority, externalId };
    case "Spl":
    case "Spl2022":
      return { kind: args.kind, mint: args.token!, to, amount, externalId };
  }
}

/**
 * Sends the transfer the pending action stands for, approved by the passkey: the stored request,
 * whatever the browser sends. Dfns refusing it: nothing was sent, the row is removed, Dfns's
 * words are answered (502). Dfns's answer lost: 502 with `transferId`, the row stays Submitting
 * and the status route finds the transfer at Dfns by its `externalId`.
 */
export async function completeTransfer(
  user: Pick<SessionUser, "id">,
  walletId: string,
  input: CompleteUserActionInput,
): Promise<TransferView> {
  const dfnsUser = await requireDfnsUser(user);
  const wallet = await findUserWallet(dfnsUser, walletId);
  const prisma = await db();
  let submitted: string | null = null; // the externalId, once the request has gone to Dfns
  try {
    const { result } = await completeUserAction<TransferRequest, DfnsTransfer>({
      dfnsUser,
      kind: TRANSFER,
      actionId: input.actionId,
      assertion: input.assertion,
      beforeClaim: (stored) => {
        if (stored.walletId !== wallet.dfnsWalletId) throw actionNotFound();
      },
      complete: async (client, stored, signed) => {
        submitted = stored.body.externalId;
        await prisma.transfer.update({
          where: { externalId: submitted },
          data: { status: "Submitting", submittedAt: new Date() },
        });
        return client.wallets.transferAssetComplete(stored as TransferAssetRequest, signed);
      },
    });
    return transferView(wallet, await recordDfnsTransfer(submitted!, result));
  } catch (error) {
    if (submitted === null) throw error; // refused before anything was claimed or sent
    return transferView(wallet, await afterLostOrRefusedAnswer(dfnsUser, wallet, submitted, error));
  }
}

/**
 * After Dfns's answer to a submitted transfer was an error or never came. Dfns refused it (a 4xx
 * other than 409): nothing was sent, the row is removed and the error rethrown. Otherwise (409
 * for a known `externalId`, 5xx, timeout, connection lost) Dfns may have it: it is looked up by
 * `externalId`; found, it is stored and returned; not found, the row stays Submitting and a 502
 * says so, with the transfer's id so the page can follow it.
 */
async function afterLostOrRefusedAnswer(
  dfnsUser: EndUser,
  wallet: Wallet,
  externalId: string,
  error: unknown,
): Promise<Transfer> {
  const prisma = await db();
  if (isRefusal(error)) {
    await prisma.transfer.deleteMany({ where: { externalId, dfnsTransferId: null } });
    throw error;
  }
  console.warn(
    "[transfers] Dfns's answer to a transfer was lost; looking it up by externalId:",
    (error as Error)?.message,
  );
  try {
    const found = await withEndUserClient(dfnsUser, (client) =>
      findByExternalId(client, wallet.dfnsWalletId, externalId),
    );
    if (found) return recordDfnsTransfer(externalId, found);
  } catch (lookupError) {
    // Whatever went wrong, the transfer may exist: the status route keeps looking.
    console.warn("[transfers] looking the transfer up by externalId failed too:", (lookupError as Error)?.message);
  }
  const row = await prisma.transfer.findUniqueOrThrow({ where: { externalId } });
  throw new HttpError(
    502,
    "transfer_unconfirmed",
    "We sent your transfer to Dfns but didn't get its answer, so we can't tell yet whether it went out. Don't send it again: its status below updates as soon as Dfns answers.",
    { details: { transferId: row.id } },
  );
}

/**
 * The stored transfer `transferId` of the user's wallet `walletId`, first brought up to date
 * with Dfns unless it has settled. Another user's transfer, or another wallet's: 404.
 */
export async function refreshTransfer(
  user: Pick<SessionUser, "id">,
  walletId: string,
  transferId: string,
  timeoutMs = REFRESH_TIMEOUT_MS,
): Promise<TransferStatusAnswer> {
  const dfnsUser = await requireDfnsUser(user);
  const wallet = await findUserWallet(dfnsUser, walletId);
  const prisma = await db();
  let row = await prisma.transfer.findFirst({ where: { id: transferId, walletId: wallet.id } });
  if (!row)
    throw notFound("This transfer was not found among your wallet's transfers. Reload the page.", {
      code: "transfer_not_found",
    });
  if (isSettled(row.status) || row.status === "AwaitingApproval")
    return { transfer: transferView(wallet, row), refreshed: true };

  const { dfnsTransferId, externalId } = row;
  try {
    const current = await withTimeout(
      withEndUserClient(dfnsUser, (client) =>
        dfnsTransferId
          ? client.wallets.getTransfer({ walletId: wallet.dfnsWalletId, transferId: dfnsTransferId })
          : findByExternalId(client, wallet.dfnsWalletId, externalId),
      ),
      timeoutMs,
    );
    if (current) row = await recordDfnsTransfer(externalId, current);
    else row = await markNeverReceived(row);
  } catch (error) {
    if (!isDfnsUnavailable(error)) throw error;
    return { transfer: transferView(wallet, row), refreshed: false };
  }
  return { transfer: transferView(wallet, row), refreshed: true };
}

/** Dfns's transfer with this `externalId` among the wallet's latest ones, or null. */
async function findByExternalId(
  client: DfnsDelegatedApiClient,
  dfnsWalletId: string,
  externalId: string,
): Promise<DfnsTransfer | null> {
  let paginationToken: string | undefined;
  let seen = 0;
  do {
    const page = await client.wallets.listTransfers({
      walletId: dfnsWalletId,
      query: { limit: 100, ...(paginationToken ? { paginationToken } : {}) },
    });
    const found = page.items.find(
      (item) => item.externalId === externalId || item.requestBody.externalId === externalId,
    );
    if (found) return found;
    seen += page.items.length;
    paginationToken = page.nextPageToken;
  } while (paginationToken && seen < LOOKUP_LIMIT);
  return null;
}

/** A Submitting transfer Dfns does not have, long after it was sent: it never arrived. */
async function markNeverReceived(row: Transfer): Promise<Transfer> {
  if (!row.submittedAt || Date.now() - row.submittedAt.getTime() < NEVER_RECEIVED_AFTER_MS) return row;
  const prisma = await db();
  await prisma.transfer.updateMany({
    where: { id: row.id, status: "Submitting", dfnsTransferId: null },
    data: {
      status: "Failed",
      reason: "Dfns never received this transfer, so nothing was sent. You can send it again.",
    },
  });
  return prisma.transfer.findUniqueOrThrow({ where: { id: row.id } });
}

/** Stores what Dfns says of a transfer. A settled row never changes again (parallel polls may answer out of order). */
async function recordDfnsTransfer(externalId: string, dfns: DfnsTransfer): Promise<Transfer> {
  const prisma = await db();
  await prisma.transfer.updateMany({
    where: { externalId, status: { notIn: ["Confirmed", "Failed", "Rejected"] } },
    data: {
      dfnsTransferId: dfns.id,
      status: dfns.status,
      txHash: dfns.txHash ?? null,
      fee: dfns.fee ?? null,
      reason: dfns.reason ?? null,
      broadcastAt: dfns.dateBroadcasted ? new Date(dfns.dateBroadcasted) : null,
      confirmedAt: dfns.dateConfirmed ? new Date(dfns.dateConfirmed) : null,
    },
  });
  return prisma.transfer.findUniqueOrThrow({ where: { externalId } });
}

/** The wallet's transfers the app started (and Dfns has or may have), newest first. */
export async function recentTransfers(wallet: Pick<Wallet, "id">, take = 50): Promise<Transfer[]> {
  return (await db()).transfer.findMany({
    where: { walletId: wallet.id, status: { not: "AwaitingApproval" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}
