import { startRegistration } from "@simplewebauthn/browser";
import { toCreationOptions } from "./creation-options";
import { toFido2CredentialInfo } from "./credential-info";
import type { DfnsRegistrationChallenge, Fido2CredentialInfo } from "./types";

/**
 * Asks the browser to create the passkey Dfns's registration challenge describes, and returns it
 * as Dfns's `credentialInfo`. Call it straight from a click handler (Safari wants the WebAuthn call
 * close to the user's gesture). Rejects with the browser's error: `describePasskeyError` words it.
 */
export async function createPasskey(challenge: DfnsRegistrationChallenge): Promise<Fido2CredentialInfo> {
  const response = await startRegistration({ optionsJSON: toCreationOptions(challenge) });
  return toFido2CredentialInfo(response);
}
