import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { setDb } from "@/lib/db";
import type { Database } from "@/lib/db/open";
import { freshDatabase } from "@/lib/testing/database";
import { getEnv } from "@/lib/env";
import type { ErrorBody } from "@/lib/http";
import { POST } from "./route";

// The real route against a real (embedded, in-memory) Postgres with the committed migrations.
let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
  setDb(database);
});
afterAll(async () => {
  setDb(undefined);
  await database.close();
});
afterEach(() => vi.restoreAllMocks());

const PASSWORD = "correct horse battery staple";

function signUp(body: unknown, options: { origin?: string | null; raw?: string } = {}): Promise<Response> {
  const headers = new Headers({ "content-type": "application/json" });
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
    expect(await errorOf(response)).toEqual({ message: "Request body is not valid JSON" });
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
    const response = await signUp({ email: "csrf@example.com", password: PASSWORD }, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).message).toContain("https://evil.example");
    expect(await database.prisma.user.count({ where: { email: "csrf@example.com" } })).toBe(0);
  });

  it("403 when the Origin header is missing", async () => {
    const response = await signUp({ email: "csrf@example.com", password: PASSWORD }, { origin: null });
    expect(response.status).toBe(403);
    expect(await database.prisma.user.count({ where: { email: "csrf@example.com" } })).toBe(0);
  });
});
