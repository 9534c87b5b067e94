import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";
import { test as base, expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { EVM_ADDRESS, SOLANA_ADDRESS } from "./helpers/onboarding";
import { onWalletPage } from "./helpers/registered-user";
import { baseUnits, creditFromFaucet, fillSend, getTestFunds, sendAndConfirm, tokenAsset } from "./helpers/value";
import type { VirtualAuthenticator } from "./helpers/virtual-authenticator";
import { walletCard } from "./helpers/wallet";

// Moving value on the sandbox's local chains, one behaviour a test: the "Get test funds" page
// credits the balances; ETH, the test token (SUSD) and SOL sent with the passkey are Confirmed
// with their hash, the sender pays exactly amount + fee and the receiver's page shows the arrival;
// mistakes are said in words before any passkey prompt, and so is a dismissed prompt. Each test
// makes its own users through the routes and, when it is not about the faucet page, takes its
// test funds from the faucet's endpoint. Amounts are compared in base units.

const ETH = 10n ** 18n;
const SUSD = 10n ** 6n;
const SOL = 10n ** 9n;

interface WalletUser {
  page: Page;
  authenticator: VirtualAuthenticator;
  evm: string;
  solana: string;
  evmCard: Locator;
  solanaCard: Locator;
}

type Credit = { network: "EthereumSepolia" | "SolanaDevnet"; asset: "native" | "token" };

const test = base.extend<{
  /** A registered user on its wallet page, in a browser context of its own; `funds` credited first. */
  walletUser: (label: string, funds?: Credit[]) => Promise<WalletUser>;
}>({
  walletUser: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (label, funds = []) => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      const { authenticator, evmAddress: evm, solanaAddress: solana } = await onWalletPage(page, label);
      expect(evm).toMatch(EVM_ADDRESS);
      expect(solana).toMatch(SOLANA_ADDRESS);
      for (const credit of funds)
        await creditFromFaucet(page.request, { ...credit, address: credit.network === "SolanaDevnet" ? solana : evm });
      if (funds.length) await page.reload();
      const evmCard = walletCard(page, "Ethereum Sepolia");
      const solanaCard = walletCard(page, "Solana Devnet");
      if (funds.some((f) => f.network === "EthereumSepolia"))
        await expect(evmCard.locator('[data-testid="balance"][data-asset="native"]')).toContainText("1 ETH");
      if (funds.some((f) => f.network === "SolanaDevnet"))
        await expect(solanaCard.locator('[data-testid="balance"][data-asset="native"]')).toContainText("1 SOL");
      return { page, authenticator, evm, solana, evmCard, solanaCard };
    });
    for (const context of contexts) await context.close();
  },
});

/** The sender's activity lists this one send. */
async function expectOneSend(card: Locator, txHash: string, text: string): Promise<void> {
  const sent = card.getByTestId("activity-item").filter({ hasText: "Sent" });
  await expect(sent).toHaveCount(1);
  await expect(sent).toContainText(text);
  await expect(sent).toContainText(txHash);
}

/** The receiver's page, reloaded: `units` of `asset` on `card`, and the transfer `txHash` listed as received. */
async function expectReceived(
  receiver: WalletUser,
  card: Locator,
  arrival: { asset: string; units: bigint; txHash: string; text: string },
): Promise<void> {
  await receiver.page.reload();
  await expect.poll(() => baseUnits(card, arrival.asset)).toBe(arrival.units);
  await expect(card.getByTestId("activity-item").filter({ hasText: arrival.txHash })).toContainText(arrival.text);
}

const ETH_FUNDS: Credit[] = [{ network: "EthereumSepolia", asset: "native" }];
const TOKEN_FUNDS: Credit[] = [...ETH_FUNDS, { network: "EthereumSepolia", asset: "token" }];
const SOL_FUNDS: Credit[] = [{ network: "SolanaDevnet", asset: "native" }];
/** A Solana address outside the app, for a test that needs no receiver's page. */
const OTHER_SOLANA_ADDRESS = "GmaDrppBC7P5ARKV8g3djiwP89vz1jLK23V2GBjuAEGB";

