import { expect, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery staple";

/** An email no other test (or earlier run on the same database) uses. */
export const uniqueEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** Signs up through the form, which signs the new user in and opens their (empty) wallet page. */
export async function signUp(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  // The first sign-up of a run also opens and migrates the server's database: 8-15 s on a busy machine.
  await expect(page).toHaveURL(/\/wallet$/, { timeout: 30_000 });
  await expect(page.getByTestId("signed-in-email")).toHaveText(`Signed in as ${email}`);
}

/** Signs in through the form on the current page (which must be the sign-in page). */
export async function fillSignIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await fillSignIn(page, email, password);
  await expect(page.getByTestId("signed-in-email")).toHaveText(`Signed in as ${email}`);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("signed-in-email")).toHaveCount(0);
}
