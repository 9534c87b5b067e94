import "server-only";
import type { CreateWalletRequest, CreateWalletResponse } from "@dfns/sdk/generated/wallets/types";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { withLease } from "@/lib/db/lease";
import { getEnv } from "@/lib/env";
import type { Wallet } from "@/lib/generated/prisma/client";
import { badRequest, conflict, describeDfnsFailure, notFound } from "@/lib/http";
import { networkInfo } from "@/lib/networks";
import type { BrowserUserAction } from "@/lib/passkeys/types";
import { isDfnsUnavailable, withTimeout } from "./availability";
import { requireDfnsUser, withEndUserClient, type DfnsUserWithCredentials } from "./end-user";
import { walletFields, type DfnsWalletData } from "./store";
import { beginUserAction, completeUserAction } from "./user-action";
import type { CompleteUserActionInput } from "./user-action-schema";

// The signed-in user's wallets: the stored ones, refreshed from Dfns when it answers, and new
// ones created with the user's passkey. Wallet ids from the browser are the app's ids, resolved
// only among the session user's own wallets.

/** A wallet as routes and pages show it. */
export interface WalletView {
  id: string;
  network: string;
  networkName: string;
  address: string | null;
  publicKey: string;
  status: string;
  name: string | null;
  explorerUrl: string | null;
  createdAt: string;
}

export interface NetworkChoice {
  network: string;
  networkName: string;
}

export interface WalletList {
  /** false: the user has not finished onboarding (no Dfns user, no wallets). */
  registered: boolean;
  wallets: WalletView[];
  /** false: Dfns did not answer in time; `wallets` are the stored ones. */
  refreshed: boolean;
  /** Configured networks the user has no wallet on yet. */
  addableNetworks: NetworkChoice[];
}

/** How long a page or route waits for Dfns's wallet list before showing what is stored. */
export const REFRESH_TIMEOUT_MS = 4000;

const CREATE_WALLET = "CreateWallet";
const WALLET_NOT_FOUND = "This wallet was not found among your wallets. Reload your wallet page and try again.";

export function walletView(wallet: Wallet): WalletView {
  const info = networkInfo(wallet.network);
  return {
    id: wallet.id,
    network: wallet.network,
    networkName: info.displayName,
    address: wallet.address,
    publicKey: wallet.publicKey,
    status: wallet.status,
    name: wallet.name,
    explorerUrl: wallet.address && info.explorerAddressUrl ? info.explorerAddressUrl(wallet.address) : null,
    createdAt: wallet.createdAt.toISOString(),
  };
}

/** The user's wallet with the app id `walletId`; anyone else's, or none: 404 (the same answer). */
export async function findUserWallet(dfnsUser: Pick<DfnsUserWithCredentials, "id">, walletId: string): Promise<Wallet> {
  const wallet = await (await db()).wallet.findFirst({ where: { id: walletId, dfnsUserId: dfnsUser.id } });
  if (!wallet) throw notFound(WALLET_NOT_FOUND, { code: "wallet_not_found" });
  return wallet;
}

/**
 * The user's wallets, first brought up to date with Dfns (listWallets). When Dfns fails or is
 * slower than `timeoutMs`, the stored wallets with `refreshed: false`; nothing stored is lost.
 * A user who has not finished onboarding has none.
 */
