import { readFile } from "node:fs/promises";
import { expect, test, type Page, type Request } from "@playwright/test";
import { fillSignIn, signIn, signOut, signUp, uniqueEmail } from "./helpers/accounts";
import {
  confirmAndCreateWallets,
  createPasskey,
  currentStep,
  EVM_ADDRESS,
  onboard,
  SOLANA_ADDRESS,
  walletAddresses,
} from "./helpers/onboarding";
import { VirtualAuthenticator } from "./helpers/virtual-authenticator";

/** Everything the page sends, to check what never leaves the browser. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  return requests;
}

test("sign up, create a passkey and a recovery code, get wallets that stay after signing in again", async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const authenticator = await VirtualAuthenticator.attach(page);
  const requests = recordRequests(page);
  const email = uniqueEmail("onboard");
  await signUp(page, email);

  // The empty wallet page leads to onboarding, which starts at step 1.
  await expect(page.getByRole("heading", { name: "No wallet yet" })).toBeVisible();
  await page.getByRole("link", { name: "Set up your wallet" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { level: 1, name: "Set up your wallet" })).toBeVisible();
  await expect(currentStep(page)).toContainText("Create your passkey");

  // Step 1 → 2: one passkey on the authenticator, for this app's RP.
  const recoveryCode = await createPasskey(page, authenticator);
  await expect(currentStep(page)).toContainText("Save your recovery code");
  const [credential] = await authenticator.credentials();
  expect(credential?.rpId).toBe("localhost");

  // The code can be copied and downloaded; wallets wait for the confirmation.
  await expect(page.getByRole("button", { name: "Create my wallets" })).toBeDisabled();
  await page.getByRole("button", { name: "Copy code" }).click();
  await expect(page.getByText("Recovery code copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(recoveryCode);

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download as .txt" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-recovery-code\.txt$/);
  const file = await readFile((await download.path())!, "utf8");
  expect(file).toContain(`Recovery code: ${recoveryCode}`);
  expect(file).toContain(`Account:       ${email}`);

  await page.getByLabel("I have saved my recovery code").check();
  await expect(page.getByRole("button", { name: "Create my wallets" })).toBeEnabled();
  await page.screenshot({ path: "docs/onboarding.png", fullPage: true });

  // Step 3: the wallets are created, shown, then the wallet page lists them.
  await page.getByRole("button", { name: "Create my wallets" }).click();
  await expect(page.getByRole("heading", { name: "Your wallets are ready" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Your new wallets" }).getByRole("listitem")).toHaveCount(2);
  await expect(page).toHaveURL(/\/wallet$/);
  const addresses = await walletAddresses(page);
  expect(addresses).toHaveLength(2);
  expect(addresses.some((a) => EVM_ADDRESS.test(a))).toBe(true);
  expect(addresses.some((a) => SOLANA_ADDRESS.test(a) && !a.startsWith("0x"))).toBe(true);

  // The recovery code never left the browser, nor stayed in its storage.
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) {
    expect(request.url()).not.toContain(recoveryCode);
    expect(request.postData() ?? "").not.toContain(recoveryCode);
  }
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(recoveryCode);

  // Onboarding is over for this user.
  await page.goto("/onboarding");
  await expect(page).toHaveURL(/\/wallet$/);

  // Signed out and in again: the same wallets.
  await signOut(page);
  await signIn(page, email);
  await page.goto("/wallet");
  expect(await walletAddresses(page)).toEqual(addresses);
});

test("a second user gets wallets of their own", async ({ browser }) => {
  const walletsOf = async (label: string) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const authenticator = await VirtualAuthenticator.attach(page);
      await signUp(page, uniqueEmail(label));
      return await onboard(page, authenticator);
    } finally {
      await context.close();
    }
  };
  const first = await walletsOf("first");
  const second = await walletsOf("second");
  expect(first).toHaveLength(2);
  expect(second).toHaveLength(2);
  for (const address of second) expect(first).not.toContain(address);
});

test("a cancelled passkey prompt says so in words, and trying again works", async ({ page }) => {
  const authenticator = await VirtualAuthenticator.attach(page);
  await signUp(page, uniqueEmail("cancel"));
  await page.goto("/onboarding");

  // The authenticator refuses user verification, as when the prompt is dismissed.
  await authenticator.setUserVerified(false);
  await page.getByRole("button", { name: "Create my passkey" }).click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toHaveText(
    /The passkey wasn't created: the prompt was closed, timed out or was refused\. Try again/,
  );
  await expect(alert).not.toContainText("NotAllowedError");
  expect(await authenticator.credentials()).toHaveLength(0);
  await expect(currentStep(page)).toContainText("Create your passkey");

  // Trying again (now verifying) goes on to the recovery code, and the error is gone.
  await authenticator.setUserVerified(true);
  const added = authenticator.nextCredentialAdded();
  await page.getByRole("button", { name: "Try again" }).click();
  await added;
  await expect(page.getByRole("heading", { name: "Save your recovery code" })).toBeFocused();
  await expect(alert).toBeEmpty();
  await confirmAndCreateWallets(page);
  expect(await walletAddresses(page)).toHaveLength(2);
});

test("an expired registration starts over with a new passkey and a new recovery code", async ({ page }) => {
  const authenticator = await VirtualAuthenticator.attach(page);
  await signUp(page, uniqueEmail("expired"));
  await page.goto("/onboarding");
  const firstCode = await createPasskey(page, authenticator);

  // The server says the registration expired (as it does after its lifetime) once.
  let starts = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/registration/start")) starts++;
  });
  await page.route("**/api/registration/complete", (route) =>
    route.fulfill({
      status: 409,
      json: {
        error: {
          message: "Your registration session has expired or was not started. Start again to create a new passkey.",
          code: "registration_expired",
          status: 409,
        },
      },
    }),
  );
  await page.getByLabel("I have saved my recovery code").check();
  await page.getByRole("button", { name: "Create my wallets" }).click();

  await expect(page.getByTestId("onboarding-notice")).toContainText("the one shown before won't work");
  await expect(currentStep(page)).toContainText("Create your passkey");
  await expect(page.getByRole("heading", { name: "Create your passkey" })).toBeFocused();
  await expect(page.getByTestId("recovery-code")).toHaveCount(0);
  expect(starts).toBe(1); // a new start call, the challenge ready before the click

  await page.unroute("**/api/registration/complete");
  const secondCode = await createPasskey(page, authenticator);
  expect(secondCode).not.toBe(firstCode);
  await confirmAndCreateWallets(page);
  expect(await walletAddresses(page)).toHaveLength(2);
});

