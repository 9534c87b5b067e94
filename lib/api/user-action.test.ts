import { describe, expect, it } from "vitest";
import { ApiError } from "./client";
import { PasskeyApprovalError, userActionErrorMessage } from "./user-action";

describe("userActionErrorMessage", () => {
  it("shows the server's or the passkey's sentence as it is", () => {
    expect(
      userActionErrorMessage(new ApiError(409, "The passkey request expired before it was approved. Start again.")),
    ).toBe("The passkey request expired before it was approved. Start again.");
    expect(userActionErrorMessage(new PasskeyApprovalError("The request wasn't approved.", true))).toBe(
      "The request wasn't approved.",
    );
  });

  it("adds a next step to a Dfns failure that names none", () => {
    expect(
      userActionErrorMessage(new ApiError(502, "Dfns could not sign the message: Service unavailable (HTTP 503)")),
    ).toBe("Dfns could not sign the message: Service unavailable (HTTP 503). Try again in a moment.");
    const reached = "Dfns could not be reached to sign the message. Check your connection and try again in a moment.";
    expect(userActionErrorMessage(new ApiError(502, reached))).toBe(reached);
  });

  it("has a sentence for anything else", () => {
    expect(userActionErrorMessage(new Error("boom"))).toBe("Something went wrong. Try again in a moment.");
  });
});