export async function listUserWallets(
  user: Pick<SessionUser, "id">,
  timeoutMs = REFRESH_TIMEOUT_MS,
): Promise<WalletList> {
  const prisma = await db();
  const dfnsUser = await prisma.dfnsUser.findUnique({ where: { userId: user.id } });
  if (!dfnsUser) return { registered: false, wallets: [], refreshed: true, addableNetworks: [] };

  let refreshed = true;
  try {
    await reconcile(dfnsUser.id, await withTimeout(fetchDfnsWallets(dfnsUser), timeoutMs));
  } catch (error) {
    if (!isDfnsUnavailable(error)) throw error;
    console.warn(`[wallets] ${describeDfnsFailure(error, "list the wallets")}; showing the stored ones`);
    refreshed = false;
  }
  const wallets = await prisma.wallet.findMany({
    where: { dfnsUserId: dfnsUser.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { registered: true, wallets: wallets.map(walletView), refreshed, addableNetworks: addableNetworks(wallets) };
}

/** Starts creating a wallet on `network`: one the app offers (registration or extra networks) that the user has no wallet on. */
export async function beginAddWallet(user: Pick<SessionUser, "id">, network: string): Promise<BrowserUserAction> {
  const offered = offeredNetworks();
  if (!offered.includes(network)) {
    throw badRequest(
      `This app doesn't offer wallets on ${network}. Choose one of: ${offered.map((n) => networkInfo(n).displayName).join(", ")}.`,
      {
        code: "network_not_offered",
      },
    );
  }
  const dfnsUser = await requireDfnsUser(user);
  await refuseSecondWallet(dfnsUser.id, network);
  // Only `network`: the stored request goes through JSON storage, and the SDK signs the exact string.
  const request = { body: { network } };
  return beginUserAction({
    dfnsUser,
    kind: CREATE_WALLET,
    request,
    init: (client) => client.wallets.createWalletInit(request as CreateWalletRequest),
  });
}

/**
 * Creates the wallet the pending action stands for, approved by the passkey, and stores it.
 * A user's wallet creations take turns (a lease per user, held across the Dfns call), so the
 * check for a wallet on that network and the creation are one step: of parallel completions for
 * one network, one creates the wallet and the others find it (409 `wallet_exists`).
 */
export async function completeAddWallet(
  user: Pick<SessionUser, "id">,
  input: CompleteUserActionInput,
): Promise<WalletView> {
  const dfnsUser = await requireDfnsUser(user);
  return withLease(`wallet-create:${dfnsUser.id}`, () => createApprovedWallet(user, dfnsUser, input), {
    busy: () =>
      conflict("Another wallet of yours is being created. Wait a moment, then reload your wallet page.", {
        code: "wallet_creation_busy",
      }),
  });
}

async function createApprovedWallet(
  user: Pick<SessionUser, "id">,
  dfnsUser: DfnsUserWithCredentials,
  input: CompleteUserActionInput,
): Promise<WalletView> {
  const { result } = await completeUserAction<{ body: { network: string } }, CreateWalletResponse>({
    dfnsUser,
    kind: CREATE_WALLET,
    actionId: input.actionId,
    assertion: input.assertion,
    beforeClaim: (request) => refuseSecondWallet(dfnsUser.id, request.body.network),
    complete: (client, request, signed) => client.wallets.createWalletComplete(request as CreateWalletRequest, signed),
  });
  const prisma = await db();
  const fields = walletFields(result);
  const wallet = await prisma.$transaction(async (tx) => {
    // A wallet list refresh may have stored it in between: same row.
    const row = await tx.wallet.upsert({
      where: { dfnsWalletId: result.id },
      create: { dfnsUserId: dfnsUser.id, ...fields },
      update: { status: fields.status, address: fields.address },
    });
    await tx.auditEvent.create({
      data: { userId: user.id, type: "dfns.wallet.created", detail: { walletId: row.id, network: row.network } },
    });
    return row;
  });
  return walletView(wallet);
}

async function refuseSecondWallet(dfnsUserId: string, network: string): Promise<void> {
  const existing = await (await db()).wallet.findFirst({ where: { dfnsUserId, network }, select: { id: true } });
  if (existing) {
    throw conflict(
      `You already have a wallet on ${networkInfo(network).displayName}. Use it, or choose another network.`,
      {
        code: "wallet_exists",
      },
    );
  }
}

/** Every network this app makes wallets on: those of registration, then the extra ones. */
function offeredNetworks(): string[] {
  const { walletNetworks, extraWalletNetworks } = getEnv();
  return [...walletNetworks, ...extraWalletNetworks];
}

function addableNetworks(wallets: Pick<Wallet, "network">[]): NetworkChoice[] {
  const have = new Set(wallets.map((w) => w.network));
  return offeredNetworks()
    .filter((network) => !have.has(network))
    .map((network) => ({ network, networkName: networkInfo(network).displayName }));
}

/** Every wallet Dfns lists for the user (a few pages at most). */
function fetchDfnsWallets(dfnsUser: Pick<DfnsUserWithCredentials, "id" | "username">): Promise<DfnsWalletData[]> {
  return withEndUserClient(dfnsUser, async (client) => {
    const items: DfnsWalletData[] = [];
    let paginationToken: string | undefined;
    do {
      const page = await client.wallets.listWallets({
        query: { limit: 100, ...(paginationToken ? { paginationToken } : {}) },
      });
      items.push(...page.items);
      paginationToken = page.nextPageToken;
    } while (paginationToken && items.length < 1000);
    return items;
  });
}

/** What Dfns may change of a wallet over its life. */
const CHANGEABLE = ["address", "publicKey", "name", "status"] as const;

/** Stores what Dfns says of the user's wallets: new ones added, changed ones updated, none removed. */
async function reconcile(dfnsUserId: string, items: DfnsWalletData[]): Promise<void> {
  const prisma = await db();
  const stored = new Map((await prisma.wallet.findMany({ where: { dfnsUserId } })).map((w) => [w.dfnsWalletId, w]));
  const created: (ReturnType<typeof walletFields> & { dfnsUserId: string })[] = [];
  const updates: { id: string; data: Pick<Wallet, "address" | "publicKey" | "name" | "status"> }[] = [];
  for (const item of items) {
    const fields = walletFields(item);
    const row = stored.get(item.id);
    if (!row) created.push({ dfnsUserId, ...fields });
    else if (CHANGEABLE.some((key) => row[key] !== fields[key])) {
      const { address, publicKey, name, status } = fields;
      updates.push({ id: row.id, data: { address, publicKey, name, status } });
    }
  }
  if (created.length === 0 && updates.length === 0) return; // the usual case: no write per page view
  await prisma.$transaction([
    // skipDuplicates: a wallet id stored for someone else is never taken over.
    prisma.wallet.createMany({ data: created, skipDuplicates: true }),
    ...updates.map(({ id, data }) => prisma.wallet.update({ where: { id }, data })),
  ]);
}
