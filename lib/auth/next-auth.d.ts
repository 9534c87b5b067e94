import type { DefaultSession } from "next-auth";

// The session carries the app user's id (set in lib/auth/options.ts, callbacks.session).
declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The user's session version when this session began (lib/auth/session-version.ts). */
    sv?: number;
  }
}
