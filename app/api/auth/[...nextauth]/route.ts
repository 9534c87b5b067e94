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
  // NextAuth parses a JSON body without catching: broken JSON would be a 500 instead of a 400.
  if (/^application\/json\b/i.test(request.headers.get("content-type") ?? "") && !isJson(body)) {
    return errorResponse(
      400,
      "invalid_body",
      "The request body is not valid JSON. Reload the page and try signing in again.",
    );
  }
  return auth(new NextRequest(request.url, { method: "POST", headers: request.headers, body }), context);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export { auth as GET, authPost as POST };
export const { PUT, PATCH, DELETE } = onlyAllow("GET", "POST");
