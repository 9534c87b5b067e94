import { expect, type Page } from "@playwright/test";
import { RECOVERY_CODE } from "./onboarding";
import type { VirtualAuthenticator } from "./virtual-authenticator";

/** On /recovery: enters `code` and continues; resolves once the page has answered. */
export async function enterRecoveryCode(page: Page, code: string): Promise<void> {
  await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
  await page.getByRole("textbox", { name: "Recovery code" }).fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

/**
 * The whole recovery on /recovery with `authenticator` as the new device: the code, a new passkey,
 * the new recovery code (returned) confirmed, and the finish.
 */
export async function recover(page: Page, authenticator: VirtualAuthenticator, code: string): Promise<string> {
  await page.goto("/recovery");
  await enterRecoveryCode(page, code);
  await expect(page.getByRole("heading", { name: "Create your new passkey" })).toBeFocused();
  const added = authenticator.nextCredentialAdded();
  await page.getByRole("button", { name: "Create my new passkey" }).click();
  await added;
  await expect(page.getByRole("heading", { name: "Save your new recovery code" })).toBeFocused();
  const newCode = (await page.getByTestId("recovery-code").textContent())?.trim() ?? "";
  expect(newCode).toMatch(RECOVERY_CODE);
  expect(newCode).not.toBe(code);
  await expect(page.getByRole("button", { name: "Finish recovery" })).toBeDisabled();
  await page.getByLabel("I have saved my recovery code").check();
  await page.getByRole("button", { name: "Finish recovery" }).click();
  await expect(page.getByRole("heading", { name: "Your wallet is recovered" })).toBeVisible();
  return newCode;
}
