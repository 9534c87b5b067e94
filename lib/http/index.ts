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
} from "./errors";
export { handler, type HandlerContext, type RouteContext, type RouteHandler } from "./handler";
export { onlyAllow, noSuchApi, type Method } from "./methods";
export { readTextWithin } from "./body";
