import "server-only";
import { db } from "@/lib/db";
import { tooManyRequests } from "@/lib/http";

// Recovery attempts per user, counted in the database: every recovery challenge asked of Dfns is
// one attempt, whether it then succeeds or not. A wrong recovery code never reaches the server (the
// browser finds it out), so this limits what can be asked of Dfns, not guesses of the code.

export const RECOVERY_ATTEMPT_LIMIT = 5;
export const RECOVERY_WINDOW_MS = 60 * 60 * 1000;

/**
 * Records one attempt, or throws a 429 when the user already made the limit in the window.
 * Parallel attempts of one user take turns on a per-user advisory lock, so exactly as many get
 * through as the limit leaves room for (count-then-insert alone would let them all through, and
 * insert-then-count could refuse them all). A refused attempt is not recorded, so it does not push
 * the wait further out.
 */
export async function recordRecoveryAttempt(userId: string): Promise<void> {
  const prisma = await db();
  const now = new Date();
  const oldestInWindow = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`recovery-attempts:${userId}`}))::text AS locked`;
    const recent = await tx.recoveryAttempt.findMany({
      where: { userId, createdAt: { gt: new Date(now.getTime() - RECOVERY_WINDOW_MS) } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    if (recent.length >= RECOVERY_ATTEMPT_LIMIT) return recent[0]!.createdAt;
    await tx.recoveryAttempt.create({ data: { userId, createdAt: now } });
    return null;
  });
  if (!oldestInWindow) return;

  await prisma.auditEvent.create({ data: { userId, type: "dfns.recovery.rate_limited" } });
  const retryAfterMs = oldestInWindow.getTime() + RECOVERY_WINDOW_MS - now.getTime();
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  throw tooManyRequests(
    `You have started a recovery ${RECOVERY_ATTEMPT_LIMIT} times in the last hour, the most we allow. ` +
      `To protect your wallet, wait about ${minutes} minute${minutes === 1 ? "" : "s"}, then try again.`,
    retryAfterMs / 1000,
    { code: "recovery_rate_limited" },
  );
}

/** Marks the user's latest attempt as the one that succeeded (for the audit trail; it still counts). */
export async function markRecoverySucceeded(userId: string): Promise<void> {
  const prisma = await db();
  const latest = await prisma.recoveryAttempt.findFirst({ where: { userId }, orderBy: { createdAt: "desc" }, select: { id: true } });
  if (latest) await prisma.recoveryAttempt.update({ where: { id: latest.id }, data: { succeeded: true } });
}
