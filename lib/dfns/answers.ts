import type { DfnsError } from "@dfns/sdk";
import { badRequest, describeDfnsFailure, HttpError, isDfnsError } from "@/lib/http";

// What a Dfns error answer means. Dfns's documents, its error table and the generic rules do not
// always agree on the status (README, "Where the Dfns documents disagree"), so each answer the app
// acts on is recognised by its message too, and a status alone never decides: a 401 is also what
// a bad token gets.

const messageOf = (error: DfnsError) => (typeof error.message === "string" ? error.message : "");
const answered = (error: unknown, statuses: number[], message: RegExp): error is DfnsError =>
  isDfnsError(error) && statuses.includes(error.httpStatus) && message.test(messageOf(error));

/** "User already exists." on delegated registration: 401 in Dfns's error table, 409 by the generic rule. */
export const isUserAlreadyExists = (error: unknown) => answered(error, [401, 409], /user already exists/i);

/** Another user already has this `externalId` (a documented cause of 409). */
export const isExternalIdTaken = (error: unknown) => answered(error, [409], /external\s*id/i);

/** "User not found": 401 as documented for delegated login and recovery; 404 by the generic rule. */
export const isUserNotFound = (error: unknown) => answered(error, [401, 404], /user not found/i);

/** A reused user action: documented as 400 "user action has already been used"; 403 elsewhere. */
export const isUserActionUsed = (error: unknown) => answered(error, [400, 403], /user action .*already been used/i);

/** HTTP 202: a policy wants an approval first (the SDK's PolicyPendingError; the body is the approval). */
export const isPolicyPending = (error: unknown): error is DfnsError => isDfnsError(error) && error.httpStatus === 202;

export interface PendingApproval {
  id?: string;
  expiresAt?: string;
  /** The signature request the approval holds back (`activity.signatureRequest.id`), if it is one. */
  signatureId?: string;
}

/** The approval a 202 waits for (policies.getApproval's shape), as far as the body says. */
export function pendingApproval(error: DfnsError): PendingApproval {
  const body = (error.context ?? {}) as {
    id?: unknown;
    expirationDate?: unknown;
    activity?: { signatureRequest?: { id?: unknown } };
  };
  const signatureId = body.activity?.signatureRequest?.id;
  return {
    ...(typeof body.id === "string" ? { id: body.id } : {}),
    ...(typeof body.expirationDate === "string" ? { expiresAt: body.expirationDate } : {}),
    ...(typeof signatureId === "string" ? { signatureId } : {}),
  };
}

/**
 * A definite no from Dfns (or the app's mapping of one: the approval refused): the request was
 * not carried out. A 408, 409, 429, 5xx or no answer at all is not one: Dfns may have it.
 */
export function isRefusal(error: unknown): boolean {
  if (error instanceof HttpError) return error.status === 403;
  if (!isDfnsError(error)) return false;
  const status = error.httpStatus;
  return status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429;
}

/**
 * Dfns refused (4xx) the credentials the browser made for a registration or a recovery: the
 * client's request, so a 400 in words (not a 502), and the challenge is spent: start again.
 */
export function credentialsRefused(error: DfnsError, what: "registration" | "recovery"): HttpError {
  return badRequest(
    `${describeDfnsFailure(error, `complete the ${what}`)}. Nothing was changed: start the ${what} again.`,
    {
      code: "credentials_refused",
    },
  );
}
