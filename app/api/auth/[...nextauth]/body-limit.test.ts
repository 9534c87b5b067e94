import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { POST } from "./route";

// NextAuth reads a POST body whole, whatever its size: the route caps it first (the credentials
// callback took a 10 MB form before).

const context = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
const url = () => `${getEnv().appOrigin}/api/auth/callback/credentials`;
const form = { "content-type": "application/x-www-form-urlencoded" };

describe("the body limit of NextAuth's routes", () => {
  it("answers a 10 MB form with a JSON 413", async () => {
    const body = `email=a%40example.com&password=${"x".repeat(10 * 1024 * 1024)}`;
    const response = await POST(new NextRequest(url(), { method: "POST", headers: form, body }), context);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { message: "Request body is too large.", code: "body_too_large", status: 413 },
    });
  });

  it("stops reading a body without Content-Length at the cap", async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(120));
        if (sent >= 10 * 1024 * 1024) controller.close();
      },
    });
    const request = new NextRequest(url(), { method: "POST", headers: form, body: stream, duplex: "half" } as never);
    expect(request.headers.get("content-length")).toBeNull();
    const response = await POST(request, context);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(1024 * 1024);
  });

  it("answers a JSON body that is not JSON with a JSON 400 (NextAuth would throw: a 500), found by the fuzz test", async () => {
    const request = new NextRequest(url(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"email":',
    });
    const response = await POST(request, context);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
  });
});
