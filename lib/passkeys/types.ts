// The Dfns side of a passkey registration, as the app's registration routes pass it to the browser.

/**
 * Dfns's Create Delegated Registration Challenge response, without the temporary token (which
 * stays on the server). Only what WebAuthn needs; Dfns may send more, which is ignored.
 */
export interface DfnsRegistrationChallenge {
  /** A plain string. WebAuthn signs its UTF-8 bytes (see `creation-options.ts`). */
  challenge: string;
  rp: { id: string; name: string };
  /** `id` is the Dfns user id (`us-…`), a plain string; `name` is the Dfns username. */
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: { type: "public-key"; alg: number }[];
  authenticatorSelection: {
    residentKey?: ResidentKeyRequirement;
    requireResidentKey?: boolean;
    userVerification?: UserVerificationRequirement;
    authenticatorAttachment?: AuthenticatorAttachment;
  };
  attestation?: AttestationConveyancePreference | string;
  /** Credential ids, already base64url. */
  excludeCredentials?: { type: "public-key"; id: string; transports?: string[] }[];
  /** Milliseconds, when Dfns sends one. */
  timeout?: number;
}

/** The `credentialInfo` of a Dfns Fido2 credential: the attestation, every field base64url. */
export interface Fido2CredentialInfo {
  credId: string;
  clientData: string;
  attestationData: string;
}

/**
 * A pending Dfns user action as the app's routes give it to the browser (lib/dfns/user-action.ts):
 * what navigator.credentials.get needs to approve it, nothing more.
 */
export interface BrowserUserAction {
  id: string;
  /** A plain string. WebAuthn signs its UTF-8 bytes, like the registration challenge. */
  challenge: string;
  rpId: string;
  /** base64url credential ids of the passkeys Dfns accepts. */
  allowCredentials: string[];
  userVerification: UserVerificationRequirement;
  expiresAt: string;
}

/** A passkey's approval of a user action, as Dfns's Fido2 `credentialAssertion`: every field base64url. */
export interface Fido2Assertion {
  credId: string;
  clientData: string;
  authenticatorData: string;
  signature: string;
  userHandle?: string;
}
