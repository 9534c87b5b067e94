// The body of a recovery's completion, built in the browser. Browser-safe (no server code).
//
// The old recovery key signs base64url(JSON.stringify(newCredentials)), and Dfns checks that
// signature over the `newCredentials` it receives. The browser signs what `recoveryNewCredentials`
// builds; the server rebuilds the same object from the same input with the same function and sends
// it: same fields, same names, same order, so the same bytes.

import type { RecoverBody } from "@dfns/sdk/generated/auth/types";
import { signRecovery, type RecoveryAssertion } from "@/lib/recovery";
import { CREDENTIAL_NAMES } from "./credential-names";

interface CredentialInfo {
  credId: string;
  clientData: string;
  attestationData: string;
}

/** What the browser made: the new passkey and the new recovery key (its code stays in the browser). */
export interface NewCredentialsInput {
  firstFactorCredential: { credentialInfo: CredentialInfo };
  recoveryCredential: { credentialInfo: CredentialInfo; encryptedPrivateKey: string };
}

export interface CompleteRecoveryRequest extends NewCredentialsInput {
  recovery: RecoveryAssertion;
}

const info = ({ credId, clientData, attestationData }: CredentialInfo): CredentialInfo => ({
  credId,
  clientData,
  attestationData,
});

/** Dfns's `newCredentials`, in one fixed shape and order, whatever extra fields the input has. */
export function recoveryNewCredentials(input: NewCredentialsInput): RecoverBody["newCredentials"] {
  return {
    firstFactorCredential: {
      credentialKind: "Fido2",
      credentialInfo: info(input.firstFactorCredential.credentialInfo),
      credentialName: CREDENTIAL_NAMES.passkey,
    },
    recoveryCredential: {
      credentialKind: "RecoveryKey",
      credentialInfo: info(input.recoveryCredential.credentialInfo),
      encryptedPrivateKey: input.recoveryCredential.encryptedPrivateKey,
      credentialName: CREDENTIAL_NAMES.recoveryKey,
    },
  };
}

/** Signs the new credentials with the old recovery key (from decryptRecoveryKey). */
export async function signRecoveryRequest(args: {
  privateKey: CryptoKey;
  /** The old recovery credential's id (`allowedRecoveryCredentials[].id`). */
  recoveryCredentialId: string;
  newCredentials: NewCredentialsInput;
  origin: string;
}): Promise<CompleteRecoveryRequest> {
  const { firstFactorCredential, recoveryCredential } = args.newCredentials;
  const recovery = await signRecovery({
    privateKey: args.privateKey,
    credId: args.recoveryCredentialId,
    newCredentials: recoveryNewCredentials(args.newCredentials),
    origin: args.origin,
  });
  return { firstFactorCredential, recoveryCredential, recovery };
}
