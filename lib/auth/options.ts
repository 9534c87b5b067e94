import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions, User } from "next-auth";
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Provider } from "next-auth/providers/index";
import { z } from "zod";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { clientAddress } from "./client-address";
import { localPathOr } from "./paths";
import { verifyPassword, verifyPasswordAgainstNothing } from "./password";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";
import { countSignInAttempt, SignInRateLimitedError } from "./rate-limits";
import { currentSessionVersion, endAllSessions, loadedUsers, sessionUser, SessionEndedError } from "./session-version";

/** Email as the app stores it: trimmed and lower-cased, so one person has one account. */
export const Email = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address" }).max(254, { error: "That email address is too long" }));

/** Passwords are at least 10 characters; the cap keeps a hash from being used to tie up the server. */
export const NewPassword = z
  .string({ error: "Choose a password" })
  .min(10, { error: "Password must be at least 10 characters" })
  .max(256, { error: "Password must be at most 256 characters" });

const CredentialsInput = z.object({ email: Email, password: z.string().min(1).max(256) });

/** The providers a sign-in page can offer, without any secret. */
export interface AuthProviders {
  credentials: true;
  github: boolean;
  google: boolean;
}

export function getAuthProviders(): AuthProviders {
  const { auth } = getEnv();
  return { credentials: true, github: auth.github !== null, google: auth.google !== null };
}

/** A user as NextAuth sees it: never the password hash. */
function adapterUser<T extends { id: string; email: string; emailVerified: Date | null } | null>(user: T): T {
  if (!user) return user;
  const { id, email, emailVerified, name, image } = user as T & { name?: string | null; image?: string | null };
  return { id, email, emailVerified, name: name ?? null, image: image ?? null } as unknown as T;
}

/**
 * NextAuth's Prisma adapter over the process database, which opens on first use (the adapter
 * itself wants a client at once). Used by the OAuth providers; the session itself is a JWT.
 */
function lazyPrismaAdapter(): Adapter {
  const prisma = async () => PrismaAdapter((await db()) as never);
  return {
    createUser: async (user: Omit<AdapterUser, "id">) =>
      adapterUser((await prisma()).createUser!({ ...user, email: user.email.trim().toLowerCase() }) as never),
    getUser: async (id) => adapterUser(await (await prisma()).getUser!(id)),
    getUserByEmail: async (email) => adapterUser(await (await prisma()).getUserByEmail!(email.trim().toLowerCase())),
    getUserByAccount: async (account) => adapterUser(await (await prisma()).getUserByAccount!(account)),
    updateUser: async (user) => adapterUser(await (await prisma()).updateUser!(user)),
    deleteUser: async (id) => void (await (await prisma()).deleteUser!(id)),
    // Only the columns the schema has: some providers send extra token fields.
    linkAccount: async (account: AdapterAccount) => {
      const { userId, type, provider, providerAccountId, refresh_token, access_token, expires_at, token_type, scope } =
        account;
      const { id_token, session_state } = account as AdapterAccount & { id_token?: string; session_state?: string };
      await (
        await prisma()
      ).linkAccount!({
        userId,
        type,
        provider,
        providerAccountId,
        refresh_token,
        access_token,
        expires_at,
        token_type,
        scope,
        id_token,
        session_state,
      } as AdapterAccount);
    },
    unlinkAccount: async (account: Pick<AdapterAccount, "provider" | "providerAccountId">) =>
      void (await (
        await prisma()
      ).unlinkAccount!(account)),
    createSession: async (session) => (await prisma()).createSession!(session),
    getSessionAndUser: async (token) => {
      const found = await (await prisma()).getSessionAndUser!(token);
      return found && { session: found.session, user: adapterUser(found.user as AdapterUser) };
    },
    updateSession: async (session) => (await prisma()).updateSession!(session),
    deleteSession: async (token) => void (await (await prisma()).deleteSession!(token)),
    createVerificationToken: async (token) => (await prisma()).createVerificationToken!(token),
    useVerificationToken: async (params) => (await prisma()).useVerificationToken!(params),
  };
}

