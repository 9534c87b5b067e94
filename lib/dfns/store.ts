import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// Writes the app's record of a Dfns user: which Dfns user, credentials and wallets belong to
// which app user. Called inside the caller's transaction.

export interface DfnsWalletData {
  id: string;
  network: string;
  address?: string;
  name?: string;
  status: string;
  signingKey: { publicKey: string };
}

export interface DfnsCredentialData {
  uuid: string;
  credId: string;
  kind: string;
  name: string;
  isActive?: boolean;
}

export async function saveDfnsUser(
  tx: Prisma.TransactionClient,
  args: { userId: string; dfnsUserId: string; username: string; credentials: DfnsCredentialData[]; wallets: DfnsWalletData[] },
) {
  const dfnsUser = await tx.dfnsUser.create({
    data: { userId: args.userId, dfnsUserId: args.dfnsUserId, username: args.username, status: "Active" },
  });
  await tx.credential.createMany({
    data: args.credentials.map((c) => ({
      dfnsUserId: dfnsUser.id,
      dfnsUuid: c.uuid,
      credId: c.credId,
      kind: c.kind,
      name: c.name,
      active: c.isActive ?? true,
    })),
  });
  await tx.wallet.createMany({ data: args.wallets.map((w) => ({ dfnsUserId: dfnsUser.id, ...walletFields(w) })) });
  return dfnsUser;
}

/** The app's columns of a wallet, from Dfns's wallet object. */
export function walletFields(w: DfnsWalletData) {
  return {
    dfnsWalletId: w.id,
    network: w.network,
    address: w.address ?? null,
    publicKey: w.signingKey.publicKey,
    name: w.name ?? null,
    status: w.status,
  };
}
