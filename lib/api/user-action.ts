// The browser's side of a Dfns user action (lib/dfns/user-action.ts): begin it on the server,
// approve its challenge with a passkey, complete it on the server. Used by every page that signs.

import { approveWithPasskey, describePasskeyError, type BrowserUserAction } from "@/lib/passkeys";
import { ApiError, apiPost } from "./client";

/** The passkey prompt failed (cancelled, timed out, no passkey…); `message` says what to do. */
export class PasskeyApprovalError extends Error {
  constructor(
    message: string,
    readonly canRetry: boolean,
  ) {
    super(message);
    this.name = "PasskeyApprovalError";
  }
}

export interface UserActionRoutes {
  /** Route that begins the action; it answers `{ action }`. */
  begin: string;
  beginBody?: unknown;
  /** Route that completes it with `{ actionId, assertion }`. */
  complete: string;
}

/** Runs the three steps. Call it from a click handler, so the passkey prompt follows the gesture. */
export async function runUserAction<Result>(routes: UserActionRoutes): Promise<Result> {
  const { action } = await apiPost<{ action: BrowserUserAction }>(routes.begin, routes.beginBody ?? {});
  return approveAndComplete<Result>(action, routes.complete);
}

/**
 * The passkey approves an action begun earlier (e.g. shown in a review step first), then the
 * `complete` route runs it. Call it from a click handler, so the prompt follows the gesture.
 */
export async function approveAndComplete<Result>(action: BrowserUserAction, complete: string): Promise<Result> {
  let assertion;
  try {
    assertion = await approveWithPasskey(action);
  } catch (error) {
    const described = describePasskeyError(error, {
      ceremony: "approve",
      rpId: action.rpId,
      hostname: window.location.hostname,
      secureContext: window.isSecureContext,
    });
    throw new PasskeyApprovalError(described.message, described.canRetry);
  }
  return apiPost<Result>(complete, { actionId: action.id, assertion });
}

/** The sentence to show for anything `runUserAction` (or another API call) threw. */
export function userActionErrorMessage(error: unknown): string {
  // Dfns's own words for its failures (502) name what failed, not what to do about it.
  if (error instanceof ApiError && error.status === 502 && !/try again/i.test(error.message)) {
    return `${error.message.replace(/\.?$/, ".")} Try again in a moment.`;
  }
  if (error instanceof ApiError || error instanceof PasskeyApprovalError) return error.message;
  return "Something went wrong. Try again in a moment.";
}
