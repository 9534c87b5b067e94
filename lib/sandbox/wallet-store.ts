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
 */
export async function createWallets(
  tx: Tx,
  sandbox: Sandbox,
  ownerId: string,
  wallets: PreparedWallet[],
  extra: { externalId?: string; tags?: string[] } = {},
) {
  const custodial = ownerId === sandbox.org.serviceAccountId;
  const created = [];
  for (const wallet of wallets) {
    const key = await tx.sandboxKey.create({
      data: {
        id: newId("key"),
        scheme: wallet.spec.scheme,
        curve: wallet.spec.curve,
        publicKey: wallet.key.publicKey,
        privateKey: wallet.key.privateKey,
      },
    });
    const row = await tx.sandboxWallet.create({
      data: {
        id: newId("wa"),
        orgId: sandbox.org.id,
        userId: ownerId,
        network: wallet.spec.network,
        name: wallet.name ?? null,
        address: wallet.address ?? null,
        externalId: extra.externalId ?? null,
        tags: extra.tags ?? [],
        keyId: key.id,
      },
    });
    created.push(walletItem({ ...row, key }, custodial));
  }
  return created;
}
