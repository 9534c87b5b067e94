import { DfnsError, PolicyPendingError } from "@dfns/sdk";
import { describe, expect, it, vi } from "vitest";
import {
  HttpError,
  conflict,
  describeDfnsError,
  describeDfnsFailure,
  errorResponse,
  isDfnsError,
  isNetworkError,
  noteDfnsCall,
  toErrorResponse,
  tooManyRequests,
  type ErrorBody,
} from ".";

async function read(response: Response): Promise<{ status: number; body: ErrorBody }> {
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

describe("toErrorResponse", () => {
  it("answers an HttpError with its status, code, message and details, and logs nothing", async () => {
    const log = vi.fn();
    const { status, body } = await read(
      toErrorResponse(new HttpError(404, "wallet_not_found", "No such wallet.", { details: { walletId: "w1" } }), {
        log,
      }),
    );
    expect(status).toBe(404);
    expect(body).toEqual({
      error: { message: "No such wallet.", code: "wallet_not_found", status: 404, details: { walletId: "w1" } },
    });
    expect(log).not.toHaveBeenCalled();
  });

  it("leaves details out when there are none", async () => {
    const { status, body } = await read(
      toErrorResponse(conflict("An account with this email already exists.", { code: "email_taken" })),
    );
    expect(status).toBe(409);
    expect(body).toEqual({
      error: { message: "An account with this email already exists.", code: "email_taken", status: 409 },
    });
  });

  it("answers a 429 with Retry-After in whole seconds", async () => {
    const response = toErrorResponse(tooManyRequests("Too many attempts.", 61.2, "sign_up_rate_limited"));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("62");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      error: { message: "Too many attempts.", code: "sign_up_rate_limited", status: 429 },
    });
    expect(toErrorResponse(tooManyRequests("x", 0, "sign_up_rate_limited")).headers.get("retry-after")).toBe("1");
  });

  it("answers a DfnsError with 502, the action, Dfns's message and status", async () => {
    const log = vi.fn();
    const error = new DfnsError(400, "Invalid registration challenge", { body: { secret: "not in the answer" } });
    const response = toErrorResponse(error, { dfnsAction: "complete the registration", log });
    const { status, body } = await read(response);
    expect(status).toBe(502);
    expect(body).toEqual({
      error: {
        message:
          "Dfns could not complete the registration: Invalid registration challenge (HTTP 400). Try again in a moment; if it keeps failing, contact support and quote this message.",
        code: "dfns_error",
        status: 502,
      },
    });
    expect(JSON.stringify(body)).not.toContain("not in the answer");
    expect(log).toHaveBeenCalledOnce();
  });

  it("recognizes a DfnsError from another copy of the SDK by its shape", async () => {
    const foreign = Object.assign(new Error("Unauthorized"), { name: "DfnsError", httpStatus: 401 });
    expect(isDfnsError(foreign)).toBe(true);
    const { status, body } = await read(toErrorResponse(foreign, { log: () => {} }));
    expect(status).toBe(502);
    expect(body.error.message).toMatch(/^Dfns could not complete the request: Unauthorized \(HTTP 401\)\. Try again/);
  });

  it("answers anything else with 500 and a plain sentence, logging the error with the route", async () => {
    const log = vi.fn();
    const error = new TypeError("Cannot read properties of undefined (reading 'id')");
    const { status, body } = await read(toErrorResponse(error, { route: "POST /api/x", log }));
    expect(status).toBe(500);
    expect(body.error.message).toMatch(/^Something went wrong/);
    expect(JSON.stringify(body)).not.toContain("Cannot read");
    expect(log).toHaveBeenCalledWith("[http] POST /api/x failed", error);
  });

  it("handles thrown non-errors", async () => {
    const { status } = await read(toErrorResponse("a string", { log: () => {} }));
    expect(status).toBe(500);
  });

  it("never lets the response be cached", () => {
    expect(toErrorResponse(new HttpError(400, "invalid_body", "x")).headers.get("cache-control")).toBe("no-store");
  });
});

describe("describeDfnsError", () => {
  it("words the message, without a doubled full stop", () => {
    expect(describeDfnsError(new DfnsError(404, "User not found."), "log the user in")).toBe(
      "Dfns could not log the user in: User not found (HTTP 404)",
    );
  });

  it("names the SDK call and Dfns's error id, in the answer and in one log line", async () => {
    const error = new DfnsError(401, "User not found", {
      body: { error: { id: "er-abc", message: "User not found", status: 401 } },
    });
    noteDfnsCall(error, "auth.createDelegatedRecoveryChallenge");
    noteDfnsCall(error, "outer.call"); // the innermost call, noted first, wins
    const expected =
      "Dfns could not start the recovery: User not found (auth.createDelegatedRecoveryChallenge, HTTP 401, error id er-abc)";
    expect(describeDfnsError(error, "start the recovery")).toBe(expected);
    const log = vi.fn();
    const { body } = await read(
      toErrorResponse(error, { dfnsAction: "start the recovery", route: "POST /api/recovery/start", log }),
    );
    expect(body.error.message.startsWith(expected)).toBe(true);
    expect(log).toHaveBeenCalledWith(
      `[http] POST /api/recovery/start: ${expected}`,
      expect.objectContaining({ id: "er-abc", status: 401 }),
    );
  });

  it("copes with a missing message and a status that is not HTTP", () => {
    expect(describeDfnsError(new DfnsError(-1, undefined as unknown as string), "sign")).toBe(
      "Dfns could not sign: no message",
    );
  });

  it("words a policy approval as a Dfns answer too", () => {
    expect(describeDfnsError(new PolicyPendingError({}), "sign the message")).toBe(
      "Dfns could not sign the message: Operation triggered a policy pending approval (HTTP 202)",
    );
  });
});

describe("describeDfnsFailure", () => {
  it("words a Dfns answer, an unreachable Dfns and anything else for one log line", () => {
    expect(describeDfnsFailure(new DfnsError(503, "Service unavailable"), "list the wallets")).toBe(
      "Dfns could not list the wallets: Service unavailable (HTTP 503)",
    );
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(describeDfnsFailure(refused, "list the wallets")).toBe(
      "Dfns could not be reached to list the wallets: connect ECONNREFUSED",
    );
    expect(describeDfnsFailure(new Error("boom"), "list the wallets")).toBe("Could not list the wallets: boom");
  });
});

describe("errorResponse", () => {
  it("includes issues when given", async () => {
    const { status, body } = await read(
      errorResponse(400, "invalid_body", "Bad", {
        issues: [{ path: "email", message: "Enter a valid email address" }],
      }),
    );
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        message: "Bad",
        code: "invalid_body",
        status: 400,
        issues: [{ path: "email", message: "Enter a valid email address" }],
      },
    });
  });
});

describe("isNetworkError", () => {
  it("recognizes undici's refused, cut and timed-out connections, and nothing else", () => {
    const fetchFailed = (code: string) =>
      Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("x"), { code }) });
    expect(isNetworkError(fetchFailed("ECONNREFUSED"))).toBe(true);
    expect(isNetworkError(fetchFailed("UND_ERR_SOCKET"))).toBe(true); // the other side closed before answering
    expect(isNetworkError(fetchFailed("UND_ERR_HEADERS_TIMEOUT"))).toBe(true);
    expect(isNetworkError(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isNetworkError(null)).toBe(false);
  });
});
