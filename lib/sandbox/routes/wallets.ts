import type { Prisma } from "../../generated/prisma/client";
import { authenticate, checkUserAction, requireOperation, spendOnce, userActionReused, type Caller } from "../auth";
import { badRequest, notFound } from "../errors";
import { json, parseBody } from "../http";
import { newId } from "../ids";
import type { RequestContext, Route } from "../router";
import type { Sandbox } from "../sandbox";
import { createWalletSchema } from "../schemas";
import { signatureItem, walletItem } from "../serialize";
import { createWallets, prepareWallets } from "../wallet-store";
import { resolveNetwork, signRequest } from "../wallets";

const DEFAULT_PAGE = 100;

export function pageArgs(ctx: RequestContext) {
  const limitText = ctx.query.get("limit");
  const limit = limitText === null ? DEFAULT_PAGE : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw badRequest("Invalid query: limit must be a whole number from 1 to 500", { field: "limit" });
  const cursor = ctx.query.get("paginationToken") ?? undefined;
  return { take: limit + 1, ...(cursor ? { cursor: { id: cursor }, skip: 0 } : {}) };
}

export function page<T extends { id: string }>(rows: T[], take: number) {
  const more = rows.length === take;
  const items = more ? rows.slice(0, -1) : rows;
  return { items, ...(more ? { nextPageToken: rows[rows.length - 1]!.id } : {}) };
}

/** A wallet the caller may use: an end user's own, or any of the org's for its service account. */
export async function ownedWallet(ctx: RequestContext, caller: Caller, walletId: string) {
  const wallet = await ctx.sandbox.prisma.sandboxWallet.findUnique({ where: { id: walletId }, include: { key: true } });
  // Another user's wallet is a 404, the same as one that does not exist: nothing leaks.
  if (
    !wallet ||
    wallet.orgId !== ctx.sandbox.org.id ||
    (caller.kind === "EndUser" && wallet.userId !== caller.userId)
  ) {
    throw notFound(`Wallet ${walletId} not found`);
  }
  return wallet;
}

const isCustodial = (ctx: RequestContext, userId: string) => userId === ctx.sandbox.org.serviceAccountId;

const list: Route = {
  method: "GET",
  pattern: "/wallets",
  async handler(ctx) {
    const caller = await authenticate(ctx);
    requireOperation(ctx, caller, "Wallets:Read");
    const args = pageArgs(ctx);
    const rows = await ctx.sandbox.prisma.sandboxWallet.findMany({
      where: { orgId: ctx.sandbox.org.id, ...(caller.kind === "EndUser" ? { userId: caller.userId } : {}) },
      include: { key: true },
      orderBy: { id: "asc" },
      ...args,
    });
    const { items, nextPageToken } = page(rows, args.take);
    return json({
      items: items.map((w) => walletItem(w, isCustodial(ctx, w.userId))),
      ...(nextPageToken ? { nextPageToken } : {}),
    });
  },
};

const get: Route = {
  method: "GET",
  pattern: "/wallets/:walletId",
  async handler(ctx) {
    const caller = await authenticate(ctx);
    const wallet = await ownedWallet(ctx, caller, ctx.params.walletId!);
    return json(walletItem(wallet, isCustodial(ctx, wallet.userId)));
  },
};

const create: Route = {
  method: "POST",
  pattern: "/wallets",
  async handler(ctx) {
    const caller = await authenticate(ctx);
    const userAction = checkUserAction(ctx, caller);
    const body = parseBody(ctx.rawBody, createWalletSchema);
    if (caller.kind === "EndUser" && body.delegateTo && body.delegateTo !== caller.userId) {
      throw badRequest("An end user can only create wallets for itself", { field: "delegateTo" });
    }
    const { sandbox } = ctx;
    let ownerId = caller.userId;
    if (caller.kind === "ServiceAccount" && body.delegateTo) {
      const delegate = await sandbox.prisma.sandboxUser.findUnique({ where: { id: body.delegateTo } });
      if (!delegate || delegate.orgId !== sandbox.org.id || delegate.kind !== "EndUser" || !delegate.registered) {
        throw notFound(`User ${body.delegateTo} not found`);
      }
      ownerId = delegate.id;
    }
    const prepared = prepareWallets([{ network: body.network, name: body.name }]);
    const [wallet] = await sandbox.prisma.$transaction(async (tx) => {
      await spendOnce(tx, userAction, userActionReused());
      return createWallets(tx, sandbox, ownerId, prepared, { externalId: body.externalId, tags: body.tags });
    });
    return json(wallet);
  },
};

