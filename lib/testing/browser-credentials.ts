// What the browser does at registration and at recovery, in Node: a software passkey, a recovery
// key made with the app's own browser code (lib/recovery), and, at recovery, the old recovery key
// decrypted with the code and signing the new credentials (lib/dfns/recovery-request.ts).
import { signRecoveryRequest, type CompleteRecoveryRequest } from "@/lib/dfns/recovery-request";
import { createRecoveryCredential, decryptRecoveryKey } from "@/lib/recovery";
import { SoftwarePasskey } from "./software-passkey";

/** The part of a Dfns registration or recovery challenge the browser works from. */
export interface BrowserChallenge {
  username: string;
  challenge: { challenge: string; rp: { id: string }; user: { id: string } };
}

/** A new passkey and recovery key over `challenge` (by default the challenge's own). */
export async function newCredentials(started: BrowserChallenge, origin: string, challenge = started.challenge.challenge) {
  const { passkey, credentialInfo } = SoftwarePasskey.create({ rpId: started.challenge.rp.id, origin, challenge, userId: started.challenge.user.id });
  const recovery = await createRecoveryCredential({ username: started.username, challenge, origin });
  return {
    passkey,
    recoveryCode: recovery.recoveryCode,
    recoveryCredId: recovery.credential.credentialInfo.credId,
    body: {
      firstFactorCredential: { credentialInfo },
      recoveryCredential: { credentialInfo: recovery.credential.credentialInfo, encryptedPrivateKey: recovery.credential.encryptedPrivateKey },
    },
  };
}

/**
 * The browser's part of a recovery: opens the old recovery key with `recoveryCode` (throws
 * WrongRecoveryCodeError for another code), makes the new credentials, signs them with the old key.
 */
export async function recoveryRequest(
  started: BrowserChallenge & { recoveryCredential: { id: string; encryptedRecoveryKey: string } },
  recoveryCode: string,
  origin: string,
): Promise<Awaited<ReturnType<typeof newCredentials>> & { body: CompleteRecoveryRequest }> {
  const privateKey = await decryptRecoveryKey({
    encryptedPrivateKey: started.recoveryCredential.encryptedRecoveryKey,
    recoveryCode,
    username: started.username,
  });
  const next = await newCredentials(started, origin);
  const body = await signRecoveryRequest({ privateKey, recoveryCredentialId: started.recoveryCredential.id, newCredentials: next.body, origin });
  return { ...next, body };
}
