import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { advisoryLockId, lockUntilCommit } from "@/lib/db/advisory-lock";
import { tooManyRequests, type ErrorCode, type HttpError } from "@/lib/errors";
import { minutesToWait, waitInWords } from "@/lib/wait-in-words";

// "At most N attempts per key in a sliding window", counted in the database (RateLimitAttempt), so
// every server process and every serverless instance shares the count, on PGlite and PostgreSQL.

export interface RateLimit {
  /** Names the limit in stored rows, e.g. `sign-in:email`. */
  name: string;
  /** Attempts allowed in any window. */
  limit: number;
  windowMs: number;
}

/** One attempt counted by `limit` for `key` (an email, a client address, a user id). */
export interface Counted {
  limit: RateLimit;
  key: string;
}

export type Attempt =
  /** Recorded; `ids` lets the caller give it back (`giveBackAttempt`). */
  | { allowed: true; ids: string[] }
  /** Refused and not recorded: a refusal does not push the wait further out. */
  | { allowed: false; retryAfterMs: number };

/** Expired rows deleted with each recorded attempt: the table stays near its live size, cheaply. */
const PRUNE_BATCH = 20;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The stored bucket: the limit's name in clear, the key only as a hash. */
export const bucketOf = ({ limit, key }: Counted) => `${limit.name}:${sha256(key)}`;

/**
 * Records one attempt in every bucket, or in none when any of them is full.
 *
 * Parallel attempts on a bucket take turns on its advisory lock (held until the transaction
 * ends), so exactly as many get through as the limit leaves room for: count-then-insert alone
 * would let them all through, and insert-then-count could refuse them all. Locks are taken in
 * one global order, so two attempts sharing two buckets cannot deadlock.
 */
export async function takeAttempt(counted: Counted[], now = new Date()): Promise<Attempt> {
  const buckets = counted
    .map((c) => ({ ...c.limit, bucket: bucketOf(c) }))
    .map((b) => ({ ...b, lockId: advisoryLockId(b.bucket) }))
    .sort((a, b) => (a.lockId < b.lockId ? -1 : a.lockId > b.lockId ? 1 : 0));
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    for (const { lockId } of buckets) await lockUntilCommit(tx, lockId);
    let retryAt = 0;
    for (const { bucket, limit } of buckets) {
      const live = await tx.rateLimitAttempt.findMany({
        where: { bucket, expiresAt: { gt: now } },
        orderBy: { expiresAt: "asc" },
        select: { expiresAt: true },
      });
      // A place frees up when the oldest of the last `limit` attempts leaves the window.
      if (live.length >= limit) retryAt = Math.max(retryAt, live[live.length - limit]!.expiresAt.getTime());
    }
    if (retryAt) return { allowed: false, retryAfterMs: retryAt - now.getTime() };

    const ids: string[] = [];
    for (const { bucket, windowMs } of buckets) {
      const row = await tx.rateLimitAttempt.create({
        data: { bucket, createdAt: now, expiresAt: new Date(now.getTime() + windowMs) },
        select: { id: true },
      });
      ids.push(row.id);
    }
    // Rows another transaction is deleting are skipped, not waited for. The ISO string read as a
    // `timestamp` is UTC, as Prisma stores it, whatever the server's time zone.
    await tx.$executeRaw`DELETE FROM "RateLimitAttempt" WHERE "id" IN (
      SELECT "id" FROM "RateLimitAttempt" WHERE "expiresAt" <= ${now.toISOString()}::timestamp
      ORDER BY "expiresAt" LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED)`;
    return { allowed: true, ids };
  });
}

/** Un-counts attempts that turned out not to be what the limit counts (e.g. a right password). */
export async function giveBackAttempt(ids: string[]): Promise<void> {
  await (await db()).rateLimitAttempt.deleteMany({ where: { id: { in: ids } } });
}

/**
 * The 429 of a refused attempt: `Retry-After`, and a message that says how long to wait.
 *
 *   throw tooManyAttempts(attempt.retryAfterMs, (wait) => `… wait ${wait}, then try again.`, "sign_up_rate_limited");
 */
export function tooManyAttempts(retryAfterMs: number, message: (wait: string) => string, code: ErrorCode): HttpError {
  return tooManyRequests(message(waitInWords(minutesToWait(retryAfterMs))), retryAfterMs / 1000, code);
}
