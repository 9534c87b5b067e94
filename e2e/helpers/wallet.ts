import { expect, type Locator, type Page } from "@playwright/test";
import type { Hex } from "viem";
import type { VirtualAuthenticator } from "./virtual-authenticator";

export const walletCard = (page: Page, networkName: string) => page.getByRole("article", { name: networkName });

/** Adds a wallet on `networkName` from the wallet page, approved with the passkey; its card. */
export async function addWalletWith(
  page: Page,
  authenticator: VirtualAuthenticator,
  networkName: string,
): Promise<Locator> {
  const add = page.getByRole("region", { name: "Add a wallet" });
  await add.getByLabel("Network").selectOption({ label: networkName });
  const approved = authenticator.nextCredentialAsserted();
  await add.getByRole("button", { name: "Add wallet" }).click();
  await approved;
  await expect(add.getByText(`Your ${networkName} wallet is ready.`)).toBeVisible();
  return walletCard(page, networkName);
}

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
export const signatureIn = async (latest: Locator) =>
  ((await latest.locator("p.font-mono").textContent()) ?? "").trim() as Hex;

/** The card's typed-data (EIP-712) form, opened. */
export async function typedDataForm(card: Locator): Promise<Locator> {
  await card.getByText("Sign typed data (EIP-712)").click();
  const form = card.getByRole("form", { name: "Sign typed data" });
  await expect(form).toBeVisible();
  return form;
}

/** Picks the example `label` in the open typed-data form, approves with the passkey, and waits for the result. */
export async function signTypedExampleWith(
  card: Locator,
  authenticator: VirtualAuthenticator,
  label: string,
  title: string,
): Promise<{ latest: Locator; json: string }> {
  const form = card.getByRole("form", { name: "Sign typed data" });
  await form.getByRole("button", { name: label }).click();
  const json = await form.getByRole("textbox").inputValue();
  const asserted = authenticator.nextCredentialAsserted();
  await form.getByRole("button", { name: "Sign typed data with passkey" }).click();
  await asserted;
  const latest = card.getByTestId("latest-typed-signature");
  await expect(latest).toContainText(`Signed typed data: ${title}`);
  return { latest, json };
}
