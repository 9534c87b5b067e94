import { afterEach, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { countSignUp, SIGN_UPS_PER_ADDRESS } from "@/lib/auth/rate-limits";
import { useAppDatabase } from "@/lib/testing/app-database";
import { getEnv } from "@/lib/env";
import type { ErrorBody } from "@/lib/http";
import { POST } from "./route";

// The real route against a real (embedded, in-memory) Postgres with the committed migrations.
const database = useAppDatabase();
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const PASSWORD = "correct horse battery staple";

function signUp(
  body: unknown,
  options: { origin?: string | null; raw?: string; address?: string } = {},
): Promise<Response> {
  const headers = new Headers({ "content-type": "application/json" });
  if (options.address) headers.set("x-forwarded-for", options.address);
  const origin = options.origin === undefined ? getEnv().appOrigin : options.origin;
  if (origin !== null) headers.set("origin", origin);
  return POST(
    new Request(`${getEnv().appOrigin}/api/auth/sign-up`, {
      method: "POST",
      headers,
      body: options.raw ?? JSON.stringify(body),
    }),
  );
}

async function errorOf(response: Response): Promise<ErrorBody["error"]> {
  return ((await response.json()) as ErrorBody).error;
}

describe("POST /api/auth/sign-up", () => {
  it("creates the account: 201, the user without any password, a scrypt hash stored, an audit event", async () => {
    const log = vi.spyOn(console, "error");
    const response = await signUp({ email: "  Ada@Example.COM ", password: PASSWORD, name: "Ada" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { user: { id: string; email: string; name: string } };
    expect(body.user).toEqual({ id: expect.any(String), email: "ada@example.com", name: "Ada" });
    expect(JSON.stringify(body)).not.toContain(PASSWORD);

    const stored = await database.prisma.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored.passwordHash!)).toBe(true);
    const events = await database.prisma.auditEvent.findMany({ where: { userId: stored.id } });
    expect(events.map((e) => e.type)).toEqual(["auth.signed_up"]);
    expect(log).not.toHaveBeenCalled();
  });

  it("accepts an account without a name", async () => {
    const response = await signUp({ email: "noname@example.com", password: PASSWORD });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { user: { name: string | null } }).user.name).toBeNull();
  });

  it("400 when the body is not JSON", async () => {
    const response = await signUp(undefined, { raw: "{email: nope" });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({
      message: "Request body is not valid JSON",
      code: "invalid_body",
      status: 400,
    });
  });

  it("400 with the field named when the email is invalid", async () => {
    const response = await signUp({ email: "not-an-email", password: PASSWORD });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.issues).toEqual([{ path: "email", message: "Enter a valid email address" }]);
    expect(error.message).toBe("Request body is invalid: email: Enter a valid email address");
  });

  it("400 when the password is shorter than 10 characters, and the password is not echoed", async () => {
    const response = await signUp({ email: "short@example.com", password: "nine-char" });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.issues).toEqual([{ path: "password", message: "Password must be at least 10 characters" }]);
    expect(JSON.stringify(error)).not.toContain("nine-char");
    expect(await database.prisma.user.count({ where: { email: "short@example.com" } })).toBe(0);
  });

  it("400 for a body of the wrong shape", async () => {
    for (const body of [null, [], "text", { email: "x@example.com" }]) {
      const response = await signUp(body);
      expect(response.status).toBe(400);
      expect((await errorOf(response)).issues?.length).toBeGreaterThan(0);
    }
  });

  it("409 when the email already has an account, whatever its case", async () => {
    expect((await signUp({ email: "grace@example.com", password: PASSWORD })).status).toBe(201);
    const again = await signUp({ email: "GRACE@example.com", password: "another password" });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).message).toBe("An account with this email already exists. Sign in instead.");
    expect(await database.prisma.user.count({ where: { email: "grace@example.com" } })).toBe(1);
  });

  it("one account when the same sign-up is sent five times at once", async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => signUp({ email: "twice@example.com", password: PASSWORD })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await database.prisma.user.count({ where: { email: "twice@example.com" } })).toBe(1);
  });

  it("403 when the request comes from another origin, and nothing is written", async () => {
    const response = await signUp(
      { email: "csrf@example.com", password: PASSWORD },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    expect((await errorOf(response)).message).toContain("https://evil.example");
    expect(await database.prisma.user.count({ where: { email: "csrf@example.com" } })).toBe(0);
  });

  it("403 when the Origin header is missing", async () => {
    const response = await signUp({ email: "csrf@example.com", password: PASSWORD }, { origin: null });
    expect(response.status).toBe(403);
    expect(await database.prisma.user.count({ where: { email: "csrf@example.com" } })).toBe(0);
  });

  describe(`at most ${SIGN_UPS_PER_ADDRESS.limit} sign-ups an hour per client address`, () => {
    const LIMIT = SIGN_UPS_PER_ADDRESS.limit;
    let addresses = 0;
    const newAddress = () => `198.51.100.${++addresses}`;

    it("then 429 with Retry-After and a sentence with a next step; the refused one creates nothing", async () => {
      vi.stubEnv("VERCEL", "1"); // behind Vercel, X-Forwarded-For is the client's address
      const address = newAddress();
      const statuses = [];
      // Every valid request counts, a taken email (409) too: it tells that an account exists.
      for (let i = 0; i < LIMIT - 1; i++)
        statuses.push((await signUp({ email: `limit-${i}@example.com`, password: PASSWORD }, { address })).status);
      statuses.push((await signUp({ email: "limit-0@example.com", password: PASSWORD }, { address })).status);
      expect(statuses).toEqual([...Array<number>(LIMIT - 1).fill(201), 409]);

      const refused = await signUp(
        { email: "limit-over@example.com", password: PASSWORD },
        { address: `${address}, 10.0.0.1` },
      );
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3500);
      expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(3600);
      expect(await errorOf(refused)).toEqual({
        message:
          "Too many accounts were created from your network in the last hour. Wait about 60 minutes, then try again, " +
          "or sign in if you already have an account.",
        code: "sign_up_rate_limited",
        status: 429,
      });
      expect(await database.prisma.user.count({ where: { email: "limit-over@example.com" } })).toBe(0);

      // Another address is not affected; an invalid body is a 400 and not counted.
      expect(
        (await signUp({ email: "limit-other@example.com", password: PASSWORD }, { address: newAddress() })).status,
      ).toBe(201);
      expect((await signUp({ email: "nope", password: PASSWORD }, { address })).status).toBe(400);
    });

    it("lets the address sign up again once the hour has passed (clock passed in)", async () => {
      const address = newAddress();
      const start = new Date();
      for (let i = 0; i < LIMIT; i++) await countSignUp(address, start);
      await expect(countSignUp(address, new Date(start.getTime() + 59 * 60_000))).rejects.toMatchObject({
        status: 429,
      });
      await expect(countSignUp(address, new Date(start.getTime() + 60 * 60_000))).resolves.toBeUndefined();
    });

    it(`of ${LIMIT + 5} parallel sign-ups from one address exactly ${LIMIT} create an account`, async () => {
      vi.stubEnv("VERCEL", "1");
      const address = newAddress();
      const responses = await Promise.all(
        Array.from({ length: LIMIT + 5 }, (_, i) =>
          signUp({ email: `parallel-${i}@example.com`, password: PASSWORD }, { address }),
        ),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([
        ...Array<number>(LIMIT).fill(201),
        ...Array<number>(5).fill(429),
      ]);
      expect(await database.prisma.user.count({ where: { email: { startsWith: "parallel-" } } })).toBe(LIMIT);
    });

    it("does not limit by X-Forwarded-For without a trusted proxy: anyone could write it", async () => {
      vi.stubEnv("VERCEL", "");
      const address = newAddress();
      const responses = await Promise.all(
        Array.from({ length: LIMIT + 1 }, (_, i) =>
          signUp({ email: `untrusted-${i}@example.com`, password: PASSWORD }, { address }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array<number>(LIMIT + 1).fill(201));
    });
  });
});