test("a Dfns failure while creating the wallets is shown in words and can be retried", async ({ page }) => {
  const authenticator = await VirtualAuthenticator.attach(page);
  await signUp(page, uniqueEmail("retry"));
  await page.goto("/onboarding");
  await createPasskey(page, authenticator);

  await page.route("**/api/registration/complete", (route) =>
    route.fulfill({
      status: 502,
      json: { error: { message: "Dfns could not complete the registration: Service unavailable (HTTP 503)" } },
    }),
  );
  await page.getByLabel("I have saved my recovery code").check();
  await page.getByRole("button", { name: "Create my wallets" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Dfns could not complete the registration: Service unavailable (HTTP 503)",
  );
  await expect(currentStep(page)).toContainText("Create your wallets");

  await page.unroute("**/api/registration/complete");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Your wallets are ready" })).toBeVisible();
  await expect(page).toHaveURL(/\/wallet$/);
  expect(await walletAddresses(page)).toHaveLength(2);
});

test("a signed-out visit to /onboarding goes to sign-in and comes back", async ({ page, baseURL }) => {
  const email = uniqueEmail("later");
  const response = await page.request.post("/api/auth/sign-up", {
    headers: { origin: baseURL! },
    data: { email, password: "correct horse battery staple" },
  });
  expect(response.status()).toBe(201);

  await page.goto("/onboarding");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fonboarding$/);
  await fillSignIn(page, email);
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("button", { name: "Create my passkey" })).toBeEnabled();
});
