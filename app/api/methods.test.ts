import { describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { useAppDatabase } from "@/lib/testing/app-database";

// Every /api route answers every method with JSON: a method it does not take is a 405 with
// `Allow` (Next's own 405 has an empty body), and a path with no route is a JSON 404 (Next's is
// the HTML not-found page). The production build is checked the same way in e2e/api.spec.ts.

useAppDatabase();

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const routes = import.meta.glob<Record<string, Handler>>(["./**/route.ts", "!./dfns-sandbox/**"], { eager: true });
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

const request = (method: string, path = "/api/test") =>
  new Request(`${getEnv().appOrigin}${path}`, {
    method,
    headers: { origin: getEnv().appOrigin, "content-type": "application/json" },
    body: method === "GET" ? undefined : "{}",
  });
const noParams = { params: Promise.resolve({}) };

describe("methods on every /api route", () => {
  const files = Object.keys(routes).filter((file) => !file.includes("[...path]"));

  it("finds the routes", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(files)(
    "%s exports every method, and answers the ones it does not take with a JSON 405 and Allow",
    async (file) => {
      const route = routes[file]!;
      for (const method of METHODS) expect(route[method], `${file} ${method}`).toBeTypeOf("function");
      const refused: string[] = [];
      let allow: string | null = null;
      for (const method of METHODS) {
        if (file.includes("nextauth") && (method === "GET" || method === "POST")) continue; // NextAuth needs Next's request scope
        const response = await route[method]!(request(method), noParams);
        expect(response.headers.get("content-type"), `${file} ${method}`).toMatch(/^application\/json/);
        if (response.status !== 405) continue;
        refused.push(method);
        allow = response.headers.get("allow");
        expect((await response.json()) as unknown).toEqual({
          error: {
            message: expect.stringMatching(new RegExp(`^${method} is not supported here\\. This address accepts `)),
            code: "method_not_allowed",
            status: 405,
          },
        });
      }
      expect(refused.length).toBeGreaterThanOrEqual(3);
      const allowed = allow!.split(", ");
      expect(allowed.length + refused.length).toBe(METHODS.length);
      for (const method of allowed) expect(refused).not.toContain(method);
    },
  );
});

describe("an /api path with no route", () => {
  it.each(METHODS)("%s: JSON 404 naming the path", async (method) => {
    const response = await routes["./[...path]/route.ts"]![method]!(request(method, "/api/nope"), noParams);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { message: "There is no API at /api/nope. Check the address.", code: "no_such_api", status: 404 },
    });
  });
});
