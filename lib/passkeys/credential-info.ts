import type { RegistrationResponseJSON } from "@simplewebauthn/browser";
import type { Fido2CredentialInfo } from "./types";

/**
 * The new passkey as Dfns's Fido2 `credentialInfo`. `@simplewebauthn/browser` already gives every
 * field as base64url, the encoding Dfns expects, so nothing is re-encoded.
 */
export function toFido2CredentialInfo(response: RegistrationResponseJSON): Fido2CredentialInfo {
  return {
    credId: response.rawId,
    clientData: response.response.clientDataJSON,
    attestationData: response.response.attestationObject,
  };
}
