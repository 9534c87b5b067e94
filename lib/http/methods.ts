import { errorResponse } from "@/lib/errors";

// JSON answers for what Next would otherwise answer with an empty or HTML body: a method a route
// does not take (405, with `Allow`), and an /api path with no route (404).

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Answer = (request: Request) => Promise<Response>;

/**
 * 405 handlers for a route's other methods. Each route file exports the ones it lacks:
 *
 *   export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
 */
export function onlyAllow(...allowed: Method[]): Record<Method, Answer> {
  const allow = allowed.join(", ");
  const answer: Answer = async (request) =>
    errorResponse(
      405,
      "method_not_allowed",
      `${request.method} is not supported here. This address accepts ${allowed.join(" or ")}.`,
      {
        headers: { allow },
      },
    );
  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer };
}

/** The answer for an /api path that has no route. */
export const noSuchApi: Answer = async (request) =>
  errorResponse(404, "no_such_api", `There is no API at ${new URL(request.url).pathname}. Check the address.`);
