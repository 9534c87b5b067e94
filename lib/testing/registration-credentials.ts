// A browser's side of delegated registration, in Node and without a test runner (vitest route
// tests and Playwright fixtures both use it): a software passkey and a recovery key over the challenge.
import { createRecoveryCredential } from "@/lib/recovery";
import { SoftwarePasskey } from "./software-passkey";

/** What POST /api/registration/start answers when a registration begins. */
export interface StartedRegistration {
  status: "started";
  username: string;
  challenge: { challenge: string; rp: { id: string }; user: { id: string } };
}

/** A passkey and a recovery key over `challenge` (the started one by default), and the body of the complete route. */
export async function registrationCredentials(
  started: StartedRegistration,
  origin: string,
  challenge = started.challenge.challenge,
) {
  const { passkey, credentialInfo } = SoftwarePasskey.create({
    rpId: started.challenge.rp.id,
    origin,
    challenge,
    userId: started.challenge.user.id,
  });
  const recovery = await createRecoveryCredential({ username: started.username, challenge, origin });
  return {
    passkey,
    recoveryCode: recovery.recoveryCode,
    body: {
      firstFactorCredential: { credentialInfo },
      recoveryCredential: {
        credentialInfo: recovery.credential.credentialInfo,
        encryptedPrivateKey: recovery.credential.encryptedPrivateKey,
      },
    },
  };
}
