import QRCode from "qrcode";
import { verifyMessage, verifyTypedData, type Hex } from "viem";
import { expect, test, type Page } from "@playwright/test";
import { EVM_ADDRESS } from "./helpers/onboarding";
import { onWalletPage } from "./helpers/registered-user";
import {
  addWalletWith,
  signatureIn,
  signTypedExampleWith,
  signWith,
  typedDataForm,
  walletCard,
} from "./helpers/wallet";

// The wallet home of a registered user (made through the routes, its passkey on the page's
// virtual authenticator): receive (copy, QR, explorer), sign a message with the passkey and see
// the server's verification, add a wallet on another network and sign with it, sign typed data
// (EIP-712). One behaviour a test, each with a user of its own.
// The e2e server offers EthereumSepolia and SolanaDevnet at registration, BaseSepolia to add.

test("receive: copy the address, see its QR code and explorer links", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const { evmAddress, solanaAddress } = await onWalletPage(page, "wallet");
  expect(evmAddress).toMatch(EVM_ADDRESS);
  await expect(page.getByRole("heading", { level: 1, name: "Your wallets" })).toBeVisible();
  await expect(page.getByTestId("dfns-unreachable")).toHaveCount(0);

  // Receive: copy, QR code (made from this address, loaded under the CSP), explorer link.
  const evm = walletCard(page, "Ethereum Sepolia");
  await expect(evm.getByText("Active", { exact: true })).toBeVisible();
  await evm.getByRole("button", { name: "Copy address" }).click();
  await expect(evm.getByText("Address copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(evmAddress);

  const qr = evm.getByRole("img", { name: "QR code of your Ethereum Sepolia address" });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const src = (await qr.getAttribute("src")) ?? "";
  const svg = Buffer.from(src.replace(/^data:image\/svg\+xml;base64,/, ""), "base64").toString("utf8");
  expect(svg).toBe(await QRCode.toString(evmAddress!, { type: "svg", margin: 1, errorCorrectionLevel: "M" }));

  await expect(evm.getByRole("link", { name: /View on block explorer/ })).toHaveAttribute(
    "href",
    `https://sepolia.etherscan.io/address/${evmAddress}`,
  );
  await expect(walletCard(page, "Solana Devnet").getByRole("link", { name: /View on block explorer/ })).toHaveAttribute(
    "href",
    `https://explorer.solana.com/address/${solanaAddress}?cluster=devnet`,
  );
});

test("sign a message on each wallet with the passkey; the server verifies it and keeps it", async ({ page }) => {
  const { authenticator, evmAddress } = await onWalletPage(page, "wallet-sign");
  const evm = walletCard(page, "Ethereum Sepolia");

  // Sign: the passkey approves, the page shows the signature and the server's verdict.
  const latest = await signWith(evm, authenticator, "Grüße from the wallet home");
  await expect(latest.getByText("Verified", { exact: true })).toBeVisible();
  const signature = await signatureIn(latest);
  expect(await verifyMessage({ address: evmAddress as Hex, message: "Grüße from the wallet home", signature })).toBe(
    true,
  );
  const evmSignatures = evm.getByRole("list", { name: "Signatures of your Ethereum Sepolia wallet" });
  await expect(evmSignatures.getByRole("listitem")).toHaveCount(1);

  const solanaLatest = await signWith(walletCard(page, "Solana Devnet"), authenticator, "gm from Solana");
  await expect(solanaLatest.getByText("Verified", { exact: true })).toBeVisible();

  // Past signatures are still there after a reload.
  await page.reload();
  await expect(evmSignatures.getByRole("listitem")).toHaveCount(1);
  await expect(evmSignatures).toContainText("“Grüße from the wallet home”");
  await expect(evmSignatures).toContainText(signature);
  await expect(evmSignatures.getByText("Verified", { exact: true })).toBeVisible();
});

test("add a wallet on another network with the passkey, and sign with it", async ({ page }) => {
  const { authenticator, evmAddress } = await onWalletPage(page, "wallet-add");
  const evm = walletCard(page, "Ethereum Sepolia");
  await expect(evm.getByText("Active", { exact: true })).toBeVisible();

  // Add a wallet on the other offered network, approved with the passkey.
  const base = await addWalletWith(page, authenticator, "Base Sepolia");
  await expect(base).toBeVisible();
  await expect(page.getByTestId("wallet-address")).toHaveCount(3);
  const baseAddress = ((await base.getByTestId("wallet-address").textContent()) ?? "").trim();
  expect(baseAddress).toMatch(EVM_ADDRESS);
  expect(baseAddress).not.toBe(evmAddress);
  await expect(
    page.getByRole("region", { name: "Add a wallet" }).getByText("You have a wallet on every network this app offers."),
  ).toBeVisible();

  // …and sign with the new wallet.
  const baseLatest = await signWith(base, authenticator, "Signed on Base Sepolia");
  await expect(baseLatest.getByText("Verified", { exact: true })).toBeVisible();
  expect(
    await verifyMessage({
      address: baseAddress as Hex,
      message: "Signed on Base Sepolia",
      signature: await signatureIn(baseLatest),
    }),
  ).toBe(true);

  await evm.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "docs/wallet.png", fullPage: true });
});

/** The signing part of the Ethereum Sepolia card (the card also holds the send form, with its own alerts). */
function evmSigning(page: Page) {
  const evm = walletCard(page, "Ethereum Sepolia");
  const signing = evm.getByRole("region", { name: "Sign with your Ethereum Sepolia wallet" });
  return { evm, signing, alert: signing.getByRole("alert") };
}