const sign: Route = {
  method: "POST",
  pattern: "/wallets/:walletId/signatures",
  async handler(ctx) {
    const caller = await authenticate(ctx);
    const userAction = checkUserAction(ctx, caller);
    const wallet = await ownedWallet(ctx, caller, ctx.params.walletId!);
    const { sandbox } = ctx;
    let requestBody: unknown;
    try {
      requestBody = JSON.parse(ctx.rawBody);
    } catch {
      throw badRequest("Request body is not valid JSON");
    }
    const signature = signRequest(resolveNetwork(wallet.network), wallet.key.privateKey, requestBody);
    const now = sandbox.config.now();
    // behaviour.policyApproval: a policy asks for an approval first. The request is kept as
    // Pending (unsigned) and the answer is 202 with the approval, as Dfns answers.
    const pending = sandbox.config.behaviour.policyApproval;
    const row = await sandbox.prisma.$transaction(async (tx) => {
      await spendOnce(tx, userAction, userActionReused());
      return tx.sandboxSignature.create({
        data: {
          id: newId("sig"),
          walletId: wallet.id,
          requesterUserId: caller.userId,
          requesterToken: caller.tokenId,
          requestBody: requestBody as Prisma.InputJsonValue,
          status: pending ? "Pending" : "Signed",
          ...(pending ? {} : { signature: signature as unknown as Prisma.InputJsonValue, dateSigned: now }),
          network: wallet.network,
          dateRequested: now,
        },
      });
    });
    const item = signatureItem(row, wallet.key.id);
    return pending ? json(pendingApproval(sandbox, caller.userId, { signatureRequest: item }), 202) : json(item);
  },
};

/**
 * The body of Dfns's 202 when a policy asks for an approval (the SDK's PolicyPendingError
 * context): the approval, in the shape of policies.getApproval. Nothing in the sandbox decides it.
 */
function pendingApproval(sandbox: Sandbox, initiatorId: string, activity: { signatureRequest: unknown }) {
  const now = sandbox.config.now();
  return {
    id: newId("ap"),
    initiatorId,
    activity: { kind: "Wallets:Sign", ...activity },
    status: "Pending",
    expirationDate: new Date(now.getTime() + 24 * 3600 * 1000).toISOString(),
    dateCreated: now.toISOString(),
    dateUpdated: now.toISOString(),
    policyEvaluations: [],
    decisions: [],
  };
}

const listSignatures: Route = {
  method: "GET",
  pattern: "/wallets/:walletId/signatures",
  async handler(ctx) {
    const caller = await authenticate(ctx);
    const wallet = await ownedWallet(ctx, caller, ctx.params.walletId!);
    const args = pageArgs(ctx);
    const rows = await ctx.sandbox.prisma.sandboxSignature.findMany({
      where: { walletId: wallet.id },
      orderBy: [{ dateRequested: "desc" }, { id: "desc" }],
      ...args,
    });
    const { items, nextPageToken } = page(rows, args.take);
    return json({
      walletId: wallet.id,
      keyId: wallet.key.id,
      items: items.map((s) => signatureItem(s, wallet.key.id)),
      ...(nextPageToken ? { nextPageToken } : {}),
    });
  },
};

const getSignature: Route = {
  method: "GET",
  pattern: "/wallets/:walletId/signatures/:signatureId",
  async handler(ctx) {
    const caller = await authenticate(ctx);
    const wallet = await ownedWallet(ctx, caller, ctx.params.walletId!);
    const row = await ctx.sandbox.prisma.sandboxSignature.findUnique({ where: { id: ctx.params.signatureId! } });
    if (!row || row.walletId !== wallet.id) throw notFound(`Signature ${ctx.params.signatureId} not found`);
    return json(signatureItem(row, wallet.key.id));
  },
};

export const walletRoutes = [list, create, get, sign, listSignatures, getSignature];
