// The browser's one way to call the app's JSON routes: errors come back as ApiError with the
// server's sentence, so every page shows the same kind of message for the same kind of failure.

import type { ErrorBody, ErrorCode, ValidationIssue } from "@/lib/errors/error-body";

/** A route answered with an error (`status` > 0), or could not be reached (`status` 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's machine-readable reason, e.g. `registration_expired`; none when unreached. */
    readonly code?: ErrorCode,
    /** The input field the error is about (e.g. `amount`), when the server names one. */
    readonly field?: string,
    /** The invalid fields of the request body, when the server lists them. */
    readonly issues?: ValidationIssue[],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const apiGet = <T>(path: string) => request<T>("GET", path);

export const apiPost = <T>(path: string, body?: unknown) => request<T>("POST", path, body);

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "We couldn't reach the server. Check your connection and try again.");
  }
  const json = (await response.json().catch(() => null)) as (T & Partial<ErrorBody>) | null;
  // An error body is an error whatever the status (a 202 "waiting for approval" says so in words).
  if (!response.ok || json?.error) {
    const error = json?.error;
    throw new ApiError(
      response.status,
      error?.message ?? `The server answered with an error (HTTP ${response.status}). Try again in a moment.`,
      error?.code,
      error?.field ?? (error?.issues?.[0]?.path.split(".")[0] || undefined),
      error?.issues,
    );
  }
  if (json === null || typeof json !== "object") {
    throw new ApiError(response.status, "The server sent an answer we didn't understand. Try again in a moment.");
  }
  return json;
}
