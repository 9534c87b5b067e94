// For route tests: NextAuth's own handler, called the way a browser calls /api/auth/* (CSRF token,
// form POST with `json=true`), in its Node (pages API) form: the App Router form reads the request
// from `next/headers`, which needs Next's request scope. Both run the same core.
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { getEnv } from "@/lib/env";

interface NextAuthRequest {
  method: string;
  headers: Record<string, string>;
  cookies?: Record<string, string>;
  body?: Record<string, string>;
}

/** One call of NextAuth's handler: its status, the Set-Cookie values and the body. */
export async function nextAuth(action: string[], request: NextAuthRequest) {
  const answer = { status: 200, cookies: [] as string[], body: undefined as unknown };
  const response = {
    status: (code: number) => ((answer.status = code), response),
    getHeader: (name: string) => (name.toLowerCase() === "set-cookie" ? answer.cookies : undefined),
    setHeader: (name: string, value: string | string[]) => {
      if (name.toLowerCase() === "set-cookie") answer.cookies = ([] as string[]).concat(value);
      return response;
    },
    json: (body: unknown) => void (answer.body = body),
    send: (body: unknown) => void (answer.body = body),
    end: () => {},
  };
  await NextAuth(
    { query: { nextauth: action }, cookies: {}, ...request } as never,
    response as never,
    getAuthOptions(),
  );
  return answer;
}

/** `name=value` pairs of Set-Cookie values, as the browser would send them back. */
const cookieJar = (setCookies: string[]) =>
  Object.fromEntries(
    setCookies
      .map((c) => c.split(";")[0]!.split("="))
      .map(([name, ...value]) => [name!, decodeURIComponent(value.join("="))]),
  );

/** A POST of NextAuth's forms (`action`), with its CSRF token, as `lib/auth/browser.ts` sends it. */
export async function postToNextAuth(
  action: string[],
  fields: Record<string, string>,
  init: { address?: string; cookies?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { host: new URL(getEnv().appOrigin).host };
  if (init.address) headers["x-forwarded-for"] = `${init.address}, 10.0.0.1`;
  const csrf = await nextAuth(["csrf"], { method: "GET", headers, cookies: init.cookies });
  const cookies = { ...init.cookies, ...cookieJar(csrf.cookies) };
  const { csrfToken } = csrf.body as { csrfToken: string };
  const answer = await nextAuth(action, {
    method: "POST",
    headers,
    cookies,
    body: { ...fields, csrfToken, json: "true" },
  });
  const sessionCookie = answer.cookies.map((c) => c.split(";")[0]!).find((c) => /session-token=[^;]+/.test(c)) ?? null;
  return { url: (answer.body as { url: string }).url, sessionCookie, cookies };
}

/** What the browser gets from `POST /api/auth/callback/credentials`: NextAuth's `error`, or a session. */
export async function signIn(email: string, password: string, init: { address?: string; callbackUrl?: string } = {}) {
  const fields: Record<string, string> = {
    email,
    password,
    ...(init.callbackUrl ? { callbackUrl: init.callbackUrl } : {}),
  };
  const { url, sessionCookie } = await postToNextAuth(["callback", "credentials"], fields, init);
  return {
    error: new URL(url, getEnv().appOrigin).searchParams.get("error"),
    signedIn: sessionCookie !== null,
    url,
    sessionCookie,
  };
}
