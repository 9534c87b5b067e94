import { expect, test, type Browser, type Page } from "@playwright/test";
import { uniqueEmail } from "./helpers/accounts";
import { EVM_ADDRESS, SOLANA_ADDRESS } from "./helpers/onboarding";
import { onWalletPage } from "./helpers/registered-user";
import { baseUnits, fillSend, getTestFunds, sendAndConfirm, tokenAsset } from "./helpers/value";
import type { VirtualAuthenticator } from "./helpers/virtual-authenticator";
import { walletCard } from "./helpers/wallet";

// Moving value on the sandbox's local chains: user A gets test funds from the faucet page, sends
// ETH, the test token and SOL to user B with the passkey, and sees each Confirmed with its hash;
// B's page shows the incoming transfers by itself. Amounts are compared in base units.

async function onboardedUser(
  browser: Browser,
  label: string,
): Promise<{ page: Page; authenticator: VirtualAuthenticator; evm: string; solana: string }> {
  const page = await (await browser.newContext()).newPage();
  const { authenticator, evmAddress: evm, solanaAddress: solana } = await onWalletPage(page, label);
  expect(evm).toMatch(EVM_ADDRESS);
  expect(solana).toMatch(SOLANA_ADDRESS);
  return { page, authenticator, evm, solana };
}

// The server opens (and migrates) its database on the first request that needs one: done here,
// so that a cold start on a busy machine does not eat into the first sign-up's wait.
test.beforeAll(async ({ request, baseURL }) => {
  const response = await request.post("/api/auth/sign-up", {
    headers: { origin: baseURL! },
    data: { email: uniqueEmail("warm-up"), password: "correct horse battery staple" },
    timeout: 90_000,
  });
  expect(response.ok()).toBe(true);
});

test("A gets test funds and sends ETH, a token and SOL to B; both pages show it; mistakes are said in words", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const a = await onboardedUser(browser, "sender");
  const b = await onboardedUser(browser, "receiver");
  const aEvm = walletCard(a.page, "Ethereum Sepolia");
  const aSolana = walletCard(a.page, "Solana Devnet");
  const bEvm = walletCard(b.page, "Ethereum Sepolia");
  const bSolana = walletCard(b.page, "Solana Devnet");

  // Get test funds: in sandbox mode the link opens the sandbox's faucet page for this address.
  await expect(aEvm.getByTestId("test-funds-link")).toHaveAttribute(
    "href",
    `${baseURL}/api/dfns-sandbox/sandbox/faucet?network=EthereumSepolia&address=${a.evm}`,
  );
  await expect(aEvm.locator('[data-testid="balance"][data-asset="native"]')).toContainText("0 ETH");
  await getTestFunds(a.page, aEvm, ["Get native coins", "Get test tokens (SUSD)"]);
  await getTestFunds(a.page, aSolana, ["Get native coins"]);
  await a.page.reload();
  await expect(aEvm.locator('[data-testid="balance"][data-asset="native"]')).toContainText("1 ETH");
  const token = await tokenAsset(aEvm);
  await expect(aSolana.locator('[data-testid="balance"][data-asset="native"]')).toBeVisible();

  // Mistakes, said in words before anything is signed.
  await fillSend(aEvm, { asset: "native", to: b.evm, amount: "5" });
  await aEvm.getByRole("button", { name: "Review" }).click();
  await expect(aEvm.getByTestId("send-field-error")).toHaveText(/^That is more than your balance of 1 ETH\./);
  await fillSend(aEvm, { asset: "native", to: `${b.evm.slice(0, -1)}`, amount: "0.1" });
  await aEvm.getByRole("button", { name: "Review" }).click();
  await expect(aEvm.getByTestId("send-field-error")).toHaveText(/^This is not a Ethereum Sepolia address/);
  await fillSend(aEvm, { asset: "native", to: b.evm, amount: "0.1234567890123456789" });
  await aEvm.getByRole("button", { name: "Review" }).click();
  await expect(aEvm.getByTestId("send-field-error")).toHaveText(
    "ETH has 18 decimals at most: shorten the amount after the dot.",
  );
  await expect(aEvm.getByTestId("transfer-review")).toHaveCount(0);

  // ETH: A pays exactly amount + fee; B's open page shows it by itself (its light poll).
  await expect(bEvm.getByText("No transfers yet.")).toBeVisible();
  const ethBefore = await baseUnits(aEvm, "native");
  const eth = await sendAndConfirm(aEvm, a.authenticator, { asset: "native", to: b.evm, amount: "0.1", symbol: "ETH" });
  expect(eth.txHash).toMatch(/^0x[0-9a-f]{64}$/);
  expect(eth.fee).toBeGreaterThan(0n);
  await expect.poll(() => baseUnits(aEvm, "native")).toBe(ethBefore - 100_000_000_000_000_000n - eth.fee);
  const incoming = bEvm.getByTestId("activity-item").filter({ hasText: eth.txHash });
  await expect(incoming).toContainText("Received 0.1 ETH", { timeout: 30_000 });
  await expect(incoming).toContainText(new RegExp(`From ${a.evm}`, "i"));

  // The token: its balance moves by the amount, ETH by the fee only.
  const ethBeforeToken = await baseUnits(aEvm, "native");
  const tokenBefore = await baseUnits(aEvm, token);
  const sent = await sendAndConfirm(aEvm, a.authenticator, { asset: token, to: b.evm, amount: "2.5", symbol: "SUSD" });
  await expect.poll(() => baseUnits(aEvm, token)).toBe(tokenBefore - 2_500_000n);
  expect(await baseUnits(aEvm, "native")).toBe(ethBeforeToken - sent.fee);

  // SOL to B's Solana address; a first passkey prompt is dismissed, which is said in words.
  await a.authenticator.setUserVerified(false);
  await fillSend(aSolana, { asset: "native", to: b.solana, amount: "0.5" });
  await aSolana.getByRole("button", { name: "Review" }).click();
  const review = aSolana.getByTestId("transfer-review");
  await review.getByRole("button", { name: "Send with passkey" }).click();
  await expect(review.getByRole("alert")).toHaveText(/^The request wasn't approved: the passkey prompt was closed/);
  await a.authenticator.setUserVerified(true);
  await review.getByRole("button", { name: "Change" }).click();
  const sol = await sendAndConfirm(aSolana, a.authenticator, {
    asset: "native",
    to: b.solana,
    amount: "0.5",
    symbol: "SOL",
  });

  // A's activity lists the three sends; B, after a reload, sees the three arrivals and the balances.
  await expect(aEvm.getByTestId("activity-item").filter({ hasText: "Sent" })).toHaveCount(2);
  await b.page.reload();
  await expect(bEvm.locator('[data-testid="balance"][data-asset="native"]')).toContainText("0.1 ETH");
  expect(await baseUnits(bEvm, token)).toBe(2_500_000n);
  expect(await baseUnits(bSolana, "native")).toBe(500_000_000n);
  await expect(bEvm.getByTestId("activity-item").filter({ hasText: sent.txHash })).toContainText("Received 2.5 SUSD");
  await expect(bSolana.getByTestId("activity-item").filter({ hasText: sol.txHash })).toContainText("Received 0.5 SOL");
});
