import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/options";
import { errorResponse, onlyAllow, readTextWithin } from "@/lib/http";

// NextAuth's own endpoints (sign-in, callback, session, csrf, sign-out). The options are built
// on the first request, from the validated configuration.

/** NextAuth's forms are an email, a password, a CSRF token and a callback URL: a few hundred bytes. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

function auth(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request as never, context as never, getAuthOptions());
}

/** NextAuth reads the whole body, however large: it gets it here, read with a cap (413 beyond). */
async function authPost(request: NextRequest, context: Context): Promise<Response> {
  const body = await readTextWithin(request, MAX_AUTH_BODY_BYTES);
  if (body === null) return errorResponse(413, "body_too_large", "Request body is too large.");
  return auth(new NextRequest(request.url, { method: "POST", headers: request.headers, body }), context);
}

export { auth as GET, authPost as POST };
export const { PUT, PATCH, DELETE } = onlyAllow("GET", "POST");
