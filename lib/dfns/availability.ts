import "server-only";
import { isDfnsError } from "@/lib/http";
import { isNetworkError } from "@/lib/errors";

// For reads that can fall back on what the app stored: when Dfns is slow, down or refusing, a
// page still shows the stored data (and says so) instead of failing.

export class DfnsTimeoutError extends Error {
  constructor(ms: number) {
    super(`Dfns did not answer within ${ms} ms`);
    this.name = "DfnsTimeoutError";
  }
}

/** `promise`, or a DfnsTimeoutError after `ms` (the request itself is left to finish). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DfnsTimeoutError(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Dfns answered with an error, could not be reached, or timed out. */
export const isDfnsUnavailable = (error: unknown) =>
  error instanceof DfnsTimeoutError || isDfnsError(error) || isNetworkError(error);
