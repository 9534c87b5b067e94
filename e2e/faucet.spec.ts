import { expect, test } from "@playwright/test";
import { FAUCET } from "./helpers/value";

// The sandbox's faucet page, where the app's "Get test funds" link points in sandbox mode: real
// Chromium, under the app's Content-Security-Policy, crediting the local chains.
const randomEvmAddress = () =>
  `0x${Array.from({ length: 40 }, () => Math.floor(Math.random() * 16).toString(16)).join("")}`;

test("the faucet page credits native coins and test tokens on a local EVM chain", async ({ page }) => {
  const address = randomEvmAddress();
  await page.goto(`${FAUCET}?network=EthereumSepolia&address=${address}`);
  await expect(page.getByRole("heading", { name: "Test funds" })).toBeVisible();
  await expect(page.getByText(address)).toBeVisible();

  const status = page.getByRole("status");
  await page.getByRole("button", { name: "Get native coins" }).click();
  await expect(status).toContainText(/Sent 1000000000000000000 \(smallest units\)\. Transaction: 0x[0-9a-f]{64}/);
  const nativeTx = await status.getAttribute("data-tx-hash");

  await page.getByRole("button", { name: "Get test tokens (SUSD)" }).click();
  await expect(status).toContainText(/Sent 100000000 \(smallest units\)/);
  expect(await status.getAttribute("data-tx-hash")).not.toBe(nativeTx);
});

test("the faucet page airdrops SOL on the local Solana VM, and offers no token there", async ({ page }) => {
  await page.goto(`${FAUCET}?network=SolanaDevnet&address=GmaDrppBC7P5ARKV8g3djiwP89vz1jLK23V2GBjuAEGB`);
  await expect(page.getByRole("button", { name: /test tokens/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Get native coins" }).click();
  await expect(page.getByRole("status")).toContainText(
    /Sent 1000000000 \(smallest units\)\. Transaction: [1-9A-HJ-NP-Za-km-z]{64,88}/,
  );
});

test("the faucet refuses a bad address and a network without a local chain with a 400", async ({ request }) => {
  expect((await request.get(`${FAUCET}?network=EthereumSepolia&address=0x12`)).status()).toBe(400);
  const response = await request.post(FAUCET, { data: { network: "Bitcoin", address: "bc1q", asset: "native" } });
  expect(response.status()).toBe(400);
  expect((await response.json()).error.message).toMatch(/no local chain/);
});
