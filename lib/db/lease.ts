import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "./index";

// "One at a time" for work that calls Dfns in between database writes, across every server
// instance: a row per lease key (Lease), taken by an atomic insert-or-take-over-if-expired. A
// database transaction cannot be held across the Dfns call instead: in sandbox mode the sandbox
// answers from the same embedded database, which serves one transaction at a time.

export interface LeaseOptions {
  /** How long the lease lasts if its holder never gives it back (a crash): longer than the work. */
  ttlMs?: number;
  /** How long to wait for a held lease before giving up with `busy()`. */
  waitMs?: number;
  /** What to throw after waiting `waitMs` in vain. */
  busy: () => Error;
}

const POLL_MS = 40;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the lease `key` if it is free or expired; true when this holder has it. */
async function take(key: string, holder: string, ttlMs: number): Promise<boolean> {
  const now = new Date();
  // The ISO strings read as `timestamp` are UTC, as Prisma stores DateTime.
  const rows = await (
    await db()
  ).$queryRaw<{ holder: string }[]>`
    INSERT INTO "Lease" ("key", "holder", "expiresAt")
    VALUES (${key}, ${holder}, ${new Date(now.getTime() + ttlMs).toISOString()}::timestamp)
    ON CONFLICT ("key") DO UPDATE SET "holder" = EXCLUDED."holder", "expiresAt" = EXCLUDED."expiresAt"
      WHERE "Lease"."expiresAt" <= ${now.toISOString()}::timestamp
    RETURNING "holder"`;
  return rows.length === 1;
}

/**
 * Runs `fn` holding the lease `key`: no other `withLease(key)` runs at the same time, in this
 * process or another. Waits for a holder to finish (then `fn` sees what it did), up to `waitMs`.
 *
 *   await withLease(`wallet-create:${userId}`, () => createOnce(), { busy: () => conflict("…") });
 */
export async function withLease<T>(
  key: string,
  fn: () => Promise<T>,
  { ttlMs = 60_000, waitMs = 20_000, busy }: LeaseOptions,
): Promise<T> {
  const holder = randomUUID();
  const giveUpAt = Date.now() + waitMs;
  while (!(await take(key, holder, ttlMs))) {
    if (Date.now() >= giveUpAt) throw busy();
    await sleep(POLL_MS + Math.random() * POLL_MS);
  }
  try {
    return await fn();
  } finally {
    await (await db()).lease.deleteMany({ where: { key, holder } });
  }
}
