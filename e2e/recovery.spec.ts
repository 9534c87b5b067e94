import { verifyMessage, type Hex } from "viem";
import { expect, test, type Page, type Request } from "@playwright/test";
import { addPasskeyOnSameAuthenticator, credentialStates } from "./helpers/credentials";
import { walletAddresses } from "./helpers/onboarding";
import { enterRecoveryCode, recover } from "./helpers/recovery";
import { registeredUser } from "./helpers/registered-user";
import { VirtualAuthenticator, type VirtualCredential } from "./helpers/virtual-authenticator";
import { signatureIn, signWith, walletCard } from "./helpers/wallet";

/** A user registered through the routes, its passkey on `authenticator`, on its wallet page; the recovery code and the wallet addresses. */
async function newRegisteredUser(page: Page, authenticator: VirtualAuthenticator, label: string) {
  const { email, recoveryCode } = await registeredUser(page, authenticator, label);
  await page.goto("/wallet");
  return { email, code: recoveryCode, addresses: await walletAddresses(page) };
}

/**
 * Asks the app to sign `message` with the user's first wallet and approves it with exactly
 * `credential`, bypassing the page's own choice of passkeys: what an old passkey would send.
 */
function signWithCredential(page: Page, credential: VirtualCredential, message: string) {
  return page.evaluate(
    async ({ credentialId, message }) => {
      const post = (path: string, body: unknown) =>
        fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const toB64url = (bytes: ArrayBuffer) =>
        btoa(String.fromCharCode(...new Uint8Array(bytes)))
          .replace(/\+/g, "-")
          .replace(/\//g, "_")
          .replace(/=+$/, "");
      const fromB64 = (text: string) =>
        Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

      const { wallets } = (await (await fetch("/api/wallets")).json()) as { wallets: { id: string }[] };
      const walletId = wallets[0]!.id;
      const { action } = await (await post(`/api/wallets/${walletId}/signatures`, { message })).json();
      const assertion = (await navigator.credentials.get({
        publicKey: {
          challenge: new TextEncoder().encode(action.challenge),
          rpId: action.rpId,
          allowCredentials: [{ type: "public-key", id: fromB64(credentialId) }],
          userVerification: "required",
        },
      })) as PublicKeyCredential;
      const response = assertion.response as AuthenticatorAssertionResponse;
      const completed = await post(`/api/wallets/${walletId}/signatures/complete`, {
        actionId: action.id,
        assertion: {
          credId: toB64url(assertion.rawId),
          clientData: toB64url(response.clientDataJSON),
          authenticatorData: toB64url(response.authenticatorData),
          signature: toB64url(response.signature),
        },
      });
      return { status: completed.status, body: await completed.json() };
    },
    { credentialId: credential.credentialId, message },
  );
}

/** Everything the page sends, to check that recovery codes never leave the browser. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  return requests;
}

function expectNotSent(requests: Request[], secrets: string[]) {
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) {
    for (const secret of secrets) {
      expect(request.url()).not.toContain(secret);
      expect(request.postData() ?? "").not.toContain(secret);
    }
  }
}

test("a lost passkey: recover with the code on a new device, the new passkey signs, the old one is refused, the new code recovers again", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const requests = recordRequests(page);

  // Device A: registered, the user noted the recovery code. Then A is lost (its passkey kept aside).
  const deviceA = await VirtualAuthenticator.attach(page);
  const { code, addresses } = await newRegisteredUser(page, deviceA, "recover");
  const [lostPasskey] = await deviceA.credentials();
  await deviceA.remove();

  // Device B: from the credentials page to recovery, with the code.
  const deviceB = await VirtualAuthenticator.attach(page);
  await page.getByRole("link", { name: "Passkeys" }).click();
  await page.getByRole("link", { name: "recover your wallet with your recovery code" }).click();
  await expect(page).toHaveURL(/\/recovery$/);
  const newCode = await recover(page, deviceB, code);
  await page.screenshot({ path: "docs/recovery.png", fullPage: true });
  const [passkeyB] = await deviceB.credentials();
  expect(passkeyB!.credentialId).not.toBe(lostPasskey!.credentialId);

  // The same wallets, and B signs with them; the old credentials are inactive, the new ones active.
  await page.getByRole("link", { name: "Go to your wallet" }).click();
  expect(await walletAddresses(page)).toEqual(addresses);
  const latest = await signWith(walletCard(page, "Ethereum Sepolia"), deviceB, "Signed on device B after recovery");
  await expect(latest.getByText("Verified", { exact: true })).toBeVisible();
  const signature = await signatureIn(latest);
  expect(
    await verifyMessage({ address: addresses[0] as Hex, message: "Signed on device B after recovery", signature }),
  ).toBe(true);
  await page.goto("/credentials");
  expect(await credentialStates(page, "Your passkeys")).toEqual(["Passkey: Active", "Passkey: Inactive"]);
  expect(await credentialStates(page, "Your recovery keys")).toEqual([
    "Recovery key: Active",
    "Recovery key: Inactive",
  ]);

  // The lost passkey turns up again (here, beside B's) and approves a signature: refused, nothing signed.
  await deviceB.addCredential({ ...lostPasskey!, isResidentCredential: false });
  const refused = await signWithCredential(page, lostPasskey!, "Signed with the lost passkey");
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toMatch(/^This passkey can't approve requests for your wallet/);
  await page.goto("/wallet");
  await expect(page.getByText("Signed on device B after recovery").first()).toBeVisible();
  await expect(page.getByText("Signed with the lost passkey")).toHaveCount(0);

  // Device C, later: the first code no longer opens anything (caught here, nothing sent); the new one recovers.
  await deviceB.remove();
  const deviceC = await VirtualAuthenticator.attach(page);
  await page.goto("/recovery");
  const completes = requests.filter((r) => r.url().endsWith("/api/recovery/complete")).length;
  await enterRecoveryCode(page, code);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    /^This recovery code doesn't match your account\. Nothing was sent\./,
  );
  const thirdCode = await recover(page, deviceC, newCode);
  expect(thirdCode).not.toBe(code);
  expect(requests.filter((r) => r.url().endsWith("/api/recovery/complete")).length).toBe(completes + 1);
  await page.goto("/credentials");
  expect(await credentialStates(page, "Your passkeys")).toEqual([
    "Passkey: Active",
    "Passkey: Inactive",
    "Passkey: Inactive",
  ]);
  await page.goto("/wallet");
  await signWith(walletCard(page, "Ethereum Sepolia"), deviceC, "Signed on device C");

  // No recovery code ever left the browser.
  expectNotSent(requests, [code, newCode, thirdCode]);
});

test("a wrong or mistyped recovery code is caught in the browser, and nothing is sent", async ({ page }) => {
  const authenticator = await VirtualAuthenticator.attach(page);
  const { code } = await newRegisteredUser(page, authenticator, "wrong-code");
  await page.goto("/recovery");
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/recovery/complete")) sent.push(request.url());
  });
  const alert = page.getByRole("main").getByRole("alert");

  await enterRecoveryCode(page, "D1-OOPS");
  await expect(alert).toHaveText(/^A recovery code never contains "O" .+ Check what you typed\.$/);

  // A well-formed code of another account: a letter changed.
  const other = code.slice(0, -1) + (code.endsWith("A") ? "B" : "A");
  await enterRecoveryCode(page, other);
  await expect(alert).toHaveText(/^This recovery code doesn't match your account\. Nothing was sent\./);
  await expect(page.getByRole("heading", { name: "Enter your recovery code" })).toBeVisible();
  expect(sent).toEqual([]);

  // The right code, typed loosely, goes on to the new passkey.
  await enterRecoveryCode(page, code.toLowerCase().replace(/-/g, " "));
  await expect(page.getByRole("heading", { name: "Create your new passkey" })).toBeFocused();
  await expect(alert).toBeEmpty();
});

test("add a second passkey, deactivate the first; the last one cannot be deactivated", async ({ page }) => {
  const authenticator = await VirtualAuthenticator.attach(page);
  await newRegisteredUser(page, authenticator, "passkeys");
  await page.goto("/credentials");
  expect(await credentialStates(page, "Your passkeys")).toEqual(["Passkey: Active"]);
  await expect(page.getByText("Your only active passkey: add another before deactivating it.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Deactivate/ })).toHaveCount(0);

  await addPasskeyOnSameAuthenticator(page, authenticator, "Backup key");
  expect(await credentialStates(page, "Your passkeys")).toEqual(["Passkey: Active", "Backup key: Active"]);

  // Deactivate the first: asked to confirm, then approved with a passkey.
  await page.getByRole("button", { name: "Deactivate Passkey" }).click();
  await page.getByRole("button", { name: "Yes, deactivate “Passkey”" }).click();
  await expect(page.getByTestId("credentials-status")).toHaveText(
    "Passkey “Passkey” deactivated. It can no longer approve anything for your wallet.",
  );
  expect(await credentialStates(page, "Your passkeys")).toEqual(["Backup key: Active", "Passkey: Inactive"]);
  await expect(page.getByText("Your only active passkey: add another before deactivating it.")).toBeVisible();
  await page.screenshot({ path: "docs/credentials.png", fullPage: true });

  // The page shows what Dfns says, after a reload too; the authenticator still holds both passkeys.
  expect(await authenticator.credentials()).toHaveLength(2);
  await page.reload();
  expect(await credentialStates(page, "Your passkeys")).toEqual(["Backup key: Active", "Passkey: Inactive"]);
});
