import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/options";

// NextAuth's own endpoints (sign-in, callback, session, csrf, sign-out). The options are built
// on the first request, from the validated configuration.
function auth(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return NextAuth(request as never, context as never, getAuthOptions());
}

export { auth as GET, auth as POST };
