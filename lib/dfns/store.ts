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

export async function saveDfnsUser(
  tx: Prisma.TransactionClient,
  args: {
    userId: string;
    dfnsUserId: string;
    username: string;
    /** As Dfns lists them (`auth.listCredentials`). */
    credentials: DfnsListedCredential[];
    wallets: DfnsWalletData[];
  },
) {
  const dfnsUser = await tx.dfnsUser.create({
    data: { userId: args.userId, dfnsUserId: args.dfnsUserId, username: args.username, status: "Active" },
  });
  await tx.credential.createMany({ data: args.credentials.map((c) => credentialFields(dfnsUser.id, c)) });
  await tx.wallet.createMany({ data: args.wallets.map((w) => ({ dfnsUserId: dfnsUser.id, ...walletFields(w) })) });
  return dfnsUser;
}

/** A credential as Dfns lists it (`auth.listCredentials`). */
export interface DfnsListedCredential {
  credentialUuid: string;
  credentialId: string;
  kind: string;
  name: string;
  isActive: boolean;
  dateCreated: string;
}

/**
 * Makes the app's credential rows of a Dfns user (`DfnsUser.id`) say what Dfns lists: new ones
 * recorded, names and states updated, and rows Dfns no longer lists marked inactive. Dfns is the
 * authority; the rows are the app's copy for pages and for choosing the recovery credential.
 */
export async function syncCredentials(
  tx: Prisma.TransactionClient,
  dfnsUserId: string,
  listed: DfnsListedCredential[],
) {
  for (const c of listed) await upsertCredential(tx, dfnsUserId, c);
  await tx.credential.updateMany({
    where: { dfnsUserId, dfnsUuid: { notIn: listed.map((c) => c.credentialUuid) } },
    data: { active: false },
  });
}

/** Records one credential as Dfns describes it (a new one, or a known one's name and state). */
export function upsertCredential(tx: Prisma.TransactionClient, dfnsUserId: string, c: DfnsListedCredential) {
  return tx.credential.upsert({
    where: { dfnsUuid: c.credentialUuid },
    create: credentialFields(dfnsUserId, c),
    update: { name: c.name, active: c.isActive },
  });
}

/** The app's columns of a credential of the Dfns user `dfnsUserId` (`DfnsUser.id`), from Dfns's list. */
function credentialFields(dfnsUserId: string, c: DfnsListedCredential) {
  return {
    dfnsUserId,
    dfnsUuid: c.credentialUuid,
    credId: c.credentialId,
    kind: c.kind,
    name: c.name,
    active: c.isActive,
    createdAt: new Date(c.dateCreated),
  };
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
