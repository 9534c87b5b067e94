// Helpers for the value-transfer contract tests: the faucet over HTTP, and waiting for a
// transfer to reach a final status the way an app polls it (getTransfer).
import type { Harness, RegisteredUser } from "./harness";

export async function faucet(h: Harness, network: string, address: string, asset: "native" | "token") {
  const response = await fetch(`${h.url}/sandbox/faucet`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ network, address, asset }),
  });
  const body = (await response.json()) as { txHash: string; amount: string; error?: { message: string } };
  if (response.status !== 200) throw new Error(`faucet ${response.status}: ${body.error?.message}`);
  return body;
}

export async function settled(user: RegisteredUser, walletId: string, transferId: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const transfer = await user.client.wallets.getTransfer({ walletId, transferId });
    if (transfer.status === "Confirmed" || transfer.status === "Failed") return transfer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`transfer ${transferId} did not settle`);
}

export const walletOn = (user: RegisteredUser, network: string) => {
  const wallet = user.wallets.find((w) => w.network === network);
  if (!wallet) throw new Error(`${user.email} has no ${network} wallet`);
  return wallet as typeof wallet & { address: string };
};
