import { expect, type Page } from "@playwright/test";
import type { VirtualAuthenticator } from "./virtual-authenticator";

/** Dfns's recovery code layout: D1- then 6-5-5-5-5-6 characters of its alphabet. */
export const RECOVERY_CODE = /^D1-[A-HJ-NP-Z2-9]{6}(-[A-HJ-NP-Z2-9]{5}){4}-[A-HJ-NP-Z2-9]{6}$/;
export const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;
export const SOLANA_ADDRESS = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

/** The step the stepper marks as current. */
export const currentStep = (page: Page) =>
  page.getByRole("navigation", { name: "Setup progress" }).locator('[aria-current="step"]');

/** On /onboarding: creates the passkey and waits until the recovery code is shown; returns it. */
export async function createPasskey(page: Page, authenticator: VirtualAuthenticator): Promise<string> {
  const button = page.getByRole("button", { name: "Create my passkey" });
  await expect(button).toBeEnabled(); // the challenge has arrived
  const added = authenticator.nextCredentialAdded();
  await button.click();
  const credential = await added;
  expect(credential.isResidentCredential).toBe(true);
  await expect(page.getByRole("heading", { name: "Save your recovery code" })).toBeFocused();
  const code = (await page.getByTestId("recovery-code").textContent())?.trim() ?? "";
  expect(code).toMatch(RECOVERY_CODE);
  return code;
}

/** Ticks "I have saved my recovery code" and creates the wallets; waits for the wallet page. */
export async function confirmAndCreateWallets(page: Page): Promise<void> {
  await page.getByLabel("I have saved my recovery code").check();
  await page.getByRole("button", { name: "Create my wallets" }).click();
  await expect(page.getByRole("heading", { name: "Your wallets are ready" })).toBeVisible();
  await expect(page).toHaveURL(/\/wallet$/);
}

/** The addresses the wallet page lists, in order. */
export async function walletAddresses(page: Page): Promise<string[]> {
  const addresses = page.getByTestId("wallet-address");
  await expect(addresses.first()).toBeVisible();
  return (await addresses.allInnerTexts()).map((text) => text.trim());
}

/** A new user's whole onboarding, from the empty wallet page to the wallets listed. */
export async function onboard(page: Page, authenticator: VirtualAuthenticator): Promise<string[]> {
  await page.getByRole("link", { name: "Set up your wallet" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await createPasskey(page, authenticator);
  await confirmAndCreateWallets(page);
  return walletAddresses(page);
}
