import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers/accounts";
import { createPasskey, EVM_ADDRESS } from "./helpers/onboarding";
import { VirtualAuthenticator } from "./helpers/virtual-authenticator";
import { addWalletWith, signWith } from "./helpers/wallet";

// Onboarding on a server with DFNS_WALLET_NETWORKS=none (playwright.config.ts starts it next to
// the main one): Dfns's Complete User Registration registers the passkey and the recovery key
// without wallets, and the user adds the first wallet on the wallet page.

test.use({ baseURL: process.env.E2E_NO_WALLETS_ORIGIN });

test("onboarding without wallets: passkey and recovery key only, then the first wallet from the wallet page", async ({
  page,
}) => {
  const authenticator = await VirtualAuthenticator.attach(page);
  await signUp(page, uniqueEmail("no-wallets"));
  await page.getByRole("link", { name: "Set up your wallet" }).click();
  await createPasskey(page, authenticator);
  await page.getByLabel("I have saved my recovery code").check();
  await page.getByRole("button", { name: "Create my wallets" }).click();
  await expect(page.getByRole("heading", { name: "Your account is ready" })).toBeVisible();
  await expect(page.getByText("Add your first wallet on the wallet page.")).toBeVisible();
  await expect(page).toHaveURL(/\/wallet$/);

  await expect(page.getByTestId("no-wallets")).toBeVisible();
  await expect(page.getByTestId("wallet-address")).toHaveCount(0);
  const base = await addWalletWith(page, authenticator, "Base Sepolia");
  await expect(base.getByTestId("wallet-address")).toHaveText(EVM_ADDRESS);
  await expect(page.getByTestId("no-wallets")).toHaveCount(0);

  const latest = await signWith(base, authenticator, "my first signature");
  await expect(latest.getByText("Verified", { exact: true })).toBeVisible();
});
