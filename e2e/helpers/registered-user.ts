import { expect, type Page } from "@playwright/test";
import { registrationCredentials, type StartedRegistration } from "@/lib/testing/registration-credentials";
import { PASSWORD, uniqueEmail } from "./accounts";
import { VirtualAuthenticator } from "./virtual-authenticator";

// For tests that are not about sign-up or onboarding: a user made through the app's routes, with
// no UI. Sign-up route, NextAuth's credentials callback (the session cookie lands in the page's
// browser context), then registration through the routes with a passkey made in Node, whose
// private key is put on the page's virtual authenticator: the browser then approves with it.

export interface RegisteredUser {
  email: string;
  /** The recovery code of the user's recovery key. */
  recoveryCode: string;
  /** The wallets made at registration, in the order the server lists them. */
  wallets: { id: string; network: string; address?: string }[];
}

/** The app under test (playwright.config.ts sets it for the runner and its workers). */
const appOrigin = () => process.env.E2E_ORIGIN!;

/** Signs a new user up and in through the routes; the page's context holds the session cookie. */
export async function signedInUser(page: Page, label: string): Promise<string> {
  const email = uniqueEmail(label);
  const origin = appOrigin();
  const signUp = await page.request.post("/api/auth/sign-up", {
    headers: { origin },
    data: { email, password: PASSWORD },
    // The first request of a run also opens and migrates the server's database.
    timeout: 90_000,
  });
  expect(signUp.status(), await signUp.text()).toBe(201);

  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await page.request.post("/api/auth/callback/credentials", {
    headers: { origin },
    form: { email, password: PASSWORD, csrfToken, callbackUrl: `${origin}/wallet`, json: "true" },
    maxRedirects: 0,
  });
  expect(signIn.status(), await signIn.text()).toBeLessThan(400);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(email);
  return email;
}

/**
 * A signed-in user with a Dfns user and wallets, registered through the routes; its passkey is on
 * `authenticator`, so the page approves requests with it as with one made in the browser.
 */
export async function registeredUser(
  page: Page,
  authenticator: VirtualAuthenticator,
  label: string,
): Promise<RegisteredUser> {
  const email = await signedInUser(page, label);
  const origin = appOrigin();
  const start = await page.request.post("/api/registration/start", { headers: { origin }, data: {} });
  expect(start.status(), await start.text()).toBe(200);
  const started = (await start.json()) as StartedRegistration;
  const { passkey, recoveryCode, body } = await registrationCredentials(started, origin);
  const complete = await page.request.post("/api/registration/complete", { headers: { origin }, data: body });
  expect(complete.status(), await complete.text()).toBe(200);
  const { wallets } = (await complete.json()) as { wallets: RegisteredUser["wallets"] };

  await authenticator.addCredential({
    credentialId: Buffer.from(passkey.credId, "base64url").toString("base64"),
    isResidentCredential: true,
    rpId: started.challenge.rp.id,
    userHandle: Buffer.from(started.challenge.user.id, "utf8").toString("base64"),
    privateKey: passkey.privateKeyPkcs8(),
    signCount: passkey.signCount,
  });
  return { email, recoveryCode, wallets };
}

/** A registered user's wallet page, with its passkey on a virtual authenticator of `page`. */
export async function onWalletPage(page: Page, label: string) {
  const authenticator = await VirtualAuthenticator.attach(page);
  const user = await registeredUser(page, authenticator, label);
  await page.goto("/wallet");
  const addressOn = (network: string) => user.wallets.find((w) => w.network === network)?.address ?? "";
  return { authenticator, user, evmAddress: addressOn("EthereumSepolia"), solanaAddress: addressOn("SolanaDevnet") };
}
