// The recovery assertion: the old recovery key vouches for the new credentials by signing them.
// As in Dfns's "Recovery Signing Example": clientData.challenge = base64url(JSON.stringify(newCredentials)).

import { base64UrlEncode } from "./base64";
import { utf8 } from "./bytes";
import { keyClientData } from "./client-data";
import { signDer } from "./ecdsa";

export interface RecoveryAssertion {
  kind: "RecoveryKey";
  credentialAssertion: { credId: string; clientData: string; signature: string };
}

/**
 * The challenge the recovery key signs. The server compares it with the `newCredentials` it
 * receives, so send the very object passed here (same fields, same order).
 */
export function recoveryChallenge(newCredentials: unknown): string {
  const json = JSON.stringify(newCredentials);
  if (json === undefined) throw new TypeError("newCredentials cannot be serialised to JSON");
  return base64UrlEncode(utf8(json));
}

export async function signRecovery(args: {
  privateKey: CryptoKey; // from decryptRecoveryKey
  credId: string; // the recovery credential's id (allowedRecoveryCredentials[].id)
  newCredentials: unknown;
  origin: string; // window.location.origin
}): Promise<RecoveryAssertion> {
  const clientData = keyClientData("key.get", recoveryChallenge(args.newCredentials), args.origin);
  const signature = await signDer(args.privateKey, utf8(clientData));
  return {
    kind: "RecoveryKey",
    credentialAssertion: {
      credId: args.credId,
      clientData: base64UrlEncode(utf8(clientData)),
      signature: base64UrlEncode(signature),
    },
  };
}
