import "server-only";
import type { JWT } from "next-auth/jwt";
import { db } from "@/lib/db";

// Sessions are stateless JWT cookies, so a cookie copied before signing out would otherwise stay
// valid for its whole week. Each user has a session version; the cookie carries the version it
// was made under (`sv`), and a cookie whose version is no longer the user's is no session at all.
// Raising the version (sign-out, recovery) ends every session of that user at once, on every
// device. Checking costs nothing extra: the user is read on each request anyway.

/** What a session read finds: the user as pages and routes see them. */
export interface SessionUserRow {
  id: string;
  email: string;
  name: string | null;
  image: string | null;
}

/** A cookie of a user who no longer exists or whose sessions were ended since it was made. */
export class SessionEndedError extends Error {
  constructor() {
    super("This session has ended");
    this.name = "SessionEndedError";
  }
}

/**
 * The user loaded while NextAuth checked a token (its `jwt` callback), for its `session` callback,
 * which gets the same token object: one read per request, not two.
 */
export const loadedUsers = new WeakMap<JWT, SessionUserRow>();

export async function currentSessionVersion(userId: string): Promise<number> {
  const row = await (await db()).user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return row?.sessionVersion ?? 0;
}

/** The token's user, if it exists and the token's version is still theirs; else SessionEndedError. */
export async function sessionUser(token: JWT): Promise<SessionUserRow> {
  if (!token.sub) throw new SessionEndedError();
  const row = await (
    await db()
  ).user.findUnique({
    where: { id: token.sub },
    select: { id: true, email: true, name: true, image: true, sessionVersion: true },
  });
  // Cookies made before versions existed carry none: they count as version 0.
  if (!row || row.sessionVersion !== (typeof token.sv === "number" ? token.sv : 0)) throw new SessionEndedError();
  const { sessionVersion: _, ...user } = row;
  return user;
}

/** Ends every session of the user; returns the new version (for a cookie the caller renews). */
export async function endAllSessions(
  userId: string,
  tx?: Pick<Awaited<ReturnType<typeof db>>, "user">,
): Promise<number> {
  const { sessionVersion } = await (tx ?? (await db())).user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return sessionVersion;
}
