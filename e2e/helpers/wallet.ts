import { expect, type Locator, type Page } from "@playwright/test";
import type { Hex } from "viem";
import type { VirtualAuthenticator } from "./virtual-authenticator";

export const walletCard = (page: Page, networkName: string) => page.getByRole("article", { name: networkName });

/** Types `message` in the card's form, approves with the passkey, and waits for the result. */
export async function signWith(card: Locator, authenticator: VirtualAuthenticator, message: string): Promise<Locator> {
  await card.getByLabel(/Message to sign/).fill(message);
  const asserted = authenticator.nextCredentialAsserted();
  await card.getByRole("button", { name: "Sign with passkey" }).click();
  await asserted;
  const latest = card.getByTestId("latest-signature");
  await expect(latest).toContainText(`Signed “${message}”`);
  return latest;
}

/** The signature shown in `latest` (its monospace line). */
export const signatureIn = async (latest: Locator) => ((await latest.locator("p.font-mono").textContent()) ?? "").trim() as Hex;
