import "server-only";
import { db } from "@/lib/db";
import { takeAttempt, tooManyAttempts, type RateLimit } from "@/lib/rate-limit";

// Recovery attempts per user: every recovery challenge asked of Dfns is one attempt, whether it
// then succeeds or not (a success is in the audit trail: dfns.recovery.completed). A wrong recovery
// code never reaches the server (the browser finds it out), so this limits what can be asked of
// Dfns, not guesses of the code.

export const RECOVERY_ATTEMPT_LIMIT = 5;
export const RECOVERY_ATTEMPTS: RateLimit = {
  name: "recovery:user",
  limit: RECOVERY_ATTEMPT_LIMIT,
  windowMs: 60 * 60 * 1000,
};

/** Records one attempt, or throws a 429 when the user already made the limit in the window. */
export async function recordRecoveryAttempt(userId: string, now = new Date()): Promise<void> {
  const attempt = await takeAttempt([{ limit: RECOVERY_ATTEMPTS, key: userId }], now);
  if (attempt.allowed) return;

  await (await db()).auditEvent.create({ data: { userId, type: "dfns.recovery.rate_limited" } });
  throw tooManyAttempts(
    attempt.retryAfterMs,
    (wait) =>
      `You have started a recovery ${RECOVERY_ATTEMPT_LIMIT} times in the last hour, the most we allow. ` +
      `To protect your wallet, wait ${wait}, then try again.`,
    "recovery_rate_limited",
  );
}
