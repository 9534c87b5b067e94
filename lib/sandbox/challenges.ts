import type { Prisma } from "../generated/prisma/client";
import { unauthorized } from "./errors";
import { newChallenge, newId } from "./ids";
import type { Sandbox } from "./sandbox";
import { issueToken, verifyToken, type TokenKind } from "./tokens";

export type ChallengeKind = "Registration" | "Recovery" | "UserAction" | "Credential";

/**
 * Stores a challenge and returns it with the token that names it: a temporary authentication
 * token (registration, recovery) or a challenge identifier (user action, new credential).
 */
export async function createChallenge(
  sandbox: Sandbox,
  args: { kind: ChallengeKind; userId: string; context?: Record<string, string> },
) {
  const { config, org, prisma } = sandbox;
  const now = config.now();
  const id = newId("ch");
  const challenge = newChallenge();
  const temporary = args.kind === "Registration" || args.kind === "Recovery";
  const ttlSeconds = temporary ? config.ttl.temporaryToken : config.ttl.challenge;
  await prisma.sandboxChallenge.create({
    data: {
      id,
      kind: args.kind,
      userId: args.userId,
      challenge,
      context: (args.context ?? {}) as Prisma.InputJsonValue,
      expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
    },
  });
  const tokenKind: TokenKind = temporary ? "Temporary" : "ChallengeIdentifier";
  const token = issueToken(org.jwtSecret, {
    id,
    orgId: org.id,
    userId: args.userId,
    kind: tokenKind,
    now,
    ttlSeconds,
    ctx: { purpose: args.kind },
  });
  return { id, challenge, token };
}

/** Loads the challenge a challenge identifier names, for this user and purpose. */
export async function loadChallenge(sandbox: Sandbox, identifier: string, kind: ChallengeKind, userId: string) {
  const claims = verifyToken(sandbox.org.jwtSecret, identifier, sandbox.config.now(), "Challenge identifier");
  if (claims.kind !== "ChallengeIdentifier" || claims.ctx?.purpose !== kind) throw unauthorized("Challenge identifier is not for this operation");
  if (claims.sub !== userId) throw unauthorized("Challenge identifier was issued to another user");
  const row = await sandbox.prisma.sandboxChallenge.findUnique({ where: { id: claims.jti } });
  if (!row) throw unauthorized("Challenge identifier is unknown");
  return { claims, row, context: row.context as Record<string, string> };
}

/** Loads the challenge behind a temporary token whose claims were already verified. */
export async function loadTemporaryChallenge(sandbox: Sandbox, tokenId: string) {
  const row = await sandbox.prisma.sandboxChallenge.findUnique({ where: { id: tokenId } });
  if (!row) throw unauthorized("Temporary authentication token is unknown");
  return row;
}
