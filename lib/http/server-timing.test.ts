import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { startApp, type AppHarness } from "@/lib/testing/app-harness";
import { POST as startRegistration } from "@/app/api/registration/start/route";
import { handler } from "./handler";
import { timeDfnsCall, timedDfnsClient, withServerTiming } from "./server-timing";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `{ app, dfns, total }` in milliseconds from a `Server-Timing` header. */
function timings(response: Response): Record<string, number> {
  const header = response.headers.get("server-timing");
  expect(header).toMatch(/^app;dur=[\d.]+, dfns;dur=[\d.]+, total;dur=[\d.]+$/);
  return Object.fromEntries(header!.split(", ").map((part) => [part.split(";")[0], Number(part.split("dur=")[1])]));
}

describe("Server-Timing", () => {
  it("splits a request's time into the app's own and the time waiting on Dfns", async () => {
    const response = await withServerTiming(async () => {
      await sleep(20); // the app's own work
      await timeDfnsCall(() => sleep(60)); // a Dfns call
      return Response.json({});
    });
    const t = timings(response);
    expect(t.dfns).toBeGreaterThanOrEqual(55);
    expect(t.app).toBeGreaterThanOrEqual(15);
    expect(t.app).toBeLessThan(55);
    expect(t.total).toBeCloseTo(t.app! + t.dfns!, 0);
  });

  it("counts overlapping Dfns calls once, as wall time", async () => {
    const response = await withServerTiming(async () => {
      await Promise.all([timeDfnsCall(() => sleep(50)), timeDfnsCall(() => sleep(50)), timeDfnsCall(() => sleep(50))]);
      return Response.json({});
    });
    const t = timings(response);
    expect(t.dfns).toBeGreaterThanOrEqual(45);
    expect(t.dfns).toBeLessThan(120);
  });

  it("keeps parallel requests apart", async () => {
    const [slow, fast] = await Promise.all([
      withServerTiming(async () => (await timeDfnsCall(() => sleep(80)), Response.json({}))),
      withServerTiming(async () => (await sleep(80), Response.json({}))),
    ]);
    expect(timings(slow).dfns).toBeGreaterThanOrEqual(75);
    expect(timings(fast).dfns).toBe(0);
    expect(timings(fast).app).toBeGreaterThanOrEqual(75);
  });

  it("answers with a copy when the route's Response has immutable headers", async () => {
    const response = await withServerTiming(async () => Response.redirect("http://localhost/x", 303));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://localhost/x");
    timings(response);
  });

  it("times every method of a wrapped client's API groups, and leaves results and errors alone", async () => {
    const client = timedDfnsClient({
      secret: 42,
      auth: {
        token: "t",
        async whoAmI(this: { token: string }) {
          await sleep(40);
          return this.token;
        },
        async refuse() {
          await sleep(40);
          throw new Error("refused");
        },
      },
    });
    const response = await withServerTiming(async () => {
      expect(await client.auth.whoAmI()).toBe("t");
      await expect(client.auth.refuse()).rejects.toThrow("refused");
      expect(client.secret).toBe(42);
      return Response.json({});
    });
    expect(timings(response).dfns).toBeGreaterThanOrEqual(75);
    // Outside a request it is a plain call.
    expect(await client.auth.whoAmI()).toBe("t");
  });
});

describe("Server-Timing on the app's routes", () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => app.close());

  it("a route that calls Dfns (the sandbox over HTTP, through the SDK) reports that time apart", async () => {
    const user = await app.createUser();
    const response = await app.call(startRegistration, user);
    expect(response.status).toBe(200);
    const t = timings(response);
    expect(t.dfns).toBeGreaterThan(0);
    expect(t.total).toBeGreaterThan(t.dfns!);
    expect(t.total).toBeCloseTo(t.app! + t.dfns!, 0);
  });

  it("errors carry it too", async () => {
    const route = handler({}, async () => ({}));
    const response = await route(
      new Request(`${getEnv().appOrigin}/api/x`, { method: "POST", headers: { origin: getEnv().appOrigin } }),
    );
    expect(response.status).toBe(401);
    expect(timings(response).dfns).toBe(0);
  });
});
