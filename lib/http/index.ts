// What a route needs, in one import: the route wrapper, the method guards, and the errors it
// answers with (lib/errors, re-exported: the modules below the routes import it directly).
export {
  HttpError,
  badRequest,
  conflict,
  describeDfnsError,
  describeDfnsFailure,
  errorResponse,
  forbidden,
  isDfnsError,
  notFound,
  toErrorResponse,
  tooManyRequests,
  type ErrorBody,
  type ErrorCode,
  type ErrorContext,
  type ValidationIssue,
} from "@/lib/errors";
export { handler, type HandlerContext, type RouteContext, type RouteHandler } from "./handler";
export { onlyAllow, noSuchApi, type Method } from "./methods";
export { readTextWithin } from "./body";
