import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getUserFromRequest, type SessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { errorResponse, forbidden, toErrorResponse, type ValidationIssue } from "@/lib/errors";
import { readTextWithin } from "./body";
import { withServerTiming } from "./server-timing";
import { findUnstorableText, UNSTORABLE_TEXT } from "./storable-text";

/** What Next passes a route handler as its second argument. */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}
export type RouteHandler = (request: Request, context?: RouteContext) => Promise<Response>;

export interface HandlerContext<Body, User> {
  request: Request;
  /** The signed-in user, checked on the server; `null` only with `requireUser: false`. */
  user: User;
  /** The JSON body, validated by `body`; `undefined` when the route declares no body. */
  body: Body;
  params: Record<string, string | string[] | undefined>;
}

interface Options<Body> {
  /** Zod schema of the JSON body. Without it the body is not read. */
  body?: z.ZodType<Body>;
  /** What the route does with Dfns, for a failure's message: "Dfns could not <dfnsAction>: …". */
  dfnsAction?: string;
  /** Status of a successful answer that is not already a Response (200 by default). */
  status?: number;
}

type Result = Response | unknown;

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const MAX_BODY_BYTES = 256 * 1024;

/**
 * Wraps a route so that what it does is all it says. In order:
 * 1. a state-changing request whose `Origin` is not APP_ORIGIN → 403 (cross-site request forgery);
 * 2. no session (unless `requireUser: false`) → 401;
 * 3. path parameters or body text Postgres cannot store (NUL, broken Unicode) → 400 naming it;
 *    with a `body` schema: not JSON → 400, invalid → 400 with `issues`;
 * 4. `fn` runs; what it returns is sent as JSON (a Response is sent as is);
 * 5. anything it throws goes through `toErrorResponse` (HttpError, DfnsError → 502, else 500);
 * 6. every answer carries `Server-Timing` (the app's own time and the time spent waiting on Dfns).
 *
 *   export const POST = handler({ body: Schema, dfnsAction: "start the registration" },
 *     async ({ user, body }) => startRegistration(user, body));
 */
export function handler<Body = undefined>(
  options: Options<Body> & { requireUser?: true },
  fn: (ctx: HandlerContext<Body, SessionUser>) => Promise<Result>,
): RouteHandler;
export function handler<Body = undefined>(
  options: Options<Body> & { requireUser: false },
  fn: (ctx: HandlerContext<Body, SessionUser | null>) => Promise<Result>,
): RouteHandler;
export function handler<Body>(
  options: Options<Body> & { requireUser?: boolean },
  // `never`: either overload's function fits; the checks below give it the user it declared.
  fn: (ctx: HandlerContext<Body, never>) => Promise<Result>,
): RouteHandler {
  return (request, context) =>
    withServerTiming(async () => {
      const route = `${request.method} ${new URL(request.url).pathname}`;
      try {
        if (STATE_CHANGING.has(request.method)) checkOrigin(request);

        const user = await getUserFromRequest(request);
        if (!user && options.requireUser !== false) {
          return errorResponse(
            401,
            "not_signed_in",
            "You are not signed in, or your session has ended. Sign in and try again.",
          );
        }

        const params = (await context?.params) ?? {};
        const badParam = findUnstorableText(params);
        if (badParam !== null)
          return invalid(`The address of this request is invalid: ${badParam} ${UNSTORABLE_TEXT}.`, badParam);

        const body = options.body ? await readBody(request, options.body) : undefined;
        if (body instanceof Response) return body;

        const result = await fn({ request, user: user as never, body: body as Body, params });
        if (result instanceof Response) return result;
        return Response.json(result ?? null, {
          status: options.status ?? 200,
          headers: { "cache-control": "no-store" },
        });
      } catch (error) {
        unstable_rethrow(error); // Next's own control flow (redirect(), notFound()) is not an error
        return toErrorResponse(error, { dfnsAction: options.dfnsAction, route });
      }
    });
}

/** Throws a 403 unless the request comes from a page of this app. */
function checkOrigin(request: Request): void {
  const expected = getEnv().appOrigin;
  const origin = request.headers.get("origin");
  if (origin === expected) return;
  throw forbidden(
    origin
      ? `This request came from ${origin}, which is not this app's origin. Open the app at ${expected} and try again.`
      : "This request has no Origin header: requests that change data must come from the app's own pages.",
    { code: "cross_origin" },
  );
}

async function readBody<Body>(request: Request, schema: z.ZodType<Body>): Promise<Body | Response> {
  const text = await readTextWithin(request, MAX_BODY_BYTES);
  if (text === null) return errorResponse(413, "body_too_large", "Request body is too large.");

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return errorResponse(400, "invalid_body", "Request body is not valid JSON");
  }

  const badText = findUnstorableText(json);
  if (badText !== null)
    return invalid(`Request body is invalid: ${badText ? `${badText}: ` : ""}${UNSTORABLE_TEXT}`, badText);

  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues: ValidationIssue[] = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  return errorResponse(400, "invalid_body", `Request body is invalid: ${summary}`, { issues });
}

/** A 400 for one field, in the shape of the schema's answers. */
const invalid = (message: string, path: string) =>
  errorResponse(400, "invalid_body", message, { issues: [{ path, message: UNSTORABLE_TEXT }] });
