import type { Tx } from "./auth";
import { newId } from "./ids";
import type { Sandbox } from "./sandbox";
import { walletItem } from "./serialize";
import { deriveAddress, generateWalletKey, resolveNetwork, type NetworkSpec, type WalletKey } from "./wallets";

export interface PreparedWallet {
  spec: NetworkSpec;
  name?: string;
  key: WalletKey;
  address?: string;
}

/** Resolves networks (400 on an unknown or unsupported one) and makes the keys, before any write. */
export function prepareWallets(specs: { network: string; name?: string }[]): PreparedWallet[] {
  return specs.map(({ network, name }) => {
    const spec = resolveNetwork(network);
    const key = generateWalletKey(spec.curve);
    return { spec, name, key, address: deriveAddress(spec, key.publicKey) };
  });
}

/**
 * Stores prepared wallets for `ownerId`. An end user's wallets are non-custodial and their
 * key is delegated to them; a service account's are the organization's (custodial).
 * Two inserts whatever the number of wallets: each query costs far more than its rows.
 */
export async function createWallets(
  tx: Tx,
  sandbox: Sandbox,
  ownerId: string,
  wallets: PreparedWallet[],
  extra: { externalId?: string; tags?: string[] } = {},
) {
  if (wallets.length === 0) return [];
  const custodial = ownerId === sandbox.org.serviceAccountId;
  const keys = wallets.map(({ spec, key }) => ({
    id: newId("key"),
    scheme: spec.scheme,
    curve: spec.curve,
    publicKey: key.publicKey,
    privateKey: key.privateKey,
  }));
  await tx.sandboxKey.createMany({ data: keys });
  const rows = await tx.sandboxWallet.createManyAndReturn({
    data: wallets.map((wallet, i) => ({
      id: newId("wa"),
      orgId: sandbox.org.id,
      userId: ownerId,
      network: wallet.spec.network,
      name: wallet.name ?? null,
      address: wallet.address ?? null,
      externalId: extra.externalId ?? null,
      tags: extra.tags ?? [],
      keyId: keys[i]!.id,
    })),
  });
  // RETURNING order is not promised: keep the request's order.
  const rowByKey = new Map(rows.map((row) => [row.keyId, row]));
  return keys.map((key) => walletItem({ ...rowByKey.get(key.id)!, key }, custodial));
}
