import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiPost } from "./client";

// The browser's route client, with fetch answering as the app's routes do.

const answer = (status: number, body: unknown) => vi.fn(async () => Response.json(body, { status }));

afterEach(() => vi.unstubAllGlobals());

async function failure(body: unknown, status = 400): Promise<ApiError> {
  vi.stubGlobal("fetch", answer(status, body));
  try {
    await apiPost("/api/x", {});
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error("expected an ApiError");
}

describe("apiPost errors", () => {
  it("carries the server's sentence, code and the field it names", async () => {
    const error = await failure({
      error: { message: "Enter an amount greater than zero.", code: "not_positive", status: 400, field: "amount" },
    });
    expect(error).toMatchObject({
      status: 400,
      message: "Enter an amount greater than zero.",
      code: "not_positive",
      field: "amount",
    });
  });

  it("takes the field from a validation issue's path when the error names none", async () => {
    const error = await failure({
      error: {
        message: "Request body is invalid: to: must be the address to send to",
        code: "invalid_body",
        status: 400,
        issues: [{ path: "to", message: "…" }],
      },
    });
    expect(error.field).toBe("to");
    expect(error.code).toBe("invalid_body");
  });

  it("has no field for errors about no field", async () => {
    expect(
      (await failure({ error: { message: "Dfns could not send the transfer.", code: "dfns_error", status: 502 } }, 502))
        .field,
    ).toBeUndefined();
  });
});
