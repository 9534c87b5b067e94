import { DfnsError } from "@dfns/sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { sessionCookie } from "@/lib/auth/testing";
import { setDb } from "@/lib/db";
import type { Database } from "@/lib/db/open";
import { freshDatabase } from "@/lib/testing/database";
import { getEnv } from "@/lib/env";
import { handler, notFound, type ErrorBody, type RouteHandler } from ".";

let database: Database;
let cookie: string;
beforeAll(async () => {
  database = await freshDatabase();
  setDb(database);
  const user = await database.prisma.user.create({ data: { email: "user@example.com" } });
  cookie = await sessionCookie(user);
});
afterAll(async () => {
  setDb(undefined);
  await database.close();
});

function call(
  route: RouteHandler,
  init: {
    method?: string;
    body?: string;
    cookie?: string;
    origin?: string | null;
    params?: Record<string, string>;
  } = {},
): Promise<Response> {
  const headers = new Headers();
  if (init.cookie) headers.set("cookie", init.cookie);
  const origin = init.origin === undefined ? getEnv().appOrigin : init.origin;
  if (origin) headers.set("origin", origin);
  const request = new Request(`${getEnv().appOrigin}/api/test?secret=query`, {
    method: init.method ?? "POST",
    headers,
    body: init.body,
  });
  return route(request, { params: Promise.resolve(init.params ?? {}) });
}

const json = async (response: Response) => (await response.json()) as ErrorBody & Record<string, unknown>;

describe("handler", () => {
  const echo = handler({ body: z.object({ n: z.number().int() }) }, async ({ user, body, params }) => ({
    email: user.email,
    n: body.n,
    params,
  }));

  it("passes the signed-in user, the validated body and the params to the route, and answers JSON", async () => {
    const response = await call(echo, { cookie, body: JSON.stringify({ n: 7 }), params: { id: "w1" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ email: "user@example.com", n: 7, params: { id: "w1" } });
  });

  it("401 without a session", async () => {
    const response = await call(echo, { body: JSON.stringify({ n: 7 }) });
    expect(response.status).toBe(401);
    expect((await json(response)).error.message).toMatch(/not signed in/);
  });

  it("401 with a forged or foreign session cookie", async () => {
    const response = await call(echo, { cookie: "next-auth.session-token=eyJhbGciOiJub25lIn0.e30.", body: "{}" });
    expect(response.status).toBe(401);
  });

  it("401 for a session whose user no longer exists", async () => {
    const gone = await database.prisma.user.create({ data: { email: "gone@example.com" } });
    const goneCookie = await sessionCookie(gone);
    await database.prisma.user.delete({ where: { id: gone.id } });
    expect((await call(echo, { cookie: goneCookie, body: JSON.stringify({ n: 1 }) })).status).toBe(401);
  });

  it("checks the Origin before the session on state-changing requests", async () => {
    expect((await call(echo, { origin: "https://evil.example", body: "{}" })).status).toBe(403);
    expect((await call(echo, { cookie, origin: "https://evil.example", body: JSON.stringify({ n: 1 }) })).status).toBe(
      403,
    );
  });

  it("does not ask GET requests for an Origin", async () => {
    const get = handler({}, async ({ user }) => ({ id: user.id }));
    expect((await call(get, { method: "GET", cookie, origin: null })).status).toBe(200);
  });

  it("400 with issues for an invalid body", async () => {
    const response = await call(echo, { cookie, body: JSON.stringify({ n: 1.5 }) });
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error.issues).toEqual([{ path: "n", message: expect.any(String) }]);
    expect(error.message).toMatch(/^Request body is invalid: n: /);
  });

  it("400 for an empty body when one is expected", async () => {
    const response = await call(echo, { cookie });
    expect(response.status).toBe(400);
    expect((await json(response)).error.message).toBe("Request body is not valid JSON");
  });

  it("413 for a body that is too large", async () => {
    const response = await call(echo, { cookie, body: JSON.stringify({ n: 1, pad: "x".repeat(300_000) }) });
    expect(response.status).toBe(413);
  });

  it("maps an HttpError thrown by the route", async () => {
    const route = handler({}, async () => {
      throw notFound("No such wallet.", { code: "wallet_not_found" });
    });
    const response = await call(route, { cookie });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { message: "No such wallet.", code: "wallet_not_found", status: 404 },
    });
  });

  it("maps a DfnsError to 502 with the route's action words", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const route = handler({ dfnsAction: "create the registration challenge" }, async () => {
      throw new DfnsError(409, "User already exists");
    });
    const response = await call(route, { cookie });
    expect(response.status).toBe(502);
    expect((await json(response)).error.message).toMatch(
      /^Dfns could not create the registration challenge: User already exists \(HTTP 409\)\. Try again/,
    );
  });

  it("500 for anything else, logged with the route but not the body or query", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const route = handler({ body: z.object({ password: z.string() }) }, async () => {
      throw new Error("boom");
    });
    const response = await call(route, { cookie, body: JSON.stringify({ password: "hunter2-hunter2" }) });
    expect(response.status).toBe(500);
    expect((await json(response)).error.message).toMatch(/^Something went wrong/);
    const logged = JSON.stringify(log.mock.calls.map((args) => args.map(String)));
    expect(logged).toContain("POST /api/test failed");
    expect(logged).not.toContain("hunter2");
    expect(logged).not.toContain("secret=query");
    log.mockRestore();
  });

  it("sends a Response returned by the route as it is, and uses the declared status otherwise", async () => {
    const raw = handler({}, async () => new Response("ok", { status: 202 }));
    expect((await call(raw, { cookie })).status).toBe(202);
    const created = handler({ status: 201 }, async () => ({ ok: true }));
    expect((await call(created, { cookie })).status).toBe(201);
  });

  it("with requireUser: false, gives the route the user or null", async () => {
    const route = handler({ requireUser: false }, async ({ user }) => ({ email: user?.email ?? null }));
    expect(await (await call(route)).json()).toEqual({ email: null });
    expect(await (await call(route, { cookie })).json()).toEqual({ email: "user@example.com" });
  });
});
