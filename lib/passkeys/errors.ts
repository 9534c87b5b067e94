// What went wrong when the browser was asked to create a passkey, in a sentence with a next step.
// WebAuthn reports cancel, timeout and "no credential" alike as NotAllowedError, so the words for
// it cover all three instead of guessing.

export type PasskeyErrorReason =
  | "cancelled" // NotAllowedError: prompt closed, timed out, or refused
  | "already-registered" // InvalidStateError: this authenticator already holds a passkey for the user
  | "wrong-origin" // SecurityError: the page's origin is not on the RP ID
  | "no-authenticator" // NotSupportedError / ConstraintError: nothing here can make this kind of passkey
  | "unsupported-browser" // no PublicKeyCredential at all (old browser, or not a secure context)
  | "aborted" // AbortError: another WebAuthn call or a navigation interrupted it
  | "unknown";

export interface PasskeyError {
  reason: PasskeyErrorReason;
  /** For the user: what happened and what to do next. */
  message: string;
  /** Whether trying again on this page can work (false: the setup itself must change). */
  canRetry: boolean;
}

export interface PasskeyErrorContext {
  /** What the passkey was asked to do: create itself (default) or approve a request (sign). */
  ceremony?: "create" | "approve";
  /** The RP ID the passkey was requested for (the challenge's `rp.id`). */
  rpId?: string;
  /** The page's host name (`window.location.hostname`). */
  hostname?: string;
  /** `window.isSecureContext`: passkeys only exist on https:// pages and on localhost. */
  secureContext?: boolean;
}

/** `@simplewebauthn/browser`'s WebAuthnError codes, by what they mean for the user. */
const CODE_REASONS: Record<string, PasskeyErrorReason> = {
  ERROR_CEREMONY_ABORTED: "aborted",
  ERROR_INVALID_DOMAIN: "wrong-origin",
  ERROR_INVALID_RP_ID: "wrong-origin",
  ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED: "already-registered",
  ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT: "no-authenticator",
  ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT: "no-authenticator",
  ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG: "no-authenticator",
};

/** DOMException names (also the `name` of a WebAuthnError that passes one through). */
const NAME_REASONS: Record<string, PasskeyErrorReason> = {
  NotAllowedError: "cancelled",
  InvalidStateError: "already-registered",
  SecurityError: "wrong-origin",
  NotSupportedError: "no-authenticator",
  ConstraintError: "no-authenticator",
  AbortError: "aborted",
};

/** What `startRegistration` throws when the browser has no WebAuthn at all. */
const NO_WEBAUTHN = /WebAuthn is not supported/i;

export function passkeyErrorReason(error: unknown): PasskeyErrorReason {
  const { name, code, message } = fieldsOf(error);
  if (code && CODE_REASONS[code]) return CODE_REASONS[code];
  if (name && NAME_REASONS[name]) return NAME_REASONS[name];
  if (message && NO_WEBAUTHN.test(message)) return "unsupported-browser";
  return "unknown";
}

export function describePasskeyError(error: unknown, context: PasskeyErrorContext = {}): PasskeyError {
  const reason = passkeyErrorReason(error);
  switch (reason) {
    case "cancelled":
      return {
        reason,
        canRetry: true,
        message:
          context.ceremony === "approve"
            ? "The request wasn't approved: the passkey prompt was closed, timed out, or this device has no passkey for your account. " +
              "Try again and choose the passkey you created for this app; if you lost it, recover your account with your recovery code."
            : "The passkey wasn't created: the prompt was closed, timed out or was refused. " +
              "Try again, and when your browser asks, confirm with your fingerprint, face, screen lock or security key.",
      };
    case "already-registered":
      return {
        reason,
        canRetry: true,
        message:
          "This device already has a passkey for your account, so it can't make another one here. " +
          "Try again and save the passkey somewhere else: another device, your phone, a password manager or a security key.",
      };
    case "wrong-origin": {
      const where =
        context.rpId && context.hostname
          ? `Passkeys for this app belong to “${context.rpId}”, but this page is on “${context.hostname}”. `
          : "This page's address doesn't match the domain the app's passkeys belong to. ";
      return {
        reason,
        canRetry: false,
        message:
          where +
          "Open the app at its usual address. If you run this app, its origin (APP_ORIGIN) must be on PASSKEY_RP_ID: " +
          "the same host, or a subdomain of it.",
      };
    }
    case "no-authenticator":
      return {
        reason,
        canRetry: true,
        message:
          "Nothing on this device can create the kind of passkey this app needs (one that checks it's you with a PIN, " +
          "fingerprint or face). Turn on a screen lock, or use your phone or a security key, then try again.",
      };
    case "unsupported-browser":
      return {
        reason,
        canRetry: false,
        message:
          context.secureContext === false
            ? "Passkeys only work on secure pages. Open the app over https:// (or on http://localhost when running it yourself)."
            : "This browser can't create passkeys. Open this page in an up-to-date Chrome, Safari, Edge or Firefox.",
      };
    case "aborted":
      return {
        reason,
        canRetry: true,
        message:
          "The passkey request was interrupted before it finished (another request or a page change). Try again.",
      };
    default: {
      const detail = fieldsOf(error).message;
      return {
        reason,
        canRetry: true,
        message:
          (context.ceremony === "approve"
            ? "Your device couldn't use the passkey"
            : "Your device couldn't create the passkey") +
          (detail ? ` (${detail.replace(/\.$/, "")})` : "") +
          ". Try again; if it keeps failing, try another browser or device.",
      };
    }
  }
}

function fieldsOf(error: unknown): { name?: string; code?: string; message?: string } {
  if (typeof error !== "object" || error === null) return typeof error === "string" ? { message: error } : {};
  const { name, code, message, cause } = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  const causeName =
    typeof cause === "object" && cause !== null && typeof (cause as { name?: unknown }).name === "string"
      ? (cause as { name: string }).name
      : undefined;
  return {
    // A WebAuthnError carries the DOMException's name; fall back to its cause's.
    name: typeof name === "string" && name !== "Error" && name !== "WebAuthnError" ? name : causeName,
    code: typeof code === "string" ? code : undefined,
    message: typeof message === "string" && message.trim() ? message.trim() : undefined,
  };
}
