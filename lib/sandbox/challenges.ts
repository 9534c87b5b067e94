import { unauthorized } from "./errors";
import { newChallenge, newId } from "./ids";
import type { Sandbox } from "./sandbox";
import { issueToken, verifyToken, type TokenClaims, type TokenKind } from "./tokens";

export type ChallengeKind = "Registration" | "Recovery" | "UserAction" | "Credential";

export interface Challenge {
  userId: string;
  challenge: string;
  /** What the challenge is bound to (the user action's method, path and payload hash, ...). */
  context: Record<string, string>;
}

/**
 * Makes a challenge and returns it with the token that names it: a temporary authentication
 * token (registration, recovery) or a challenge identifier (user action, new credential).
 * The signed token carries the challenge and its context, so no row is written or read: each
 * query costs about a millisecond on the embedded database. Single use is still enforced by
 * `spendOnce` on the token's id.
 */
export function createChallenge(
  sandbox: Sandbox,
  args: { kind: ChallengeKind; userId: string; context?: Record<string, string> },
) {
  const { config, org } = sandbox;
  const temporary = args.kind === "Registration" || args.kind === "Recovery";
  const id = newId("ch");
  const challenge = newChallenge();
  const tokenKind: TokenKind = temporary ? "Temporary" : "ChallengeIdentifier";
  const token = issueToken(org.jwtSecret, {
    id,
    orgId: org.id,
    userId: args.userId,
    kind: tokenKind,
    now: config.now(),
    ttlSeconds: temporary ? config.ttl.temporaryToken : config.ttl.challenge,
    ctx: { ...args.context, purpose: args.kind, challenge },
  });
  return { id, challenge, token };
}

/** The challenge inside verified claims; a token made before challenges travelled in it is unknown. */
function challengeOf(claims: TokenClaims, unknown: string): Challenge {
  const { purpose: _purpose, challenge, ...context } = claims.ctx ?? {};
  if (challenge === undefined) throw unauthorized(unknown);
  return { userId: claims.sub, challenge, context };
}

/** Loads the challenge a challenge identifier names, for this user and purpose. */
export function loadChallenge(sandbox: Sandbox, identifier: string, kind: ChallengeKind, userId: string) {
  const claims = verifyToken(sandbox.org.jwtSecret, identifier, sandbox.config.now(), "Challenge identifier");
  if (claims.kind !== "ChallengeIdentifier" || claims.ctx?.purpose !== kind)
    throw unauthorized("Challenge identifier is not for this operation");
  if (claims.sub !== userId) throw unauthorized("Challenge identifier was issued to another user");
  const { challenge, context } = challengeOf(claims, "Challenge identifier is unknown");
  return { claims, challenge, context };
}

/** The challenge behind a temporary token whose claims were already verified. */
export function loadTemporaryChallenge(claims: TokenClaims): Challenge {
  return challengeOf(claims, "Temporary authentication token is unknown");
}