test("Get test funds: the link opens the sandbox's faucet for this address, and what it sends shows in the balances", async ({
  walletUser,
  baseURL,
}) => {
  const a = await walletUser("funds");
  await expect(a.evmCard.getByTestId("test-funds-link")).toHaveAttribute(
    "href",
    `${baseURL}/api/dfns-sandbox/sandbox/faucet?network=EthereumSepolia&address=${a.evm}`,
  );
  await expect(a.evmCard.locator('[data-testid="balance"][data-asset="native"]')).toContainText("0 ETH");

  await getTestFunds(a.page, a.evmCard, ["Get native coins", "Get test tokens (SUSD)"]);
  await getTestFunds(a.page, a.solanaCard, ["Get native coins"]);
  await a.page.reload();
  await expect(a.evmCard.locator('[data-testid="balance"][data-asset="native"]')).toContainText("1 ETH");
  expect(await baseUnits(a.evmCard, "native")).toBe(1n * ETH);
  expect(await baseUnits(a.evmCard, await tokenAsset(a.evmCard))).toBe(100n * SUSD);
  await expect(a.solanaCard.locator('[data-testid="balance"][data-asset="native"]')).toBeVisible();
  expect(await baseUnits(a.solanaCard, "native")).toBe(1n * SOL);
});

test("sending ETH: Confirmed with its hash, the sender pays exactly amount + fee, the receiver's open page shows it", async ({
  walletUser,
}) => {
  // B first: its page's activity poll (every 15 s) starts while A is made.
  const b = await walletUser("eth-receiver");
  const a = await walletUser("eth-sender", ETH_FUNDS);
  await expect(b.evmCard.getByText("No transfers yet.")).toBeVisible();

  const before = await baseUnits(a.evmCard, "native");
  const eth = await sendAndConfirm(a.evmCard, a.authenticator, {
    asset: "native",
    to: b.evm,
    amount: "0.1",
    symbol: "ETH",
  });
  expect(eth.txHash).toMatch(/^0x[0-9a-f]{64}$/);
  expect(eth.fee).toBeGreaterThan(0n);
  await expect.poll(() => baseUnits(a.evmCard, "native")).toBe(before - ETH / 10n - eth.fee);
  await expectOneSend(a.evmCard, eth.txHash, "Sent 0.1 ETH");

  // B's page, open all along, shows the arrival by itself (its light poll); after a reload, the balance.
  const incoming = b.evmCard.getByTestId("activity-item").filter({ hasText: eth.txHash });
  await expect(incoming).toContainText("Received 0.1 ETH", { timeout: 30_000 });
  await expect(incoming).toContainText(new RegExp(`From ${a.evm}`, "i"));
  await expectReceived(b, b.evmCard, {
    asset: "native",
    units: ETH / 10n,
    txHash: eth.txHash,
    text: "Received 0.1 ETH",
  });
  await expect(b.evmCard.locator('[data-testid="balance"][data-asset="native"]')).toContainText("0.1 ETH");
});

test("sending the test token (SUSD): its balance moves by the amount, ETH by the fee only; the receiver gets it", async ({
  walletUser,
}) => {
  const a = await walletUser("token-sender", TOKEN_FUNDS);
  const b = await walletUser("token-receiver");
  const token = await tokenAsset(a.evmCard);

  const ethBefore = await baseUnits(a.evmCard, "native");
  const tokenBefore = await baseUnits(a.evmCard, token);
  const sent = await sendAndConfirm(a.evmCard, a.authenticator, {
    asset: token,
    to: b.evm,
    amount: "2.5",
    symbol: "SUSD",
  });
  await expect.poll(() => baseUnits(a.evmCard, token)).toBe(tokenBefore - (5n * SUSD) / 2n);
  expect(await baseUnits(a.evmCard, "native")).toBe(ethBefore - sent.fee);
  await expectOneSend(a.evmCard, sent.txHash, "Sent 2.5 SUSD");
  await expectReceived(b, b.evmCard, {
    asset: token,
    units: (5n * SUSD) / 2n,
    txHash: sent.txHash,
    text: "Received 2.5 SUSD",
  });
});