/** Signs again after a failure: verified, the alert cleared, one signature listed. */
async function expectSigningAgainWorks(page: Page) {
  const { evm, alert } = evmSigning(page);
  await evm.getByRole("button", { name: "Sign with passkey" }).click();
  await expect(evm.getByTestId("latest-signature").getByText("Verified", { exact: true })).toBeVisible();
  await expect(alert).toBeEmpty();
  await expect(
    evm.getByRole("list", { name: "Signatures of your Ethereum Sepolia wallet" }).getByRole("listitem"),
  ).toHaveCount(1);
}

test("a dismissed passkey prompt is said in words, nothing is signed, and signing again works", async ({ page }) => {
  const { authenticator } = await onWalletPage(page, "wallet-cancel");
  const { evm, alert } = evmSigning(page);

  // The authenticator refuses user verification, as when the prompt is dismissed.
  await authenticator.setUserVerified(false);
  await evm.getByLabel(/Message to sign/).fill("not approved");
  await evm.getByRole("button", { name: "Sign with passkey" }).click();
  await expect(alert).toHaveText(
    /^The request wasn't approved: the passkey prompt was closed, timed out, or this device has no passkey/,
  );
  await expect(evm.getByText("No signatures yet.")).toBeVisible();

  await authenticator.setUserVerified(true);
  await expectSigningAgainWorks(page);
});

test("an expired passkey request is said in words, the message is kept, and signing again works", async ({ page }) => {
  await onWalletPage(page, "wallet-expired");
  const { evm, signing, alert } = evmSigning(page);

  // The server says the request expired (as it does after four minutes) once.
  await page.route("**/api/wallets/*/signatures/complete", (route) =>
    route.fulfill({
      status: 409,
      json: {
        error: {
          message: "The passkey request expired before it was approved. Start again.",
          code: "action_expired",
          status: 409,
        },
      },
    }),
  );
  await evm.getByLabel(/Message to sign/).fill("approved too late");
  await evm.getByRole("button", { name: "Sign with passkey" }).click();
  await expect(alert).toHaveText("The passkey request expired before it was approved. Start again.");
  await expect(signing.getByRole("textbox")).toHaveValue("approved too late"); // kept for the next attempt
  await page.unroute("**/api/wallets/*/signatures/complete");

  await expectSigningAgainWorks(page);
});

test("typed data (EIP-712), on EVM wallets only: broken JSON and a domain for another chain are said in words, with no request and no passkey prompt", async ({
  page,
}) => {
  const { authenticator } = await onWalletPage(page, "wallet-typed-mistakes");
  const evm = walletCard(page, "Ethereum Sepolia");
  await expect(walletCard(page, "Solana Devnet").getByText("Sign typed data (EIP-712)")).toHaveCount(0);
  const form = await typedDataForm(evm);

  const begun: string[] = [];
  page.on("request", (request) => request.url().includes("/signatures/typed-data") && begun.push(request.url()));
  const signCount = async () => (await authenticator.credentials()).map((c) => c.signCount);
  const before = await signCount();
  await form.getByRole("textbox").fill('{ "types": { "Mail": [ }');
  await form.getByRole("button", { name: "Sign typed data with passkey" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    /^This isn't valid JSON \(.+\)\. Check for a missing quote, comma or brace\.$/,
  );
  await form.getByRole("button", { name: "Mail (EIP-712's example)" }).click();
  const onMainnet = (await form.getByRole("textbox").inputValue()).replace('"chainId": 11155111', '"chainId": 1');
  await form.getByRole("textbox").fill(onMainnet);
  await form.getByRole("button", { name: "Sign typed data with passkey" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    /^domain\.chainId is 1, but this wallet is on Ethereum Sepolia \(chain id 11155111\)/,
  );
  expect(begun).toEqual([]);
  expect(await signCount()).toEqual(before);
});

test("typed data (EIP-712): the permit example is signed with the passkey, verified, and listed after a reload", async ({
  page,
}) => {
  const { authenticator, evmAddress } = await onWalletPage(page, "wallet-typed");
  const evm = walletCard(page, "Ethereum Sepolia");
  const form = await typedDataForm(evm);

  // The permit example for this wallet: approved with the passkey, verified by the server.
  const { latest, json } = await signTypedExampleWith(evm, authenticator, "ERC-2612 permit", "Permit (Example Token)");
  await expect(form.getByRole("alert")).toBeEmpty();
  await expect(latest.getByText("Verified", { exact: true })).toBeVisible();
  const typed = JSON.parse(json);
  expect(typed.message.owner).toBe(evmAddress);
  const signature = await signatureIn(latest);
  expect(await verifyTypedData({ ...typed, address: evmAddress as Hex, signature })).toBe(true);
  await evm.screenshot({ path: "docs/typed-data.png" });

  // Listed with the wallet's signatures, readable, its JSON one click away; still there after a reload.
  await page.reload();
  const listed = evm.getByRole("list", { name: "Signatures of your Ethereum Sepolia wallet" }).getByRole("listitem");
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText("Typed data: Permit (Example Token)");
  await expect(listed.getByText("Verified", { exact: true })).toBeVisible();
  await listed.getByText("Show the typed data").click();
  await expect(listed.locator("pre")).toContainText('"primaryType": "Permit"');
  await expect(listed).toContainText(signature);
});
