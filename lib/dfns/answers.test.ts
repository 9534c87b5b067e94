import { DfnsError, PolicyPendingError } from "@dfns/sdk";
import { describe, expect, it } from "vitest";
import {
  isExternalIdTaken,
  isPolicyPending,
  isUserActionUsed,
  isUserAlreadyExists,
  isUserNotFound,
  pendingApproval,
} from "./answers";

// Each answer the app acts on, in every form Dfns's documents give it, and the look-alikes it
// must not be taken for (a 401 is also a bad token).

describe("Dfns answers", () => {
  it("'User already exists.' as 401 (Dfns's error table) or 409 (the generic rule), never a bad token's 401", () => {
    expect(isUserAlreadyExists(new DfnsError(401, "User already exists."))).toBe(true);
    expect(isUserAlreadyExists(new DfnsError(409, "User already exists."))).toBe(true);
    expect(isUserAlreadyExists(new DfnsError(401, "Not Authorized."))).toBe(false);
    expect(isUserAlreadyExists(new DfnsError(409, "externalId already in use"))).toBe(false);
    expect(isUserAlreadyExists(new Error("User already exists."))).toBe(false);
  });

  it("a taken externalId is a 409 of its own", () => {
    expect(isExternalIdTaken(new DfnsError(409, "A user with this externalId already exists"))).toBe(true);
    expect(isExternalIdTaken(new DfnsError(409, "User already exists."))).toBe(false);
  });

  it("'User not found' as 401 (documented) or 404", () => {
    expect(isUserNotFound(new DfnsError(401, "User not found"))).toBe(true);
    expect(isUserNotFound(new DfnsError(404, "User not found"))).toBe(true);
    expect(isUserNotFound(new DfnsError(401, "Not Authorized."))).toBe(false);
    expect(isUserNotFound(new DfnsError(404, "Recovery credential not found"))).toBe(false);
  });

  it("a reused user action as 400 (documented) or 403", () => {
    expect(isUserActionUsed(new DfnsError(400, "user action has already been used"))).toBe(true);
    expect(isUserActionUsed(new DfnsError(403, "User action has already been used: sign a new one"))).toBe(true);
    expect(isUserActionUsed(new DfnsError(403, "user action signature is missing or invalid"))).toBe(false);
  });

  it("a policy approval (202) and the approval it waits for", () => {
    const error = new PolicyPendingError({
      id: "ap-1",
      status: "Pending",
      expirationDate: "2026-12-02T00:00:00.000Z",
      activity: { kind: "Wallets:Sign", signatureRequest: { id: "sig-1" } },
    });
    expect(isPolicyPending(error)).toBe(true);
    expect(pendingApproval(error)).toEqual({ id: "ap-1", expiresAt: "2026-12-02T00:00:00.000Z", signatureId: "sig-1" });
    expect(pendingApproval(new PolicyPendingError(undefined))).toEqual({});
    expect(isPolicyPending(new DfnsError(400, "x"))).toBe(false);
  });
});
