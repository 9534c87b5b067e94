/**
 * The sandbox's one error type. Thrown anywhere below the handler, turned into Dfns's wire
 * shape `{"error":{"message","status","details?"}}` in one place (`toErrorResponse`).
 */
export class SandboxError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 422 | 429 | 500,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "SandboxError";
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new SandboxError(400, message, details);
export const unauthorized = (message: string, details?: Record<string, unknown>) =>
  new SandboxError(401, message, details);
export const forbidden = (message: string, details?: Record<string, unknown>) =>
  new SandboxError(403, message, details);
export const notFound = (message: string, details?: Record<string, unknown>) => new SandboxError(404, message, details);
export const conflict = (message: string, details?: Record<string, unknown>) => new SandboxError(409, message, details);
