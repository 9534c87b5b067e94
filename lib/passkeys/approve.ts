import { startAuthentication } from "@simplewebauthn/browser";
import { utf8ToBase64Url } from "./encoding";
import type { BrowserUserAction, Fido2Assertion } from "./types";

/**
 * Asks the browser to approve a Dfns user action with one of the allowed passkeys, and returns the
 * assertion in Dfns's shape. Call it straight from a click handler. Rejects with the browser's
 * error: `describePasskeyError(error, { ceremony: "approve" })` words it.
 */
export async function approveWithPasskey(action: BrowserUserAction): Promise<Fido2Assertion> {
  const response = await startAuthentication({
    optionsJSON: {
      challenge: utf8ToBase64Url(action.challenge),
      rpId: action.rpId,
      allowCredentials: action.allowCredentials.map((id) => ({ type: "public-key", id })),
      userVerification: action.userVerification,
    },
  });
  return {
    credId: response.rawId,
    clientData: response.response.clientDataJSON,
    authenticatorData: response.response.authenticatorData,
    signature: response.response.signature,
    ...(response.response.userHandle ? { userHandle: response.response.userHandle } : {}),
  };
}
