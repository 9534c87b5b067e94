import { describe, expect, it } from "vitest";
import { isSettled, statusLabel } from "./status";

describe("transfer statuses", () => {
  it("settles on Confirmed, Failed and Rejected only", () => {
    expect(["Confirmed", "Failed", "Rejected"].every(isSettled)).toBe(true);
    expect(["AwaitingApproval", "Submitting", "Pending", "Executing", "Broadcasted"].some(isSettled)).toBe(false);
  });

  it("shows the app's own and Dfns's in-between steps as Pending", () => {
    expect(["Submitting", "Pending", "Executing"].map(statusLabel)).toEqual(["Pending", "Pending", "Pending"]);
    expect(statusLabel("AwaitingApproval")).toBe("Waiting for your passkey");
    expect(statusLabel("Broadcasted")).toBe("Broadcasted");
    expect(statusLabel("Confirmed")).toBe("Confirmed");
  });
});