/**
 * The credentials provider's check. `headers` are the request's (for the client address); `now`
 * is for tests. Throws SignInRateLimitedError, before any password hashing, when rate-limited.
 */
export async function authorizeWithPassword(
  input: unknown,
  headers: Record<string, string | string[] | undefined>,
  now = new Date(),
): Promise<User | null> {
  const parsed = CredentialsInput.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const attempt = await countSignInAttempt(email, clientAddress(headers), now);
  const user = await checkPassword(email, password);
  if (user) await attempt.passwordWasRight();
  return user;
}

async function checkPassword(email: string, password: string): Promise<User | null> {
  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, image: true, passwordHash: true },
  });
  // Same work whether or not the account exists (or has no password: an OAuth-only account).
  if (!user?.passwordHash) return verifyPasswordAgainstNothing(password).then(() => null);
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name, image: user.image };
}

function buildAuthOptions(): NextAuthOptions {
  const { auth } = getEnv();
  // NextAuth v4 reads its own URL from the environment only; APP_ORIGIN is its default here.
  process.env.NEXTAUTH_URL = auth.url;

  const providers: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      authorize: async (credentials, request) => {
        try {
          return await authorizeWithPassword(credentials, request.headers ?? {});
        } catch (error) {
          if (error instanceof SignInRateLimitedError) throw error;
          // NextAuth would put the message in the page's URL: log it here, show a generic one.
          console.error("[auth] password sign-in failed", error);
          throw new Error("Default");
        }
      },
    }),
  ];
  if (auth.github) providers.push(GitHubProvider(auth.github));
  if (auth.google) providers.push(GoogleProvider(auth.google));

  return {
    secret: auth.secret,
    adapter: lazyPrismaAdapter(),
    providers,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      // The app's accounts are keyed by email: an OAuth account without one cannot sign in.
      signIn: ({ user }) => (user.email ? true : "/sign-in?error=EmailRequired"),
      // Where NextAuth sends the browser after signing in or out: this app's own paths only.
      redirect: ({ url, baseUrl }) => `${baseUrl}${localPathOr(url, baseUrl, "/wallet")}`,
      // Signing in writes the user's session version into the cookie; every later read of the
      // session loads the user (one indexed read) and ends it when the version has moved on.
      jwt: async ({ token, user }) => {
        if (user) {
          token.sub = user.id;
          token.sv = await currentSessionVersion(user.id);
          return token;
        }
        loadedUsers.set(token, await sessionUser(token));
        return token;
      },
      session: ({ session, token }) => {
        const user = loadedUsers.get(token);
        if (user) session.user = user;
        return session;
      },
    },
    events: {
      // Ends every session of the user, on every device: the cookies they hold carry the old version.
      signOut: async ({ token }) => {
        if (token?.sub) await endAllSessions(token.sub);
      },
      signIn: async ({ user, account, isNewUser }) => {
        try {
          await (
            await db()
          ).auditEvent.create({
            data: {
              userId: user.id,
              type: "auth.signed_in",
              detail: { provider: account?.provider ?? "unknown", isNewUser: !!isNewUser },
            },
          });
        } catch (error) {
          console.error("[auth] could not record the sign-in", error);
        }
      },
    },
    logger: {
      // The error itself (with its stack), never the metadata around it, which can hold tokens.
      error: (code, metadata) => {
        const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        // A session cookie that no longer decrypts (old secret, tampering) just means "signed out".
        if (error instanceof SessionEndedError) return; // a signed-out cookie: an ordinary "no session"
        if (code === "JWT_SESSION_ERROR")
          console.warn(`[next-auth] ${code}: ${error instanceof Error ? error.message : ""}`);
        else console.error(`[next-auth] ${code}`, error instanceof Error ? error : "");
      },
      warn: (code) => console.warn(`[next-auth] ${code}`),
      debug: () => {},
    },
  };
}

const globalForAuth = globalThis as unknown as { __authOptions?: NextAuthOptions };

/** NextAuth's options, built on first use from the configuration (not at import or build time). */
export function getAuthOptions(): NextAuthOptions {
  globalForAuth.__authOptions ??= buildAuthOptions();
  return globalForAuth.__authOptions;
}
