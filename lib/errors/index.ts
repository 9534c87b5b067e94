import { DfnsError } from "@dfns/sdk";

import type { ErrorBody, ErrorCode, ValidationIssue } from "./error-body";

export type { ErrorBody, ErrorCode, ValidationIssue };

/** What an error carries besides its status, code and sentence. */
export interface ErrorExtras {
  /** The input field it is about, e.g. `amount`. */
  field?: string;
  issues?: ValidationIssue[];
  /** Extra data for the browser, e.g. `{ transferId }`. */
  details?: Record<string, unknown>;
  /** Extra response headers, e.g. `Retry-After` on a 429. */
  headers?: Record<string, string>;
}

/**
 * The app's one error type for route handlers; `toErrorResponse` below maps it (and anything else
 * thrown) to the JSON body of ./error-body.ts. `message` is a sentence meant for the user.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extras: ErrorExtras = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

type Extras = ErrorExtras & { code: ErrorCode };
const httpError =
  (status: number) =>
  (message: string, { code, ...extras }: Extras) =>
    new HttpError(status, code, message, extras);

export const badRequest = httpError(400);
export const forbidden = httpError(403);
export const notFound = httpError(404);
export const conflict = httpError(409);
/** 429 with `Retry-After` (whole seconds, at least 1). */
export const tooManyRequests = (message: string, retryAfterSeconds: number, code: ErrorCode) =>
  new HttpError(429, code, message, { headers: { "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))) } });

/** A JSON error response in the app's shape. */
export function errorResponse(status: number, code: ErrorCode, message: string, extras: ErrorExtras = {}): Response {
  const error: ErrorBody["error"] = { message, code, status };
  if (extras.field) error.field = extras.field;
  if (extras.issues) error.issues = extras.issues;
  if (extras.details) error.details = extras.details;
  return Response.json({ error } satisfies ErrorBody, {
    status,
    headers: { "cache-control": "no-store", ...extras.headers },
  });
}

/** A DfnsError from `@dfns/sdk` (instanceof, or by shape when two copies of the SDK are loaded). */
export function isDfnsError(error: unknown): error is DfnsError {
  return (
    error instanceof DfnsError ||
    (error instanceof Error && error.name === "DfnsError" && typeof (error as DfnsError).httpStatus === "number")
  );
}

// Which SDK call an error came from (`auth.delegatedLogin`), noted by the timed client wrapper
// (server-timing.ts) as the error passes, so a message can say which Dfns call failed.
const dfnsCalls = new WeakMap<object, string>();

/** Notes that `error` came from the SDK call `call` (the innermost call wins). */
export function noteDfnsCall(error: unknown, call: string): void {
  if (error !== null && typeof error === "object" && !dfnsCalls.has(error)) dfnsCalls.set(error, call);
}

/** The SDK call an error came from, when the timed client noted it. */
export const dfnsCallOf = (error: unknown): string | undefined =>
  error !== null && typeof error === "object" ? dfnsCalls.get(error) : undefined;

/** The `id` Dfns puts in an error body (`{"error":{"id",…}}`), to quote to Dfns's support. */
export function dfnsErrorId(error: DfnsError): string | undefined {
  const body = (error.context as { body?: { error?: { id?: unknown }; id?: unknown } } | undefined)?.body;
  const id = body?.error?.id ?? body?.id;
  return typeof id === "string" && id ? id : undefined;
}

/**
 * "Dfns could not <action>: <Dfns's message> (<SDK call>, HTTP <status>, error id <id>)", with
 * the parts Dfns gave. Never a bare `{}`: a missing message says so.
 */
export function describeDfnsError(error: DfnsError, action = "complete the request"): string {
  const message = typeof error.message === "string" && error.message.trim() ? error.message.trim() : "no message";
  const id = dfnsErrorId(error);
  const parts = [
    dfnsCallOf(error),
    error.httpStatus > 0 ? `HTTP ${error.httpStatus}` : undefined,
    id ? `error id ${id}` : undefined,
  ].filter(Boolean);
  return `Dfns could not ${action}: ${message.replace(/\.$/, "")}${parts.length ? ` (${parts.join(", ")})` : ""}`;
}

/**
 * One line for a Dfns failure the app works around (a read that falls back on stored data):
 * the same words as an answer's, with the SDK call, status and error id when Dfns gave them.
 */
export function describeDfnsFailure(error: unknown, action: string): string {
  if (isDfnsError(error)) return describeDfnsError(error, action);
  const message = error instanceof Error ? error.message : String(error);
  if (isNetworkError(error)) return `Dfns could not be reached to ${action}: ${message}`;
  return `Could not ${action}: ${message}`;
}

export interface ErrorContext {
  /** What the route was doing with Dfns, in words that follow "Dfns could not …". */
  dfnsAction?: string;
  /** For the server log: e.g. "POST /api/onboarding/complete". Never the body or the query. */
  route?: string;
  /** Where unexpected errors are written; console.error by default. */
  log?: (message: string, error: unknown) => void;
}

/**
 * Turns anything a route threw into its response:
 * HttpError → its status and message; DfnsError → 502 naming the action, Dfns's message and
 * status; anything else → 500 "Something went wrong", logged here with its stack (the log never
 * holds the request body).
 */
export function toErrorResponse(error: unknown, context: ErrorContext = {}): Response {
  const log = context.log ?? ((message, err) => console.error(message, err));
  const where = context.route ? ` ${context.route}` : "";

  if (error instanceof HttpError) {
    return errorResponse(error.status, error.code, error.message, error.extras);
  }
  if (isDfnsError(error)) {
    const described = describeDfnsError(error, context.dfnsAction);
    log(`[http]${where}: ${described}`, {
      call: dfnsCallOf(error),
      status: error.httpStatus,
      message: error.message,
      id: dfnsErrorId(error),
    });
    return errorResponse(
      502,
      "dfns_error",
      `${described}. Try again in a moment; if it keeps failing, contact support and quote this message.`,
    );
  }
  if (context.dfnsAction && isNetworkError(error)) {
    log(`[http]${where}: Dfns unreachable`, { message: (error as Error).message });
    return errorResponse(
      502,
      "dfns_unreachable",
      `Dfns could not be reached to ${context.dfnsAction}. Check your connection and try again in a moment.`,
    );
  }
  log(`[http]${where} failed`, error);
  return errorResponse(
    500,
    "internal_error",
    "Something went wrong. Please try again; if it keeps happening, contact support.",
  );
}

/** Node's and undici's codes for a connection refused, not found, cut or timed out. */
const NETWORK_ERROR_CODES = [
  "ECONNREFUSED",
  "ENOTFOUND",
  "ECONNRESET",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "UND_ERR_SOCKET", // the other side closed the connection before answering
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
];

/** The system code of a failed request (its own, or its cause's in undici's shape). */
const systemCodeOf = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e && typeof e === "object" ? (e.code ?? e.cause?.code) : undefined;
  return typeof code === "string" ? code : undefined;
};

/** A request that never got an answer (refused, DNS, reset, timeout): node-fetch and undici shapes. */
export function isNetworkError(error: unknown): boolean {
  const e = error as { name?: string; type?: string } | null;
  if (!e || typeof e !== "object") return false;
  return (e.name === "FetchError" && e.type === "system") || NETWORK_ERROR_CODES.includes(systemCodeOf(error) ?? "");
}

/** The connection was refused: the request was never sent. */
export const isConnectionRefused = (error: unknown) => systemCodeOf(error) === "ECONNREFUSED";
