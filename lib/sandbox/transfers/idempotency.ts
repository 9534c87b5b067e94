import type { SandboxTransfer } from "../../generated/prisma/client";
import { conflict } from "../errors";

/** JSON with object keys in sorted order: equal for bodies that differ only in key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Dfns's rule for a transfer whose `externalId` was used before (docs: API idempotency): the same
 * request (same wallet, same body) answers 200 with the transfer made the first time, whatever
 * its status, without sending again; the same `externalId` with another body or wallet is a 409.
 */
export function replayOrConflict(existing: SandboxTransfer, walletId: string, body: unknown): SandboxTransfer {
  if (existing.walletId === walletId && canonical(existing.requestBody) === canonical(body)) return existing;
  throw conflict("Conflicting transfer with same externalId", {
    duplicate: { id: existing.id, externalId: existing.externalId },
  });
}