test("sending SOL: Confirmed with its signature, the sender pays amount + fee, the receiver gets it", async ({
  walletUser,
}) => {
  const a = await walletUser("sol-sender", SOL_FUNDS);
  const b = await walletUser("sol-receiver");

  const before = await baseUnits(a.solanaCard, "native");
  const sol = await sendAndConfirm(a.solanaCard, a.authenticator, {
    asset: "native",
    to: b.solana,
    amount: "0.5",
    symbol: "SOL",
  });
  await expect.poll(() => baseUnits(a.solanaCard, "native")).toBe(before - SOL / 2n - sol.fee);
  await expectOneSend(a.solanaCard, sol.txHash, "Sent 0.5 SOL");
  await expectReceived(b, b.solanaCard, {
    asset: "native",
    units: SOL / 2n,
    txHash: sol.txHash,
    text: "Received 0.5 SOL",
  });
});

test("mistakes in the send form (more than the balance, a bad address, too many decimals) are said in words before any passkey prompt", async ({
  walletUser,
}) => {
  const a = await walletUser("send-mistakes", ETH_FUNDS);
  const to = privateKeyToAddress(generatePrivateKey());
  const begun: string[] = [];
  a.page.on(
    "request",
    (request) => request.method() === "POST" && request.url().includes("/transfers") && begun.push(request.url()),
  );
  const signCounts = async () => (await a.authenticator.credentials()).map((c) => c.signCount);
  const signCountsBefore = await signCounts();
  const error = a.evmCard.getByTestId("send-field-error");

  await fillSend(a.evmCard, { asset: "native", to, amount: "5" });
  await a.evmCard.getByRole("button", { name: "Review" }).click();
  await expect(error).toHaveText(/^That is more than your balance of 1 ETH\./);
  await fillSend(a.evmCard, { asset: "native", to: to.slice(0, -1), amount: "0.1" });
  await a.evmCard.getByRole("button", { name: "Review" }).click();
  await expect(error).toHaveText(/^This is not a Ethereum Sepolia address/);
  await fillSend(a.evmCard, { asset: "native", to, amount: "0.1234567890123456789" });
  await a.evmCard.getByRole("button", { name: "Review" }).click();
  await expect(error).toHaveText("ETH has 18 decimals at most: shorten the amount after the dot.");

  await expect(a.evmCard.getByTestId("transfer-review")).toHaveCount(0);
  expect(begun).toEqual([]);
  expect(await signCounts()).toEqual(signCountsBefore);
});

test("a dismissed passkey prompt on a send is said in words and moves nothing; approved, the same transfer goes through", async ({
  walletUser,
}) => {
  const a = await walletUser("send-dismissed", SOL_FUNDS);
  const transfer = { asset: "native", to: OTHER_SOLANA_ADDRESS, amount: "0.5", symbol: "SOL" };
  const before = await baseUnits(a.solanaCard, "native");

  await a.authenticator.setUserVerified(false);
  await fillSend(a.solanaCard, transfer);
  await a.solanaCard.getByRole("button", { name: "Review" }).click();
  const review = a.solanaCard.getByTestId("transfer-review");
  await review.getByRole("button", { name: "Send with passkey" }).click();
  await expect(review.getByRole("alert")).toHaveText(/^The request wasn't approved: the passkey prompt was closed/);
  await review.getByRole("button", { name: "Change" }).click();
  await expect(a.solanaCard.getByRole("button", { name: "Review" })).toBeVisible();

  // Nothing moved: after a reload the activity holds the faucet's airdrop only, the balance is the same.
  await a.page.reload();
  await expect(a.solanaCard.getByTestId("activity-item")).toHaveCount(1);
  await expect(a.solanaCard.getByTestId("activity-item")).toContainText("Received 1 SOL");
  await expect.poll(() => baseUnits(a.solanaCard, "native")).toBe(before);

  await a.authenticator.setUserVerified(true);
  const sol = await sendAndConfirm(a.solanaCard, a.authenticator, transfer);
  await expect.poll(() => baseUnits(a.solanaCard, "native")).toBe(before - SOL / 2n - sol.fee);
});
