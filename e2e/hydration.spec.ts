import { expect, test, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers/accounts";
import { onboard } from "./helpers/onboarding";
import { VirtualAuthenticator } from "./helpers/virtual-authenticator";
import { signWith, walletCard } from "./helpers/wallet";

test.use({ timezoneId: "Pacific/Kiritimati", locale: "de-DE" }); // UTC+14: another day than UTC for 14 hours of it

// Server and browser render the same HTML on every page of the main walk: React reports a
// hydration mismatch in the console ("Hydration failed…", or error #418/#423/#425 in a production
// build). With E2E_DEV=1 this runs against `next dev`, whose overlay showed one such issue once.
// The browser runs in another time zone and locale than the server (UTC here), so a date or a
// number formatted by the environment shows up; the walk includes pages with dates on them.

const HYDRATION = /hydrat|did not match|Minified React error #(418|423|425)/i;

function hydrationErrors(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if ((message.type() === "error" || message.type() === "warning") && HYDRATION.test(message.text()))
      seen.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (HYDRATION.test(error.message)) seen.push(error.message);
  });
  return seen;
}

/** Loads `path` fresh (server-rendered, then hydrated) and waits until the page is interactive. */
async function visit(page: Page, path: string, heading: RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

test("no hydration mismatch on the pages of the main walk", async ({ page }) => {
  test.setTimeout(process.env.E2E_DEV ? 300_000 : 60_000); // next dev compiles each page on its first visit
  const errors = hydrationErrors(page);
  const authenticator = await VirtualAuthenticator.attach(page);

  await visit(page, "/", /./);
  await visit(page, "/sign-in", /Sign in/);
  await visit(page, "/sign-up", /Create your account|Sign up/);
  await signUp(page, uniqueEmail("hydration"));
  await visit(page, "/onboarding", /Set up your wallet/);
  await visit(page, "/wallet", /Your wallet/);
  await onboard(page, authenticator);
  await signWith(walletCard(page, "Ethereum Sepolia"), authenticator, "hydrate me");
  await visit(page, "/wallet", /Your wallets/); // with the signature's date
  await expect(page.getByText(/UTC$/).first()).toBeVisible();
  await visit(page, "/credentials", /Passkeys and recovery/);
  await visit(page, "/recovery", /Recover your wallet/);
  await visit(page, "/no-such-page", /Page not found/);

  expect(errors).toEqual([]);
});
