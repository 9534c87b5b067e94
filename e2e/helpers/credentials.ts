import { expect, type Page } from "@playwright/test";
import type { VirtualAuthenticator } from "./virtual-authenticator";

/** The credentials page's rows of one list ("Your passkeys" or "Your recovery keys"), as "name: Active|Inactive". */
export async function credentialStates(page: Page, list: "Your passkeys" | "Your recovery keys"): Promise<string[]> {
  const items = page.getByRole("list", { name: list }).getByRole("listitem");
  await expect(items.first()).toBeVisible();
  return (await items.allInnerTexts()).map((text) => {
    const [first] = text.split("\n");
    return first!.replace(/\s+(Active|Inactive)$/, ": $1").trim();
  });
}

/**
 * Adds a passkey named `name` on the same authenticator that holds the current one, which then
 * approves it. WebAuthn refuses to create a passkey on an authenticator that already holds one of
 * the account's (excludeCredentials), so the current one steps out while the new one is made and
 * comes back before the approval is asked for (the route that begins it waits for that). It comes
 * back as a non-discoverable credential: an authenticator keeps one discoverable passkey per
 * account, and the approval names the allowed credentials anyway.
 */
export async function addPasskeyOnSameAuthenticator(page: Page, authenticator: VirtualAuthenticator, name: string) {
  const current = await authenticator.credentials();
  for (const credential of current) await authenticator.removeCredential(credential.credentialId);
  await page.route("**/api/credentials/add", async (route) => {
    for (const credential of current) await authenticator.addCredential({ ...credential, isResidentCredential: false });
    await route.continue();
  });
  try {
    const added = authenticator.nextCredentialAdded();
    await page.getByLabel("Name of the new passkey").fill(name);
    await page.getByRole("button", { name: "Add passkey" }).click();
    const created = await added;
    await expect(page.getByTestId("credentials-status")).toHaveText(
      `Passkey “${name}” added. You can now use it to approve requests for your wallet.`,
    );
    return created;
  } finally {
    await page.unroute("**/api/credentials/add");
  }
}
