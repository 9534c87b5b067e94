// The JSON shape of every error the app's routes answer, shared by the server (lib/errors)
// and the browser (lib/api/client.ts): types only, so it is safe in a client bundle.

/** Every machine-readable reason the app answers with; the browser branches on these, never on words. */
export type ErrorCode =
  // Requests the app refuses before a route runs (lib/http/handler.ts, methods.ts).
  | "not_signed_in"
  | "cross_origin"
  | "invalid_body"
  | "body_too_large"
  | "no_such_api"
  | "method_not_allowed"
  // Anything a route did not expect, and Dfns failing or out of reach.
  | "internal_error"
  | "dfns_error"
  | "dfns_unreachable"
  | "rp_id_mismatch"
  // Accounts and rate limits.
  | "email_taken"
  | "sign_up_rate_limited"
  | "recovery_rate_limited"
  | "too_many_pending_actions"
  // Registration and recovery.
  | "not_registered"
  | "already_registered"
  | "registration_in_progress"
  | "registration_expired"
  | "registration_attempts_exhausted"
  | "recovery_in_progress"
  | "recovery_expired"
  | "already_recovered"
  | "no_recovery_key"
  | "dfns_user_not_found"
  | "credentials_refused"
  // Passkey approvals (user actions).
  | "action_not_found"
  | "action_expired"
  | "no_passkey"
  | "passkey_not_allowed"
  | "challenge_mismatch"
  | "approval_refused"
  | "pending_approval"
  // Passkey management.
  | "challenge_invalid"
  | "credential_not_found"
  | "not_a_passkey"
  | "already_inactive"
  | "last_passkey"
  | "credentials_busy"
  // Wallets, signatures and transfers.
  | "wallet_not_found"
  | "wallet_inactive"
  | "wallet_exists"
  | "wallet_creation_busy"
  | "network_not_offered"
  | "invalid_typed_data"
  | "typed_data_not_supported"
  | "transfer_not_found"
  | "transfer_unconfirmed"
  | "signature_unconfirmed"
  | TransferCheckCode;

/** The amount and recipient checks that the browser and the server share (lib/transfers). */
export type TransferCheckCode =
  | "invalid_recipient"
  | "invalid_amount"
  | "too_many_decimals"
  | "not_positive"
  | "insufficient_funds"
  | "asset_not_held";

export interface ValidationIssue {
  /** Dotted path of the field, e.g. `email` or `wallets.0.network`; empty for the whole body. */
  path: string;
  message: string;
}

/**
 * `{ "error": { message, code, status, field?, issues?, details? } }`: `message` is a sentence for
 * the user, `field` the input it is about, `issues` the invalid fields of a body, `details` extra
 * data for some codes (e.g. `transferId` with `transfer_unconfirmed`).
 */
export interface ErrorBody {
  error: {
    message: string;
    code: ErrorCode;
    status: number;
    field?: string;
    issues?: ValidationIssue[];
    details?: Record<string, unknown>;
  };
}
