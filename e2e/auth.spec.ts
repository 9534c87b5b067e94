import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const PASSWORD = "correct horse battery staple";

const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** Creates an account through the API, as the sign-up form does, without the UI. */
async function createAccount(page: Page, email: string, baseURL: string): Promise<void> {
  const response = await page.request.post("/api/auth/sign-up", {
    headers: { origin: baseURL },
    data: { email, password: PASSWORD },
  });
  expect(response.status()).toBe(201);
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("the landing page explains the flow, under the sandbox banner", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("complementary", { name: "Sandbox mode" })).toContainText("not MPC and not custody");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const steps = page.getByRole("list").filter({ hasText: "Sign in" });
  await expect(steps.getByRole("heading")).toHaveText([
    /Sign in/,
    /Create a passkey and a recovery key/,
    /Use your wallets/,
  ]);
  await expect(page.getByRole("main").getByRole("link", { name: "Create your account" })).toBeVisible();
  // The picture in the README.
  await page.screenshot({ path: "docs/screenshot.png", fullPage: true });
});

test("sign up, see the signed-in header, sign out, sign in again", async ({ page }) => {
  const email = uniqueEmail("ada");

  await page.goto("/");
  await page.getByRole("main").getByRole("link", { name: "Create your account" }).click();
  await expect(page).toHaveURL(/\/sign-up/);
  await page.getByLabel("Name (optional)").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  // Signed in and on the (empty) wallet page.
  await expect(page).toHaveURL(/\/wallet$/);
  await expect(page.getByTestId("signed-in-email")).toHaveText(`Signed in as ${email}`);
  await expect(page.getByRole("heading", { name: "No wallet yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Set up your wallet" })).toHaveAttribute("href", "/onboarding");

  // Sign out: back to the public header.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("signed-in-email")).toHaveCount(0);

  // And in again, with the same email typed in another case.
  await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
  await signIn(page, email.toUpperCase(), PASSWORD);
  await expect(page).toHaveURL(/\/wallet$/);
  await expect(page.getByTestId("signed-in-email")).toHaveText(`Signed in as ${email}`);
});

test("a wrong password shows a clear message and keeps the user signed out", async ({ page, baseURL }) => {
  const email = uniqueEmail("grace");
  await createAccount(page, email, baseURL!);

  await page.goto("/sign-in");
  await signIn(page, email, "not the right password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/email and password don't match an account/);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByTestId("signed-in-email")).toHaveCount(0);

  // The right one still works after a failure.
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-email")).toHaveText(`Signed in as ${email}`);
});

test("after 10 wrong passwords the sign-in page says to wait, even for the right one", async ({ page, baseURL }) => {
  const email = uniqueEmail("mallory");
  await createAccount(page, email, baseURL!);
  // Nine failures through NextAuth's API as the form sends them, the tenth through the form.
  for (let i = 0; i < 9; i++) {
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await page.request.post("/api/auth/callback/credentials", {
      form: { email, password: "not the right password", csrfToken, json: "true" },
    });
    expect(((await response.json()) as { url: string }).url).toContain("error=CredentialsSignin");
  }
  await page.goto("/sign-in");
  await signIn(page, email, "not the right password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/email and password don't match an account/);

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    /Too many failed sign-in attempts.+wait about 15 minutes, then try again\./,
  );
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByTestId("signed-in-email")).toHaveCount(0);
});

test("signing up with a taken email says so", async ({ page, baseURL }) => {
  const email = uniqueEmail("taken");
  await createAccount(page, email, baseURL!);

  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/already exists/);
});

test("a signed-out visit to /wallet goes to sign-in, and back to /wallet after", async ({ page, baseURL }) => {
  await page.goto("/wallet");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fwallet$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  const email = uniqueEmail("katherine");
  await createAccount(page, email, baseURL!);
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/wallet$/);
  await expect(page.getByRole("heading", { name: "No wallet yet" })).toBeVisible();
});

test("no server secret is in the JavaScript sent to the browser", async () => {
  const secret = process.env.E2E_NEXTAUTH_SECRET!;
  const files: string[] = [];
  async function walk(dir: string) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith(".js")) files.push(full);
    }
  }
  await walk(path.join(".next", "static"));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const text = await readFile(file, "utf8");
    expect(text, file).not.toContain(secret);
    expect(text, file).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/);
  }
});
