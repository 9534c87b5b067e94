import "server-only";
import type { DfnsDelegatedApiClient } from "@dfns/sdk";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Credential, DfnsUser } from "@/lib/generated/prisma/client";
import { conflict, isDfnsError } from "@/lib/http";
import { endUserClient, serviceAccountClient } from "./clients";
import { open, seal } from "./secret-box";
import { tokenExpiry } from "./token";

// The end user's Dfns token, for the server's reads and user-action requests on the user's behalf.
// It comes from delegated login (the service account logs the user in: no passkey needed to read)
// and is kept sealed in the database until shortly before it expires, so a page view is not a login.

const TOKEN_PURPOSE = "dfns-end-user-token";
/** A token this close to its expiry is replaced, so no request starts with one about to die. */
const EXPIRY_MARGIN_MS = 2 * 60 * 1000;
/** When a token carries no readable `exp`: Dfns's shortest end-user token lifetime we rely on. */
const DEFAULT_LIFETIME_MS = 15 * 60 * 1000;

export type DfnsUserWithCredentials = DfnsUser & { credentials: Credential[] };

/** The signed-in user's Dfns user, or 409 when they have not finished onboarding. */
export async function requireDfnsUser(user: Pick<SessionUser, "id">): Promise<DfnsUserWithCredentials> {
  const dfnsUser = await (
    await db()
  ).dfnsUser.findUnique({ where: { userId: user.id }, include: { credentials: true } });
  if (!dfnsUser) throw conflict("You don't have a wallet yet. Finish onboarding first.", { code: "not_registered" });
  return dfnsUser;
}

/**
 * Runs `fn` with the user's Dfns client. A cached token Dfns refuses (401: revoked, or Dfns was
 * reset) is replaced by a fresh delegated login once.
 */
export async function withEndUserClient<T>(
  dfnsUser: Pick<DfnsUser, "id" | "username"> & Partial<SealedToken>,
  fn: (client: DfnsDelegatedApiClient) => Promise<T>,
): Promise<T> {
  const cached = await cachedToken(dfnsUser);
  try {
    return await fn(await endUserClient(cached ?? (await login(dfnsUser))));
  } catch (error) {
    if (!cached || !isDfnsError(error) || error.httpStatus !== 401) throw error;
    return fn(await endUserClient(await login(dfnsUser)));
  }
}

/** Drops the cached token, e.g. after a recovery replaced the user's credentials. */
export async function forgetEndUserToken(dfnsUserId: string): Promise<void> {
  await (
    await db()
  ).dfnsUser.update({ where: { id: dfnsUserId }, data: { loginTokenSealed: null, loginTokenExpiresAt: null } });
}

type SealedToken = Pick<DfnsUser, "loginTokenSealed" | "loginTokenExpiresAt">;

/**
 * The cached token: the one in the row the caller already read in this request when it has one
 * (one query less per request), else the stored one (another request may have logged in since).
 */
async function cachedToken(dfnsUser: Pick<DfnsUser, "id"> & Partial<SealedToken>): Promise<string | null> {
  const row: SealedToken | null = dfnsUser.loginTokenSealed
    ? { loginTokenSealed: dfnsUser.loginTokenSealed, loginTokenExpiresAt: dfnsUser.loginTokenExpiresAt ?? null }
    : await (
        await db()
      ).dfnsUser.findUnique({
        where: { id: dfnsUser.id },
        select: { loginTokenSealed: true, loginTokenExpiresAt: true },
      });
  if (!row?.loginTokenSealed || !row.loginTokenExpiresAt) return null;
  if (row.loginTokenExpiresAt.getTime() - EXPIRY_MARGIN_MS <= Date.now()) return null;
  try {
    return open(row.loginTokenSealed, TOKEN_PURPOSE);
  } catch {
    return null; // sealed under another secret (AUTH secret rotated): log in again
  }
}

async function login(dfnsUser: Pick<DfnsUser, "id" | "username">): Promise<string> {
  const { token } = await (await serviceAccountClient()).auth.delegatedLogin({ body: { username: dfnsUser.username } });
  await (
    await db()
  ).dfnsUser.update({
    where: { id: dfnsUser.id },
    data: {
      loginTokenSealed: seal(token, TOKEN_PURPOSE),
      loginTokenExpiresAt: tokenExpiry(token) ?? new Date(Date.now() + DEFAULT_LIFETIME_MS),
    },
  });
  return token;
}
