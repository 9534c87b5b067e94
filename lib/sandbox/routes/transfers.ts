import type { Prisma, SandboxTransfer } from "../../generated/prisma/client";
import { isUniqueViolation } from "../../db/errors";
import { authenticate, checkUserAction, spendOnce, userActionReused } from "../auth";
import { notFound } from "../errors";
import { json } from "../http";
import { newId } from "../ids";
import type { RequestContext, Route } from "../router";
import { transferItem } from "../serialize";
import { executeTransfer } from "../transfers/execute";
import { replayOrConflict } from "../transfers/idempotency";
import { refreshTransfer } from "../transfers/refresh";
import { parseTransferRequest } from "../transfers/request";
import { resolveNetwork } from "../wallets";
import { ownedWallet, page, pageArgs } from "./wallets";

const byExternalId = (ctx: RequestContext, externalId: string) =>
  ctx.sandbox.prisma.sandboxTransfer.findUnique({
    where: { orgId_externalId: { orgId: ctx.sandbox.org.id, externalId } },
  });

const transfer: Route = {
  method: "POST",
  pattern: "/wallets/:walletId/transfers",
  async handler(ctx) {
    const caller = await authenticate(ctx);
    const userAction = checkUserAction(ctx, caller);
    const wallet = await ownedWallet(ctx, caller, ctx.params.walletId!);
    const spec = resolveNetwork(wallet.network);
    const request = parseTransferRequest(ctx.rawBody, spec);
    const { sandbox } = ctx;
    const externalId = request.body.externalId;
    if (externalId) {
      const existing = await byExternalId(ctx, externalId);
      if (existing)
        return json(transferItem(await refreshTransfer(sandbox, replayOrConflict(existing, wallet.id, request.body))));
    }
    let row: SandboxTransfer;
    try {
      row = await sandbox.prisma.$transaction(async (tx) => {
        await spendOnce(tx, userAction, userActionReused());
        return tx.sandboxTransfer.create({
          data: {
            id: newId("xfr"),
            orgId: sandbox.org.id,
            walletId: wallet.id,
            network: wallet.network,
            requesterUserId: caller.userId,
            requesterToken: caller.tokenId,
            requestBody: request.body as Prisma.InputJsonValue,
            externalId,
            asset: request.asset as unknown as Prisma.InputJsonValue,
            status: "Pending",
            dateRequested: sandbox.config.now(),
          },
        });
      });
    } catch (error) {
      // The same externalId sent in parallel: the unique index let exactly one request create it.
      if (!externalId || !isUniqueViolation(error)) throw error;
      const existing = await byExternalId(ctx, externalId);
      if (!existing) throw error;
      return json(transferItem(replayOrConflict(existing, wallet.id, request.body)));
    }
    const done = await executeTransfer(
      sandbox,
      spec,
      row,
      { privateKey: wallet.key.privateKey, address: wallet.address! },
      request,
    );
    return json(transferItem(done));
  },
};

const list: Route = {
  method: "GET",
  pattern: "/wallets/:walletId/transfers",
  async handler(ctx) {
    const caller = await authenticate(ctx);
    const wallet = await ownedWallet(ctx, caller, ctx.params.walletId!);
    const args = pageArgs(ctx);
    const rows = await ctx.sandbox.prisma.sandboxTransfer.findMany({
      where: { walletId: wallet.id },
      orderBy: [{ dateRequested: "desc" }, { id: "desc" }],
      ...args,
    });
    const { items, nextPageToken } = page(rows, args.take);
    const fresh = await Promise.all(items.map((row) => refreshTransfer(ctx.sandbox, row)));
    return json({ walletId: wallet.id, items: fresh.map(transferItem), ...(nextPageToken ? { nextPageToken } : {}) });
  },
};

const get: Route = {
  method: "GET",
  pattern: "/wallets/:walletId/transfers/:transferId",
  async handler(ctx) {
    const caller = await authenticate(ctx);
    const wallet = await ownedWallet(ctx, caller, ctx.params.walletId!);
    const row = await ctx.sandbox.prisma.sandboxTransfer.findUnique({ where: { id: ctx.params.transferId! } });
    if (!row || row.walletId !== wallet.id) throw notFound(`Transfer ${ctx.params.transferId} not found`);
    return json(transferItem(await refreshTransfer(ctx.sandbox, row)));
  },
};

export const transferRoutes = [transfer, list, get];
