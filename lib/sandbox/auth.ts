import { createHash } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import { isUniqueViolation } from "../db/errors";
import { badRequest, forbidden, unauthorized, type SandboxError } from "./errors";
import type { RequestContext } from "./router";
import type { Sandbox } from "./sandbox";
import { verifyToken, type TokenClaims } from "./tokens";

export type Tx = Prisma.TransactionClient;

export interface Caller {
  userId: string;
  kind: "ServiceAccount" | "EndUser";
  username: string;
  tokenId: string;
}

function bearer(ctx: RequestContext): string {
  const header = ctx.request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match) throw unauthorized("Missing authorization header: expected `Bearer <token>`");
  return match[1]!.trim();
}

/** The caller of an ordinary endpoint: a service account or a registered, active end user. */
export async function authenticate(ctx: RequestContext): Promise<Caller> {
  const { sandbox } = ctx;
  const claims = verifyToken(sandbox.org.jwtSecret, bearer(ctx), sandbox.config.now());
  if (claims.kind !== "ServiceAccount" && claims.kind !== "EndUser") {
    throw unauthorized("This token cannot be used here: use a service account or end-user token");
  }
  const user = sandbox.activeUsers.get(claims.sub) ?? (await loadActiveUser(sandbox, claims.sub));
  return { userId: user.id, kind: claims.kind, username: user.username, tokenId: claims.jti };
}

// Enough to bound memory; a user dropped from the cache is simply read again.
const MAX_CACHED_USERS = 10_000;

/**
 * Reads a token's user and remembers it once it passes. Nothing in the sandbox deactivates,
 * unregisters, renames or moves a user, so a pass stays true; this saves a query (about a
 * millisecond on the embedded database) on nearly every authenticated request.
 */
async function loadActiveUser(sandbox: Sandbox, userId: string) {
  const user = await sandbox.prisma.sandboxUser.findUnique({
    where: { id: userId },
    select: { id: true, username: true, isActive: true, registered: true, orgId: true },
  });
  if (!user || !user.isActive || !user.registered || user.orgId !== sandbox.org.id) {
    throw unauthorized("The user of this token does not exist or is not active");
  }
  if (sandbox.activeUsers.size >= MAX_CACHED_USERS) sandbox.activeUsers.clear();
  const known = { id: user.id, username: user.username };
  sandbox.activeUsers.set(user.id, known);
  return known;
}

export async function authenticateServiceAccount(ctx: RequestContext): Promise<Caller> {
  const caller = await authenticate(ctx);
  if (caller.kind !== "ServiceAccount") throw forbidden("Only a service account can call this endpoint");
  return caller;
}

/**
 * A service account calling with an operation its permissions do not grant: 403 in the words of
 * Dfns's error table. (End users' own operations are not modelled: they may do all they can.)
 */
export function requireOperation(ctx: RequestContext, caller: Caller, operation: string): void {
  if (caller.kind !== "ServiceAccount" || ctx.sandbox.config.serviceAccountOperations.includes(operation)) return;
  throw forbidden(`ServiceAccount ${caller.userId} is not authorized to perform operation (${operation})`);
}

export async function authenticateEndUser(ctx: RequestContext): Promise<Caller> {
  const caller = await authenticate(ctx);
  if (caller.kind !== "EndUser") throw forbidden("Only an end user can call this endpoint");
  return caller;
}

/** A temporary authentication token (registration or recovery), checked for its purpose. */
export function temporaryToken(ctx: RequestContext, purpose: "Registration" | "Recovery"): TokenClaims {
  const claims = verifyToken(
    ctx.sandbox.org.jwtSecret,
    bearer(ctx),
    ctx.sandbox.config.now(),
    "Temporary authentication token",
  );
  if (claims.kind !== "Temporary" || claims.ctx?.purpose !== purpose) {
    throw unauthorized(`This token is not a ${purpose.toLowerCase()} token`);
  }
  return claims;
}

export const payloadHash = (payload: string) => createHash("sha256").update(payload).digest("base64url");

/**
 * Checks the `x-dfns-useraction` header of a signed mutation: issued to this caller, for this
 * method, path and these exact body bytes, not expired. It is spent by `spendOnce` inside the
 * mutation's transaction, so a request that fails changes nothing, not even the user action.
 */
export function checkUserAction(ctx: RequestContext, caller: Caller): TokenClaims {
  const token = ctx.request.headers.get("x-dfns-useraction");
  if (!token) throw forbidden("Missing user action signature: this request needs an `x-dfns-useraction` header");
  let claims: TokenClaims;
  try {
    claims = verifyToken(ctx.sandbox.org.jwtSecret, token, ctx.sandbox.config.now(), "User action");
  } catch (error) {
    throw forbidden(error instanceof Error ? error.message : "User action is invalid");
  }
  if (claims.kind !== "UserAction") throw forbidden("User action is invalid");
  if (claims.sub !== caller.userId) throw forbidden("User action was signed by another user");
  const bound = claims.ctx ?? {};
  if (bound.method !== ctx.method || bound.path !== ctx.path) {
    throw forbidden(`User action was signed for ${bound.method} ${bound.path}, not for ${ctx.method} ${ctx.path}`);
  }
  if (bound.payload !== payloadHash(ctx.rawBody))
    throw forbidden("User action was signed for a different request body");
  return claims;
}

/**
 * Marks a single-use token (temporary token, challenge, user action) as spent. The primary key
 * makes this atomic: of two concurrent requests with the same token exactly one insert succeeds.
 */
export async function spendOnce(tx: Tx, claims: TokenClaims, alreadyUsed: SandboxError): Promise<void> {
  try {
    await tx.sandboxToken.create({
      data: {
        id: claims.jti,
        userId: claims.sub,
        kind: claims.kind,
        expiresAt: claims.exp ? new Date(claims.exp * 1000) : null,
        consumedAt: new Date(),
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyUsed;
    throw error;
  }
}

/** Dfns documents a reused user action as 400 `user action has already been used`. */
export const userActionReused = () => badRequest("user action has already been used");
