import type { z } from "zod";
import { badRequest, SandboxError } from "./errors";
import { newId } from "./ids";

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/**
 * Dfns's error wire shape; the SDK reads `error.message` from it. Like Dfns's, every error carries
 * an `id` to quote to support (and to find in the log).
 */
export function errorResponse(error: unknown): Response {
  const id = newId("er");
  if (error instanceof SandboxError) {
    return json(
      {
        error: {
          id,
          message: error.message,
          status: error.status,
          ...(error.details ? { details: error.details } : {}),
        },
      },
      error.status,
    );
  }
  // Not a client's mistake: say nothing about internals.
  console.error(`[dfns-sandbox] internal error ${id}:`, error instanceof Error ? error.message : error);
  return json({ error: { id, message: "Internal sandbox error", status: 500 } }, 500);
}

/** Parses a JSON body against a zod schema; a 400 names the first field that is wrong. */
export function parseBody<S extends z.ZodType>(rawBody: string, schema: S): z.infer<S> {
  let value: unknown;
  try {
    value = rawBody === "" ? undefined : JSON.parse(rawBody);
  } catch {
    throw badRequest("Request body is not valid JSON");
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => ({
      field: issue.path.join(".") || "(body)",
      message: issue.message,
    }));
    const first = fields[0]!;
    throw badRequest(`Invalid request body: ${first.field}: ${first.message}`, { fields });
  }
  return result.data;
}
