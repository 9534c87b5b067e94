// The browser's part of a recovery, in Node: the old recovery key decrypted with the code (the
// app's own lib/recovery), a new passkey and recovery key (as at registration), and the old key's
// signature over them (lib/dfns/recovery-request.ts).
import { signRecoveryRequest, type CompleteRecoveryRequest } from "@/lib/dfns/recovery-request";
import { getEnv } from "@/lib/env";
import { decryptRecoveryKey } from "@/lib/recovery";
import { browserCredentials, type StartedRegistration } from "./registration";

export interface StartedRecovery extends StartedRegistration {
  recoveryCredential: { id: string; encryptedRecoveryKey: string };
}

/** Throws WrongRecoveryCodeError for another code, before anything would be sent. */
export async function recoveryRequest(started: StartedRecovery, recoveryCode: string, origin = getEnv().appOrigin) {
  const privateKey = await decryptRecoveryKey({
    encryptedPrivateKey: started.recoveryCredential.encryptedRecoveryKey,
    recoveryCode,
    username: started.username,
  });
  const next = await browserCredentials(started, started.challenge.challenge, origin);
  const body: CompleteRecoveryRequest = await signRecoveryRequest({
    privateKey,
    recoveryCredentialId: started.recoveryCredential.id,
    newCredentials: next.body,
    origin,
  });
  return { ...next, recoveryCredId: next.body.recoveryCredential.credentialInfo.credId, body };
}
