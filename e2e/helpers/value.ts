import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { VirtualAuthenticator } from "./virtual-authenticator";

/** The wallet's balance of `asset` ("native", "Erc20:0x…") in base units, as the page shows it. */
export async function baseUnits(card: Locator, asset: string): Promise<bigint> {
  const balance = card.locator(`[data-testid="balance"][data-asset="${asset}"]`);
  if ((await balance.count()) === 0) return 0n;
  return BigInt((await balance.getAttribute("data-base-units")) ?? "0");
}

/** The asset id of the first token the wallet lists (the sandbox's test token on EVM). */
export async function tokenAsset(card: Locator): Promise<string> {
  const token = card.locator('[data-testid="balance"]:not([data-asset="native"])').first();
  await expect(token).toBeVisible();
  return (await token.getAttribute("data-asset"))!;
}

/** Opens the card's "Get test funds" page (the sandbox's faucet) and takes each of `assets`. */
export async function getTestFunds(page: Page, card: Locator, buttons: string[]): Promise<void> {
  const href = await card.getByTestId("test-funds-link").getAttribute("href");
  const faucet = await page.context().newPage();
  await faucet.goto(href!);
  for (const name of buttons) {
    await faucet.getByRole("button", { name }).click();
    await expect(faucet.getByRole("status")).toHaveText(/^Sent \d+ \(smallest units\)\. Transaction: \S+$/);
  }
  await faucet.close();
}

/** The sandbox's faucet: its page (GET) and the endpoint its buttons call (POST). */
export const FAUCET = "/api/dfns-sandbox/sandbox/faucet";

/**
 * Credits `address` through the faucet's endpoint, as its page's buttons do: setup for tests
 * that are not about getting test funds (1 ETH, 100 SUSD or 1 SOL a call).
 */
export async function creditFromFaucet(
  request: APIRequestContext,
  credit: { network: "EthereumSepolia" | "SolanaDevnet"; address: string; asset: "native" | "token" },
): Promise<void> {
  const response = await request.post(FAUCET, { data: credit });
  expect(response.status(), await response.text()).toBe(200);
}

/** Fills the send form. */
export async function fillSend(
  card: Locator,
  { asset, to, amount }: { asset: string; to: string; amount: string },
): Promise<void> {
  await card.getByLabel("Asset").selectOption(asset);
  await card.getByLabel("Amount").fill(amount);
  await card.getByLabel(/Recipient's .* address/).fill(to);
}

/**
 * Sends through the form: review (what the server stored), the passkey approves, the status is
 * followed until Confirmed. Returns the transaction hash and the fee (base units of the native asset).
 */
export async function sendAndConfirm(
  card: Locator,
  authenticator: VirtualAuthenticator,
  transfer: { asset: string; to: string; amount: string; symbol: string },
): Promise<{ txHash: string; fee: bigint }> {
  await fillSend(card, transfer);
  await card.getByRole("button", { name: "Review" }).click();
  const review = card.getByTestId("transfer-review");
  await expect(review.getByTestId("review-amount")).toHaveText(`${transfer.amount} ${transfer.symbol}`);
  await expect(review.getByTestId("review-to")).toHaveText(transfer.to);
  const asserted = authenticator.nextCredentialAsserted();
  await review.getByRole("button", { name: "Send with passkey" }).click();
  await asserted;
  const latest = card.getByTestId("latest-transfer");
  await expect(latest.getByTestId("transfer-status")).toHaveAttribute("data-status", "Confirmed", { timeout: 30_000 });
  const txHash = ((await latest.getByTestId("tx-hash").textContent()) ?? "").trim();
  const fee = latest.getByTestId("transfer-fee");
  await expect(fee).toBeVisible();
  const result = { txHash, fee: BigInt((await fee.getAttribute("data-base-units")) ?? "0") };
  await card.getByRole("button", { name: "Send another" }).click();
  return result;
}
