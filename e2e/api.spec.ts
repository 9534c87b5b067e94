import { expect, test } from "@playwright/test";
import { fillSignIn, signUp, uniqueEmail } from "./helpers/accounts";

// What the probe of the production build found, checked against the production build: JSON for
// every /api answer, NextAuth's body cap, redirects that stay on this site, and sessions that end.

test.describe("API answers are JSON", () => {
  test("a method a route does not take: 405 JSON with Allow", async ({ request }) => {
    const response = await request.delete("/api/wallets");
    expect(response.status()).toBe(405);
    expect(response.headers()["allow"]).toBe("GET, POST");
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: {
        message: "DELETE is not supported here. This address accepts GET or POST.",
        code: "method_not_allowed",
        status: 405,
      },
    });
    expect((await request.put("/api/auth/session")).status()).toBe(405);
  });

  test("a path with no route: 404 JSON; real routes and the sandbox are not shadowed", async ({ request }) => {
    for (const path of ["/api/nope", "/api/wallets/w1", "/api/wallets/w1/nope/deeper"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.json()).toEqual({
        error: { message: `There is no API at ${path}. Check the address.`, code: "no_such_api", status: 404 },
      });
    }
    expect((await request.get("/api/wallets")).status()).toBe(401);
    expect((await (await request.get("/api/auth/csrf")).json()) as object).toHaveProperty("csrfToken");
    const sandbox = await request.get("/api/dfns-sandbox/wallets");
    expect(sandbox.status()).toBe(401); // the sandbox's own answer: no token
    const patch = await request.patch("/api/dfns-sandbox/wallets");
    expect(patch.status()).toBe(405);
    expect(patch.headers()["content-type"]).toMatch(/^application\/json/);
  });

  test("NextAuth's credentials callback refuses a 10 MB form: 413 JSON", async ({ request }) => {
    const response = await request.post("/api/auth/callback/credentials", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: `email=a%40example.com&password=${"x".repeat(10 * 1024 * 1024)}`,
    });
    expect(response.status()).toBe(413);
    expect(await response.json()).toEqual({
      error: { message: "Request body is too large.", code: "body_too_large", status: 413 },
    });
  });
});

test.describe("redirects stay on this site", () => {
  const nasty = [
    "/%09/evil.example/phish",
    "/%0a/evil.example",
    "/%0d%0aSet-Cookie:%20x=1",
    "//evil.example",
    "/%5Cevil.example",
    "javascript:alert(1)",
    "https://evil.example/",
    "/.//evil.example",
  ];

  test("a signed-in visitor of /sign-in and /sign-up goes to /wallet, never elsewhere", async ({ page, baseURL }) => {
    await signUp(page, uniqueEmail("redirect"));
    for (const form of ["/sign-in", "/sign-up"]) {
      for (const target of nasty) {
        const response = await page.request.get(`${form}?callbackUrl=${target}`, { maxRedirects: 0 });
        expect(response.status(), `${form} ${target}`).toBe(307);
        expect(response.headers()["location"], `${form} ${target}`).toBe("/wallet");
      }
      const fine = await page.request.get(`${form}?callbackUrl=%2Fcredentials`, { maxRedirects: 0 });
      expect(fine.headers()["location"]).toBe("/credentials");
    }
    expect(new URL(page.url()).origin).toBe(baseURL);
  });

  test("after a form sign-in the page goes to /wallet, not to the callbackUrl's other host", async ({
    page,
    baseURL,
    context,
  }) => {
    const email = uniqueEmail("redirect-form");
    await signUp(page, email);
    await context.clearCookies();
    await page.goto("/sign-in?callbackUrl=/%09/evil.example/phish");
    await fillSignIn(page, email);
    await expect(page).toHaveURL(`${baseURL}/wallet`);
  });
});

test("a session cookie saved before signing out is refused afterwards: 401 on the API, sign-in page on pages", async ({
  page,
  context,
  baseURL,
}) => {
  await signUp(page, uniqueEmail("signout"));
  const saved = await context.cookies();
  expect(saved.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
  expect((await page.request.get("/api/wallets")).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  await context.addCookies(saved); // what a thief who copied the cookie would do

  expect((await page.request.get("/api/wallets")).status()).toBe(401);
  await page.goto("/wallet");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fwallet$/);
});
